import { compareKernel } from "../catalogue/version";
import { deleteLineFix, replaceKeyFix } from "./fixes";
import type { Finding, Rule } from "./types";

/** Keys the target kernel no longer has: the write fails (and `sysctl -p` reports an error). */
export const removedKey: Rule = {
  code: "removed-key",
  defaultSeverity: "error",
  description: "A key that was removed from the kernel: writing it fails.",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      const r = ctx.resolution(a);
      if (r.kind !== "key") continue;
      const e = r.resolved.entry;
      if (e.status !== "removed" || (e.removedIn && compareKernel(ctx.kernel, e.removedIn) < 0)) continue;
      const instead = e.replacement ? ` Use \`${e.replacement}\` instead.` : "";
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `\`${a.key.name}\` was removed in Linux ${e.removedIn ?? "an earlier release"}, so writing it fails. It was: ${lowerFirst(e.summary)}.${instead}`,
        tags: ["deprecated"],
        fixes: [
          { ...deleteLineFix(a), isPreferred: !e.replacement },
          ...(e.replacement ? [replaceKeyFix(a, e.replacement, true)] : []),
        ],
      });
    }
    return out;
  },
};

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
