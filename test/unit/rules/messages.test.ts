/**
 * Diagnostics are plain text in the editor (VS Code shows backticks as they are): every rule's messages,
 * related notes, fix titles and settings description must read well without Markdown.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue } from "../../../core/catalogue/shipped";
import { lintDocument, lintText } from "../../../core/rules/lint";
import { RULES } from "../../../core/rules/registry";
import type { Finding } from "../../../core/rules/types";
import { parseSysctl } from "../../../core/sysctl/parse";

const catalogue = shippedCatalogue();

/** One document that sets off the rules that need no other file, kernel or machine. */
const EVERYTHING = `net.ipv4.tcp_sack 1
net.ipv4.tcp_fin_timout = 30
net.ipv4.conf.*.no_such_setting = 1
dev.raid.speed_limit_min = 1000
net.ipv4.somaxconn = 4096
net.ipv4.tcp_tw_recycle = 1
net.ipv4.netfilter.ip_conntrack_max = 65536
net.ipv4.netfilter.ip_conntrack_count = 1
net.ipv4.tcp_low_latency = 1
net.ipv4.tcp_available_congestion_control = cubic
net.ipv4.tcp_ecn = 3
net.ipv4.conf.eth0.arp_ignore = 9
net.ipv4.tcp_rmem = 4096 131072 6291456 1
net.ipv4.tcp_keepalive_time = 600 # ten minutes
net.ipv4.tcp_congestion_control = bbr # fast
net.core.default_qdisc = a_name_longer_than_fifteen
net.ipv4.ip_unprivileged_port_start = 2000
net.ipv4.ip_local_port_range = 1024 65535
net.ipv4.tcp_fin_timeout = 30
net.ipv4.tcp_fin_timeout = 15
net.ipv4.conf.all.rp_filter = 1
net.ipv4.conf.eth0.rp_filter = 0
net.ipv6.conf.all.accept_redirects = 0
net.ipv4.tcp_timestamps = 0
net.ipv4.tcp_tw_reuse = 1
net.ipv4.tcp_sack = 1
net.ipv4.tcp_syncookies = 0
net.ipv4.tcp_max_tw_buckets = 5000
net.ipv4.tcp_keepalive_intvl = 30
net.ipv4.tcp_wmem = 4096 87380 65536
net.ipv4.tcp_mem = 4096 87380 16777216
net.ipv4.tcp_abort_on_overflow = 1
net.ipv4.tcp_retries2 = 3
net.core.somaxconn = 1024
net.ipv4.tcp_fastopen_key = 00000000-00000000-00000000-00000000
net.ipv4.conf.all.accept_source_route = 1
net.ipv4.neigh.default.gc_thresh3 = 64
`;

function everyFinding(): Finding[] {
  const live = (name: string) => (name === "net.core.somaxconn" ? "4096" : undefined);
  const set = [
    { uri: "h/etc/sysctl.d/10-a.conf", doc: parseSysctl("net.ipv4.ip_local_port_range = 1024 65534\nnet.ipv4.tcp_fin_timeout = 20\n") },
    { uri: "h/etc/sysctl.d/90-b.conf", doc: parseSysctl("net.ipv4.tcp_fin_timeout = 30\n") },
  ];
  return [
    ...lintText(EVERYTHING, { catalogue, live, compareLive: true }),
    ...lintText("net.ipv4.tcp_migrate_req = 1\nnet.ipv4.tcp_tw_recycle = 1\n", { catalogue, kernel: "5.10" }),
    ...lintDocument(set[0]!.doc, { catalogue, uri: set[0]!.uri, files: set }),
  ];
}

const plain = (text: string) => !text.includes("`") && !text.includes("**") && !text.includes("](");

describe("rule messages", () => {
  const findings = everyFinding();

  it("the sample sets off every rule", () => {
    assert.deepEqual([...new Set(findings.map((f) => f.code))].sort(), RULES.map((r) => r.code).sort());
  });

  it("are plain sentences: no Markdown, a capital or a key first, a full stop last", () => {
    for (const f of findings) {
      assert.ok(plain(f.message), `${f.code}: ${f.message}`);
      assert.match(f.message, /^([A-Z]|[a-z0-9]+[._][\w.]*)/, `${f.code}: ${f.message}`);
      assert.match(f.message, /[.?]$/, `${f.code}: ${f.message}`);
      for (const r of f.related ?? []) assert.ok(plain(r.message), `${f.code} related: ${r.message}`);
      for (const x of f.fixes ?? []) assert.ok(plain(x.title), `${f.code} fix: ${x.title}`);
    }
  });

  it("settings descriptions are plain text too", () => {
    for (const r of RULES) assert.ok(plain(r.description), `${r.code}: ${r.description}`);
  });
});
