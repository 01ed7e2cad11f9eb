import { deleteLineFix } from "./fixes";
import type { Assignment } from "../sysctl/parse";
import type { Finding, Rule } from "./types";

/** sysctl applies lines in order, so an earlier assignment of the same key is dead. */
export const duplicateKey: Rule = {
  code: "duplicate-key",
  defaultSeverity: "warning",
  description: "A key assigned again later in the same file: the earlier line has no effect.",
  check(ctx) {
    const out: Finding[] = [];
    const last = new Map<string, Assignment>();
    for (let i = ctx.doc.assignments.length - 1; i >= 0; i--) {
      const a = ctx.doc.assignments[i] as Assignment;
      if (a.key.glob) continue;
      const winner = last.get(a.key.name);
      if (!winner) {
        last.set(a.key.name, a);
        continue;
      }
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.range,
        message: `${a.key.name} is set again on line ${winner.line + 1}, so this line has no effect.`,
        tags: ["unnecessary"],
        related: [{ range: winner.range, message: "The assignment that wins" }],
        fixes: [{ ...deleteLineFix(a, "Remove the dead assignment"), isPreferred: true }],
        voidsLine: true,
      });
    }
    return out.reverse();
  },
};
