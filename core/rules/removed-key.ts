import { deleteLineFix } from "./fixes";
import { isGone, knownAssignments } from "./context-values";
import type { Finding, Rule } from "./types";

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
      const instead = alt ? ` \`${alt.key} = ${alt.value}\` covers part of it, but ${alt.caveat}.` : "";
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `\`${a.key.name}\` was removed in Linux ${e.removedIn ?? "an earlier release"}, so writing it fails. It was: ${lowerFirst(e.summary)}.${instead}`,
        tags: ["deprecated"],
        fixes: [
          { ...deleteLineFix(a), isPreferred: true },
          ...(alt ? [{ title: `Replace with ${alt.key} = ${alt.value} (outgoing connections only)`, edits: [{ range: a.range, newText: `${alt.key} = ${alt.value}` }] }] : []),
        ],
      });
    }
    return out;
  },
};

export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

