import { compareKernel } from "../catalogue/version";
import { deleteLineFix, replaceLineFix, setValueFix } from "./fixes";
import { harmRule } from "./harm";

/** RFC 1122's 100 seconds, in tcp_retries2 terms (ip-sysctl.rst). */
const RFC1122_RETRIES = 8;

/**
 * Seconds before the kernel gives up on an established connection whose retransmissions go unanswered, as
 * tcp_model_timeout() in net/ipv4/tcp_timer.c computes it: timeouts doubling from TCP_RTO_MIN (200 ms) up
 * to TCP_RTO_MAX (120 s).
 */
export function retries2Timeout(n: number): number {
  const threshold = Math.floor(Math.log2(120 / 0.2));
  return n <= threshold ? (2 ** (n + 1) - 1) * 0.2 : (2 ** (threshold + 1) - 1) * 0.2 + (n - threshold) * 120;
}

const seconds = (s: number) => `${Number(s.toFixed(1))} s`;

/** Settings that end connections which would otherwise have survived: resets, early timeouts, dropped SYNs. */
export const dropsConnections = harmRule(
  "drops-connections",
  "A setting that makes the kernel reset or drop connections that would otherwise survive: tcp_abort_on_overflow, tcp_retries2 below 8, tcp_tw_recycle before Linux 4.12.",
  [
    {
      key: "net.ipv4.tcp_abort_on_overflow",
      harmful: (v) => v.ints[0] !== 0,
      message: () =>
        "With tcp_abort_on_overflow on, a client that completes the handshake while the accept queue is full gets a reset (connection reset by peer) at once; with 0, the default, the kernel ignores its ACK and the connection goes through once the application catches up. The kernel documentation warns that it can harm clients. Fix the queue instead: a larger listen() backlog, net.core.somaxconn, an accept loop that keeps up.",
      fixes: (a) => [setValueFix(a, "0", "Set tcp_abort_on_overflow to 0 (the default)")],
    },
    {
      key: "net.ipv4.tcp_retries2",
      harmful: (v) => v.ints[0] !== undefined && v.ints[0] < RFC1122_RETRIES,
      message: (v) => {
        const n = v.ints[0] as number;
        return `With tcp_retries2 = ${n} the kernel gives up on an established connection after about ${seconds(retries2Timeout(n))} of unanswered retransmissions, so a short outage or a failover kills connections that would have survived. RFC 1122 asks for at least 100 s, which is ${RFC1122_RETRIES}; the default 15 waits about ${seconds(retries2Timeout(15))}. Use ${RFC1122_RETRIES} or more, and set TCP_USER_TIMEOUT on the sockets that must fail fast.`;
      },
      fixes: (a) => [setValueFix(a, "15", "Set tcp_retries2 to 15 (the default)")],
    },
    {
      key: "net.ipv4.tcp_tw_recycle",
      harmful: (v, ctx) => v.ints[0] !== 0 && compareKernel(ctx.kernel, "4.12") < 0,
      message: (_, ctx) =>
        `On Linux ${ctx.kernel} tcp_tw_recycle still exists (4.12 removed it), and turned on it drops SYNs whose TCP timestamp is older than the last one recorded from the same address in the past 60 seconds, so clients behind one NAT address (offices, mobile carriers, load balancers) randomly fail to connect. Remove the line; for outgoing connections from this host, tcp_tw_reuse = 1 does the safe part of the job.`,
      fixes: (a, ctx) => [
        { ...deleteLineFix(a), isPreferred: true },
        replaceLineFix(ctx, a, "net.ipv4.tcp_tw_reuse", "1", "Replace with net.ipv4.tcp_tw_reuse = 1 (outgoing connections only)"),
      ],
    },
  ],
);
