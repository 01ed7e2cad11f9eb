import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { shippedCatalogue as catalogue } from "../../core/catalogue/shipped";
import { complete } from "../../core/language/complete";
import { hover } from "../../core/language/hover";
import { documentSymbols } from "../../core/language/symbols";
import { lintDocument } from "../../core/rules/lint";
import { parseSysctl } from "../../core/sysctl/parse";
import { splitLines } from "../../core/text/lines";

/** Text that looks like sysctl.conf often enough to reach deep code paths, and like garbage otherwise. */
const sysctlish = fc.array(
  fc.oneof(
    fc.string({ unit: fc.constantFrom(..."net.ipv4/tcp_finrp*?[]!=-#; \t01x\r\n\uFEFF".split("")) }),
    fc.string({ unit: "binary" }),
    fc.constantFrom("net.ipv4.tcp_fin_timeout = 30", "net.ipv4.conf.*.rp_filter=2", "-net.ipv4.conf.lo.rp_filter", "net.ipv4.tcp_tw_recycle = 1", "= =", "[", "net.ipv4.conf..x = 1"),
  ),
  { maxLength: 30 },
).map((parts) => parts.join("\n"));

function checkEverything(text: string): void {
  const doc = parseSysctl(text);
  const lines = splitLines(text);
  assert.equal(doc.lines.length, lines.length);
  for (const l of doc.lines) {
    const len = (lines[l.line] as string).length;
    assert.ok(l.range.end.character === len);
    if (l.kind === "assignment") {
      assert.ok(l.key.range.start.character >= 0 && l.key.range.end.character <= len);
      assert.ok(l.value.range.start.character <= l.value.range.end.character && l.value.range.end.character <= len);
    }
  }
  const cat = catalogue();
  for (const f of lintDocument(doc, { catalogue: cat, kernel: "4.9" })) {
    assert.ok(f.message.length > 0);
    assert.ok(f.range.start.line < lines.length);
  }
  documentSymbols(doc);
  for (let line = 0; line < Math.min(lines.length, 5); line++) {
    const l = lines[line] as string;
    for (const character of [0, Math.floor(l.length / 2), l.length]) {
      hover(doc, { line, character }, { catalogue: cat, liveValue: () => "1" });
      complete(l, { line, character }, { catalogue: cat, interfaces: ["eth0"] });
    }
  }
}

describe("robustness", () => {
  it("parser, linter, hover and completion survive any input", () => {
    fc.assert(fc.property(sysctlish, (text) => checkEverything(text)), { numRuns: 300 });
  });

  it("survive pure binary garbage", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => checkEverything(new TextDecoder().decode(bytes))), { numRuns: 100 });
  });

  it("handle a 10,000-line file with CRLF, a BOM and tabs", () => {
    const body = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `# comment ${i}` : `net.ipv4.tcp_fin_timeout\t=\t${i}`)).join("\r\n");
    const text = "\uFEFF" + body;
    const doc = parseSysctl(text);
    assert.equal(doc.lines.length, 10_000);
    assert.equal(doc.assignments[0]?.key.name, "net.ipv4.tcp_fin_timeout");
    assert.equal(doc.assignments[0]?.value.text, "1");
    const dups = lintDocument(doc, { catalogue: catalogue() }).filter((f) => f.code === "duplicate-key");
    assert.equal(dups.length, doc.assignments.length - 1);
  });
});
