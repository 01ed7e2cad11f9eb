/**
 * A floor under `socket-doctor analyze` on the benchmark listing: the least per-row work its --json report
 * needs, written plainly (one hash-table update per breakdown and row), and nothing else. It is not the
 * product's code and makes no report: it reads only well-formed dotted-quad `netstat -ant` rows at their fixed
 * columns (no validation, no IPv6, no other formats, no exact two-part join) and keeps the counts the
 * breakdowns and port pressure need, in open-addressing tables over typed arrays with the product's cap, in
 * two threads as the CLI reads a large file.
 *
 * `node netstat-floor.js states FILE` counts states only, as the mawk program does; `tables FILE` adds the
 * local port, remote host, remote endpoint and destination counts. analyze-netstat.ts times both next to mawk
 * and the CLI: the first shows what Node costs before any breakdown, the second what plain tables add.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { DEFAULT_PORT_RANGE, THRESHOLDS } from "../core/analysis/thresholds";

const S = 12;
const CAP = THRESHOLDS.maxTrackedKeys;
const SLOTS = 1 << 18;

/** Per-state counts keyed by up to three ints, at most CAP keys (further keys are dropped). */
class Table {
  readonly slots = new Int32Array(SLOTS * 4);
  readonly counts = new Int32Array(CAP * S);
  rows = 0;

  add(a: number, b: number, c: number, s: number, n: number): void {
    const slots = this.slots;
    const h = Math.imul(a ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35), 0x9e3779b1);
    let i = (h ^ (h >>> 15)) & (SLOTS - 1);
    for (;;) {
      const j = i << 2;
      const v = slots[j + 3] as number;
      if (v === 0) {
        if (this.rows === CAP) return;
        slots[j] = a;
        slots[j + 1] = b;
        slots[j + 2] = c;
        slots[j + 3] = ++this.rows;
        this.counts[(this.rows - 1) * S + s] += n;
        return;
      }
      if (slots[j] === a && slots[j + 1] === b && slots[j + 2] === c) {
        this.counts[(v - 1) * S + s] += n;
        return;
      }
      i = (i + 1) & (SLOTS - 1);
    }
  }

  /** Adds another thread's table into this one. */
  merge(o: { slots: Int32Array; counts: Int32Array }): void {
    for (let j = 0; j < o.slots.length; j += 4) {
      const v = o.slots[j + 3] as number;
      if (v === 0) continue;
      for (let s = 0; s < S; s++) {
        const n = o.counts[(v - 1) * S + s] as number;
        if (n !== 0) this.add(o.slots[j] as number, o.slots[j + 1] as number, o.slots[j + 2] as number, s, n);
      }
    }
  }
}

const states = new Int32Array(S);
const ports = new Int32Array(65536 * S);
const hosts = new Table();
const endpoints = new Table();
const destinations = new Table();
/** The last address read by quad(). */
const quadOut = new Int32Array(2);

/** A dotted quad and its port at b[i] ("10.0.0.5:443", "0.0.0.0:*" gives port -1): its end, or -1. */
function quad(b: Uint8Array, i: number): number {
  let ip = 0;
  for (let k = 0; k < 4; k++) {
    let o = 0;
    let c = b[i] as number;
    while (c >= 48 && c <= 57) {
      o = o * 10 + c - 48;
      c = b[++i] as number;
    }
    if (c !== (k < 3 ? 46 : 58)) return -1;
    ip = (ip << 8) | o;
    i++;
  }
  let port = 0;
  let c = b[i] as number;
  if (c === 42) {
    port = -1;
    i++;
  } else
    while (c >= 48 && c <= 57) {
      port = port * 10 + c - 48;
      c = b[++i] as number;
    }
  quadOut[0] = ip;
  quadOut[1] = port;
  return i;
}

/** The state index (core/netstat/types.ts TCP_STATES) of the name at b[a], told apart by as few bytes as can. */
function stateAt(b: Uint8Array, a: number): number {
  switch (b[a]) {
    case 69:
      return 0;
    case 84:
      return 5;
    case 76:
      return b[a + 1] === 73 ? 9 : 8;
    case 67:
      return b[a + 4] === 73 ? 10 : b[a + 5] === 95 ? 7 : 6;
    case 70:
      return b[a + 8] === 49 ? 3 : 4;
    case 83:
      return b[a + 4] === 83 ? 1 : 2;
    default:
      return 11;
  }
}

/** Reads rows of bytes [from, to) of the file; `tables` adds the breakdown counts to the state histogram. */
function read(fd: number, from: number, to: number, tables: boolean): void {
  const buf = Buffer.allocUnsafe(1 << 18);
  let pos = from;
  while (pos < to) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, to - pos), pos);
    if (n === 0) break;
    let a = 0;
    for (;;) {
      const nl = buf.indexOf(10, a);
      if (nl < 0 || nl >= n) break;
      if (buf[a] === 116 && nl - a > 68) {
        const s = stateAt(buf, a + 68);
        states[s]++;
        if (tables && quad(buf, a + 20) > 0 && (quadOut[1] as number) >= 0) {
          const localIp = quadOut[0] as number;
          const localPort = quadOut[1] as number;
          ports[localPort * S + s]++;
          if (s !== 9 && quad(buf, a + 44) > 0) {
            const remoteIp = quadOut[0] as number;
            const remotePort = quadOut[1] as number;
            hosts.add(remoteIp, 0, 0, s, 1);
            endpoints.add(remoteIp, remotePort, 0, s, 1);
            if (localPort >= DEFAULT_PORT_RANGE.low && localPort <= DEFAULT_PORT_RANGE.high) destinations.add(localIp, remoteIp, remotePort, s, 1);
          }
        }
      }
      a = nl + 1;
    }
    // A partial last line is read again with the next block (or ends the range).
    pos += n < Math.min(buf.length, to - pos) || a === 0 ? n : a;
  }
}

type Job = { file: string; from: number; to: number; tables: boolean };
type Part = { states: Int32Array; ports: Int32Array; tables: { slots: Int32Array; counts: Int32Array }[] };

if (isMainThread) {
  const [mode = "tables", file = ""] = process.argv.slice(2);
  const tables = mode === "tables";
  const fd = openSync(file, "r");
  const size = fstatSync(fd).size;
  const probe = Buffer.alloc(4096);
  const near = Math.floor(size * 0.55);
  const mid = near + probe.subarray(0, readSync(fd, probe, 0, probe.length, near)).indexOf(10) + 1;
  const worker = new Worker(__filename, { workerData: { file, from: mid, to: size, tables } satisfies Job });
  const part = new Promise<Part>((resolve) => worker.once("message", resolve));
  read(fd, 0, mid, tables);
  void part.then((p) => {
    for (let s = 0; s < S; s++) states[s] += p.states[s] as number;
    for (let i = 0; i < ports.length; i++) ports[i] += p.ports[i] as number;
    [hosts, endpoints, destinations].forEach((t, k) => t.merge(p.tables[k] as Part["tables"][number]));
    console.log(`${states.join(" ")} | ${hosts.rows} hosts ${endpoints.rows} endpoints ${destinations.rows} destinations`);
    void worker.terminate();
  });
} else {
  const job = workerData as Job;
  const fd = openSync(job.file, "r");
  read(fd, job.from, job.to, job.tables);
  closeSync(fd);
  const tables = [hosts, endpoints, destinations].map((t) => ({ slots: t.slots, counts: t.counts }));
  const buffers = [states, ports, ...tables.flatMap((t) => [t.slots, t.counts])].map((a) => a.buffer);
  parentPort?.postMessage({ states, ports, tables } satisfies Part, buffers);
}
