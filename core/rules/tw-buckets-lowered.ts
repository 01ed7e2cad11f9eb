import { parseKernelInt } from "../catalogue/values";
import { assignmentsHere, intsOf } from "./context-values";
import { deleteLineFix } from "./fixes";
import { KEY } from "./keys";
import type { Finding, Rule } from "./types";

/**
 * The boot-time size is half the TCP established-hash table, which alloc_large_system_hash() sizes at one slot
 * per 128 KiB of memory, rounded up to a power of two (net/ipv4/tcp.c, mm/mm_init.c): 8192 for more than 1
 * and up to 2 GiB, 131072 for more than 16 and up to 32 GiB. Below SMALL_HOST_SIZE the value is under what
 * any host of more than 1 GiB boots with; between the two, only the target host's own value can tell.
 */
const SMALL_HOST_SIZE = 8192;
const TYPICAL_BOOT_SIZE = 131072;
/** TIME_WAIT lasts TCP_TIMEWAIT_LEN, 60 seconds. */
const TIME_WAIT_SECONDS = 60;

export const twBucketsLowered: Rule = {
  code: "tw-buckets-lowered",
  defaultSeverity: "warning",
  description: "Lowering tcp_max_tw_buckets below its boot-time size destroys TIME_WAIT state early.",
  afterWrite: true,
  check(ctx) {
    const out: Finding[] = [];
    const here = assignmentsHere(ctx, KEY.maxTwBuckets);
    // The live value is a /proc read: only for a document that sets the key.
    const live = here.length > 0 ? ctx.live?.(KEY.maxTwBuckets) : undefined;
    const current = live === undefined ? undefined : parseKernelInt(live);
    for (const a of here) {
      const [v] = intsOf(ctx, a) ?? [];
      if (v === undefined) continue;
      const rate = Math.floor(v / TIME_WAIT_SECONDS);
      const truth = `Past the limit the kernel destroys TIME_WAIT state at once (nstat: TcpExtTCPTimeWaitOverflow), losing its protection against stray segments of old connections: at 60 seconds each, ${v} buckets hold the closes of about ${rate} connections a second. TIME_WAIT itself does not get shorter, and the kernel documentation says never to lower this limit.`;
      const remove = [deleteLineFix(a, "Remove the line (the kernel sizes the limit from memory at boot)")];
      const base = { code: this.code, range: a.value.range, fixes: remove };
      if (current !== undefined && v < current) {
        out.push({ ...base, severity: this.defaultSeverity, message: `This lowers tcp_max_tw_buckets below this machine's current value (${current}). ${truth}` });
      } else if (v < SMALL_HOST_SIZE) {
        out.push({ ...base, severity: this.defaultSeverity, message: `tcp_max_tw_buckets = ${v} is below what any host with more than 1 GiB of memory boots with (the kernel sizes it from memory: ${SMALL_HOST_SIZE} on a 2 GiB host, ${TYPICAL_BOOT_SIZE} on a 24 GiB one). ${truth}` });
      } else if (v < TYPICAL_BOOT_SIZE && (current === undefined || v === current)) {
        // The live value may already be this file's own value, so it cannot tell us the boot-time size.
        out.push({
          ...base,
          severity: "information",
          message: `tcp_max_tw_buckets is sized at boot from memory (${SMALL_HOST_SIZE} on a 2 GiB host, ${TYPICAL_BOOT_SIZE} on a 24 GiB one); make sure ${v} is not below the target host's boot-time value. ${truth}`,
        });
      }
    }
    return out;
  },
};
