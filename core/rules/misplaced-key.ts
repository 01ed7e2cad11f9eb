import { replaceKeyFix } from "./fixes";
import type { Finding, Rule } from "./types";

/** A real key written under the wrong family: `net.ipv4.somaxconn` is `net.core.somaxconn`. */
export const misplacedKey: Rule = {
  code: "misplaced-key",
  defaultSeverity: "error",
  description: "A known setting written under the wrong family (`net.ipv4.somaxconn` for `net.core.somaxconn`).",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      const r = ctx.resolution(a);
      if (r.kind !== "misplaced") continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `\`${a.key.name}\` does not exist, so writing it fails: this setting is \`${r.key}\`.`,
        fixes: [replaceKeyFix(a, r.key, true)],
      });
    }
    return out;
  },
};
