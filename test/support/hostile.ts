/**
 * Listings that once made the analysis slow down more than their size: many processes with very long names
 * (`netstat -antp` rows), many remote hosts written as very long text. Each key is distinct. Used by the
 * benchmark (bench/analyze-netstat.ts: 50,000 keys of 20 KB, about 1 GB) and, small, by the tests
 * (test/unit/analysis/hostile.test.ts).
 */
import { closeSync, openSync, writeSync } from "node:fs";

export type HostileShape = "processes" | "hosts";

const HEADER = "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name";

/** Key `i`, `length` characters long. */
function longKey(i: number, length: number): string {
  const stem = `k${i.toString(36)}-`;
  return stem.repeat(Math.ceil(length / stem.length)).slice(0, length);
}

/** Line `i` of a listing of this shape. */
function hostileLine(shape: HostileShape, i: number, length: number): string {
  const client = `10.1.${(i >> 8) & 255}.${i & 255}:50000`.padEnd(23);
  return shape === "processes"
    ? `tcp        0      0 10.0.0.5:443            ${client} ESTABLISHED ${1000 + i}/${longKey(i, length)}`
    : `tcp        0      0 10.0.0.5:443            ${longKey(i, length)}:50000 ESTABLISHED`;
}

export function hostileListing(shape: HostileShape, keys: number, length: number): string {
  const lines = [HEADER];
  for (let i = 0; i < keys; i++) lines.push(hostileLine(shape, i, length));
  return lines.join("\n") + "\n";
}

/** Writes the listing to `file` a line at a time (a gigabyte is not built in memory). */
export function writeHostile(file: string, shape: HostileShape, keys: number, length: number): void {
  const fd = openSync(file, "w");
  try {
    writeSync(fd, HEADER + "\n");
    for (let i = 0; i < keys; i++) writeSync(fd, hostileLine(shape, i, length) + "\n");
  } finally {
    closeSync(fd);
  }
}
