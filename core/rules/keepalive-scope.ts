import type { Assignment } from "../sysctl/parse";
import { KEEPALIVE_KEYS } from "./keys";
import type { Rule } from "./types";

const isKeepalive = (a: Assignment) => KEEPALIVE_KEYS.includes(a.key.name);

/** Keepalive timers are often raised or lowered expecting every connection to change; most sockets never use them. */
export const keepaliveScope: Rule = {
  code: "keepalive-scope",
  defaultSeverity: "information",
  description: "tcp_keepalive_* only affect sockets that turned SO_KEEPALIVE on.",
  check(ctx) {
    // One finding per file, on its first keepalive line, when that line is among the checked ones.
    if (!ctx.doc.assignments.some(isKeepalive)) return [];
    const [first, ...rest] = ctx.once(isKeepalive, () => ctx.file.doc.assignments.filter(isKeepalive));
    if (!first || !ctx.doc.assignments.includes(first)) return [];
    return [
      {
        code: this.code,
        severity: this.defaultSeverity,
        range: first.key.range,
        message:
          "The tcp_keepalive_* timers only apply to sockets whose application enabled SO_KEEPALIVE (and did not set its own TCP_KEEPIDLE, TCP_KEEPINTVL or TCP_KEEPCNT); other connections are not affected.",
        related: rest.map((a) => ({ range: a.key.range, message: "another keepalive timer" })),
      },
    ];
  },
};
