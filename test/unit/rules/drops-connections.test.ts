import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { retries2Timeout } from "../../../core/rules/drops-connections";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("drops-connections", () => {
  const cases: [string, string, Spot[]][] = [
    ["net.ipv4.tcp_abort_on_overflow = 1", "6.18", [[0, 33, 34, "warning"]]],
    ["net.ipv4.tcp_abort_on_overflow = 2", "6.18", [[0, 33, 34, "warning"]]],
    ["net.ipv4.tcp_retries2 = 5", "6.18", [[0, 24, 25, "warning"]]],
    ["net.ipv4.tcp_retries2 = 7", "6.18", [[0, 24, 25, "warning"]]],
    ["net.ipv4.tcp_tw_recycle = 1", "4.9", [[0, 26, 27, "warning"]]],
    // near misses: the defaults, RFC 1122's minimum, a kernel without tcp_tw_recycle (removed-key speaks)
    ["net.ipv4.tcp_abort_on_overflow = 0", "6.18", []],
    ["net.ipv4.tcp_retries2 = 8", "6.18", []],
    ["net.ipv4.tcp_tw_recycle = 0", "4.9", []],
    ["net.ipv4.tcp_tw_recycle = 1", "4.12", []],
  ];
  for (const [text, kernel, expected] of cases) {
    it(`${text} on ${kernel}`, () => assert.deepEqual(spots(findingsOf("drops-connections", text, { kernel })), expected));
  }

  it("models tcp_retries2 as ip-sysctl.rst does: 15 is 924.6 s, 8 is about 100 s", () => {
    assert.equal(retries2Timeout(15).toFixed(1), "924.6");
    assert.equal(retries2Timeout(8).toFixed(1), "102.2");
    assert.equal(retries2Timeout(5).toFixed(1), "12.6");
    const message = findingsOf("drops-connections", "net.ipv4.tcp_retries2 = 5")[0]?.message ?? "";
    assert.match(message, /about 12\.6 s .*RFC 1122 asks for at least 100 s, which is 8; the default 15 waits about 924\.6 s/);
  });

  it("replaces tcp_tw_recycle with tcp_tw_reuse only where the file does not set it already", () => {
    const text = "net.ipv4.tcp_tw_recycle = 1";
    const fixes = findingsOf("drops-connections", text, { kernel: "4.9" })[0]?.fixes ?? [];
    assert.deepEqual(fixes.map((f) => applyFix(text, f)), ["", "net.ipv4.tcp_tw_reuse = 1"]);
    const both = "net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_tw_recycle = 1\n";
    const only = findingsOf("drops-connections", both, { kernel: "4.9" })[0]?.fixes ?? [];
    assert.deepEqual(only.map((f) => applyFix(both, f)), ["net.ipv4.tcp_tw_reuse = 1\n"]);
  });

  it("sets the defaults back", () => {
    const text = "net.ipv4.tcp_abort_on_overflow = 1";
    assert.equal(applyFix(text, findingsOf("drops-connections", text)[0]!.fixes![0]!), "net.ipv4.tcp_abort_on_overflow = 0");
  });
});
