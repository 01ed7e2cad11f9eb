/** Findings about connections being torn down: CLOSE_WAIT leaks, unacknowledged FINs, FIN_WAIT2 piles. */
import { thousands } from "../text/numbers";
import { named, pasted, simplePile, type Check } from "./finding-text";
import { THRESHOLDS } from "./thresholds";
import type { AnalysisFinding, Counted, StateLeaders } from "./types";

/** Where most CLOSE_WAIT sockets are, in a sentence: the process, else the local port or remote endpoint. */
function holder(processes: readonly Counted[], ports: readonly Counted[], endpoints: readonly Counted[]): string {
  const p = processes[0];
  if (p) return ` The process holding most of them is ${pasted(p.key)}.`;
  const port = ports[0];
  const ep = endpoints[0];
  if (port && (!ep || port.count >= ep.count)) return ` Most are connections clients made to local port ${port.key}: the service on that port does not close them.`;
  if (ep) return ` Most are connections this host opened to ${pasted(ep.key)}, which that peer closed: the client code that holds them does not close them.`;
  return "";
}

/** The clients with the most sockets, and how many other client hosts there are. */
function clientsText({ clients, clientCount }: StateLeaders): string {
  const rest = clientCount - clients.length;
  return `${named(clients)}${rest > 0 ? `, and ${thousands(rest)} other host${rest === 1 ? "" : "s"}` : ""}`;
}

export const closeWaitFinding: Check = ({ states, facts }): AnalysisFinding | undefined => {
  const n = states.CLOSE_WAIT;
  if (n < THRESHOLDS.closeWaitWarning) return undefined;
  const leaders = facts.leaders.CLOSE_WAIT;
  const { processes, localPorts, endpoints } = leaders;
  return {
    id: "close-wait-leak",
    severity: n >= THRESHOLDS.closeWaitError ? "error" : "warning",
    title: `${thousands(n)} sockets in CLOSE_WAIT: an application is not closing connections`,
    explanation: `In CLOSE_WAIT the peer has closed its side and the kernel is waiting for the application on this host to call close(). They do not time out, and no sysctl setting fixes them: the application leaks sockets (a missing close on an error path, a pool that never releases, a stuck worker).${holder(processes, localPorts, endpoints)}`,
    evidence: [
      { label: "CLOSE_WAIT", value: thousands(n) },
      ...(localPorts.length > 0 ? [{ label: "Local ports (clients closed)", value: named(localPorts, (p) => `port ${p}`) }] : []),
      ...(leaders.clients.length > 0 ? [{ label: "Clients that closed", value: clientsText(leaders) }] : []),
      ...(endpoints.length > 0 ? [{ label: "Remote endpoints (peers this host connected to closed)", value: named(endpoints) }] : []),
      { label: "Processes", value: processes.length > 0 ? named(processes) : "not in this input (use `ss -tanp` or `netstat -antp` to see them)" },
    ],
    actions: [
      { kind: "advice", text: "Find the code path that stops using a connection without closing it; restarting the process only clears the pile until it grows back." },
      { kind: "advice", text: "`ss -tanp state close-wait` lists the sockets with their process, `ls -l /proc/PID/fd` shows how many descriptors it holds." },
    ],
  };
};

export const unackedFinFinding: Check = ({ states, facts }) => {
  const n = states.FIN_WAIT1 + states.CLOSING + states.LAST_ACK;
  if (n < THRESHOLDS.unackedFinWarning) return undefined;
  const busiest = (["FIN_WAIT1", "LAST_ACK", "CLOSING"] as const).reduce((a, b) => (states[b] > states[a] ? b : a));
  return {
    id: "unacknowledged-fin",
    severity: "warning",
    title: `${thousands(n)} sockets waiting for the peer to acknowledge a close`,
    explanation: "In FIN_WAIT1, CLOSING and LAST_ACK this host has sent its FIN and is waiting for the acknowledgement: a slow or overloaded peer, a lossy path, or a peer that vanished. They retransmit and eventually give up.",
    evidence: [
      { label: "FIN_WAIT1 / CLOSING / LAST_ACK", value: `${thousands(states.FIN_WAIT1)} / ${thousands(states.CLOSING)} / ${thousands(states.LAST_ACK)}` },
      { label: `Remote hosts (${busiest})`, value: named(facts.leaders[busiest].hosts) },
    ],
    actions: [{ kind: "advice", text: "Look at the network path to the hosts named here (packet loss, an overloaded peer or middlebox)." }],
  };
};

export const finWait2Finding = simplePile(
  "fin-wait2-pile",
  "FIN_WAIT2",
  THRESHOLDS.finWait2Note,
  "information",
  "sockets in FIN_WAIT2: peers have not closed their side",
  "This host closed these connections and the peers acknowledged, but they have not sent their own FIN. Sockets the application has already released expire after tcp_fin_timeout (60 s by default); the others stay until the peer closes.",
  "Check the peers named here: a client or upstream that keeps half-closed connections open, or a load balancer that never closes.",
);
