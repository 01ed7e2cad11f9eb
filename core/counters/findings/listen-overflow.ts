/** listen-overflow: an accept queue was full (TcpExtListenOverflows, TcpExtListenDrops). */
import { thousands } from "../../text/numbers";
import { describe } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { attemptSeverity, coverage, now, settingEvidence, vetted, type CounterCheck } from "./common";

export const listenOverflow: CounterCheck = (c) => {
  const over = c.view.measure("TcpExtListenOverflows");
  if (over === undefined || over.value === 0) return undefined;
  const drops = c.view.measure("TcpExtListenDrops");
  return {
    id: "listen-overflow",
    severity: attemptSeverity(c, over, T.listenOverflowTotal, T.listenOverflowRate),
    title: `${now(over) ? "Accept queues are overflowing" : "An accept queue overflowed"}: ${thousands(now(over) ? (over.recent?.value ?? 0) : over.value)} SYNs or handshake ACKs dropped at a full queue`,
    explanation:
      "A listening socket's accept queue holds connections that finished the handshake until the application calls accept(). When it is full the kernel drops the client's SYN or its final ACK and counts ListenOverflows for each such packet; the client sends it again a second or more later (and the server its SYN-ACK), so connecting is slow or times out, and one client can be counted several times. The queue's length is the backlog the application passed to listen(), cut to net.core.somaxconn (4096 by default since Linux 5.4). Usually the application accepts too slowly (too few workers, a blocked event loop); sometimes its backlog is too small for bursts." +
      coverage(over),
    evidence: [
      { label: "ListenOverflows (packets dropped at a full accept queue)", value: describe(over) },
      ...(drops !== undefined ? [{ label: "ListenDrops (SYNs and handshake ACKs dropped at listeners for any reason, overflows included)", value: describe(drops) }] : []),
      ...settingEvidence(c, ["net.core.somaxconn"]),
    ],
    actions: vetted("accept-queue", c),
  };
};
