import { intsOf } from "./context-values";
import { ORDERED_VECTORS } from "./keys";
import type { Finding, Rule } from "./types";

export const vectorOrder: Rule = {
  code: "vector-order",
  defaultSeverity: "warning",
  description: "A minimum, middle, maximum vector (tcp_rmem, tcp_wmem, tcp_mem, udp_mem) whose values go down.",
  afterWrite: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      if (!ORDERED_VECTORS.includes(a.key.name)) continue;
      const v = intsOf(ctx, a);
      if (!v || v.every((n, i) => i === 0 || (v[i - 1] as number) <= n)) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: `${a.key.name} reads as minimum, middle and maximum, so each value should be at least the one before it; ${a.value.text} goes down, and the kernel does not sort it out for you.`,
      });
    }
    return out;
  },
};
