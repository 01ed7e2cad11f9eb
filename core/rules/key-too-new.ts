import { compareKernel } from "../catalogue/version";
import { knownAssignments } from "./context-values";
import type { Finding, Rule } from "./types";

/** Keys that appeared after the kernel the file is written for (`socketDoctor.kernelVersion`, `--kernel`). */
export const keyTooNew: Rule = {
  code: "key-too-new",
  defaultSeverity: "warning",
  description: "A key that the target kernel version does not have yet.",
  check(ctx) {
    const out: Finding[] = [];
    for (const { a, e } of knownAssignments(ctx)) {
      const since = e.since;
      if (!since || compareKernel(ctx.kernel, since) >= 0) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `${a.key.name} appeared in Linux ${since}; on ${ctx.kernel} it does not exist, so the write fails.`,
        voidsLine: true,
      });
    }
    return out;
  },
};
