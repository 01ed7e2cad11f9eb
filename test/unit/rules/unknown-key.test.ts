import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("unknown-key", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_fin_timout = 30", [[0, 0, 23, "warning"]]],
    ["net.core.somaxconnn = 1024", [[0, 0, 19, "information"]]],
    ["vm.swappiness = 10", [[0, 0, 13, "information"]]],
    ["net.ipv4.conf.*.no_such = 1", [[0, 0, 23, "information"]]],
    // near misses: known keys, templates for any interface, known families, globs that match
    ["net.ipv4.tcp_fin_timeout = 30", []],
    ["net/ipv4/tcp_fin_timeout = 30", []],
    ["net.ipv4.conf.eth0.rp_filter = 1", []],
    ["net.ipv4.conf.all.rp_filter = 1", []],
    ["net/ipv4/conf/eth0.100/rp_filter = 1", []],
    ["net.ipv4.neigh.default.gc_stale_time = 60", []],
    ["net.ipv4.vs.conntrack = 1", []],
    ["net.ipv4.conf.*.rp_filter = 1", []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("unknown-key", text)), expected));
  }

  it("suggests the closest key and fixes the typo", () => {
    const text = "net.ipv4.tcp_keepalive_tme = 600";
    const [f] = findingsOf("unknown-key", text);
    assert.ok(f?.message.includes("net.ipv4.tcp_keepalive_time"));
    const fix = f?.fixes?.[0];
    assert.ok(fix?.isPreferred);
    assert.equal(applyFix(text, fix!), "net.ipv4.tcp_keepalive_time = 600");
  });

  it("keeps the user's interface name in suggestions", () => {
    const [f] = findingsOf("unknown-key", "net.ipv4.conf.eth3.rp_filtr = 1");
    assert.ok(f?.message.includes("net.ipv4.conf.eth3.rp_filter"), f?.message);
  });

  it("offers no fix when nothing is close", () => {
    const [f] = findingsOf("unknown-key", "net.ipv4.completely_different_thing = 1");
    assert.deepEqual(f?.fixes, []);
  });
});
