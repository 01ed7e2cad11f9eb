import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { COMMENT_WIDTH } from "../../../core/advice/comment";
import { planInsertion } from "../../../core/advice/insert";
import { kernelDefaults } from "../../../core/advice/kernel-defaults";
import { PROFILES } from "../../../core/advice/profiles";
import { INTENTS } from "../../../core/advice/types";
import { shippedCatalogue as catalogue } from "../../../core/catalogue/shipped";
import { parseInts } from "../../../core/catalogue/values";
import { NEWEST_KNOWN_KERNEL } from "../../../core/catalogue/version";
import { lintText } from "../../../core/rules/lint";
import { parseSysctl } from "../../../core/sysctl/parse";
import { applyEdits } from "../../../core/text/edits";

/** Findings a vetted profile may carry: the reminder that keepalive timers need SO_KEEPALIVE, which its notes repeat. */
const ACCEPTED = new Set(["keepalive-scope"]);

function insert(text: string, id: string): string {
  const p = PROFILES.find((x) => x.id === id)!;
  return applyEdits(text, planInsertion(p, { uri: "t.conf", doc: parseSysctl(text) }, { kernelDefault: kernelDefaults(catalogue()) }).edits);
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

    it(`${p.id}: every setting says its intent, with a value of that intent's shape`, () => {
      for (const s of p.settings) {
        assert.ok(INTENTS.includes(s.intent), `${s.key} has an intent (${INTENTS.join(", ")}), not ${JSON.stringify(s.intent)}`);
        const ints = parseInts(s.value);
        if (s.intent === "at-least" || s.intent === "at-most") assert.ok(ints && ints.length > 0, `${s.key}: numbers`);
        if (s.intent === "cover") assert.ok(ints?.length === 2 && (ints[0] as number) <= (ints[1] as number), `${s.key}: a range LOW HIGH`);
      }
    });

    it(`${p.id}: inserted into an empty file, comment lines fit in ${COMMENT_WIDTH} characters, and a second insert changes nothing`, () => {
      const once = insert("", p.id);
      for (const line of once.split("\n")) if (line.startsWith("#")) assert.ok(line.length <= COMMENT_WIDTH, line);
      assert.equal(insert(once, p.id), once);
    });
  }

  it("never carries the harmful folk settings", () => {
    const keys = PROFILES.flatMap((p) => p.settings.map((s) => `${s.key}=${s.value}`));
    for (const bad of ["net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_syncookies=0", "net.ipv4.tcp_timestamps=0"]) {
      assert.ok(!keys.some((k) => k.startsWith(bad)), bad);
    }
    // tcp_max_tw_buckets only ever restored: at least its boot-time size on a 32 GiB host (half of 262144 buckets).
    for (const s of PROFILES.flatMap((p) => p.settings).filter((s) => s.key === "net.ipv4.tcp_max_tw_buckets")) assert.ok(Number(s.value) >= 131072, s.value);
  });
});
