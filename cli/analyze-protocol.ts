/** What the two threads of `socket-doctor analyze` on a large file share (analyze-file.ts, analyze-worker.ts). */
import type { AnalyzeOptions } from "../core/analysis/analyze";
import type { SecondPart } from "../core/analysis/second-part";

/** UTF-8 bytes to text for the byte analyser: invalid sequences as U+FFFD, a BOM kept (the parser drops it). */
export function utf8Decoder(): (bytes: Uint8Array) => string {
  const d = new TextDecoder("utf-8", { ignoreBOM: true });
  return (b) => d.decode(b);
}

/** Bytes per read. */
export const CHUNK = 1 << 20;
/** The second thread gives up when it has found no socket in this many bytes of its part. */
export const SYNC_LIMIT = 4 << 20;

export interface WorkerJob {
  readonly path: string;
  /** Where the second part starts: just after a "\n". */
  readonly start: number;
  readonly options: AnalyzeOptions;
}

/** The second thread's answer: its part, or no sync point (the first thread then reads on itself). */
export type WorkerAnswer = SecondPart | { readonly syncOffset: -1 };

/** The buffers of a SecondPart's typed arrays, to move them to the other thread instead of copying them. */
export function transferables(p: SecondPart): ArrayBuffer[] {
  const a = p.aggregate;
  const arrays: (Int32Array | Float64Array)[] = [a.portCounts, a.processes.counts];
  for (const t of [a.hosts, a.endpoints, a.destinations]) arrays.push(t.ka, t.kb, t.kc, t.counts);
  if (a.log) arrays.push(a.log.hosts, a.log.endpoints);
  return [...new Set(arrays.map((x) => x.buffer as ArrayBuffer))];
}
