import { deleteLineFix, distinctFixes, replaceKeyFix } from "./fixes";
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
      const gone = `${a.key.name} is the old name of ${e.replacement}, gone since Linux ${e.removedIn ?? "an earlier release"}, so writing it fails.`;
      // A new name that only reports (nf_conntrack_count) cannot take the value: renaming would trade one failing line for another.
      const reportOnly = ctx.catalogue.resolve(e.replacement)?.entry.readOnly === true;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: reportOnly
          ? `${gone} ${e.replacement} is read-only (the kernel only reports it), so remove the line.`
          : `${gone} Use ${e.replacement}, which takes the same value.`,
        tags: ["deprecated"],
        fixes: reportOnly ? [{ ...deleteLineFix(a), isPreferred: true }] : distinctFixes([replaceKeyFix(ctx, a, e.replacement, true), deleteLineFix(a)]),
        voidsLine: true,
      });
    }
    return out;
  },
};
