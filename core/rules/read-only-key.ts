import { deleteLineFix } from "./fixes";
import { isGone, knownAssignments } from "./context-values";
import type { Finding, Rule } from "./types";

export const readOnlyKey: Rule = {
  code: "read-only-key",
  defaultSeverity: "error",
  description: "A key the kernel only reports: writing it fails.",
  check(ctx) {
    const out: Finding[] = [];
    for (const { a, e } of knownAssignments(ctx)) {
      // A removed or renamed key is its own rule's story, read-only or not.
      if (!e.readOnly || (e.status === "removed" && isGone(e, ctx.kernel))) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `${a.key.name} is read-only: the kernel reports it, and writing it fails.`,
        fixes: [{ ...deleteLineFix(a), isPreferred: true }],
        voidsLine: true,
      });
    }
    return out;
  },
};
