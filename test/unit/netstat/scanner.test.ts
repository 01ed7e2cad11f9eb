/**
 * The scanner (netstat/wasm/scanner.ts) against the line parser, line by line: whatever row it takes must be
 * counted exactly as the socket readNetstatLine makes of the same line (it may refuse any line: the line
 * parser then reads it). Lines come from the fixtures and from a generator of netstat-like rows with the
 * variations real pastes have (columns, spacing, tabs, addresses, ports, states, trailing columns, CRs).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { Tally } from "../../../core/analysis/tally";
import { readNetstatLine } from "../../../core/netstat/linux-netstat";
import { trimEnd } from "../../../core/netstat/scan";
import { newScanner } from "../../../core/netstat/scanner-module";
import type { SocketRecord } from "../../../core/netstat/types";
import "../../support/scanner";
import { fixture, fixtureFiles } from "./fixtures";
import { netstatLine } from "./netstat-lines";

const RANGE = { low: 32768, high: 60999 };

/** Everything a tally holds, as plain data. */
function snapshot(t: Tally): unknown {
  const name = (a: number) => t.name(a);
  return {
    states: t.states(),
    outgoing: t.outgoing(),
    ports: t.ports(),
    destinations: t.destinations().map((d) => ({ ...d, local: name(d.local), remote: name(d.remote) })),
    hosts: t.topHosts(100).map((h) => ({ ...h, host: name(h.host) })),
    byState: t.topByState().map((l) => l.map((h) => ({ ...h, host: name(h.host) }))),
    distinct: t.distinctByState(),
    clients: t.clientsByState().map((l) => l.map((h) => ({ ...h, host: name(h.host) }))),
    clientCount: t.clientCountByState(),
    outside: t.outside(),
    acceptQueues: t.acceptQueues.result(),
    truncated: t.truncated,
  };
}

/**
 * What the scanner makes of `line` (Latin-1 bytes; `quick` as scan() takes it), or undefined when it leaves
 * the line to the line parser.
 */
function scanned(line: string, quick: number): unknown {
  const t = new Tally(newScanner(), RANGE);
  const w = t.w;
  const b = new Uint8Array(w.memory.buffer, w.inputPtr(), w.chunkSize());
  // Stale bytes after the line, as a reused chunk has them: they must never be read as part of it.
  b.fill(32, 0, line.length + 300);
  for (let i = 0; i < line.length; i++) b[i] = line.charCodeAt(i) & 0xff;
  b[line.length] = 10;
  const end = w.scan(0, line.length + 1, quick);
  if (end === 0) {
    assert.equal(w.rowsTaken(), 0);
    assert.deepEqual(t.states(), new Array(12).fill(0), "a refused line is not counted");
    return undefined;
  }
  assert.equal(end, line.length + 1, "a taken line is read to its end");
  assert.equal(w.rowsTaken(), 1);
  return snapshot(t);
}

function counted(r: SocketRecord): unknown {
  const t = new Tally(newScanner(), RANGE);
  t.record(r);
  return snapshot(t);
}

/** Checks one line: when the scanner takes it, readNetstatLine gives the socket it counted. */
function agree(line: string): boolean {
  const f = scanned(line, 3);
  if (f === undefined) return false;
  const r = readNetstatLine(line, 0, trimEnd(line, 0, line.length), "linux-netstat");
  assert.ok(typeof r === "object", `the scanner took a line the parser does not read: ${JSON.stringify(line)}`);
  const rec = r as SocketRecord;
  for (const k of ["pid", "process", "timer", "uid", "inode", "acceptQueue"] as const) assert.equal(rec[k], undefined, `${k}: ${line}`);
  assert.deepEqual(f, counted(rec), line);
  // A row whose record format the parser must note is refused unless said quick.
  const busybox = rec.format === "busybox-netstat";
  assert.equal(scanned(line, busybox ? 1 : 2), undefined, line);
  return true;
}

describe("scanner: rows it takes are counted as readNetstatLine reads them", () => {
  it("every line of every fixture", () => {
    let taken = 0;
    for (const file of fixtureFiles()) for (const line of fixture(file).split("\n")) if (agree(line.replace(/\r$/, ""))) taken++;
    // The net-tools and BusyBox captures are mostly plain rows: the scanner must take them.
    assert.ok(taken > 300, `only ${taken} lines taken`);
  });

  it("takes canonical rows", () => {
    assert.ok(agree("tcp        0      0 10.0.0.5:40001          10.0.1.10:8080          TIME_WAIT"));
    assert.ok(agree("tcp        0      0 0.0.0.0:443             0.0.0.0:*               LISTEN     "));
    assert.ok(agree("tcp6       0      0 :::22                   :::*                    LISTEN     "));
    assert.ok(agree("tcp        0      0 :::80                   :::*                    LISTEN"));
    assert.ok(agree("tcp        0      0 2001:db8:1:2:3:4:5:6:443 2001:db8::77:51000     ESTABLISHED\r"));
  });

  it("leaves what it is not sure of to the line parser", () => {
    for (const line of [
      "tcp        0      0 10.0.0.5:https          10.0.1.10:8080          TIME_WAIT",
      "tcp        0      0 10.0.0.5:40001          10.0.1.10:8080          TIME-WAIT",
      "tcp        0      0 10.0.0.5:40001          10.0.1.10:8080          time_wait",
      "tcp        0      0 10.0.0.5:40001          10.0.1.10:8080          ESTABLISHED 1234/nginx",
      "tcp        0      0 10.0.0.5:40001          10.0.1.10:8080          ESTABLISHED\t",
      "tcp        0      0 10.0.0.5:40001\t10.0.1.10:8080          ESTABLISHED",
      "tcp        0      0 10.0.0.5:400011          10.0.1.10:8080          ESTABLISHED",
      "tcp        0      0 10.0.0.5:*              10.0.1.10:8080          ESTABLISHED",
      "tcp  0 0 10.0.0.5:40001 10.0.1.10:8080 ESTABLISHED",
      "udp        0      0 0.0.0.0:68              0.0.0.0:*",
      "tcp        0      0 10.0.0.5:40001          10.0.1.10:8080",
      "tcp        0      0 10.0.0.é:40001          10.0.1.10:8080          ESTABLISHED",
      // A listener with connections waiting to be accepted: the parser's record carries its accept queue.
      "tcp        5      0 127.0.0.1:8080          0.0.0.0:*               LISTEN     ",
      "tcp6    4097      0 :::443                  :::*                    LISTEN",
      // ...whatever stands before the last digit of its Recv-Q.
      "tcp   1    0      0 127.0.0.1:8080          0.0.0.0:*               LISTEN",
      // Queues run together: one Recv-Q to the line parser, never two queues.
      "tcp6       04567358 132.83.145.1:59369      1.2.3.4.5:27355         LISTEN",
      // An address longer than the scanner interns: the parser's record is cut.
      `tcp6       0      0 ${"a".repeat(201)}:443 ::1:5000               ESTABLISHED`,
    ]) {
      assert.equal(agree(line), false, line);
    }
  });

  it("generated rows", () => {
    fc.assert(
      fc.property(netstatLine, (line) => {
        agree(line);
      }),
      { numRuns: 3000 },
    );
  });
});
