import { parseKernelInt } from "../catalogue/values";
import { assignmentsHere, intsOf } from "./context-values";
import { KEY } from "./keys";
import type { Finding, Rule } from "./types";

/**
 * The boot-time size is half the TCP established-hash table, which the kernel sizes from memory (131072 on a
 * 24 GiB host). Without this machine's value we only ask the user to check values below that.
 */
const TYPICAL_BOOT_SIZE = 131072;

export const twBucketsLowered: Rule = {
  code: "tw-buckets-lowered",
  defaultSeverity: "warning",
  description: "Lowering tcp_max_tw_buckets below its boot-time size destroys TIME_WAIT state early.",
  check(ctx) {
    const out: Finding[] = [];
    const here = assignmentsHere(ctx, KEY.maxTwBuckets);
    // The live value is a /proc read: only for a document that sets the key.
    const live = here.length > 0 ? ctx.live?.(KEY.maxTwBuckets) : undefined;
    const current = live === undefined ? undefined : parseKernelInt(live);
    for (const a of here) {
      const [v] = intsOf(a) ?? [];
      if (v === undefined) continue;
      const truth =
        "Past the limit the kernel skips TIME_WAIT and tears connections down at once, losing the protection against stray old segments; the 60-second TIME_WAIT itself does not get shorter.";
      if (current !== undefined && v < current) {
        out.push({ code: this.code, severity: this.defaultSeverity, range: a.value.range, message: `This lowers \`tcp_max_tw_buckets\` below this machine's current value (${current}). ${truth}` });
      } else if (v < TYPICAL_BOOT_SIZE && (current === undefined || v === current)) {
        // The live value may already be this file's own value, so it cannot tell us the boot-time size.
        out.push({
          code: this.code,
          severity: "information",
          range: a.value.range,
          message: `\`tcp_max_tw_buckets\` is sized at boot from memory (half the TCP hash table, ${TYPICAL_BOOT_SIZE} on a 24 GiB host); make sure ${v} is not below the target host's boot-time value. ${truth}`,
        });
      }
    }
    return out;
  },
};
