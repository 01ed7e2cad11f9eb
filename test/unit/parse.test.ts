import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeKey, parseLine, parseSysctl, type SysctlLine } from "../../core/sysctl/parse";

/** Picks the parts a test cares about, as plain text, from a parsed line. */
function summary(l: SysctlLine) {
  switch (l.kind) {
    case "assignment":
      return { kind: l.kind, key: l.key.text, name: l.key.name, value: l.value.text, ignoreFailure: l.ignoreFailure, glob: l.key.glob };
    case "exclusion":
      return { kind: l.kind, key: l.key.text, name: l.key.name, glob: l.key.glob };
    default:
      return { kind: l.kind };
  }
}

describe("parseLine", () => {
  const cases: [string, ReturnType<typeof summary>][] = [
    ["", { kind: "blank" }],
    ["   \t ", { kind: "blank" }],
    ["# comment", { kind: "comment" }],
    ["   ; semicolon comment", { kind: "comment" }],
    ["\t# indented comment", { kind: "comment" }],
    ["net.ipv4.tcp_sack = 1", { kind: "assignment", key: "net.ipv4.tcp_sack", name: "net.ipv4.tcp_sack", value: "1", ignoreFailure: false, glob: false }],
    ["net.ipv4.tcp_sack=1", { kind: "assignment", key: "net.ipv4.tcp_sack", name: "net.ipv4.tcp_sack", value: "1", ignoreFailure: false, glob: false }],
    ["  net.ipv4.tcp_sack\t=\t1  ", { kind: "assignment", key: "net.ipv4.tcp_sack", name: "net.ipv4.tcp_sack", value: "1", ignoreFailure: false, glob: false }],
    ["net/ipv4/tcp_sack = 1", { kind: "assignment", key: "net/ipv4/tcp_sack", name: "net.ipv4.tcp_sack", value: "1", ignoreFailure: false, glob: false }],
    ["net/ipv4/conf/eth0.100/rp_filter = 2", { kind: "assignment", key: "net/ipv4/conf/eth0.100/rp_filter", name: "net.ipv4.conf.eth0/100.rp_filter", value: "2", ignoreFailure: false, glob: false }],
    ["net.ipv4.conf.eth0/100.rp_filter = 2", { kind: "assignment", key: "net.ipv4.conf.eth0/100.rp_filter", name: "net.ipv4.conf.eth0/100.rp_filter", value: "2", ignoreFailure: false, glob: false }],
    ["-net.ipv4.tcp_sack = 1", { kind: "assignment", key: "net.ipv4.tcp_sack", name: "net.ipv4.tcp_sack", value: "1", ignoreFailure: true, glob: false }],
    ["- net.ipv4.tcp_sack = 1", { kind: "assignment", key: "net.ipv4.tcp_sack", name: "net.ipv4.tcp_sack", value: "1", ignoreFailure: true, glob: false }],
    ["net.ipv4.conf.*.rp_filter = 2", { kind: "assignment", key: "net.ipv4.conf.*.rp_filter", name: "net.ipv4.conf.*.rp_filter", value: "2", ignoreFailure: false, glob: true }],
    ["net.ipv4.conf.eth[01].rp_filter = 2", { kind: "assignment", key: "net.ipv4.conf.eth[01].rp_filter", name: "net.ipv4.conf.eth[01].rp_filter", value: "2", ignoreFailure: false, glob: true }],
    ["-net.ipv4.conf.lo.rp_filter", { kind: "exclusion", key: "net.ipv4.conf.lo.rp_filter", name: "net.ipv4.conf.lo.rp_filter", glob: false }],
    ["-net.ipv4.conf.*.rp_filter  ", { kind: "exclusion", key: "net.ipv4.conf.*.rp_filter", name: "net.ipv4.conf.*.rp_filter", glob: true }],
    ["net.ipv4.ip_local_port_range = 32768   60999", { kind: "assignment", key: "net.ipv4.ip_local_port_range", name: "net.ipv4.ip_local_port_range", value: "32768   60999", ignoreFailure: false, glob: false }],
    ["net.ipv4.tcp_sack =", { kind: "assignment", key: "net.ipv4.tcp_sack", name: "net.ipv4.tcp_sack", value: "", ignoreFailure: false, glob: false }],
    ["kernel.core_pattern = |/usr/lib/x a=b", { kind: "assignment", key: "kernel.core_pattern", name: "kernel.core_pattern", value: "|/usr/lib/x a=b", ignoreFailure: false, glob: false }],
    ["net.ipv4.tcp_sack = 1 # trailing", { kind: "assignment", key: "net.ipv4.tcp_sack", name: "net.ipv4.tcp_sack", value: "1 # trailing", ignoreFailure: false, glob: false }],
    ["\uFEFFnet.ipv4.tcp_sack = 1", { kind: "assignment", key: "net.ipv4.tcp_sack", name: "net.ipv4.tcp_sack", value: "1", ignoreFailure: false, glob: false }],
    ["net.ipv4.tcp_sack 1", { kind: "error" }],
    ["= 1", { kind: "error" }],
    ["  = 1", { kind: "error" }],
    ["net.ipv4 tcp_sack = 1", { kind: "error" }],
    ["-", { kind: "error" }],
    ["- two words", { kind: "error" }],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => assert.deepEqual(summary(parseLine(input, 0)), expected));
  }
});

describe("ranges", () => {
  it("keeps exact ranges for the dash, key, equals sign and value", () => {
    const l = parseLine("  - net.ipv4.tcp_sack  =  1  ", 7);
    assert.equal(l.kind, "assignment");
    if (l.kind !== "assignment") return;
    assert.deepEqual(l.key.range, { start: { line: 7, character: 4 }, end: { line: 7, character: 21 } });
    assert.deepEqual(l.equals, { start: { line: 7, character: 23 }, end: { line: 7, character: 24 } });
    assert.deepEqual(l.value.range, { start: { line: 7, character: 26 }, end: { line: 7, character: 27 } });
    assert.deepEqual(l.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 29 } });
  });

  it("puts an empty value right after the equals sign's white space", () => {
    const l = parseLine("a.b = ", 0);
    assert.equal(l.kind, "assignment");
    if (l.kind === "assignment") assert.deepEqual(l.value.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } });
  });

  it("points a missing-equals error at the line's content", () => {
    const l = parseLine("  net.ipv4.tcp_sack 1  ", 3);
    assert.equal(l.kind, "error");
    if (l.kind === "error") assert.deepEqual(l.errorRange, { start: { line: 3, character: 2 }, end: { line: 3, character: 21 } });
  });
});

describe("parseSysctl", () => {
  it("splits \\n, \\r\\n and lone \\r line ends the way editors count lines", () => {
    const doc = parseSysctl("a.b = 1\r\nc.d = 2\re.f = 3\ng.h = 4");
    assert.deepEqual(doc.assignments.map((a) => [a.line, a.key.name, a.value.text]), [
      [0, "a.b", "1"],
      [1, "c.d", "2"],
      [2, "e.f", "3"],
      [3, "g.h", "4"],
    ]);
  });

  it("gives every line a node, so line numbers map one to one", () => {
    const text = "# c\n\nbad line\na.b = 1\n-x.y\n";
    const doc = parseSysctl(text);
    assert.deepEqual(doc.lines.map((l) => l.kind), ["comment", "blank", "error", "assignment", "exclusion", "blank"]);
    assert.deepEqual(doc.lines.map((l) => l.line), [0, 1, 2, 3, 4, 5]);
  });

  it("keeps a 4096-character value whole", () => {
    const value = "1 ".repeat(2048).trim() + "9";
    const doc = parseSysctl(`a.b = ${value}`);
    assert.equal(doc.assignments[0]?.value.text, value);
  });
});

describe("normalizeKey", () => {
  const cases: [string, string][] = [
    ["net.ipv4.tcp_sack", "net.ipv4.tcp_sack"],
    ["net/ipv4/tcp_sack", "net.ipv4.tcp_sack"],
    ["net/ipv4/conf/eth0.100/rp_filter", "net.ipv4.conf.eth0/100.rp_filter"],
    ["net.ipv4.conf.eth0/100.rp_filter", "net.ipv4.conf.eth0/100.rp_filter"],
    ["single", "single"],
    ["", ""],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => assert.equal(normalizeKey(input), expected));
});
