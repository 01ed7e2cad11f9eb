/**
 * The real captures, counted a second way. The captures were taken on this project's build machine
 * while a bounded loopback load held ~200 client connections on 127.0.0.1 and ::1: some closed by
 * the client first (TIME_WAIT on the client side, FIN_WAIT2 until the server closed), some closed
 * by a client whose server never closed (CLOSE_WAIT on the server), some left open (ESTABLISHED),
 * plus the LISTEN sockets. Here a tiny separate implementation, the `awk '/^tcp/ {++S[$NF]}'` of
 * the troubleshooting guides, counts them; the parser must agree with it, and the three tools, read
 * at the same moment, must agree with each other socket by socket.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSockets } from "../../../core/netstat/parse";
import type { SocketRecord } from "../../../core/netstat/types";
import { countStates, fixture } from "./fixtures";

type Counts = Record<string, number>;

function tally(words: string[]): Counts {
  const counts: Counts = {};
  for (const w of words) counts[w] = (counts[w] ?? 0) + 1;
  return counts;
}

const SS_NAMES: Record<string, string> = { ESTAB: "ESTABLISHED", "TIME-WAIT": "TIME_WAIT", "CLOSE-WAIT": "CLOSE_WAIT", "FIN-WAIT-1": "FIN_WAIT1", "FIN-WAIT-2": "FIN_WAIT2", "SYN-SENT": "SYN_SENT", "SYN-RECV": "SYN_RECV", "LAST-ACK": "LAST_ACK", LISTEN: "LISTEN", CLOSING: "CLOSING" };
const PROC_NAMES = ["", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "SYN_RECV"];

/** net-tools: the sixth field of lines starting with "tcp" (not $NF: -p and -o add columns). */
function awkNetstat(text: string): Counts {
  return tally(text.split("\n").filter((l) => l.startsWith("tcp")).map((l) => l.trim().split(/\s+/)[5] as string));
}

/** ss: the first field of each row (the second after a Netid), in ss's spelling; tab lines continue a row. */
function awkSs(text: string, netid = false): Counts {
  const rows = text.split("\n").slice(1).filter((l) => l.trim() !== "" && !l.startsWith("\t"));
  const words = rows.map((l) => l.trim().split(/\s+/)).filter((f) => !netid || f[0] === "tcp").map((f) => (netid ? f[1] : f[0]) as string);
  return tally(words.map((w) => SS_NAMES[w] ?? w));
}

/** /proc/net/tcp: the fourth field, hex. */
function awkProc(text: string): Counts {
  const rows = text.split("\n").filter((l) => /^\s*\d+:/.test(l));
  return tally(rows.map((l) => PROC_NAMES[parseInt(l.trim().split(/\s+/)[3] as string, 16)] as string));
}

function parsed(file: string): Counts {
  return countStates(parseSockets(fixture(file)).records) as Counts;
}

describe("differential: real captures counted independently", () => {
  for (const file of ["linux-netstat/netstat-ant.txt", "linux-netstat/netstat-antp.txt", "linux-netstat/netstat-anto.txt", "linux-netstat/netstat-an.txt"]) {
    it(file, () => assert.deepEqual(parsed(file), awkNetstat(fixture(file))));
  }
  for (const file of ["ss/ss-tan.txt", "ss/ss-tanp.txt", "ss/ss-tano.txt", "ss/ss-tanei-head.txt"]) {
    it(file, () => assert.deepEqual(parsed(file), awkSs(fixture(file))));
  }
  it("ss/ss-an.txt (Netid column, unix and netlink sockets among them)", () => assert.deepEqual(parsed("ss/ss-an.txt"), awkSs(fixture("ss/ss-an.txt"), true)));
  it("ss/ss-tan-state-time-wait.txt (no State column: every row, state unknown)", () => {
    const rows = fixture("ss/ss-tan-state-time-wait.txt").split("\n").slice(1).filter((l) => l.trim() !== "").length;
    assert.deepEqual(parsed("ss/ss-tan-state-time-wait.txt"), { UNKNOWN: rows });
  });
  it("ss/ss-s.txt (a summary: no sockets)", () => assert.deepEqual(parsed("ss/ss-s.txt"), {}));
  it("proc-net-tcp/proc-net-tcp-tcp6.txt", () => assert.deepEqual(parsed("proc-net-tcp/proc-net-tcp-tcp6.txt"), awkProc(fixture("proc-net-tcp/proc-net-tcp-tcp6.txt"))));

  it("the load left every kind of pile it was built to leave", () => {
    const counts = parsed("linux-netstat/netstat-ant.txt");
    for (const s of ["LISTEN", "ESTABLISHED", "TIME_WAIT", "CLOSE_WAIT", "FIN_WAIT2"]) assert.ok((counts[s] ?? 0) > 0, s);
  });
});

describe("differential: netstat, ss and /proc agree socket by socket", () => {
  const key = (r: SocketRecord) => `${r.family} ${r.localAddress}:${r.localPort} ${r.remoteAddress}:${r.remotePort ?? "*"} ${r.state}`;
  const sockets = (file: string) => parseSockets(fixture(file)).records.map(key).sort();
  const netstat = sockets("linux-netstat/netstat-ant.txt");

  for (const file of ["ss/ss-tan.txt", "ss/ss-tanp.txt", "ss/ss-an.txt", "proc-net-tcp/proc-net-tcp-tcp6.txt", "linux-netstat/netstat-antp.txt"]) {
    it(file, () => assert.deepEqual(sockets(file), netstat));
  }

  it("netstat -p and ss -p name the same owners", () => {
    const owners = (file: string) =>
      parseSockets(fixture(file))
        .records.map((r) => `${r.localAddress}:${r.localPort} ${r.remoteAddress}:${r.remotePort ?? "*"} ${r.pid ?? "-"}`)
        .sort();
    assert.deepEqual(owners("ss/ss-tanp.txt"), owners("linux-netstat/netstat-antp.txt"));
  });
});
