import { deleteLineFix, replaceLineFix } from "./fixes";
import { isGone, knownAssignments } from "./context-values";
import type { Finding, Fix, Rule } from "./types";

/** Keys the target kernel no longer has: the write fails (and `sysctl -p` reports an error). */
export const removedKey: Rule = {
  code: "removed-key",
  defaultSeverity: "error",
  description: "A key that was removed from the kernel: writing it fails.",
  check(ctx) {
    const out: Finding[] = [];
    for (const { a, e } of knownAssignments(ctx)) {
      if (e.status !== "removed" || e.replacement || !isGone(e, ctx.kernel)) continue;
      const alt = e.alternative;
      const instead = alt ? ` ${alt.key} = ${alt.value} covers part of what it did, but ${alt.caveat}.` : "";
      const altFix = alt && replaceLineFix(ctx, a, alt.key, alt.value, `Replace with ${alt.key} = ${alt.value} (read its caveat first)`);
      const fixes: Fix[] = [{ ...deleteLineFix(a), isPreferred: true }, ...(altFix ? [altFix] : [])];
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `${a.key.name} was removed in Linux ${e.removedIn ?? "an earlier release"}, so writing it fails.${instead}`,
        tags: ["deprecated"],
        fixes,
        voidsLine: true,
      });
    }
    return out;
  },
};
