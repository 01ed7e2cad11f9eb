/** Small edit builders shared by rules. A fix never writes a key the document already sets (no duplicates). */
import type { Assignment } from "../sysctl/parse";
import { wholeLine } from "../text/range";
import type { Fix, RuleContext } from "./types";

export function deleteLineFix(a: Assignment, title = "Remove this line"): Fix {
  return { title, edits: [{ range: wholeLine(a.line), newText: "" }] };
}

/** Another line of this document that sets `key`. */
function otherLineSetting(ctx: RuleContext, key: string, a: Assignment): Assignment | undefined {
  return ctx.assignmentsOf(key).find((l) => l.file === ctx.file && l.assignment !== a)?.assignment;
}

/** Writes `key` in place of the line's key; where the document sets `key` already, removes the line instead. */
export function replaceKeyFix(ctx: RuleContext, a: Assignment, key: string, preferred: boolean): Fix {
  const there = otherLineSetting(ctx, key, a);
  const fix = there
    ? deleteLineFix(a, `Remove this line (${key} is already set on line ${there.line + 1})`)
    : { title: `Change to ${key}`, edits: [{ range: a.key.range, newText: key }] };
  return { ...fix, isPreferred: preferred };
}

/** Replaces the whole line with `key = value`; undefined where the document sets `key` already. */
export function replaceLineFix(ctx: RuleContext, a: Assignment, key: string, value: string, title: string): Fix | undefined {
  if (otherLineSetting(ctx, key, a)) return undefined;
  return { title, edits: [{ range: a.range, newText: `${key} = ${value}` }] };
}

/** Sets the line's value. */
export function setValueFix(a: Assignment, value: string, title: string): Fix {
  return { title, edits: [{ range: a.value.range, newText: value }], isPreferred: true };
}

/** Drops fixes that make the same edits as an earlier one (two suggestions that both end in removing the line). */
export function distinctFixes(fixes: readonly Fix[]): Fix[] {
  const seen = new Set<string>();
  return fixes.filter((f) => {
    const id = JSON.stringify(f.edits);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
