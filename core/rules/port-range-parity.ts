import { assignmentsHere } from "./context-values";
import { KEY } from "./keys";
import { portRangeOf } from "./port-range";
import type { Finding, Rule } from "./types";

/**
 * The kernel hands connect() and bind() ports of different parity so they compete less; it prefers a range
 * whose ends differ in parity (the default 32768 60999 does) and logs a complaint otherwise.
 */
export const portRangeParity: Rule = {
  code: "port-range-parity",
  defaultSeverity: "information",
  description: "An ip_local_port_range whose ends have the same parity.",
  afterWrite: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const a of assignmentsHere(ctx, KEY.portRange)) {
      const range = portRangeOf(ctx, a);
      if (!range || range.low % 2 !== range.high % 2 || range.low === range.high) continue;
      const high = range.high < 65535 ? range.high + 1 : range.high - 1;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: `Both ends of the range are ${range.low % 2 === 0 ? "even" : "odd"}. The kernel splits ports by parity between connect() and bind() and prefers ends of different parity (it logs a complaint otherwise).`,
        fixes: [{ title: `Change the range to ${range.low} ${high}`, edits: [{ range: a.value.range, newText: `${range.low} ${high}` }], isPreferred: true }],
      });
    }
    return out;
  },
};
