/** What the piles mean: each finding explains itself with this input's numbers and says what to do. */
import { profile } from "../advice/profiles";
import type { ParseSummary } from "../netstat/types";
import { THRESHOLDS, TIME_WAIT_SECONDS } from "./thresholds";
import type { Action, AnalysisFinding, Breakdowns, FindingSeverity, PortPressure, StateCounts } from "./types";
import { thousands } from "../text/numbers";
import { endpoint } from "../text/endpoint";

const pct = (part: number, whole: number) => (whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`);

function profileActions(id: string): Action[] {
  const p = profile(id);
  if (!p) return [];
  return [
    { kind: "settings", profile: p.id, title: p.title, settings: p.settings.map((s) => ({ key: s.key, value: s.value, why: s.why })) },
    ...p.notes.map((text): Action => ({ kind: "advice", text })),
  ];
}

export interface FindingInput {
  readonly states: StateCounts;
  readonly total: number;
  readonly summary: ParseSummary;
  readonly breakdowns: Breakdowns;
  readonly pressure: PortPressure;
}

/** The row of a table with the most sockets in one state, described as "label (n)". */
function topBy<T>(rows: readonly (T & { states: StateCounts })[], state: keyof StateCounts, label: (r: T) => string, n = 3): string {
  return [...rows]
    .filter((r) => r.states[state] > 0)
    .sort((a, b) => b.states[state] - a.states[state])
    .slice(0, n)
    .map((r) => `${label(r)} (${thousands(r.states[state])})`)
    .join(", ");
}

function portPressureFinding({ pressure }: FindingInput): AnalysisFinding | undefined {
  const worst = pressure.destinations[0];
  if (!worst || worst.fraction < THRESHOLDS.portPressureWarning) return undefined;
  const severity: FindingSeverity = worst.fraction >= THRESHOLDS.portPressureError ? "error" : "warning";
  const dest = endpoint(worst.remoteAddress, worst.remotePort);
  return {
    id: "ephemeral-port-pressure",
    severity,
    title: `Local ports running out for connections to ${dest}`,
    explanation: `Each connection from ${worst.localAddress} to ${dest} needs its own local port, and a port stays in TIME_WAIT for ${TIME_WAIT_SECONDS} seconds after the connection closes. This destination holds ${pct(worst.held, pressure.range.size)} of the ${thousands(pressure.range.size)} ports in the local range, so the range allows only about ${thousands(worst.sustainableRate)} new connections per second to it; beyond that, connect() fails with "Cannot assign requested address".`,
    evidence: [
      { label: "Local ports held", value: `${thousands(worst.held)} of ${thousands(pressure.range.size)} (${pct(worst.held, pressure.range.size)})` },
      { label: "Of which in TIME_WAIT", value: thousands(worst.timeWait) },
      { label: "Local port range", value: `${pressure.range.low}–${pressure.range.high} (${pressure.rangeSource})` },
      { label: "Sustainable rate", value: `about ${thousands(worst.sustainableRate)} new connections per second` },
    ],
    actions: profileActions("reverse-proxy"),
  };
}

function timeWaitFinding({ states, total, pressure }: FindingInput): AnalysisFinding | undefined {
  const tw = states.TIME_WAIT;
  const worst = pressure.destinations[0];
  if (tw < THRESHOLDS.timeWaitNote || (worst && worst.fraction >= THRESHOLDS.portPressureWarning)) return undefined;
  return {
    id: "time-wait-pile",
    severity: "information",
    title: `${thousands(tw)} sockets in TIME_WAIT`,
    explanation: `This host closes these connections first, so each one waits ${TIME_WAIT_SECONDS} seconds in TIME_WAIT. That is harmless in itself (a few hundred bytes each) and no destination is short of local ports yet. Lowering tcp_fin_timeout or tcp_max_tw_buckets does not help: the first does not govern TIME_WAIT, the second throws the state away.`,
    evidence: [
      { label: "TIME_WAIT", value: `${thousands(tw)} of ${thousands(total)} sockets (${pct(tw, total)})` },
      ...(worst ? [{ label: "Busiest destination", value: `${endpoint(worst.remoteAddress, worst.remotePort)} holds ${pct(worst.held, pressure.range.size)} of the local ports` }] : []),
    ],
    actions: [{ kind: "advice", text: "If the pile grows with traffic, reuse connections (HTTP keep-alive, connection pools) so fewer are opened and closed." }],
  };
}

function closeWaitFinding({ states, breakdowns }: FindingInput): AnalysisFinding | undefined {
  const n = states.CLOSE_WAIT;
  if (n < THRESHOLDS.closeWaitWarning) return undefined;
  const ports = topBy(breakdowns.localPorts, "CLOSE_WAIT", (r) => `port ${r.port}`);
  const procs = topBy(breakdowns.processes, "CLOSE_WAIT", (r) => r.process);
  return {
    id: "close-wait-leak",
    severity: n >= THRESHOLDS.closeWaitError ? "error" : "warning",
    title: `${thousands(n)} sockets in CLOSE_WAIT: an application is not closing connections`,
    explanation: `In CLOSE_WAIT the peer has closed its side and the kernel is waiting for the application on this host to call close(). They do not time out, and no sysctl setting fixes them: the application leaks sockets (a missing close on an error path, a pool that never releases, a stuck worker).${procs ? ` The process holding most of them is ${procs.split(" (")[0]}.` : ""}`,
    evidence: [
      { label: "CLOSE_WAIT", value: thousands(n) },
      ...(ports ? [{ label: "Local ports", value: ports }] : []),
      ...(procs ? [{ label: "Processes", value: procs }] : [{ label: "Processes", value: "not in this input (use `ss -tanp` or `netstat -antp` to see them)" }]),
    ],
    actions: [
      { kind: "advice", text: "Find the code path that stops using a connection without closing it; restarting the process only clears the pile until it grows back." },
      { kind: "advice", text: "`ss -tanp state close-wait` lists the sockets with their process, `ls -l /proc/PID/fd` shows how many descriptors it holds." },
    ],
  };
}

function synRecvFinding({ states, breakdowns }: FindingInput): AnalysisFinding | undefined {
  const n = states.SYN_RECV;
  if (n < THRESHOLDS.synRecvWarning) return undefined;
  const sources = breakdowns.remoteHosts.filter((r) => r.states.SYN_RECV > 0).length;
  const flood = sources >= THRESHOLDS.synRecvFloodSources;
  return {
    id: "syn-recv-pile",
    severity: n >= THRESHOLDS.synRecvError ? "error" : "warning",
    title: `${thousands(n)} half-open connections in SYN_RECV${flood ? ": a SYN flood is likely" : ""}`,
    explanation: flood
      ? `Handshakes from ${thousands(sources)}${breakdowns.remoteHosts.length >= THRESHOLDS.topRows ? "+" : ""} remote hosts are waiting for their final ACK: the pattern of a SYN flood. SYN cookies keep the listener answering legitimate clients while the queue is full.`
      : "Handshakes are waiting for their final ACK from a few hosts: a slow or lossy client path, or an application that accepts connections too slowly so the queue backs up.",
    evidence: [
      { label: "SYN_RECV", value: thousands(n) },
      { label: "Remote hosts", value: topBy(breakdowns.remoteHosts, "SYN_RECV", (r) => r.host) },
      { label: "Local ports", value: topBy(breakdowns.localPorts, "SYN_RECV", (r) => `port ${r.port}`) },
    ],
    actions: profileActions("syn-flood"),
  };
}

/** The peers with the most sockets in `state`: the remote endpoints, or the hosts when no endpoint has any. */
function peers(b: Breakdowns, state: keyof StateCounts): { label: string; value: string } {
  const endpoints = topBy(b.remoteEndpoints, state, (r) => endpoint(r.host, r.port));
  return endpoints ? { label: "Remote endpoints", value: endpoints } : { label: "Remote hosts", value: topBy(b.remoteHosts, state, (r) => r.host) };
}

function simplePile(
  id: string,
  state: keyof StateCounts,
  threshold: number,
  severity: FindingSeverity,
  title: string,
  explanation: string,
  advice: string,
): (input: FindingInput) => AnalysisFinding | undefined {
  return ({ states, breakdowns }) => {
    const n = states[state];
    if (n < threshold) return undefined;
    return {
      id,
      severity,
      title: `${thousands(n)} ${title}`,
      explanation,
      evidence: [
        { label: state, value: thousands(n) },
        // Endpoints are those of outgoing connections; a pile on this host's services shows by host.
        peers(breakdowns, state),
      ],
      actions: [{ kind: "advice", text: advice }],
    };
  };
}

const finWait2 = simplePile(
  "fin-wait2-pile",
  "FIN_WAIT2",
  THRESHOLDS.finWait2Note,
  "information",
  "sockets in FIN_WAIT2: peers have not closed their side",
  "This host closed these connections and the peers acknowledged, but they have not sent their own FIN. Sockets the application has already released expire after tcp_fin_timeout (60 s by default); the others stay until the peer closes.",
  "Check the peers named here: a client or upstream that keeps half-closed connections open, or a load balancer that never closes.",
);

const synSent = simplePile(
  "syn-sent-pile",
  "SYN_SENT",
  THRESHOLDS.synSentWarning,
  "warning",
  "connection attempts in SYN_SENT: peers are not answering",
  "This host sent SYNs that got no answer yet: the peer is down, a firewall drops the packets, or the peer's listen queue is full.",
  "Check that the endpoints named here are up and reachable from this host (a filtered port makes connect() hang until the SYN retries run out, about two minutes).",
);

function unackedFin({ states, breakdowns }: FindingInput): AnalysisFinding | undefined {
  const n = states.FIN_WAIT1 + states.CLOSING + states.LAST_ACK;
  if (n < THRESHOLDS.unackedFinWarning) return undefined;
  return {
    id: "unacknowledged-fin",
    severity: "warning",
    title: `${thousands(n)} sockets waiting for the peer to acknowledge a close`,
    explanation: "In FIN_WAIT1, CLOSING and LAST_ACK this host has sent its FIN and is waiting for the acknowledgement: a slow or overloaded peer, a lossy path, or a peer that vanished. They retransmit and eventually give up.",
    evidence: [
      { label: "FIN_WAIT1 / CLOSING / LAST_ACK", value: `${thousands(states.FIN_WAIT1)} / ${thousands(states.CLOSING)} / ${thousands(states.LAST_ACK)}` },
      { label: "Remote hosts", value: topBy(breakdowns.remoteHosts, "FIN_WAIT1", (r) => r.host) || topBy(breakdowns.remoteHosts, "LAST_ACK", (r) => r.host) },
    ],
    actions: [{ kind: "advice", text: "Look at the network path to the hosts named here (packet loss, an overloaded peer or middlebox)." }],
  };
}

function unparsedFinding({ summary }: FindingInput): AnalysisFinding | undefined {
  if (summary.unparsed === 0) return undefined;
  return {
    id: "unparsed-lines",
    severity: "information",
    title: `${thousands(summary.unparsed)} line(s) could not be read`,
    explanation: "These lines matched no socket-listing format Socket Doctor knows; they are left out of the counts. If they are sockets, name the format with --input-format.",
    evidence: summary.unparsedExamples.map((e) => ({ label: `Line ${e.line}`, value: e.text })),
    actions: [],
  };
}

function emptyFinding({ total }: FindingInput): AnalysisFinding | undefined {
  if (total > 0) return undefined;
  return {
    id: "no-tcp-sockets",
    severity: "information",
    title: "No TCP sockets found",
    explanation: "The input holds no TCP socket lines. Paste the output of `netstat -ant`, `ss -tan` or `cat /proc/net/tcp`.",
    evidence: [],
    actions: [],
  };
}

const CHECKS = [portPressureFinding, timeWaitFinding, closeWaitFinding, synRecvFinding, unackedFin, finWait2, synSent, unparsedFinding, emptyFinding];
const ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, information: 2 };

export function findings(input: FindingInput): AnalysisFinding[] {
  return CHECKS.map((c) => c(input))
    .filter((f): f is AnalysisFinding => f !== undefined)
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
