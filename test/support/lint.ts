/** Runs the linter over a fixture and keeps one rule's findings in a compact, comparable form. */
import { lintDocument, lintText, type LintOptions } from "../../core/rules/lint";
import { parseSysctl } from "../../core/sysctl/parse";
import { applyEdits } from "../../core/text/edits";
import type { Finding } from "../../core/rules/types";
import { fixtureCatalogue } from "./fixture-catalogue";

/** Lint options with the fixture catalogue unless the test names another. */
export type TestLintOptions = Partial<LintOptions>;

export function findingsOf(code: string, text: string, options: TestLintOptions = {}): Finding[] {
  return lintText(text, { catalogue: fixtureCatalogue, ...options }).filter((f) => f.code === code);
}

/** `[line, startCharacter, endCharacter, severity]` of each finding: the shape rule tables expect. */
export type Spot = [number, number, number, Finding["severity"]];

export function spots(findings: readonly Finding[]): Spot[] {
  return findings.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character, f.severity]);
}

/** Applies the edits of a fix to the text, as the editor would. */
export function applyFix(text: string, fix: NonNullable<Finding["fixes"]>[number]): string {
  return applyEdits(text, fix.edits);
}

/** Lints one file of a set applied together (`sysctl --system` order: `texts` in application order). */
export function findingsInSet(code: string, texts: readonly (readonly [string, string])[], index: number, options: TestLintOptions = {}): Finding[] {
  const files = texts.map(([uri, text]) => ({ uri, doc: parseSysctl(text) }));
  const file = files[index]!;
  return lintDocument(file.doc, { catalogue: fixtureCatalogue, uri: file.uri, files, ...options }).filter((f) => f.code === code);
}
