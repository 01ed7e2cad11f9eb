import { intsOf, knownAssignments } from "./context-values";
import type { Finding, Rule } from "./types";

/** 2^24 pages of 4 KiB is 64 GiB of socket buffers: values this large were almost always meant as bytes. */
const BYTES_LIKE = 1 << 24;
/** Middle values of tcp_rmem/tcp_wmem as blog posts paste them: the vector was copied from the wrong key. */
const BUFFER_DEFAULTS = [16384, 65536, 87380, 131072];

export const memInPages: Rule = {
  code: "mem-in-pages",
  defaultSeverity: "warning",
  description: "tcp_mem or udp_mem values that look like bytes, though these keys count pages.",
  afterWrite: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const { a, e } of knownAssignments(ctx)) {
      if (e.unit !== "pages" || e.type !== "vector") continue;
      const v = intsOf(ctx, a);
      if (!v) continue;
      const max = Math.max(...v);
      const copied = v[0] === 4096 && BUFFER_DEFAULTS.includes(v[1] ?? -1);
      if (max < BYTES_LIKE && !copied) continue;
      const gib = ((max * 4096) / 2 ** 30).toFixed(max * 4096 >= 2 ** 33 ? 0 : 1);
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: `${a.key.name} counts memory pages (4 KiB each), not bytes: ${max} pages is ${gib} GiB. ${copied ? "These look like tcp_rmem or tcp_wmem byte values copied here." : "That is more than most hosts have, so memory pressure never starts before the machine runs short."} The default is sized from this host's memory; leave it unset unless you have measured a need.`,
      });
    }
    return out;
  },
};
