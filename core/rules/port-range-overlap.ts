import { assignmentsHere } from "./context-values";
import { KEY } from "./keys";
import { portRangeOf, reservedPorts } from "./port-range";
import type { Finding, Fix, Rule, RuleContext } from "./types";
import { WELL_KNOWN_PORTS } from "./well-known-ports";
import type { Assignment } from "../sysctl/parse";
import { lineRange } from "../text/range";

/**
 * Reserve the ports: update this file's ip_local_reserved_ports line, or add one after the range that keeps
 * the ports another file of the set reserves (the new line replaces that list).
 */
function reserveFix(ctx: RuleContext, rangeLine: Assignment, ports: readonly number[]): Fix {
  const existing = assignmentsHere(ctx, KEY.reservedPorts).at(-1);
  const list = ports.join(",");
  const title = `Reserve ${list} in ip_local_reserved_ports`;
  const withList = (before: string | undefined) => (before === undefined || before.trim() === "" ? list : `${before},${list}`);
  if (existing) return { title, edits: [{ range: existing.value.range, newText: withList(existing.value.text) }] };
  const elsewhere = ctx.finalValue(KEY.reservedPorts)?.assignment.value.text;
  const end = rangeLine.range.end;
  return { title, edits: [{ range: lineRange(end.line, end.character, end.character), newText: `\n${KEY.reservedPorts} = ${withList(elsewhere)}` }] };
}

export const portRangeOverlap: Rule = {
  code: "port-range-overlap",
  defaultSeverity: "warning",
  description: "An ip_local_port_range that covers ports services commonly listen on, not kept out by ip_local_reserved_ports: those services can fail to start.",
  afterWrite: true,
  check(ctx) {
    const out: Finding[] = [];
    const reserved = reservedPorts(ctx.finalValue(KEY.reservedPorts)?.assignment.value.text);
    for (const a of assignmentsHere(ctx, KEY.portRange)) {
      const range = portRangeOf(ctx, a);
      if (!range) continue;
      const hits = WELL_KNOWN_PORTS.filter((p) => p.port >= range.low && p.port <= range.high && !reserved(p.port));
      if (hits.length === 0) continue;
      const names = hits.map((p) => `${p.port} (${p.service})`).join(", ");
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: `The range covers ports services often listen on: ${names}. An outgoing connection may take one of them as its source port, and a service that starts later on that port then fails with "address already in use". List the ports this host serves in ip_local_reserved_ports, or start the range above them.`,
        fixes: [reserveFix(ctx, a, hits.map((p) => p.port))],
      });
    }
    return out;
  },
};
