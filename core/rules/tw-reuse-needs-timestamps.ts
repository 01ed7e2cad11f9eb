import { assignmentsHere, finalInt, intsOf } from "./context-values";
import { KEY } from "./keys";
import type { Finding, Rule } from "./types";

/** tcp_tw_reuse only takes over TIME_WAIT entries whose connection used TCP timestamps. */
export const twReuseNeedsTimestamps: Rule = {
  code: "tw-reuse-needs-timestamps",
  defaultSeverity: "warning",
  description: "tcp_tw_reuse has no effect while tcp_timestamps is 0.",
  afterWrite: true,
  check(ctx) {
    if (finalInt(ctx, KEY.timestamps) !== 0) return [];
    const off = ctx.finalValue(KEY.timestamps);
    const out: Finding[] = [];
    for (const a of assignmentsHere(ctx, KEY.twReuse)) {
      const [v] = intsOf(ctx, a) ?? [];
      if (!v) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: "tcp_tw_reuse does nothing here: it only reuses TIME_WAIT entries of connections that used TCP timestamps, and tcp_timestamps is 0.",
        ...(off ? { related: [{ uri: off.file.uri, range: off.assignment.range, message: "tcp_timestamps is turned off here" }] } : {}),
      });
    }
    return out;
  },
};
