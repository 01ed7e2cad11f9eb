import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsInSet, findingsOf, spots, type Spot } from "../../support/lint";

describe("redundant-default", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_fin_timeout = 60", [[0, 0, 29, "hint"]]],
    ["net.ipv4.tcp_fin_timeout = 0x3c", [[0, 0, 31, "hint"]]],
    ["net.ipv4.tcp_rmem = 4096   131072 6291456", [[0, 0, 41, "hint"]]],
    ["net.ipv4.conf.eth0.rp_filter = 0", [[0, 0, 32, "hint"]]],
    // near misses: other values, computed defaults, removed / no-op keys (other rules speak for them)
    ["net.ipv4.tcp_fin_timeout = 30", []],
    ["net.netfilter.nf_conntrack_max = 65536", []],
    ["net.ipv4.tcp_low_latency = 0", []],
    ["net.ipv4.tcp_tw_recycle = 0", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("redundant-default", text)), expected));

  it("fades the line and removes it", () => {
    const text = "net.ipv4.tcp_fin_timeout = 60\nnet.ipv4.tcp_sack = 0\n";
    const [f] = findingsOf("redundant-default", text);
    assert.deepEqual(f?.tags, ["unnecessary"]);
    assert.equal(applyFix(text, f!.fixes![0]!), "net.ipv4.tcp_sack = 0\n");
  });

  it("keeps a default that undoes an earlier file", () => {
    const set = [
      ["a/etc/sysctl.d/10-x.conf", "net.ipv4.tcp_fin_timeout = 15"],
      ["a/etc/sysctl.d/99-y.conf", "net.ipv4.tcp_fin_timeout = 60"],
    ] as const;
    assert.deepEqual(findingsInSet("redundant-default", set, 1), []);
    assert.equal(findingsInSet("redundant-default", set.slice(1), 0).length, 1);
  });
});
