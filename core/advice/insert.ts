/**
 * Plans the edits that put a profile's settings into a sysctl file, so that they only help:
 * - each setting's intent (types.ts) decides from the value that applies now: never lower a limit that means
 *   "at least", never narrow a range, leave a value that already meets the setting;
 * - the file's own line is updated in place (its last assignment, the one that counts), never duplicated;
 * - a key that a later file of the `sysctl --system` set assigns is not written here, where it would be dead:
 *   the plan names the file that wins, for the caller to offer;
 * - every line written gets a comment with the real before → after (comment.ts).
 */
import type { SysctlFile } from "../rules/types";
import type { Assignment, SysctlDocument } from "../sysctl/parse";
import { lineRange, type TextEdit } from "../text/range";
import { commentLines, settingComment } from "./comment";
import { valueFor } from "./intent";
import { overridingFiles } from "./summary";
import type { Current, InsertionPlan, Outcome } from "./plan-types";
import type { Profile } from "./types";

export type { Current, InsertionPlan, Outcome, Source } from "./plan-types";

export interface InsertionTarget {
  readonly uri: string;
  readonly doc: SysctlDocument;
  /** The files `sysctl --system` applies with the target, in order, the target among them. Default: it alone. */
  readonly files?: readonly SysctlFile[];
  /** The file of the same name in a stronger folder that keeps the target from being applied at all. */
  readonly maskedBy?: string;
}

export interface PlanOptions {
  /** The kernel's default for a key (from the catalogue), where it is a fixed value. */
  readonly kernelDefault?: (key: string) => string | undefined;
  /** Plan only these keys (to follow up in the file that overrides the target). */
  readonly keys?: readonly string[];
  /** The line break to write: the document's own. */
  readonly eol?: string;
}

interface Found {
  readonly uri: string;
  readonly assignment: Assignment;
}

/** The last exact assignment of each key across files, in order: the one that wins. */
function winners(files: readonly SysctlFile[]): Map<string, Found> {
  const out = new Map<string, Found>();
  for (const f of files) for (const a of f.doc.assignments) if (!a.key.glob) out.set(a.key.name, { uri: f.uri, assignment: a });
  return out;
}

function appendBlock(doc: SysctlDocument, lines: readonly string[], eol: string): TextEdit {
  const last = doc.lines[doc.lines.length - 1];
  const end = last ? last.range.end : { line: 0, character: 0 };
  const endsWithBlank = last?.kind === "blank" && end.character === 0;
  const empty = doc.lines.length === 1 && endsWithBlank;
  const lead = empty ? "" : endsWithBlank ? eol : eol + eol;
  return { range: lineRange(end.line, end.character, end.character), newText: `${lead}${lines.join(eol)}${eol}` };
}

export function planInsertion(p: Profile, target: InsertionTarget, options: PlanOptions = {}): InsertionPlan {
  if (target.maskedBy !== undefined) return { profile: p, edits: [], outcomes: [], maskedBy: target.maskedBy };
  const eol = options.eol ?? "\n";
  const files = target.files ?? [{ uri: target.uri, doc: target.doc }];
  const at = files.findIndex((f) => f.uri === target.uri);
  const earlier = winners(at < 0 ? [] : files.slice(0, at));
  const later = winners(at < 0 ? [] : files.slice(at + 1));
  const own = winners([{ uri: target.uri, doc: target.doc }]);
  const edits: TextEdit[] = [];
  const outcomes: Outcome[] = [];
  const block: string[] = [];
  for (const setting of p.settings) {
    if (options.keys && !options.keys.includes(setting.key)) continue;
    const winner = later.get(setting.key);
    if (winner) {
      const value = winner.assignment.value.text;
      const after = valueFor(setting, value);
      const source = { kind: "file", uri: winner.uri, line: winner.assignment.line } as const;
      outcomes.push(after === undefined ? { kind: "kept", setting, current: { value, source } } : { kind: "overridden", setting, by: { uri: winner.uri, line: winner.assignment.line, value }, after });
      continue;
    }
    const mine = own.get(setting.key)?.assignment;
    const before = earlier.get(setting.key);
    const current: Current = mine
      ? { value: mine.value.text, source: { kind: "line", line: mine.line } }
      : before
        ? { value: before.assignment.value.text, source: { kind: "file", uri: before.uri, line: before.assignment.line } }
        : { value: options.kernelDefault?.(setting.key), source: { kind: "default" } };
    const after = valueFor(setting, current.value);
    if (after === undefined) outcomes.push({ kind: "kept", setting, current });
    else if (mine) {
      outcomes.push({ kind: "updated", setting, before: current, after });
      edits.push({ range: lineRange(mine.line, 0, 0), newText: settingComment(setting, current, after).join(eol) + eol });
      edits.push({ range: mine.value.range, newText: after });
    } else {
      outcomes.push({ kind: "added", setting, before: current, after });
      block.push(...settingComment(setting, current, after), `${setting.key} = ${after}`);
    }
  }
  if (block.length > 0) edits.push(appendBlock(target.doc, [...commentLines(`Socket Doctor vetted settings: ${p.title}`), ...block], eol));
  return { profile: p, edits, outcomes };
}

/**
 * Plans for the files of the set that override the target, each for the keys it overrides: there a line is
 * the one that wins (no file after it assigns the key). Empty where nothing overrides, or the target is masked
 * (the masking file belongs to a set of its own, which the caller builds).
 */
export function planOverriding(plan: InsertionPlan, target: InsertionTarget, options: PlanOptions = {}): { readonly uri: string; readonly plan: InsertionPlan }[] {
  if (plan.maskedBy !== undefined) return [];
  const files = target.files ?? [];
  return overridingFiles(plan).flatMap(({ uri, keys }) => {
    const file = files.find((f) => f.uri === uri);
    return file ? [{ uri, plan: planInsertion(plan.profile, { ...file, files }, { ...options, keys }) }] : [];
  });
}
