import { liveUnknownKeys } from "./context-values";
import type { Finding, Rule } from "./types";

/**
 * Keys Socket Doctor cannot check: a family it does not describe key by key (a vendor module, `dev.raid`),
 * or a key this machine has that upstream Linux does not (a vendor or distribution patch). A rule of its
 * own, so that silencing these notes keeps typo detection (unknown-key) on.
 */
export const uncheckedKey: Rule = {
  code: "unchecked-key",
  defaultSeverity: "information",
  description: "A key outside the families Socket Doctor describes, so its name and value are not checked.",
  check(ctx) {
    const out: Finding[] = [];
    const live = liveUnknownKeys(ctx);
    for (const a of ctx.doc.assignments) {
      const r = ctx.resolution(a);
      const vendor = live.has(a);
      if (r.kind !== "unchecked" && !vendor) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: vendor
          ? `${a.key.name} exists on this machine but not in Linux 6.18 as released (a vendor or distribution addition?), so Socket Doctor cannot check it.`
          : `${a.key.name} belongs to a family Socket Doctor does not describe key by key, so its name and value are not checked.`,
      });
    }
    return out;
  },
};
