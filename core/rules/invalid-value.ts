import { checkValue } from "../catalogue/values";
import { MAX_VALUE_LENGTH } from "../sysctl/parse";
import type { Finding, Rule } from "./types";

export const invalidValue: Rule = {
  code: "invalid-value",
  defaultSeverity: "error",
  description: "A value of the wrong type or outside the range the kernel accepts.",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      const v = a.value;
      if (v.text.length > MAX_VALUE_LENGTH) {
        out.push({
          code: this.code,
          severity: this.defaultSeverity,
          range: v.range,
          message: `This value is ${v.text.length} characters long; sysctl reads at most ${MAX_VALUE_LENGTH}.`,
        });
        continue;
      }
      const r = ctx.resolution(a);
      if (r.kind !== "key" || r.resolved.entry.readOnly) continue;
      const problem = checkValue(r.resolved.entry, v.text);
      if (problem) {
        out.push({
          code: this.code,
          severity: problem.rejected ? this.defaultSeverity : "warning",
          range: v.range,
          message: `\`${a.key.name}\` ${problem.message}.`,
        });
      }
    }
    return out;
  },
};
