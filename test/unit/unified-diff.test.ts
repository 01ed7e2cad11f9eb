import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { unifiedDiff } from "../../core/text/unified-diff";

/** Applies a unified diff to `before` the way patch does (hunks in order, context checked). */
function patch(before: string, diff: string): string {
  const a = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const lines = diff.split(/(?<=\n)/).slice(2);
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@\n$/.exec(lines[i] as string);
    assert.ok(header, `a hunk header: ${lines[i]}`);
    const start = Number(header[1]) - (header[2] === "0" ? 0 : 1);
    while (at < start) out.push(a[at++] as string);
    for (i++; i < lines.length && !(lines[i] as string).startsWith("@@"); i++) {
      const l = lines[i] as string;
      const noEol = lines[i + 1] === "\\ No newline at end of file\n";
      const text = noEol ? l.slice(1, -1) : l.slice(1);
      if (noEol) i++;
      if (l[0] !== "+") assert.equal(a[at++], text, "context and deletions match the old text");
      if (l[0] !== "-") out.push(text);
    }
    i--;
  }
  while (at < a.length) out.push(a[at++] as string);
  return out.join("");
}

describe("unifiedDiff", () => {
  it("prints nothing for equal texts", () => assert.equal(unifiedDiff("a\n", "a\n", "f", "f"), ""));

  it("writes diff -u hunks with three lines of context", () => {
    const before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
    const after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n";
    assert.equal(unifiedDiff(before, after, "old", "new"), "--- old\n+++ new\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n+11\n");
  });

  it("names an empty side by the line before it, and marks a last line without a line break", () => {
    assert.equal(unifiedDiff("", "a\n", "f", "f"), "--- f\n+++ f\n@@ -0,0 +1 @@\n+a\n");
    assert.equal(unifiedDiff("a", "a\nb\n", "f", "f"), "--- f\n+++ f\n@@ -1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n");
  });

  it("splits changes far apart into hunks", () => {
    const before = Array.from({ length: 30 }, (_, i) => `${i}\n`).join("");
    const after = before.replace("2\n", "two\n").replace("25\n", "twenty-five\n");
    assert.equal(unifiedDiff(before, after, "f", "f").match(/^@@/gm)?.length, 2);
  });

  it("turns one text into the other, for any two texts", () => {
    const text = fc.array(fc.constantFrom("a\n", "b\n", "c\n", "d\r\n", "e"), { maxLength: 25 }).map((l) => l.join(""));
    fc.assert(fc.property(text, text, (before, after) => assert.equal(before === after ? before : patch(before, unifiedDiff(before, after, "f", "f")), after)));
  });
});
