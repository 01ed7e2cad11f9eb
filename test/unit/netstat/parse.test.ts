import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSocketParser, parseSockets } from "../../../core/netstat/parse";
import type { SocketRecord } from "../../../core/netstat/types";
import { countStates, fixture } from "./fixtures";

const NETSTAT = [
  "Active Internet connections (servers and established)",
  "Proto Recv-Q Send-Q Local Address           Foreign Address         State      ",
  "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN     ",
  "tcp        0      0 10.0.0.5:22             10.0.0.9:50122          ESTABLISHED",
  "tcp        0      0 10.0.0.5:41000          10.0.0.7:8080           TIME_WAIT  ",
  "tcp6       0      0 :::22                   :::*                    LISTEN     ",
].join("\n");

/** Pushes `text` in the given pieces and returns what came out. */
function pushPieces(pieces: string[]) {
  const records: SocketRecord[] = [];
  const parser = createSocketParser({ onRecord: (r) => records.push(r) });
  for (const p of pieces) parser.push(p);
  return { records, summary: parser.end() };
}

describe("parseSockets", () => {
  it("reads a listing and sums it up", () => {
    const { records, summary } = parseSockets(NETSTAT + "\n");
    assert.deepEqual(countStates(records), { LISTEN: 2, ESTABLISHED: 1, TIME_WAIT: 1 });
    assert.deepEqual(summary, { formats: ["linux-netstat"], lines: 6, records: 4, skipped: 2, unparsed: 0, unparsedExamples: [] });
  });

  it("counts a last line without a line end, and no line after a final one", () => {
    assert.equal(parseSockets(NETSTAT).summary.lines, 6);
    assert.equal(parseSockets(NETSTAT + "\n").summary.lines, 6);
    assert.equal(parseSockets(NETSTAT + "\n\n").summary.lines, 7);
    assert.equal(parseSockets("").summary.lines, 0);
  });

  it("reads CRLF, CR CR LF and trailing spaces", () => {
    const crlf = parseSockets(NETSTAT.replace(/\n/g, "\r\n") + "\r\n");
    const crcrlf = parseSockets(NETSTAT.replace(/\n/g, "\r\r\n"));
    const plain = parseSockets(NETSTAT);
    assert.deepEqual(crlf.records, plain.records);
    assert.deepEqual(crcrlf.records, plain.records);
    assert.equal(crlf.summary.records, 4);
  });

  it("ignores a byte-order mark at the start", () => {
    assert.deepEqual(parseSockets("\uFEFF" + NETSTAT).records, parseSockets(NETSTAT).records);
  });

  it("detects the format from rows alone (a grep'ed listing has no header)", () => {
    const rows = NETSTAT.split("\n").slice(3).join("\n");
    const { records, summary } = parseSockets(rows);
    assert.equal(records.length, 3);
    assert.deepEqual(summary.formats, ["linux-netstat"]);
  });

  it("lists formats in the order they first appear", () => {
    const text = ["ESTAB 0 0 10.0.0.5:22 10.0.0.9:50122", NETSTAT, "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING", "ESTAB 0 0 10.0.0.5:22 10.0.0.9:50123"].join("\n");
    assert.deepEqual(parseSockets(text).summary.formats, ["ss", "linux-netstat", "windows-netstat"]);
  });

  it("reads a BusyBox listing under a net-tools-like header from its tcp-labelled IPv6 rows on", () => {
    const text = ["Proto Recv-Q Send-Q Local Address           Foreign Address         State", "tcp        0      0 :::80                   :::*                    LISTEN", "tcp        0      0 10.0.0.5:80             10.0.0.9:5000           ESTABLISHED"].join("\n");
    const { records, summary } = parseSockets(text);
    assert.deepEqual(records.map((r) => r.format), ["busybox-netstat", "busybox-netstat"]);
    assert.deepEqual(summary.formats, ["busybox-netstat"]);
  });

  it("takes BusyBox's word for it: `busybox netstat`, or its padded header", () => {
    const rows = "tcp        0      0 10.0.0.5:80             10.0.0.9:5000           ESTABLISHED";
    assert.equal(parseSockets(`$ busybox netstat -tn\n${rows}`).records[0]?.format, "busybox-netstat");
    const header = "Proto Recv-Q Send-Q Local Address           Foreign Address         State       ";
    assert.equal(parseSockets(`${header}\n${rows}`).records[0]?.format, "busybox-netstat");
    assert.equal(parseSockets(`${header.slice(0, -1)}\n${rows}`).records[0]?.format, "linux-netstat");
  });
});

describe("ss state filters", () => {
  const rows = ["Recv-Q Send-Q Local Address:Port  Peer Address:Port Process", "0      0          127.0.0.1:45042    127.0.0.1:47311", "0      0          127.0.0.1:45094    127.0.0.1:47311"].join("\n");
  const cases: [string, string][] = [
    ["", "UNKNOWN"],
    ["$ ss -tan state time-wait\n", "TIME_WAIT"],
    ["root@web1:~# sudo ss -tn state established '( dport = :443 )'\n", "ESTABLISHED"],
    ["$ ss -tan state 'fin-wait-2'\n", "FIN_WAIT2"],
    ["$ ss -tan state connected\n", "UNKNOWN"],
    ["$ ss -tan state established state time-wait\n", "UNKNOWN"],
    ["$ ss -tan state time-wait exclude established\n", "UNKNOWN"],
    ["$ ss -tan state time-wait\n$ ls\n", "UNKNOWN"],
    ["ss -tan state time-wait\n", "TIME_WAIT"],
  ];
  for (const [before, state] of cases) {
    it(`${JSON.stringify(before)} → ${state}`, () => {
      const { records } = parseSockets(before + rows);
      assert.deepEqual(records.map((r) => r.state), [state, state]);
    });
  }
});

describe("streaming", () => {
  const text = fixture("mixed/paste-crlf.txt") + fixture("windows-netstat/windows-anob.txt") + "ESTAB 0 0 [::1]:22 [::1]:5000 users:((\"sshd 🚀\",pid=7,fd=3))\n\uFEFFnot a socket line";

  it("gives the same result for every split into two chunks (mid-line, mid-CRLF, mid-surrogate)", () => {
    const whole = pushPieces([text]);
    for (let i = 0; i <= text.length; i++) {
      const split = pushPieces([text.slice(0, i), text.slice(i)]);
      assert.deepEqual(split, whole, `split at ${i}`);
    }
  });

  it("gives the same result one character at a time", () => {
    assert.deepEqual(pushPieces([...text.split("")]), pushPieces([text]));
  });

  it("holds a Windows record until its -b program line has been seen", () => {
    const seen: SocketRecord[] = [];
    const parser = createSocketParser({ onRecord: (r) => seen.push(r) });
    parser.push("  TCP    0.0.0.0:80             0.0.0.0:0              LISTENING       4812\r\n");
    assert.equal(seen.length, 0);
    parser.push(" [nginx.exe]\r\n");
    parser.push("  TCP    0.0.0.0:81             0.0.0.0:0              LISTENING       4813\r\n");
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.process, "nginx.exe");
    parser.end();
    assert.equal(seen.length, 2);
    assert.equal(seen[1]?.process, undefined);
  });

  it("bounds a line that never ends, and reports it once", () => {
    const parser = createSocketParser({ onRecord: () => undefined });
    for (let i = 0; i < 40; i++) parser.push("x".repeat(10000));
    parser.push("\n" + NETSTAT);
    const summary = parser.end();
    assert.equal(summary.lines, 7);
    assert.equal(summary.unparsed, 1);
    assert.equal(summary.records, 4);
    assert.deepEqual(summary.unparsedExamples, [{ line: 1, text: "x".repeat(200) }]);
  });

  it("ignores pushes after end and returns the same summary again", () => {
    const parser = createSocketParser({ onRecord: () => undefined });
    parser.push(NETSTAT);
    const first = parser.end();
    parser.push(NETSTAT);
    assert.deepEqual(parser.end(), first);
  });

  it("lets an exception from onRecord reach the caller", () => {
    const parser = createSocketParser({
      onRecord: () => {
        throw new Error("consumer");
      },
    });
    assert.throws(() => parser.push(NETSTAT + "\n"), /consumer/);
  });
});

describe("an explicit format", () => {
  it("reads every line as that format", () => {
    const { records, summary } = parseSockets(NETSTAT, { format: "linux-netstat" });
    assert.equal(records.length, 4);
    assert.deepEqual(summary.formats, ["linux-netstat"]);
  });

  it("does not switch to another format: other tools' lines are unparsed", () => {
    const text = NETSTAT + "\nESTAB 0 0 10.0.0.5:22 10.0.0.9:50122\n  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING";
    const { records, summary } = parseSockets(text, { format: "linux-netstat" });
    assert.equal(records.length, 4);
    assert.equal(summary.unparsed, 2);
  });

  it("names records after the forced format", () => {
    const { records } = parseSockets("tcp        0      0 :::80                   :::*                    LISTEN", { format: "linux-netstat" });
    assert.equal(records[0]?.format, "linux-netstat");
  });

  it("still takes the state of an ss command line", () => {
    const { records } = parseSockets("$ ss -tan state time-wait\n0      0          127.0.0.1:45042    127.0.0.1:47311", { format: "ss" });
    assert.equal(records[0]?.state, "TIME_WAIT");
  });

  it("ignores a format it does not know", () => {
    const { summary } = parseSockets(NETSTAT, { format: "solaris" as never });
    assert.deepEqual(summary.formats, ["linux-netstat"]);
  });
});

describe("unparsed lines", () => {
  it("are counted, and the first five reported with their 1-based line number", () => {
    const lines = [NETSTAT, "garbage one", "garbage two", "tcp 0 0 nonsense", "garbage four", "garbage five", "garbage six"];
    const { summary } = parseSockets(lines.join("\n"));
    assert.equal(summary.unparsed, 6);
    assert.deepEqual(summary.unparsedExamples, [
      { line: 7, text: "garbage one" },
      { line: 8, text: "garbage two" },
      { line: 9, text: "tcp 0 0 nonsense" },
      { line: 10, text: "garbage four" },
      { line: 11, text: "garbage five" },
    ]);
  });

  it("are cut to 200 characters, never inside a surrogate pair", () => {
    const long = "y".repeat(199) + "😀" + "z".repeat(50);
    const { summary } = parseSockets(long);
    assert.deepEqual(summary.unparsedExamples, [{ line: 1, text: "y".repeat(199) }]);
    const { summary: s2 } = parseSockets("y".repeat(300));
    assert.equal(s2.unparsedExamples[0]?.text.length, 200);
  });

  it("keep every line accounted for: lines = records + skipped + unparsed", () => {
    for (const name of ["mixed/paste-crlf.txt", "windows-netstat/windows-anob.txt", "bsd-netstat/macos-an.txt", "ss/ss-tanei-head.txt"]) {
      const { summary } = parseSockets(fixture(name));
      assert.equal(summary.lines, summary.records + summary.skipped + summary.unparsed, name);
    }
  });
});

describe("never throws", () => {
  const inputs = ["", "\n", "\r", "\r\n\r\n", "\u0000\u0000", "\uD800", "\uDC00\uD800", "tcp", "tcp6 ", "   0: ", "  TCP  ", "[", "]", "Proto", "sl local_address", "ESTAB 0 0 [:0 ]:", "tcp 0 0 :: :: LISTEN", "0 0 :1 :2", "users:((\"", "%".repeat(10)];
  for (const input of inputs) {
    it(JSON.stringify(input), () => {
      const { summary } = parseSockets(input);
      assert.equal(summary.lines, summary.records + summary.skipped + summary.unparsed);
    });
  }

  it("a push of something that is not a string", () => {
    const parser = createSocketParser({ onRecord: () => undefined });
    parser.push(undefined as unknown as string);
    parser.push(42 as unknown as string);
    assert.equal(parser.end().lines, 0);
  });
});
