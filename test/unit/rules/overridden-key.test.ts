import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingsInSet } from "../../support/lint";

describe("overridden-key", () => {
  const set = [
    ["h/usr/lib/sysctl.d/50-default.conf", "net.ipv4.tcp_sack = 1\nnet.ipv4.tcp_dsack = 1"],
    ["h/etc/sysctl.d/90-tuning.conf", "net.ipv4.tcp_sack = 0"],
    ["h/etc/sysctl.conf", "net.ipv4.tcp_dsack = 0"],
  ] as const;

  it("reports the lines a later file overrides, linking the winner", () => {
    const f = findingsInSet("overridden-key", set, 0);
    assert.deepEqual(f.map((x) => [x.range.start.line, x.related?.[0]?.uri]), [
      [0, "h/etc/sysctl.d/90-tuning.conf"],
      [1, "h/etc/sysctl.conf"],
    ]);
    assert.match(f[0]?.message ?? "", /90-tuning\.conf \(line 1\)/);
    assert.deepEqual(f[0]?.tags, ["unnecessary"]);
  });

  it("says nothing about the winners", () => {
    assert.deepEqual(findingsInSet("overridden-key", set, 1), []);
    assert.deepEqual(findingsInSet("overridden-key", set, 2), []);
  });

  it("leaves repeats inside one file to duplicate-key", () => {
    assert.deepEqual(findingsInSet("overridden-key", [["a/etc/sysctl.conf", "net.ipv4.tcp_sack = 1\nnet.ipv4.tcp_sack = 0"]], 0), []);
  });
});
