import { compareKernel } from "../catalogue/version";
import { setValueFix } from "./fixes";
import { harmRule, type Harm } from "./harm";
import type { RuleContext } from "./types";

interface Limit {
  readonly key: string;
  /** The default on current kernels, the release that brought it, and the default before. */
  readonly now: number;
  readonly since: string;
  readonly before: number;
  /** What a value below the default cuts short, and what is not affected. */
  readonly effect: (v: number) => string;
}

/**
 * Limits whose defaults grew: guides written for the old default "raise" them to values below the new one.
 * somaxconn: SOMAXCONN in include/linux/socket.h, 128 before 5.4 (ip-sysctl.rst). rmem_max, wmem_max:
 * net/core/sock.c, 4 << 20 since 6.18, SK_RMEM_MAX / SK_WMEM_MAX (212992 on x86_64) before.
 */
const LIMITS: readonly Limit[] = [
  {
    key: "net.core.somaxconn",
    now: 4096,
    since: "5.4",
    before: 128,
    effect: (v) =>
      `The kernel cuts every listen() backlog to ${v}, so bursts of new connections overflow accept queues sooner (nstat: TcpExtListenOverflows).`,
  },
  {
    key: "net.core.rmem_max",
    now: 4194304,
    since: "6.18",
    before: 212992,
    effect: (v) =>
      `Programs that size their receive buffers with SO_RCVBUF (DNS, QUIC, syslog and other UDP receivers) get at most ${v} bytes and drop packets in bursts sooner; TCP autotuning is bounded by tcp_rmem, not by this key.`,
  },
  {
    key: "net.core.wmem_max",
    now: 4194304,
    since: "6.18",
    before: 212992,
    effect: (v) =>
      `Programs that size their send buffers with SO_SNDBUF get at most ${v} bytes; TCP autotuning is bounded by tcp_wmem, not by this key.`,
  },
];

const defaultOn = (l: Limit, ctx: RuleContext) => (compareKernel(ctx.kernel, l.since) >= 0 ? l.now : l.before);

const harms: Harm[] = LIMITS.map((l) => ({
  key: l.key,
  harmful: (v, ctx) => v.ints[0] !== undefined && v.ints[0] < defaultOn(l, ctx),
  message: (v, ctx) => {
    const value = v.ints[0] as number;
    const def = defaultOn(l, ctx);
    const history =
      def === l.now
        ? `the default is ${def} since Linux ${l.since}, and guides written when it was ${l.before} raise it to values that now lower it`
        : `the default on Linux ${ctx.kernel} is ${def}`;
    return `${l.key} = ${value} lowers this limit: ${history}. ${l.effect(value)} Remove the line, or set ${def} or more.`;
  },
  fixes: (a, ctx) => [setValueFix(a, String(defaultOn(l, ctx)), `Set ${l.key} to ${defaultOn(l, ctx)} (the default)`)],
}));

/** Limits set below the target kernel's own default, usually by a guide written when the default was smaller. */
export const limitLowered = harmRule(
  "limit-lowered",
  "net.core.somaxconn, rmem_max or wmem_max set below the target kernel's default, usually by a guide written when the default was smaller.",
  harms,
);
