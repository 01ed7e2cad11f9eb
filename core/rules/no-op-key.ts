import { deleteLineFix } from "./fixes";
import { isGone, knownAssignments } from "./context-values";
import type { Finding, Rule } from "./types";

/** Keys that still exist but that the target kernel ignores, or that are on their way out. */
export const noOpKey: Rule = {
  code: "no-op-key",
  defaultSeverity: "warning",
  description: "A key the kernel still accepts but ignores, or has deprecated.",
  check(ctx) {
    const out: Finding[] = [];
    for (const { a, e } of knownAssignments(ctx)) {
      const noOp = e.status === "no-op" && isGone(e, ctx.kernel);
      if (!noOp && e.status !== "deprecated") continue;
      const instead = e.replacement ? ` Use ${e.replacement} instead.` : "";
      const since = e.removedIn ? ` since Linux ${e.removedIn}` : "";
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: noOp
          ? `${a.key.name} has no effect${since}: the kernel accepts the write and ignores it.${instead}`
          : `${a.key.name} is deprecated.${instead}`,
        tags: noOp ? ["unnecessary"] : ["deprecated"],
        fixes: [{ ...deleteLineFix(a), isPreferred: true }],
      });
    }
    return out;
  },
};
