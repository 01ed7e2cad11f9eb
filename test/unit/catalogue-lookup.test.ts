import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { editDistance } from "../../core/catalogue/edit-distance";
import { globToRegExp } from "../../core/catalogue/glob";
import { docUrl, sectionAnchor } from "../../core/catalogue/doc-url";
import { compareKernel, parseKernelVersion } from "../../core/catalogue/version";
import { fixtureCatalogue } from "../support/fixture-catalogue";

describe("Catalogue.resolve", () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ["net.ipv4.tcp_sack", "net.ipv4.tcp_sack", undefined],
    ["net.ipv4.conf.eth0.rp_filter", "net.ipv4.conf.<iface>.rp_filter", "eth0"],
    ["net.ipv4.conf.all.rp_filter", "net.ipv4.conf.<iface>.rp_filter", "all"],
    ["net.ipv4.conf.eth0/100.rp_filter", "net.ipv4.conf.<iface>.rp_filter", "eth0/100"],
    ["net.ipv4.neigh.default.gc_stale_time", "net.ipv4.neigh.<iface>.gc_stale_time", "default"],
    ["net.ipv4.neigh.all.gc_stale_time", undefined, undefined],
    ["net.ipv4.conf..rp_filter", undefined, undefined],
    ["net.ipv4.conf.eth0.nope", undefined, undefined],
    ["net.ipv4", undefined, undefined],
  ];
  for (const [name, key, iface] of cases) {
    it(name, () => {
      const r = fixtureCatalogue.resolve(name);
      assert.equal(r?.entry.key, key);
      assert.equal(r?.instance, iface);
    });
  }
  it("covers the families it describes key by key, and no others", () => {
    assert.equal(fixtureCatalogue.covers("net.ipv6.conf.all.forwarding"), true);
    assert.equal(fixtureCatalogue.covers("vm.swapiness"), true);
    assert.equal(fixtureCatalogue.covers("net.somaxconn"), true);
    assert.equal(fixtureCatalogue.covers("dev.raid.speed_limit_min"), false);
    assert.equal(fixtureCatalogue.covers("net.batman_adv.foo"), false);
  });
});

describe("suggest", () => {
  it("finds typos, transpositions and missing letters", () => {
    assert.equal(fixtureCatalogue.suggest("net.ipv4.tcp_fin_timout")[0], "net.ipv4.tcp_fin_timeout");
    assert.equal(fixtureCatalogue.suggest("net.ipv4.tcp_fni_timeout")[0], "net.ipv4.tcp_fin_timeout");
    assert.equal(fixtureCatalogue.suggest("net.core.somaxcon")[0], "net.core.somaxconn");
  });
  it("never suggests removed keys", () => assert.deepEqual(fixtureCatalogue.suggest("net.ipv4.tcp_tw_recycl"), []));
  it("stays quiet when nothing is close", () => assert.deepEqual(fixtureCatalogue.suggest("kernel.pid_max"), []));
});

describe("editDistance", () => {
  const cases: [string, string, number][] = [
    ["", "", 0],
    ["abc", "abc", 0],
    ["abc", "abd", 1],
    ["abc", "acb", 1],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
  ];
  for (const [a, b, d] of cases) it(`${a} ~ ${b} = ${d}`, () => assert.equal(editDistance(a, b, 10), d));
  it("gives up past the limit", () => assert.equal(editDistance("aaaaaaaa", "bbbbbbbb", 2), 3));
});

describe("globToRegExp", () => {
  const cases: [string, string, boolean][] = [
    ["net.ipv4.conf.*.rp_filter", "net.ipv4.conf.eth0.rp_filter", true],
    ["net.ipv4.conf.*.rp_filter", "net.ipv4.conf.a.b.rp_filter", false],
    ["net.ipv4.conf.eth?.rp_filter", "net.ipv4.conf.eth1.rp_filter", true],
    ["net.ipv4.conf.eth[01].rp_filter", "net.ipv4.conf.eth1.rp_filter", true],
    ["net.ipv4.conf.eth[!01].rp_filter", "net.ipv4.conf.eth1.rp_filter", false],
    ["net.ipv4.tcp_(x", "net.ipv4.tcp_(x", true],
    ["net.ipv4.tcp_[", "net.ipv4.tcp_[", true],
  ];
  for (const [glob, name, match] of cases) it(`${glob} ~ ${name}`, () => assert.equal(globToRegExp(glob).test(name), match));
});

describe("kernel versions", () => {
  it("parses release strings", () => {
    assert.equal(parseKernelVersion("6.18.44-fc-v769"), "6.18");
    assert.equal(parseKernelVersion(" 5.4 "), "5.4");
    assert.equal(parseKernelVersion("six"), undefined);
  });
  it("compares numerically", () => {
    assert.ok(compareKernel("4.12", "4.9") > 0);
    assert.ok(compareKernel("6.1", "6.18") < 0);
    assert.equal(compareKernel("5.10", "5.10"), 0);
  });
});

describe("doc links", () => {
  it("derives Sphinx anchors", () => {
    assert.equal(sectionAnchor("TCP variables"), "tcp-variables");
    assert.equal(sectionAnchor("/proc/sys/net/ipv4/* Variables"), "proc-sys-net-ipv4-variables");
  });
  it("links the 6.18 docs", () => {
    const e = fixtureCatalogue.resolve("net.ipv4.tcp_sack")!.entry;
    assert.equal(docUrl(e), "https://www.kernel.org/doc/html/v6.18/networking/ip-sysctl.html#tcp-variables");
    assert.equal(docUrl({ ...e, sources: {} }), null);
  });
});
