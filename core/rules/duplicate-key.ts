import { deleteLineFix } from "./fixes";
import type { Assignment, SysctlDocument } from "../sysctl/parse";
import type { Finding, Rule } from "./types";

/** The last assignment of each key in a document: the one that wins. */
function lastAssignments(doc: SysctlDocument): Map<string, Assignment> {
  const last = new Map<string, Assignment>();
  for (const a of doc.assignments) if (!a.key.glob) last.set(a.key.name, a);
  return last;
}

/** sysctl applies lines in order, so an earlier assignment of the same key is dead. */
export const duplicateKey: Rule = {
  code: "duplicate-key",
  defaultSeverity: "warning",
  description: "A key assigned again later in the same file: the earlier line has no effect.",
  check(ctx) {
    const out: Finding[] = [];
    const last = ctx.once(lastAssignments, () => lastAssignments(ctx.file.doc));
    for (const a of ctx.doc.assignments) {
      if (a.key.glob) continue;
      const winner = last.get(a.key.name);
      if (!winner || winner === a) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.range,
        message: `\`${a.key.name}\` is set again on line ${winner.line + 1}, so this line has no effect.`,
        tags: ["unnecessary"],
        related: [{ range: winner.range, message: "The assignment that wins" }],
        fixes: [{ ...deleteLineFix(a, "Remove the dead assignment"), isPreferred: true }],
      });
    }
    return out;
  },
};
