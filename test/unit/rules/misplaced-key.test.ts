import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fixedInstances } from "../../../core/catalogue/catalogue";
import { PLACEHOLDER } from "../../../core/catalogue/instances";
import { shippedCatalogue } from "../../../core/catalogue/shipped";
import type { KeyEntry } from "../../../core/catalogue/types";
import type { Finding } from "../../../core/rules/types";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

const real = { catalogue: shippedCatalogue() };
/** The misplaced-key finding for a one-line file, with what its fixes would write. */
function misplaced(text: string): { message: string; fixes: string[]; preferred: string[] } | undefined {
  const [f] = findingsOf("misplaced-key", text, real);
  if (!f) return undefined;
  const fixes = (f.fixes ?? []).map((x) => applyFix(text, x));
  return { message: f.message, fixes, preferred: (f.fixes ?? []).filter((x) => x.isPreferred).map((x) => applyFix(text, x)) };
}

describe("misplaced-key", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.somaxconn = 4096", [[0, 0, 18, "error"]]],
    ["net.core.tcp_fin_timeout = 30", [[0, 0, 24, "error"]]],
    ["net.ipv4.rp_filter = 1", [[0, 0, 18, "error"]]],
    // near misses: real keys, plain typos
    ["net.core.somaxconn = 4096", []],
    ["net.ipv4.tcp_fin_timout = 30", []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("misplaced-key", text)), expected));
  }

  it("moves the key to its family and is not also unknown", () => {
    const [f] = findingsOf("misplaced-key", "net.ipv4.somaxconn = 4096");
    assert.equal(applyFix("net.ipv4.somaxconn = 4096", f!.fixes![0]!), "net.core.somaxconn = 4096");
    assert.deepEqual(findingsOf("unknown-key", "net.ipv4.somaxconn = 4096"), []);
    const [rp] = findingsOf("misplaced-key", "net.ipv4.rp_filter = 1");
    assert.equal(applyFix("net.ipv4.rp_filter = 1", rp!.fixes![0]!), "net.ipv4.conf.all.rp_filter = 1");
    // Another tree's segment is no interface name: route.rp_filter is conf.all's, not conf.rp_filter's.
    assert.deepEqual(misplaced("net.ipv4.route.rp_filter = 1")?.preferred, ["net.ipv4.conf.all.rp_filter = 1"]);
  });
});

describe("misplaced-key where IPv4 and IPv6 meet", () => {
  it("sends the settings both share to net.ipv4, which covers IPv6 sockets", () => {
    for (const key of ["tcp_tw_reuse", "udp_rmem_min", "ip_local_port_range", "icmp_msgs_per_sec", "vs.sync_threshold"]) {
      const text = `net.ipv6.${key} = 1`;
      const m = misplaced(text);
      assert.match(m?.message ?? "", new RegExp(`net\\.ipv4\\.${key.replace(".", "\\.")} applies to IPv6 too: TCP, UDP, local ports and the other settings IPv4 and IPv6 share live under net\\.ipv4 only\\.`));
      assert.deepEqual(m?.preferred, [`net.ipv4.${key} = 1`]);
    }
  });

  const cases: [string, RegExp, string[]][] = [
    // IPv6 forwarding is per interface and changes how router advertisements are taken: said, not rewritten.
    ["net.ipv6.ip_forward = 1", /net\.ipv4\.ip_forward is the IPv4 setting; the nearest IPv6 one is net\.ipv6\.conf\.all\.forwarding, but .*router advertisements unless its accept_ra is 2/, []],
    ["net.ipv6.conf.all.ip_forward = 1", /the nearest IPv6 one is net\.ipv6\.conf\.all\.forwarding, but/, []],
    ["net.ipv6.conf.eth0.ip_forward = 1", /the nearest IPv6 one is net\.ipv6\.conf\.eth0\.forwarding, but/, []],
    ["net.ipv6.icmp_echo_ignore_all = 1", /net\.ipv4\.icmp_echo_ignore_all is the IPv4 setting; for IPv6 it is net\.ipv6\.icmp\.echo_ignore_all\./, ["net.ipv6.icmp.echo_ignore_all = 1"]],
    ["net.ipv6.icmp_ratelimit = 100", /for IPv6 it is net\.ipv6\.icmp\.ratelimit\./, ["net.ipv6.icmp.ratelimit = 100"]],
    ["net.ipv6.icmp_ratemask = 6168", /the nearest IPv6 one is net\.ipv6\.icmp\.ratemask, but .*does not carry over/, []],
    ["net.ipv6.ip_default_ttl = 64", /the nearest IPv6 one is net\.ipv6\.conf\.default\.hop_limit, but IPv6 keeps a hop limit per interface/, []],
    ["net.ipv6.igmp_max_memberships = 20", /net\.ipv4\.igmp_max_memberships is the IPv4 setting; IPv6 has no such setting\./, []],
    ["net.ipv6.igmp_max_msf = 20", /for IPv6 it is net\.ipv6\.mld_max_msf\./, ["net.ipv6.mld_max_msf = 20"]],
    ["net.ipv6.conf.all.rp_filter = 1", /net\.ipv4\.conf\.all\.rp_filter is the IPv4 setting; IPv6 has no such setting\./, []],
    ["net.ipv4.hop_limit = 64", /net\.ipv6\.conf\.all\.hop_limit is the IPv6 setting; for IPv4 it is net\.ipv4\.ip_default_ttl\./, ["net.ipv4.ip_default_ttl = 64"]],
    ["net.ipv4.icmp.ratelimit = 100", /for IPv4 it is net\.ipv4\.icmp_ratelimit\./, ["net.ipv4.icmp_ratelimit = 100"]],
    ["net.ipv4.bindv6only = 1", /net\.ipv6\.bindv6only is the IPv6 setting; IPv4 has no such setting\./, []],
  ];
  for (const [text, message, fixes] of cases) {
    it(text, () => {
      const m = misplaced(text);
      assert.match(m?.message ?? "", message);
      assert.match(m?.message ?? "", /does not exist, so writing it fails\./);
      assert.deepEqual(m?.fixes, fixes);
      assert.deepEqual(m?.preferred, fixes);
    });
  }

  it("leaves keys both families have alone", () => {
    for (const text of ["net.ipv6.conf.all.forwarding = 1", "net.ipv6.neigh.default.gc_stale_time = 60", "net.ipv6.ip_nonlocal_bind = 1", "net.ipv6.icmp.ratelimit = 100"]) {
      assert.deepEqual(findingsOf("misplaced-key", text, real), [], text);
      assert.deepEqual(findingsOf("unknown-key", text, real), [], text);
    }
  });

  /** A key written under the other IP family: its template filled with the first fixed instance. */
  const under = (e: KeyEntry, family: "ipv4" | "ipv6"): string => {
    const name = `net.${family}.${e.key.split(".").slice(2).join(".")}`;
    return name.replace(PLACEHOLDER, fixedInstances(e.key)[0] ?? "0");
  };
  const fixTargets = (name: string): string[] =>
    ["misplaced-key", "unknown-key"].flatMap((code) => findingsOf(code, `${name} = 1`, real)).flatMap((f: Finding) => (f.fixes ?? []).map((x) => applyFix(`${name} = 1`, x)));
  /** What a fix may write for `name`: the key itself where both families share it, or an equivalent counterpart. */
  const allowed = (e: KeyEntry, name: string): string[] => {
    const own = real.catalogue.resolve(name) ? [] : undefined;
    if (own) return own;
    const ok: string[] = [];
    if (e.coversIpv6) ok.push(under(e, "ipv4"));
    if (e.counterpart && e.counterpart.differs === undefined) ok.push(e.counterpart.key.replace(PLACEHOLDER, fixedInstances(e.counterpart.key)[0] ?? "0"));
    return ok.map((k) => `${k} = 1`);
  };

  for (const [from, to] of [["ipv4", "ipv6"], ["ipv6", "ipv4"]] as const) {
    it(`never rewrites a net.${from} key written under net.${to} into a key that means something else`, () => {
      const entries = real.catalogue.entries.filter((e) => e.status !== "removed" && e.key.startsWith(`net.${from}.`));
      assert.ok(entries.length > 100);
      const wrong: string[] = [];
      for (const e of entries) {
        const name = under(e, to);
        const ok = allowed(e, name);
        for (const t of fixTargets(name)) if (!ok.includes(t)) wrong.push(`${name} → ${t}`);
        const message = findingsOf("misplaced-key", `${name} = 1`, real)[0]?.message ?? "";
        if (/settings IPv4 and IPv6 share/.test(message) !== (e.coversIpv6 === true && !real.catalogue.resolve(name))) wrong.push(`${name}: ${message}`);
      }
      assert.deepEqual(wrong, []);
    });
  }
});

describe("misplaced-key for interface names with a dot", () => {
  const cases: [string, string][] = [
    ["net.ipv4.conf.eth0.100.rp_filter = 2", "net.ipv4.conf.eth0/100.rp_filter = 2"],
    ["net.ipv4.neigh.eth0.100.gc_stale_time = 120", "net.ipv4.neigh.eth0/100.gc_stale_time = 120"],
    ["net.ipv6.conf.bond0.10.forwarding = 1", "net.ipv6.conf.bond0/10.forwarding = 1"],
    ["net.ipv6.neigh.br0.20.base_reachable_time_ms = 30000", "net.ipv6.neigh.br0/20.base_reachable_time_ms = 30000"],
  ];
  for (const [text, fixed] of cases) {
    it(text, () => {
      const m = misplaced(text);
      assert.match(m?.message ?? "", /an interface name with a dot \(\w+\.\d+\) is written with \/ instead/);
      assert.deepEqual(m?.preferred, [fixed]);
      // Never the every-interface setting: conf.all would change what the line means.
      assert.doesNotMatch(m?.message ?? "", /\.all\./);
      assert.deepEqual(findingsOf("misplaced-key", fixed, real), []);
      assert.deepEqual(findingsOf("unknown-key", fixed, real), []);
    });
  }

  it("takes the slash-separated form, where the dot stays in the name", () => {
    assert.deepEqual(findingsOf("misplaced-key", "net/ipv4/conf/eth0.100/rp_filter = 2", real), []);
    assert.deepEqual(findingsOf("unknown-key", "net/ipv4/conf/eth0.100/rp_filter = 2", real), []);
  });
});
