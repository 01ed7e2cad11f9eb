/**
 * The shipped catalogue across families: where net.ipv4, net.ipv6, vm, kernel and fs meet, the linter, hover
 * and completion must say what the kernel does, and a typical Kubernetes node file must stay quiet.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { docUrl } from "../../core/catalogue/doc-url";
import { shippedCatalogue } from "../../core/catalogue/shipped";
import { complete } from "../../core/language/complete";
import { hover } from "../../core/language/hover";
import { lintText } from "../../core/rules/lint";
import { parseSysctl } from "../../core/sysctl/parse";
import { withCursor } from "../support/cursor";
import { findingsOf, findingsInSet } from "../support/lint";

const catalogue = shippedCatalogue();
const real = { catalogue };
/** Findings other than hints (redundant lines), as `line code severity`. */
const codes = (text: string) => lintText(text, real).filter((f) => f.severity !== "hint").map((f) => `${f.range.start.line + 1} ${f.code} ${f.severity}`);

function hoverAt(marked: string): string {
  const { text, pos } = withCursor(marked);
  return hover(parseSysctl(text), pos, { catalogue })?.markdown ?? "";
}

function labels(marked: string): string[] {
  const { text, pos } = withCursor(marked);
  return complete(text, pos, { catalogue, interfaces: ["eth0"] }).map((c) => c.label);
}

describe("every family", () => {
  it("keeps a Kubernetes node's sysctl file quiet: no warning, no error, no 'unchecked' note", () => {
    const text = readFileSync(join(__dirname, "..", "..", "..", "test", "fixtures", "sysctl", "kubernetes-node.conf"), "utf8");
    assert.deepEqual(
      lintText(text, real).filter((f) => f.severity !== "hint"),
      [],
    );
  });

  it("checks values of every family with the kernel's bounds", () => {
    assert.deepEqual(codes("vm.swappiness = 300"), ["1 invalid-value error"]);
    assert.deepEqual(codes("vm.swappiness = 200"), []);
    assert.deepEqual(codes("fs.inotify.max_user_watches = lots"), ["1 invalid-value error"]);
    assert.deepEqual(codes("kernel.core_pattern = |/usr/lib/systemd/systemd-coredump %P %u %g %s %t %c %h"), []);
    assert.match(findingsOf("invalid-value", `kernel.core_pattern = ${"x".repeat(200)}`, real)[0]?.message ?? "", /cuts off/);
  });

  it("says what IPv6's conf.all does, key by key", () => {
    // accept_ra: the kernel never reads conf.all.
    assert.deepEqual(findingsOf("ineffective-interface-setting", "net.ipv6.conf.all.accept_ra = 0", real).map((f) => f.severity), ["warning"]);
    // forwarding: writing all overwrites every interface set before it.
    assert.deepEqual(codes("net.ipv6.conf.eth0.forwarding = 0\nnet.ipv6.conf.all.forwarding = 1"), ["1 ineffective-interface-setting warning"]);
    assert.deepEqual(codes("net.ipv6.conf.all.forwarding = 1\nnet.ipv6.conf.eth0.forwarding = 0"), []);
    // A hardening pair (all + default) is only a note: default covers new interfaces.
    assert.deepEqual(codes("net.ipv6.conf.all.accept_redirects = 0\nnet.ipv6.conf.default.accept_redirects = 0"), ["1 ineffective-interface-setting information"]);
  });

  it("links the conf.all line that overwrites an interface's, across files", () => {
    const set = [
      ["etc/sysctl.d/10-lan.conf", "net.ipv6.conf.eth0.forwarding = 0"],
      ["etc/sysctl.d/99-router.conf", "net.ipv6.conf.all.forwarding = 1"],
    ] as const;
    const [f] = findingsInSet("ineffective-interface-setting", set, 0, real);
    assert.equal(f?.related?.[0]?.uri, "etc/sysctl.d/99-router.conf");
  });

  it("rejects interface names the kernel cannot have and resolves globs as systemd-sysctl does", () => {
    assert.deepEqual(codes("net.ipv4.conf.//.forwarding = 1"), ["1 unknown-key warning"]);
    assert.match(findingsOf("unknown-key", "net.ipv4.conf.//.forwarding = 1", real)[0]?.message ?? "", /not an interface name the kernel accepts/);
    assert.match(findingsOf("unknown-key", "net.ipv6.neigh.all.gc_stale_time = 60", real)[0]?.message ?? "", /neighbour settings have no all/);
    assert.deepEqual(codes("net.ipv4.conf.averyveryverylongname.forwarding = 1"), ["1 unknown-key warning"]);
    assert.deepEqual(codes("net.ipv4.conf.eth0/100.rp_filter = 1"), []);
    assert.deepEqual(codes("net.ipv4.conf.a*.rp_filter = 1"), []);
    assert.ok(catalogue.matchGlob("net.ipv4.conf.a*.rp_filter").some((e) => e.key === "net.ipv4.conf.<iface>.rp_filter"));
    assert.deepEqual(catalogue.matchGlob("net.ipv4.neigh.a?l.gc_stale_time").map((e) => e.key), ["net.ipv4.neigh.<iface>.gc_stale_time"]);
    assert.deepEqual(catalogue.matchGlob("net.ipv6.conf.*.no_such"), []);
  });

  it("suggests only real keys", () => {
    for (const typo of ["net.ipv4.neigh.all.gc_stale_tme", "net.ipv6.conf.//.forwardin", "vm.dirty_ratioo", "kernel.pid_maxx", "net.netfilter.nf_log.99"]) {
      for (const s of catalogue.suggest(typo)) assert.ok(catalogue.resolve(s), `${typo} → ${s}`);
    }
  });

  it("hovers every family, with the instance's own default", () => {
    assert.match(hoverAt("vm.swap|piness = 10"), /\*\*Accepts:\*\* 0 to 200/);
    assert.match(hoverAt("net.ipv4.conf.all.accept_source_|route = 0"), /\*\*Default:\*\* `0` for `all`; `1` elsewhere/);
    assert.match(hoverAt("net.ipv4.tcp_tw_|reuse = 1"), /applies to IPv6 too/);
    assert.match(hoverAt("net.ipv4.ip_local_port_|range = 32768 60999"), /applies to IPv6 too/);
    assert.doesNotMatch(hoverAt("net.ipv4.ip_for|ward = 1"), /applies to IPv6 too/);
    assert.match(hoverAt("net.ipv6.ip_for|ward = 1"), /does not exist\. net\.ipv4\.ip_forward is the IPv4 setting; the nearest IPv6 one is net\.ipv6\.conf\.all\.forwarding, but/);
    assert.match(hoverAt("kernel.sys|rq = 1"), /\*\*Needs:\*\* exists only with a kernel built with CONFIG_MAGIC_SYSRQ/);
    assert.match(hoverAt("user.max_user_|namespaces = 0"), /per user namespace/);
  });

  it("knows the documented keys of modules this machine lacks: TIPC and AppleTalk", () => {
    // named_timeout is a known key that does nothing, not an unchecked one; its typo is a typo.
    assert.deepEqual(codes("net.tipc.named_timeout = 2"), ["1 no-op-key warning"]);
    assert.deepEqual(codes("net.tipc.named_timout = 2"), ["1 unknown-key warning"]);
    assert.match(findingsOf("unknown-key", "net.tipc.named_timout = 2", real)[0]?.message ?? "", /Did you mean net\.tipc\.named_timeout\?/);
    assert.deepEqual(codes("net.tipc.tipc_rmem = 4096 0 16777216"), ["1 invalid-value error"]);
    // AppleTalk works on 6.18 and is gone in 7.2.
    assert.deepEqual(codes("net.appletalk.aarp-tick-time = 1"), []);
    assert.deepEqual(
      lintText("net.appletalk.aarp-tick-time = 1", { ...real, kernel: "7.2" }).map((f) => f.code),
      ["removed-key"],
    );
    assert.match(hoverAt("net.appletalk.aarp-tick|-time = 1"), /\*\*Needs:\*\* exists only with the `appletalk` module loaded/);
    // A key of 6.18 removed later is still offered: as the fix for a typo and as a completion.
    assert.match(findingsOf("unknown-key", "net.appletalk.aarp-tick-tim = 1", real)[0]?.message ?? "", /Did you mean net\.appletalk\.aarp-tick-time\?/);
    assert.ok(labels("net.appletalk.|").includes("aarp-tick-time"));
    assert.ok(labels("net.|").includes("appletalk"));
  });

  it("links br_netfilter's keys to their section of ip-sysctl.rst", () => {
    for (const e of catalogue.entries.filter((x) => x.key.startsWith("net.bridge."))) {
      assert.equal(docUrl(e), "https://www.kernel.org/doc/html/v6.18/networking/ip-sysctl.html#proc-sys-net-bridge-variables", e.key);
    }
  });

  it("completes every family segment by segment", () => {
    const top = labels("|");
    for (const f of ["net", "vm", "kernel", "fs", "user"]) assert.ok(top.includes(f), f);
    assert.ok(labels("net.|").includes("ipv6"));
    assert.ok(labels("net.ipv6.conf.|").includes("eth0"));
    assert.ok(labels("net.ipv6.conf.eth0.|").includes("accept_ra"));
    assert.deepEqual(labels("net.ipv6.neigh.|").slice(0, 2), ["default", "eth0"]);
    assert.ok(labels("net.netfilter.nf_log.|").includes("10"));
    assert.ok(labels("vm.swap|").includes("swappiness"));
  });
});
