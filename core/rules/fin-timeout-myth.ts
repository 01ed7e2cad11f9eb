import { assignmentsHere, intsOf } from "./context-values";
import { KEY } from "./keys";
import type { Finding, Rule } from "./types";

/** Folk advice lowers tcp_fin_timeout to fight TIME_WAIT; it governs FIN_WAIT2 orphans only. */
export const finTimeoutMyth: Rule = {
  code: "fin-timeout-myth",
  defaultSeverity: "information",
  description: "Lowering tcp_fin_timeout does not shorten TIME_WAIT.",
  afterWrite: true,
  check(ctx) {
    const out: Finding[] = [];
    const def = Number(ctx.catalogue.resolve(KEY.finTimeout)?.entry.default ?? 60);
    for (const a of assignmentsHere(ctx, KEY.finTimeout)) {
      const [v] = intsOf(ctx, a) ?? [];
      if (v === undefined || v >= def) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: "tcp_fin_timeout only limits how long orphaned sockets wait in FIN_WAIT2; it does not shorten TIME_WAIT, which Linux keeps for a fixed 60 seconds. For a TIME_WAIT pile, see tcp_tw_reuse and connection reuse instead.",
      });
    }
    return out;
  },
};
