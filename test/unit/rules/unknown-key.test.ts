import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue } from "../../../core/catalogue/shipped";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("unknown-key", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_fin_timout = 30", [[0, 0, 23, "warning"]]],
    ["net.core.somaxconnn = 1024", [[0, 0, 19, "warning"]]],
    ["vm.swapiness = 10", [[0, 0, 12, "warning"]]],
    ["net.ipv4.conf.*.no_such = 1", [[0, 0, 23, "information"]]],
    // near misses: known keys, templates for any interface, known families, globs that match
    ["net.ipv4.tcp_fin_timeout = 30", []],
    ["net/ipv4/tcp_fin_timeout = 30", []],
    ["net.ipv4.conf.eth0.rp_filter = 1", []],
    ["net.ipv4.conf.all.rp_filter = 1", []],
    ["net/ipv4/conf/eth0.100/rp_filter = 1", []],
    ["net.ipv4.neigh.default.gc_stale_time = 60", []],
    ["dev.raid.speed_limit_min = 1000", []],
    ["net.ipv4.conf.*.rp_filter = 1", []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("unknown-key", text)), expected));
  }

  it("does not claim the write fails on every kernel: the catalogue is mainline's (a vendor key, linted without --live)", () => {
    const [vendor] = findingsOf("unknown-key", "kernel.sched_vcpu_pack = 1", { catalogue: shippedCatalogue() });
    assert.equal(vendor?.severity, "warning");
    assert.equal(vendor?.message, "kernel.sched_vcpu_pack is not a key of mainline Linux (as of 6.18): unless your kernel or one of its modules adds it, writing it fails.");
    const [typo] = findingsOf("unknown-key", "net.ipv4.tcp_keepalive_tme = 600");
    assert.equal(typo?.message, "net.ipv4.tcp_keepalive_tme is not a key of mainline Linux (as of 6.18): unless your kernel or one of its modules adds it, writing it fails. Did you mean net.ipv4.tcp_keepalive_time?");
  });

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

  it("suggests keys of the key's own family only, from the shipped catalogue", () => {
    const real = { catalogue: shippedCatalogue() };
    const [vm] = findingsOf("unknown-key", "vm.swapiness = 10", real);
    assert.equal(applyFix("vm.swapiness = 10", vm!.fixes![0]!), "vm.swappiness = 10");
    const [v6] = findingsOf("unknown-key", "net.ipv6.conf.all.disable_ipv66 = 1", real);
    assert.match(v6?.message ?? "", /Did you mean net\.ipv6\.conf\.all\.disable_ipv6\?/);
    for (const f of findingsOf("unknown-key", "net.ipv6.conf.eth0.rp_filter = 1", real)) {
      for (const fix of f.fixes ?? []) assert.doesNotMatch(fix.title, /ipv4/);
    }
    assert.deepEqual(findingsOf("unknown-key", "net.ipv6.conf.all.forwarding = 1", real), []);
    assert.deepEqual(findingsOf("misplaced-key", "net.ipv6.conf.all.forwarding = 1", real), []);
  });

  it("leaves a name this machine has to unchecked-key (a vendor build's own key)", () => {
    const live = (n: string) => (n === "kernel.vendor_knob" ? "1" : undefined);
    assert.deepEqual(findingsOf("unknown-key", "kernel.vendor_knob = 1", { live }), []);
    assert.match(findingsOf("unchecked-key", "kernel.vendor_knob = 1", { live })[0]?.message ?? "", /exists on this machine/);
  });

  it("explains an instance the kernel cannot have and offers the default instance", () => {
    const text = "net.ipv4.neigh.all.gc_stale_time = 60";
    const [f] = findingsOf("unknown-key", text);
    assert.match(f?.message ?? "", /neighbour settings have no all/);
    assert.equal(applyFix(text, f!.fixes![0]!), "net.ipv4.neigh.default.gc_stale_time = 60");
    assert.deepEqual(findingsOf("misplaced-key", text), []);
  });

  it("offers no fix when nothing is close", () => {
    const [f] = findingsOf("unknown-key", "net.ipv4.completely_different_thing = 1");
    assert.deepEqual(f?.fixes, []);
  });
});

describe("unchecked-key", () => {
  const cases: [string, Spot[]][] = [
    ["dev.raid.speed_limit_min = 1000", [[0, 0, 24, "information"]]],
    ["net.batman_adv.foo = 1", [[0, 0, 18, "information"]]],
    // covered families are unknown-key's, known keys nobody's
    ["vm.swapiness = 10", []],
    ["net.ipv4.tcp_fin_timeout = 30", []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("unchecked-key", text)), expected));
  }

  it("can be silenced without silencing typo detection", () => {
    const text = "dev.raid.speed_limit_min = 1000\nvm.swapiness = 10";
    const severities = { "unchecked-key": "off" } as const;
    assert.deepEqual(findingsOf("unchecked-key", text, { severities }), []);
    assert.equal(findingsOf("unknown-key", text, { severities }).length, 1);
  });
});
