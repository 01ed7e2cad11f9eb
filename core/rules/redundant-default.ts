import { sameValue } from "../catalogue/values";
import { deleteLineFix } from "./fixes";
import { knownAssignments } from "./context-values";
import type { Finding, Rule } from "./types";

export const redundantDefault: Rule = {
  code: "redundant-default",
  defaultSeverity: "hint",
  description: "A key set to the kernel's default: the line changes nothing unless it overrides another file.",
  check(ctx) {
    const out: Finding[] = [];
    for (const { a, e } of knownAssignments(ctx)) {
      if (e.default === null || e.readOnly || e.status !== "active" || !sameValue(a.value.text, e.default)) continue;
      // Restating the default on purpose, to undo an earlier file, is not redundant.
      if (ctx.assignmentsOf(a.key.name)[0]?.assignment !== a) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.range,
        message: `\`${e.default}\` is already the kernel's default for \`${a.key.name}\`; this line changes nothing unless it overrides another file.`,
        tags: ["unnecessary"],
        fixes: [{ ...deleteLineFix(a), isPreferred: true }],
      });
    }
    return out;
  },
};
