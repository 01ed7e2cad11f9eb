import { deleteLineFix } from "./fixes";
import type { Finding, Rule } from "./types";

/** `sysctl --system` applies files in order; an assignment that a later file repeats is dead. */
export const overriddenKey: Rule = {
  code: "overridden-key",
  defaultSeverity: "warning",
  description: "A key that a file applied later (in sysctl --system order) sets again, so this line has no effect.",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      if (a.key.glob) continue;
      const winner = ctx.finalValue(a.key.name);
      if (!winner || winner.assignment === a || winner.file === ctx.file) continue;
      const file = winner.file.uri.replace(/^.*\//, "");
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.range,
        message: `${a.key.name} is set again in ${file} (line ${winner.assignment.line + 1}), which sysctl applies later, so this line has no effect.`,
        tags: ["unnecessary"],
        related: [{ uri: winner.file.uri, range: winner.assignment.range, message: "The assignment that wins" }],
        fixes: [deleteLineFix(a, "Remove the overridden assignment")],
        voidsLine: true,
      });
    }
    return out;
  },
};
