import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { planInsertion } from "../../../core/advice/insert";
import { PROFILES } from "../../../core/advice/profiles";
import { shippedCatalogue as catalogue } from "../../../core/catalogue/shipped";
import { NEWEST_KNOWN_KERNEL } from "../../../core/catalogue/version";
import { lintText } from "../../../core/rules/lint";
import { parseSysctl } from "../../../core/sysctl/parse";
import { applyFix } from "../../support/lint";

/** Findings a vetted profile may carry: the reminder that keepalive timers need SO_KEEPALIVE, which its notes repeat. */
const ACCEPTED = new Set(["keepalive-scope"]);

function insert(text: string, id: string): string {
  const p = PROFILES.find((x) => x.id === id)!;
  return applyFix(text, { title: "", edits: planInsertion(parseSysctl(text), p).edits });
}

describe("vetted profiles", () => {
  it("have unique ids, titles, situations and notes", () => {
    assert.equal(new Set(PROFILES.map((p) => p.id)).size, PROFILES.length);
    for (const p of PROFILES) {
      assert.match(p.id, /^[a-z][a-z0-9-]+$/);
      assert.ok(p.title && p.situation.length > 40 && p.settings.length > 0);
    }
  });

  for (const p of PROFILES) {
    it(`${p.id}: every setting is a current key with a value the kernel accepts, and lints clean on ${NEWEST_KNOWN_KERNEL}`, () => {
      for (const s of p.settings) {
        const r = catalogue().resolve(s.key);
        assert.ok(r, `${s.key} is in the catalogue`);
        assert.equal(r.entry.status, "active", `${s.key} is active`);
        assert.ok(s.why.length > 20 && s.tradeoff.length > 20, `${s.key} says why and at what cost`);
      }
      const text = insert("", p.id);
      const findings = lintText(text, { catalogue: catalogue(), kernel: NEWEST_KNOWN_KERNEL }).filter((f) => !ACCEPTED.has(f.code));
      assert.deepEqual(findings.map((f) => `${f.range.start.line + 1} ${f.code}: ${f.message}`), []);
    });
  }

  it("never carries the harmful folk settings", () => {
    const keys = PROFILES.flatMap((p) => p.settings.map((s) => `${s.key}=${s.value}`));
    for (const bad of ["net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_max_tw_buckets", "net.ipv4.tcp_syncookies=0", "net.ipv4.tcp_timestamps=0"]) {
      assert.ok(!keys.some((k) => k.startsWith(bad)), bad);
    }
  });
});

describe("planInsertion", () => {
  it("appends a commented block to an empty file", () => {
    const out = insert("", "syn-flood");
    assert.match(out, /^# Socket Doctor vetted settings: Server under SYN flood\n# Gives up on a half-open connection.*\nnet\.ipv4\.tcp_synack_retries = 2\n$/);
  });

  it("leaves one blank line before the block", () => {
    assert.match(insert("a.b = 1", "syn-flood"), /^a\.b = 1\n\n# Socket Doctor/);
    assert.match(insert("a.b = 1\n", "syn-flood"), /^a\.b = 1\n\n# Socket Doctor/);
  });

  it("updates a key the file already sets instead of adding a duplicate", () => {
    const out = insert("net.ipv4.tcp_synack_retries = 5\n# keep\n", "syn-flood");
    const lines = out.split("\n");
    assert.match(lines[0] ?? "", /^# Gives up on a half-open connection/);
    assert.equal(lines[1], "net.ipv4.tcp_synack_retries = 2");
    assert.equal(out.match(/tcp_synack_retries/g)?.length, 1);
    assert.deepEqual(lintText(out, { catalogue: catalogue() }).filter((f) => f.code === "duplicate-key"), []);
  });

  it("updates the assignment that counts (the last one) and reports what it did", () => {
    const doc = parseSysctl("net.ipv4.tcp_tw_reuse = 0\nnet.ipv4.tcp_tw_reuse = 2\nnet.ipv4.ip_local_port_range = 32768 65535\n");
    const plan = planInsertion(doc, PROFILES.find((p) => p.id === "reverse-proxy")!);
    assert.deepEqual(plan.updated, ["net.ipv4.tcp_tw_reuse"]);
    assert.deepEqual(plan.unchanged, ["net.ipv4.ip_local_port_range"]);
    assert.deepEqual(plan.added, []);
    assert.equal(plan.edits.find((e) => e.newText === "1")?.range.start.line, 1);
  });

  it("does nothing when the file already has every setting", () => {
    const text = insert("", "reverse-proxy");
    assert.equal(insert(text, "reverse-proxy"), text);
  });
});
