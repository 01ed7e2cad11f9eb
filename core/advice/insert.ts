/**
 * Plans the edits that put a profile's settings into a sysctl document: a key the file already sets is
 * updated in place (its last assignment, which is the one that counts), the others are appended as a block.
 * Each setting gets a comment line that says why.
 */
import { sameValue } from "../catalogue/values";
import type { Assignment, SysctlDocument } from "../sysctl/parse";
import { lineRange, type TextEdit } from "../text/range";
import type { Profile, VettedSetting } from "./types";

function comment(s: VettedSetting): string {
  return `# ${s.why} Trade-off: ${s.tradeoff}`;
}

export interface InsertionPlan {
  readonly edits: readonly TextEdit[];
  /** Keys whose existing line is rewritten. */
  readonly updated: readonly string[];
  readonly added: readonly string[];
  /** Keys the file already sets to the vetted value. */
  readonly unchanged: readonly string[];
}

export function planInsertion(doc: SysctlDocument, p: Profile): InsertionPlan {
  const last = new Map<string, Assignment>();
  for (const a of doc.assignments) if (!a.key.glob) last.set(a.key.name, a);
  const edits: TextEdit[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  const toAdd: VettedSetting[] = [];
  for (const s of p.settings) {
    const existing = last.get(s.key);
    if (!existing) toAdd.push(s);
    else if (sameValue(existing.value.text, s.value)) unchanged.push(s.key);
    else {
      updated.push(s.key);
      edits.push({ range: lineRange(existing.line, 0, 0), newText: `${comment(s)}\n` });
      edits.push({ range: existing.value.range, newText: s.value });
    }
  }
  if (toAdd.length > 0) {
    const lastLine = doc.lines[doc.lines.length - 1];
    const end = lastLine ? lastLine.range.end : { line: 0, character: 0 };
    const endsWithBlank = lastLine?.kind === "blank" && end.character === 0;
    const empty = doc.lines.length === 1 && endsWithBlank;
    const block = [`# Socket Doctor vetted settings: ${p.title}`, ...toAdd.flatMap((s) => [comment(s), `${s.key} = ${s.value}`])].join("\n");
    const lead = empty ? "" : endsWithBlank ? "\n" : "\n\n";
    edits.push({ range: lineRange(end.line, end.character, end.character), newText: `${lead}${block}\n` });
  }
  return { edits, updated, added: toAdd.map((s) => s.key), unchanged };
}
