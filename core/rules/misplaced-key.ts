import { replaceKeyFix } from "./fixes";
import type { Finding, Rule } from "./types";

/** A real key written under the wrong family: `net.ipv4.somaxconn` is `net.core.somaxconn`. */
export const misplacedKey: Rule = {
  code: "misplaced-key",
  defaultSeverity: "error",
  description: "A known setting written under the wrong family (net.ipv4.somaxconn for net.core.somaxconn).",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      const r = ctx.resolution(a);
      if (r.kind !== "misplaced") continue;
      // People look for IPv6 twins of the TCP/UDP keys; there are none, the IPv4 names cover IPv6 sockets.
      const why =
        a.key.name.startsWith("net.ipv6.") && r.key.startsWith("net.ipv4.")
          ? ` TCP and UDP settings for IPv6 sockets live under net.ipv4: ${r.key} applies to IPv6 connections too.`
          : ` This setting is ${r.key}.`;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `${a.key.name} does not exist, so writing it fails.${why}`,
        fixes: [replaceKeyFix(ctx, a, r.key, true)],
        voidsLine: true,
      });
    }
    return out;
  },
};
