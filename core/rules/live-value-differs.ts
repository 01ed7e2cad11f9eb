import type { KeyEntry } from "../catalogue/types";
import { appliedValue, parseKernelInt, sameValue } from "../catalogue/values";
import { isWritable, knownAssignments } from "./context-values";
import { normalizePortList } from "./port-range";
import type { Finding, Rule } from "./types";

/** Whether the running value is what the line sets; a vector given fewer numbers sets only those. */
function matches(e: KeyEntry, applied: string, live: string): boolean {
  if (e.type === "port-list") return normalizePortList(applied) === normalizePortList(live);
  if (e.type !== "vector" && e.type !== "port-range") return sameValue(applied, live);
  const running = live.split(/\s+/);
  return applied.split(/\s+/).every((w, i) => running[i] !== undefined && parseKernelInt(w) === parseKernelInt(running[i]));
}

const shown = (v: string) => (v === "" ? "empty" : v);

/**
 * For a file meant for this machine (lint --live, or a file this machine's sysctl --system reads), the lines
 * whose value is not what the kernel runs with: the file was not applied since, or something changed the key.
 */
export const liveValueDiffers: Rule = {
  code: "live-value-differs",
  defaultSeverity: "information",
  description: "A value that differs from this machine's current one (lint --live, and files under /etc): the file has not been applied since, or something changed the key later.",
  afterWrite: true,
  check(ctx) {
    const live = ctx.live;
    if (!ctx.compareLive || !live) return [];
    const out: Finding[] = [];
    for (const { a, e } of knownAssignments(ctx)) {
      // Only the line that wins its key is what sysctl --system leaves behind.
      if (!isWritable(e, ctx.kernel) || ctx.finalValue(a.key.name)?.assignment !== a) continue;
      const applied = appliedValue(e, a.value.text);
      const running = applied === undefined ? undefined : live(a.key.name);
      if (applied === undefined || running === undefined || matches(e, applied, running)) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: `This machine runs with ${a.key.name} = ${shown(running)}, not ${shown(applied)}: the file has not been applied since this line changed (sysctl --system applies it), or something set the key afterwards.`,
      });
    }
    return out;
  },
};
