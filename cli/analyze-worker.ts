/**
 * The second thread of `socket-doctor analyze` on a large file (see analyze-file.ts): reads the file from
 * `start` to its end as the second part of the input and posts what the first part's reader needs to take it
 * over (core/analysis/analyze.ts createSecondPart). Bundled as dist/analyze-worker.js.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { createSecondPart } from "../core/analysis/second-part";
import { CHUNK, SYNC_LIMIT, transferables, utf8Decoder, type WorkerAnswer, type WorkerJob } from "./analyze-protocol";

function run(job: WorkerJob): WorkerAnswer {
  const part = createSecondPart({ ...job.options, decode: utf8Decoder() });
  const fd = openSync(job.path, "r");
  try {
    const buf = new Uint8Array(CHUNK);
    let pos = job.start;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n === 0) break;
      pos += n;
      part.push(buf.subarray(0, n));
      // No socket where this part starts (a long section of something else): the first reader reads on.
      if (!part.synced && part.offset > SYNC_LIMIT) return { syncOffset: -1 };
    }
  } finally {
    closeSync(fd);
  }
  return part.end();
}

if (parentPort) {
  let result: WorkerAnswer;
  try {
    result = run(workerData as WorkerJob);
  } catch {
    result = { syncOffset: -1 };
  }
  parentPort.postMessage(result, "aggregate" in result ? transferables(result) : []);
}
