/**
 * The byte-level fast path against the string parser, line by line: whatever row scanRows takes must be
 * exactly the socket readNetstatLine makes of the same line (it may refuse any line: the string parser then
 * reads it). Lines come from the fixtures and from a generator of netstat-like rows with the variations real
 * pastes have (columns, spacing, tabs, addresses, ports, states, trailing columns, CRs).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { NOT_V4_LOCAL, NOT_V4_REMOTE, ROW, ROW_IP, SCAN, SCAN_PAD, scanRows, type RowSink } from "../../../core/netstat/fast-netstat";
import { readNetstatLine } from "../../../core/netstat/linux-netstat";
import { trimEnd } from "../../../core/netstat/scan";
import { TCP_STATES, type SocketRecord } from "../../../core/netstat/types";
import { fixture, fixtureFiles } from "./fixtures";
import { netstatLine } from "./netstat-lines";

interface Taken {
  state: number;
  localPort: number;
  remotePort: number;
  local: string;
  remote: string;
  slow: number;
}

function dotted(ip: number): string {
  return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

function text(b: Uint8Array, a: number, e: number): string {
  return String.fromCharCode(...b.subarray(a, e));
}

/** What the fast path makes of `line` (Latin-1 bytes), or undefined when it leaves the line to the string parser. */
function fast(line: string): Taken | undefined {
  const n = line.length + 1;
  const b = new Uint8Array(n + SCAN_PAD);
  for (let i = 0; i < line.length; i++) b[i] = line.charCodeAt(i) & 0xff;
  b[line.length] = 10;
  let taken: Taken | undefined;
  const sink: RowSink = {
    row(state, localPort, remotePort, flags) {
      taken = {
        state,
        localPort,
        remotePort,
        local: (flags & NOT_V4_LOCAL) !== 0 ? text(ROW.bytes, ROW.la, ROW.lc) : dotted(ROW_IP[0] as number),
        remote: (flags & NOT_V4_REMOTE) !== 0 ? text(ROW.bytes, ROW.ra, ROW.rc) : dotted(ROW_IP[1] as number),
        slow: 0,
      };
    },
  };
  // quickV6 false: a "tcp" row with an IPv6 local address (BusyBox's) comes back as SCAN.slow 2.
  const pos = scanRows(b, 0, n, sink, true, false);
  if (pos === 0) {
    assert.equal(taken, undefined, "a refused line gives no socket");
    return undefined;
  }
  assert.equal(pos, n, "a taken line is read to its end");
  assert.ok(taken);
  taken.slow = SCAN.slow;
  return taken;
}

/** Checks one line: when the fast path takes it, readNetstatLine gives the same socket. */
function agree(line: string): boolean {
  const f = fast(line);
  if (f === undefined) return false;
  const r = readNetstatLine(line, 0, trimEnd(line, 0, line.length), "linux-netstat");
  assert.ok(typeof r === "object", `fast path took a line the parser does not read: ${JSON.stringify(line)}`);
  const rec = r as SocketRecord;
  assert.equal(TCP_STATES[f.state], rec.state, line);
  assert.equal(f.localPort, rec.localPort, line);
  assert.equal(f.remotePort === -1 ? null : f.remotePort, rec.remotePort, line);
  assert.equal(f.local, rec.localAddress, line);
  assert.equal(f.remote, rec.remoteAddress, line);
  assert.equal(rec.format === "busybox-netstat", f.slow === 2, line);
  for (const k of ["pid", "process", "timer", "uid", "inode"] as const) assert.equal(rec[k], undefined, `${k}: ${line}`);
  return true;
}

describe("fast path: rows it takes are read as readNetstatLine reads them", () => {
  it("every line of every fixture", () => {
    let taken = 0;
    for (const file of fixtureFiles()) for (const line of fixture(file).split("\n")) if (agree(line.replace(/\r$/, ""))) taken++;
    // The net-tools and BusyBox captures are mostly plain rows: the fast path must take them.
    assert.ok(taken > 300, `only ${taken} lines taken`);
  });

  it("takes canonical rows", () => {
    assert.ok(agree("tcp        0      0 10.0.0.5:40001          10.0.1.10:8080          TIME_WAIT"));
    assert.ok(agree("tcp        0      0 0.0.0.0:443             0.0.0.0:*               LISTEN     "));
    assert.ok(agree("tcp6       0      0 :::22                   :::*                    LISTEN     "));
    assert.ok(agree("tcp        0      0 :::80                   :::*                    LISTEN"));
    assert.ok(agree("tcp        0      0 2001:db8:1:2:3:4:5:6:443 2001:db8::77:51000     ESTABLISHED\r"));
  });

  it("leaves what it is not sure of to the string parser", () => {
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
