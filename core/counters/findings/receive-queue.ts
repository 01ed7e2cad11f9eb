/** receive-queue-pruning: receive buffers overran (PruneCalled, RcvPruned, OfoPruned, TCPRcvQDrop). */
import { describe, type Measure } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { coverage, severityOf, sum, type CounterCheck } from "./common";

export const receiveQueuePruning: CounterCheck = (c) => {
  const m = (n: string) => c.view.measure(n);
  const pruned = m("TcpExtPruneCalled");
  const rcvPruned = m("TcpExtRcvPruned");
  const ofoPruned = m("TcpExtOfoPruned");
  const rcvQDrop = m("TcpExtTCPRcvQDrop");
  const collapsed = m("TcpExtTCPRcvCollapsed");
  const drops = sum([rcvPruned, ofoPruned, rcvQDrop]);
  const dropped = drops !== undefined && drops.value > 0;
  if (!dropped && !(pruned !== undefined && pruned.value > 0)) return undefined;
  const main = dropped ? drops : (pruned as Measure);
  const shown = (label: string, x: Measure | undefined) => (x !== undefined && x.value > 0 ? [{ label, value: describe(x) }] : []);
  return {
    id: "receive-queue-pruning",
    // Data thrown away must be sent again: a warning even as a total. Squeezing alone is information.
    severity: dropped ? severityOf(drops, 1, T.receiveDropRate) : "information",
    title: dropped ? "Received data was thrown away: receive buffers overran" : "Receive buffers filled up and were squeezed",
    explanation:
      "When data arrives faster than the application reads it and a socket's receive buffer is full, the kernel first squeezes the queued packets into less memory (PruneCalled, TCPRcvCollapsed), then throws away out-of-order data (OfoPruned) and at last new data (RcvPruned, TCPRcvQDrop), which the sender has to send again. The buffer's limit is SO_RCVBUF where the application set it (which also turns autotuning off), else it grows up to the maximum of net.ipv4.tcp_rmem; TCP memory pressure shrinks it." +
      coverage(main),
    evidence: [...shown("PruneCalled", pruned), ...shown("TCPRcvCollapsed", collapsed), ...shown("OfoPruned", ofoPruned), ...shown("RcvPruned", rcvPruned), ...shown("TCPRcvQDrop", rcvQDrop)],
    actions: [
      { kind: "advice", text: "Find the slow reader: sockets whose Recv-Q stays high in `ss -tan`; `ss -tm` shows their buffer (skmem rb) and what is queued (r)." },
      { kind: "advice", text: "Let the application read faster, and leave SO_RCVBUF unset so the kernel can grow the buffer; raise the maximum of `net.ipv4.tcp_rmem` for fast, long-distance transfers." },
    ],
  };
};
