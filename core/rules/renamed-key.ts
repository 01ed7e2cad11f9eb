import { lowerFirst } from "./removed-key";
import { deleteLineFix, replaceKeyFix } from "./fixes";
import { isGone, knownAssignments } from "./context-values";
import type { Finding, Rule } from "./types";

/** Keys that live on under a new name (`net.ipv4.netfilter.ip_conntrack_max` → `net.netfilter.nf_conntrack_max`). */
export const renamedKey: Rule = {
  code: "renamed-key",
  defaultSeverity: "error",
  description: "A key the kernel renamed: the old name no longer exists, the new one takes the same value.",
  check(ctx) {
    const out: Finding[] = [];
    for (const { a, e } of knownAssignments(ctx)) {
      if (e.status !== "removed" || !e.replacement || !isGone(e, ctx.kernel)) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `\`${a.key.name}\` was renamed \`${e.replacement}\` (the old name is gone since Linux ${e.removedIn ?? "an earlier release"}, so writing it fails). It sets ${lowerFirst(e.summary)}.`,
        tags: ["deprecated"],
        fixes: [replaceKeyFix(a, e.replacement, true), deleteLineFix(a)],
      });
    }
    return out;
  },
};
