import { assignmentsHere, finalInt } from "./context-values";
import { KEY } from "./keys";
import { portRangeOf } from "./port-range";
import type { Finding, Rule } from "./types";

export const portRangePrivileged: Rule = {
  code: "port-range-privileged",
  defaultSeverity: "error",
  description: "An ip_local_port_range that starts below ip_unprivileged_port_start: the kernel rejects the write.",
  check(ctx) {
    const out: Finding[] = [];
    const start = finalInt(ctx, KEY.unprivilegedPortStart);
    if (start === undefined) return out;
    for (const a of assignmentsHere(ctx, KEY.portRange)) {
      const range = portRangeOf(ctx, a);
      if (!range || range.low >= start) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: `The range starts at ${range.low}, below ip_unprivileged_port_start (${start}): the kernel rejects this write and keeps the old range.`,
        voidsLine: true,
      });
    }
    return out;
  },
};
