import { replaceKeyFix } from "./fixes";
import type { Finding, Rule } from "./types";

/**
 * The catalogue covers every net.ipv4 key: an unknown key there is most likely a typo. Elsewhere it holds
 * only the socket-related keys, so an unknown key is reported gently.
 */
const COVERED = ["net.ipv4."];

export const unknownKey: Rule = {
  code: "unknown-key",
  defaultSeverity: "warning",
  description: "A key (or glob pattern) that matches no key the kernel has.",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      const r = ctx.resolution(a);
      if (r.kind === "glob") {
        if (r.matches === 0) {
          out.push({
            code: this.code,
            severity: "information",
            range: a.key.range,
            message: `The pattern \`${a.key.text}\` matches no key Socket Doctor knows.`,
          });
        }
        continue;
      }
      if (r.kind !== "unknown") continue;
      const covered = COVERED.some((p) => a.key.name.startsWith(p));
      const suggestions = ctx.catalogue.suggest(a.key.name);
      const hint = suggestions.length > 0 ? ` Did you mean \`${suggestions[0]}\`?` : "";
      out.push({
        code: this.code,
        severity: covered ? this.defaultSeverity : "information",
        range: a.key.range,
        message: covered
          ? `Unknown key \`${a.key.name}\`: the kernel has no such setting.${hint}`
          : `\`${a.key.name}\` is outside Socket Doctor's catalogue, so it is not checked.${hint}`,
        fixes: suggestions.map((s, i) => replaceKeyFix(a, s, i === 0)),
      });
    }
    return out;
  },
};
