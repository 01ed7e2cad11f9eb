import { familyOf, writeInstead, type Misplacement } from "../catalogue/catalogue";
import { replaceKeyFix } from "./fixes";
import type { Finding, Rule } from "./types";

const IP = (family: string): string => (family === "net.ipv6" ? "IPv6" : "IPv4");

/** Why a name written under the wrong family is wrong and what to write, in a sentence or two. */
export function misplacedReason(name: string, m: Misplacement): string {
  switch (m.why) {
    case "moved":
      return `This setting is ${m.key}.`;
    case "shared":
      return `${m.key} applies to IPv6 too: TCP, UDP, local ports and the other settings IPv4 and IPv6 share live under net.ipv4 only.`;
    case "dotted-interface":
      return `sysctl reads every dot as a separator, so an interface name with a dot (${m.iface}) is written with / instead: ${m.key}.`;
    case "other-family": {
      const mine = IP(familyOf(name));
      const whose = `${m.key} is the ${IP(familyOf(m.key))} setting`;
      const cp = m.counterpart;
      if (!cp) return `${whose}; ${mine} has no such setting.`;
      return cp.differs === undefined ? `${whose}; for ${mine} it is ${cp.key}.` : `${whose}; the nearest ${mine} one is ${cp.key}, but ${cp.differs}.`;
    }
  }
}

/**
 * A real key written under the wrong family: `net.ipv4.somaxconn` is `net.core.somaxconn`. Where IPv4 and IPv6
 * meet, the fix only ever writes a key that does the same job: a setting both share (net.ipv6.tcp_tw_reuse is
 * net.ipv4.tcp_tw_reuse), or this family's own key for it (net.ipv6.icmp_ratelimit is net.ipv6.icmp.ratelimit).
 */
export const misplacedKey: Rule = {
  code: "misplaced-key",
  defaultSeverity: "error",
  description: "A known setting written under the wrong family (net.ipv4.somaxconn for net.core.somaxconn).",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      const r = ctx.resolution(a);
      if (r.kind !== "misplaced") continue;
      const instead = writeInstead(r.misplacement);
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `${a.key.name} does not exist, so writing it fails. ${misplacedReason(a.key.name, r.misplacement)}`,
        fixes: instead ? [replaceKeyFix(ctx, a, instead, true)] : [],
        voidsLine: true,
      });
    }
    return out;
  },
};
