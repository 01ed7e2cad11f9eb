/** Runs the linter over a fixture and keeps one rule's findings in a compact, comparable form. */
import { lintDocument, lintText, type LintOptions } from "../../core/rules/lint";
import { parseSysctl } from "../../core/sysctl/parse";
import type { Finding } from "../../core/rules/types";
import { fixtureCatalogue } from "./fixture-catalogue";

export function findingsOf(code: string, text: string, options: LintOptions = {}): Finding[] {
  return lintText(text, { catalogue: fixtureCatalogue, ...options }).filter((f) => f.code === code);
}

/** `[line, startCharacter, endCharacter, severity]` of each finding: the shape rule tables expect. */
export type Spot = [number, number, number, Finding["severity"]];

export function spots(findings: readonly Finding[]): Spot[] {
  return findings.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character, f.severity]);
}

/** Applies the edits of a fix to the text (edits must not overlap). */
export function applyFix(text: string, fix: NonNullable<Finding["fixes"]>[number]): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) =>
    p.line >= lines.length ? text.length : lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of edits) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Lints one file of a set applied together (`sysctl --system` order: `texts` in application order). */
export function findingsInSet(code: string, texts: readonly (readonly [string, string])[], index: number, options: LintOptions = {}): Finding[] {
  const files = texts.map(([uri, text]) => ({ uri, doc: parseSysctl(text) }));
  const file = files[index]!;
  return lintDocument(file.doc, { catalogue: fixtureCatalogue, uri: file.uri, files, ...options }).filter((f) => f.code === code);
}
