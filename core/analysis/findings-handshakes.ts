/** Findings about connections being set up: a full accept queue, SYN_RECV and SYN_SENT piles. */
import { endpoint } from "../text/endpoint";
import { thousands } from "../text/numbers";
import { isFull } from "./accept-queues";
import { named, pasted, profileActions, simplePile, sockets, type Check } from "./finding-text";
import { THRESHOLDS } from "./thresholds";
import type { Action, AnalysisFinding, ListenerLoad } from "./types";

const full = (l: ListenerLoad) => l.queue !== null && isFull({ queue: l.queue, backlog: l.backlog });

/**
 * A queue not known to be full, with handshakes piling towards its port: this host's own connections left in
 * SYN_SENT, or SYN_RECV sockets while connections wait to be accepted. A queue shown below its limit has room.
 */
function likelyFull(l: ListenerLoad): boolean {
  const pile = THRESHOLDS.acceptQueuePile;
  if (l.backlog !== null && (l.queue ?? 0) < l.backlog) return false;
  return l.synSentHere >= pile || ((l.queue ?? 0) > 0 && l.synRecv >= pile);
}

const listenerName = (l: ListenerLoad) => (l.address ? pasted(endpoint(l.address, l.port)) : `port ${l.port}`);

function queueText(l: ListenerLoad): string {
  if (l.queue === null) return "not shown in this listing (`ss -ltn` prints it as Recv-Q)";
  if (l.backlog === null) return `${thousands(l.queue)} connections waiting to be accepted; the limit is not shown in this listing (\`ss -ltn\` prints it as Send-Q)`;
  return `${thousands(l.queue)} connections waiting to be accepted, limit ${thousands(l.backlog)}`;
}

const ACCEPT_QUEUE_ACTIONS: readonly Action[] = [
  { kind: "advice", text: "Find why the application accepts slowly: a blocked accept loop or event loop, too few worker processes or threads, or workers stuck on a slow dependency." },
  {
    kind: "advice",
    text: "For bursts, give the listener a larger backlog: the application's own listen() backlog (nginx `listen ... backlog=N`, a server's backlog option), which net.core.somaxconn caps (4096 by default since Linux 5.4). A larger queue only buys time if the application cannot keep up.",
  },
  { kind: "advice", text: "`ss -ltn` shows each listener's queue (Recv-Q) against its limit (Send-Q); `nstat -az TcpExtListenOverflows TcpExtListenDrops` counts the connections dropped so far." },
];

export const acceptQueueFinding: Check = ({ facts }) => {
  const hit = facts.listeners.filter((l) => full(l) || likelyFull(l));
  const worst = hit[0];
  if (worst === undefined) return undefined;
  const definite = full(worst);
  const name = listenerName(worst);
  const why = definite
    ? `The accept queue of ${name} holds ${thousands(worst.queue ?? 0)} connections against a limit of ${thousands(worst.backlog ?? 0)}.`
    : worst.synSentHere >= THRESHOLDS.acceptQueuePile
      ? `${thousands(worst.synSentHere)} of this host's own connections to ${name} sit in SYN_SENT: the listener does not even answer its own host, which is what a listener does once its accept queue is full.`
      : `${thousands(worst.queue ?? 0)} connections wait to be accepted on ${name} while ${sockets(worst.synRecv)} on its port sit in SYN_RECV.`;
  return {
    id: "accept-queue-full",
    severity: definite ? "error" : "warning",
    title: definite ? `The accept queue of ${name} is full: new connections are being dropped` : `${name} is likely not accepting connections as fast as they arrive`,
    explanation: `The kernel completes handshakes by itself and queues the connections until the application calls accept(). ${why} While the queue is full the kernel drops new SYNs and the final ACK of handshakes in progress, so clients retry: they sit in SYN_SENT, this side in SYN_RECV, and connecting takes seconds or fails. That is the application falling behind (or a backlog too small for its bursts), not a SYN flood, and shortening tcp_synack_retries would only cut off the clients that are waiting.`,
    evidence: [
      { label: "Listener", value: name },
      { label: "Accept queue", value: queueText(worst) },
      { label: `SYN_RECV on port ${worst.port}`, value: thousands(worst.synRecv) },
      { label: "SYN_SENT from this host to it", value: thousands(worst.synSentHere) },
      ...(hit.length > 1 ? [{ label: "Other listeners like it", value: hit.slice(1, 4).map(listenerName).join(", ") + (hit.length > 4 ? `, and ${thousands(hit.length - 4)} more` : "") }] : []),
    ],
    actions: ACCEPT_QUEUE_ACTIONS,
  };
};

export const synRecvFinding: Check = ({ states, distinctHosts, facts }): AnalysisFinding | undefined => {
  const n = states.SYN_RECV;
  if (n < THRESHOLDS.synRecvWarning) return undefined;
  const sources = distinctHosts.SYN_RECV;
  const flood = sources >= THRESHOLDS.synRecvFloodSources;
  const leaders = facts.leaders.SYN_RECV;
  const hosts = `${thousands(sources)} remote host${sources === 1 ? "" : "s"}`;
  return {
    id: "syn-recv-pile",
    severity: n >= THRESHOLDS.synRecvError ? "error" : "warning",
    title: flood ? `${thousands(n)} half-open connections in SYN_RECV from ${hosts}: a SYN flood is likely` : `${thousands(n)} half-open connections in SYN_RECV from only ${hosts}`,
    explanation: flood
      ? `Handshakes from ${hosts} are waiting for their final ACK: the pattern of a SYN flood, whose sources never answer. SYN cookies keep the listener answering legitimate clients while the queue of half-open connections is full.`
      : `Handshakes from ${hosts} are waiting for their final ACK: too few sources for a SYN flood. Either these clients are slow or their path loses packets, so their ACKs arrive late or not at all, or the listener's accept queue is full and the kernel drops their ACKs until the application accepts. Shortening tcp_synack_retries, the usual flood advice, would cut off exactly these clients.`,
    evidence: [
      { label: "SYN_RECV", value: thousands(n) },
      { label: "Distinct sources", value: thousands(sources) },
      { label: "Sources with the most", value: named(leaders.hosts) },
      { label: "Local ports", value: named(leaders.localPorts, (p) => `port ${p}`) },
    ],
    actions: flood
      ? profileActions("syn-flood")
      : [
          { kind: "advice", text: "Check the listener named here with `ss -ltn`: a Recv-Q that has reached its Send-Q means its accept queue is full and the application accepts too slowly." },
          { kind: "advice", text: "Otherwise look at the path to the hosts named here: packet loss, or a middlebox dropping ACKs." },
        ],
  };
};

export const synSentFinding = simplePile(
  "syn-sent-pile",
  "SYN_SENT",
  THRESHOLDS.synSentWarning,
  "warning",
  "connection attempts in SYN_SENT: peers are not answering",
  "This host sent SYNs that got no answer yet: the peer is down, a firewall drops the packets, or the peer's accept queue is full.",
  "Check that the endpoints named here are up and reachable from this host (a filtered port makes connect() hang until the SYN retries run out, about two minutes).",
);
