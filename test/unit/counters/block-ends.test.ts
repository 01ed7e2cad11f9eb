/**
 * Where a block of counters ends: output cut off before its end, another tool's output pasted below without a
 * prompt, and rows older tools print that the block must still read.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyse, capture } from "./support";

/** The capture without its first line (the fixture's own comment). */
const body = (scenario: string, file: string) => capture(scenario, file).split("\n").slice(1).join("\n");

/** `head -c n` of a capture's output (below its command line), then a newline, as a terminal shows the next prompt. */
function headC(scenario: string, file: string, n: number): string {
  const [command, ...rest] = body(scenario, file).split("\n");
  return `${command}\n${rest.join("\n").slice(0, n)}\n`;
}

const listing = body("listen-overflow", "listing");
const netstatS = body("listen-overflow", "netstat-s");
const lineCount = (text: string) => text.split("\n").length - 1;

describe("nstat --json cut off", () => {
  const alone = analyse(listing);

  for (const file of ["nstat-json", "nstat-json-pretty"]) {
    it(`${file}: the JSON ends at the next prompt; the listing below keeps its sockets; the cut line is unread, with why`, () => {
      const cut = headC("listen-overflow", file, 2000);
      const a = analyse(cut + listing);
      assert.equal(a.total, alone.total);
      assert.ok(alone.total > 40);
      assert.deepEqual(a.formats, ["ss"]);
      assert.equal(a.unparsed, 1);
      const example = a.unparsedExamples[0];
      assert.equal(example?.line, lineCount(cut));
      assert.match(example?.reason ?? "", /^nstat --json output cut off before its end: the \d+ counters before the cut are read$/);
      // What was read before the cut is nstat's own values.
      const full = analyse(body("listen-overflow", "nstat")).counters;
      const read = Object.entries(a.counters);
      assert.ok(read.length > 50);
      for (const [name, value] of read) assert.equal(value, full[name], name);
      assert.equal(a.lines, lineCount(cut + listing));
    });
  }

  it("a number the cut may have shortened is not read; netstat -s below reads in full", () => {
    const cut = '$ nstat -az --json --pretty\n{\n    "kernel": {\n        "IpInReceives": 126,\n        "TcpExtListenOverflows": 12\n';
    const a = analyse(cut + netstatS);
    assert.equal(a.counters.IpInReceives, analyse(netstatS).counters.IpInReceives);
    assert.equal(a.counters.TcpExtListenOverflows, analyse(netstatS).counters.TcpExtListenOverflows);
    assert.deepEqual(a.kernelFormats, ["nstat --json", "netstat -s"]);
    assert.equal(a.unparsed, 1);
    assert.equal(a.unparsedExamples[0]?.line, 5);
  });

  it("cut inside a line, or at the end of the input; a whole object is not reported", () => {
    const inside = analyse('{"kernel":{"IpInReceives":160,"TcpExtListenDrops":3,"TcpExtListenOv\nState  Recv-Q Send-Q Local Address:Port  Peer Address:Port\nESTAB  0      0      10.0.0.5:443        198.51.100.7:40001\n');
    assert.deepEqual([inside.total, inside.unparsed, inside.counters], [1, 1, { IpInReceives: 160, TcpExtListenDrops: 3 }]);
    assert.match(inside.unparsedExamples[0]?.text ?? "", /TcpExtListenOv$/);
    const atEnd = analyse('{\n    "kernel": {\n        "IpInReceives": 160,\n        "TcpExtLis');
    assert.deepEqual([atEnd.unparsed, atEnd.unparsedExamples[0]?.line, atEnd.counters], [1, 4, { IpInReceives: 160 }]);
    assert.match(atEnd.findings.find((f) => f.id === "unparsed-lines")?.evidence[0]?.value ?? "", /cut off before its end: the 1 counter before the cut is read\)$/);
    const whole = analyse('{"kernel":{"IpInReceives":160}}\n$ ss -tan\n');
    assert.deepEqual([whole.unparsed, whole.counters], [0, { IpInReceives: 160 }]);
  });
});

describe("netstat -s followed by another tool's output", () => {
  const procTcp = [
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
    "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0",
    "",
  ].join("\n");

  it("an indented /proc/net/tcp header ends the block, with or without a blank line before it", () => {
    for (const between of ["", "\n"]) {
      const a = analyse(netstatS + between + procTcp);
      assert.equal(a.total, 1);
      assert.deepEqual(a.formats, ["proc-net-tcp"]);
      assert.equal(a.unparsed, 0);
      assert.deepEqual(a.counters, analyse(netstatS).counters);
    }
  });

  it("an indented line no format claims stays an unread line of the block, and the block goes on", () => {
    const a = analyse("Tcp:\n    12 eingehende Pakete verworfen\n    74 segments retransmitted\n");
    assert.deepEqual([a.unparsed, a.counters], [1, { TcpRetransSegs: 74 }]);
  });
});

describe("tables that follow themselves", () => {
  it("/proc/net/snmp's IcmpMsg, 16 types a pair of lines, is one table of one snapshot", () => {
    const types = (from: number, n: number) => Array.from({ length: n }, (_, i) => `InType${from + i}`).join(" ");
    const ones = (n: number) => Array(n).fill("1").join(" ");
    const text = `Icmp: InMsgs OutMsgs\nIcmp: 17 0\nIcmpMsg: ${types(0, 16)}\nIcmpMsg: ${ones(16)}\nIcmpMsg: ${types(16, 1)}\nIcmpMsg: 1\nTcp: ActiveOpens\nTcp: 4\n`;
    const a = analyse(text);
    assert.equal(a.sampling?.snapshots, 1);
    assert.equal(a.counters.IcmpMsgInType16, 1);
    assert.equal(a.counters.TcpActiveOpens, 4);
    assert.equal(a.unparsed, 0);
  });

  it("netstat -s titles each IcmpMsg pair: one table too", () => {
    const a = analyse("Icmp:\n    17 ICMP messages received\nIcmpMsg:\n        InType3: 5\nIcmpMsg:\n        InType16: 1\nTcp:\n    74 segments retransmitted\n");
    assert.equal(a.sampling?.snapshots, 1);
    assert.deepEqual([a.counters.IcmpMsgInType3, a.counters.IcmpMsgInType16, a.counters.TcpRetransSegs], [5, 1, 74]);
  });
});
