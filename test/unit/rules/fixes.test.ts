/** A quick fix only helps: it never writes a key the file already sets. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { shippedCatalogue } from "../../../core/catalogue/shipped";
import { lintText } from "../../../core/rules/lint";
import { parseSysctl } from "../../../core/sysctl/parse";
import { applyFix, findingsOf } from "../../support/lint";

/** Keys assigned more than once. */
function repeated(text: string): string[] {
  const seen = new Map<string, number>();
  for (const a of parseSysctl(text).assignments) seen.set(a.key.name, (seen.get(a.key.name) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

describe("fixes that write a key", () => {
  it("remove the line where the file already sets the key", () => {
    const cases: [string, string, string][] = [
      ["misplaced-key", "net.core.somaxconn = 4096\nnet.ipv4.somaxconn = 8192\n", "net.core.somaxconn = 4096\n"],
      ["renamed-key", "net.netfilter.nf_conntrack_max = 1\nnet.ipv4.netfilter.ip_conntrack_max = 2\n", "net.netfilter.nf_conntrack_max = 1\n"],
      ["unknown-key", "net.ipv4.tcp_fin_timeout = 30\nnet.ipv4.tcp_fin_timout = 15\n", "net.ipv4.tcp_fin_timeout = 30\n"],
      ["removed-key", "net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_tw_recycle = 1\n", "net.ipv4.tcp_tw_reuse = 1\n"],
    ];
    for (const [code, text, after] of cases) {
      const fixes = findingsOf(code, text)[0]?.fixes ?? [];
      assert.deepEqual(fixes.map((f) => applyFix(text, f)), [after], code);
      assert.match(fixes[0]?.title ?? "", /already set on line 1|Remove this line/, code);
    }
  });

  it("never add a repeated key to the real-world files", () => {
    const dir = join(__dirname, "..", "..", "..", "..", "test", "fixtures", "sysctl");
    const files = ["clean", "dirty"].flatMap((d) => readdirSync(join(dir, d)).filter((f) => f.endsWith(".conf")).map((f) => join(dir, d, f)));
    for (const kernel of ["4.9", "6.18"]) {
      for (const file of files) {
        const text = readFileSync(file, "utf8");
        const before = repeated(text).length;
        for (const f of lintText(text, { catalogue: shippedCatalogue(), kernel })) {
          for (const fix of f.fixes ?? []) assert.ok(repeated(applyFix(text, fix)).length <= before, `${file}: ${f.code} "${fix.title}"`);
        }
      }
    }
  });
});
