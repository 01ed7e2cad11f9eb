import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { RULES } from "../../core/rules/registry";

const doc = readFileSync(join(__dirname, "..", "..", "..", "docs", "rules.md"), "utf8");

describe("docs/rules.md", () => {
  it("has one section per rule code, each stating the rule's default severity", () => {
    const sections = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(sections.sort(), RULES.map((r) => r.code).sort());
    for (const r of RULES) {
      const body = doc.split(`## ${r.code}\n`)[1]?.split("\n## ")[0] ?? "";
      assert.match(body, new RegExp(`\\*\\*Default: ${r.defaultSeverity}[.*]`), r.code);
    }
  });
});
