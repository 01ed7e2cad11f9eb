/**
 * `node out/bench/analyze-phases.js FILE`: the CLI's way through a listing (createByteAnalyzer, the file read
 * straight into the scanner's memory), timed by phase, printed as one JSON line: `read` (readSync), `scan`
 * (the scanner and the line parser over what was read), `sort` (the end: the host log sorted, the top rows,
 * the findings), `report` (JSON text written out). Start-up is timed by analyze-netstat.ts from outside.
 */
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { nodeScanner } from "../cli/scanner-node";
import { createByteAnalyzer } from "../core/analysis/analyze";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
nodeScanner();
const t0 = performance.now();
const a = createByteAnalyzer({ decode: (b) => decoder.decode(b) });
const fd = openSync(process.argv[2] as string, "r");
let read = 0;
for (;;) {
  const room = a.room();
  const r0 = performance.now();
  const n = readSync(fd, room, 0, room.length, null);
  read += performance.now() - r0;
  if (n === 0) break;
  a.commit(n);
}
closeSync(fd);
const t1 = performance.now();
const analysis = a.end();
const t2 = performance.now();
const out = openSync("/dev/null", "w");
writeSync(out, JSON.stringify(analysis, null, 2) + "\n");
closeSync(out);
const t3 = performance.now();
console.log(JSON.stringify({ read, scan: t1 - t0 - read, sort: t2 - t1, report: t3 - t2 }));
