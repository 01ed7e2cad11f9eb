import { assignmentsHere, intsOf } from "./context-values";
import { KEY } from "./keys";
import type { Finding, Rule } from "./types";

export const syncookiesOff: Rule = {
  code: "syncookies-off",
  defaultSeverity: "warning",
  description: "tcp_syncookies = 0 leaves listeners without their defence against SYN floods.",
  afterWrite: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const a of assignmentsHere(ctx, KEY.syncookies)) {
      const [v] = intsOf(ctx, a) ?? [];
      if (v !== 0) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: "With tcp_syncookies = 0 a SYN flood fills the listen queues and legitimate clients are refused. The default 1 only sends cookies when a queue overflows, so it costs nothing in normal operation.",
        fixes: [{ title: "Set tcp_syncookies to 1 (the default)", edits: [{ range: a.value.range, newText: "1" }], isPreferred: true }],
      });
    }
    return out;
  },
};
