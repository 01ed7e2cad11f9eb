/**
 * What the findings read besides the Analysis, counted over every row: the leading rows of each table per
 * state, and the listening ports handshakes pile up towards.
 */
import { STATE_TOP_N } from "../netstat/scanner-module";
import { TCP_STATES } from "../netstat/types";
import { endpoint } from "../text/endpoint";
import { isFull } from "./accept-queues";
import { endpointCounts } from "./breakdowns";
import { stateIndex, top } from "./counts";
import type { DestinationCounts, PortCounts, Tally } from "./tally";
import { THRESHOLDS } from "./thresholds";
import type { AcceptQueue, AcceptQueues, Counted, Facts, ListenerLoad, StateLeaders } from "./types";

const SYN_SENT = stateIndex("SYN_SENT");
const SYN_RECV = stateIndex("SYN_RECV");

/** The STATE_TOP_N rows with the most sockets in state `s` (ties in row order), rows without any left out. */
export function leadersOf<T>(rows: readonly T[], s: number, counts: (row: T) => readonly number[], key: (row: T) => string): Counted[] {
  return top(rows.length, STATE_TOP_N, (i) => counts(rows[i] as T)[s] as number)
    .map((i) => ({ key: key(rows[i] as T), count: counts(rows[i] as T)[s] as number }))
    .filter((c) => c.count > 0);
}

/**
 * Whether a socket from `local` to `remote` connects this host to itself: over loopback, or to the address it
 * connects from (the kernel picks the destination's own address as the source of a connection to a local one).
 */
export function toThisHost(local: string, remote: string): boolean {
  return remote === local || remote.startsWith("127.") || remote === "::1" || remote.startsWith("::ffff:127.");
}

/** Ranks listeners: a full queue, then the longer queue, then more of this host's own SYN_SENT sockets. */
export function byLoad(a: ListenerLoad, b: ListenerLoad): number {
  const fa = isFull({ queue: a.queue ?? 0, backlog: a.backlog });
  const fb = isFull({ queue: b.queue ?? 0, backlog: b.backlog });
  if (fa !== fb) return fa ? -1 : 1;
  return (b.queue ?? 0) - (a.queue ?? 0) || b.synSentHere - a.synSentHere || a.port - b.port;
}

/**
 * Listening ports with a non-empty accept queue (the fullest listener of each port), or towards which this
 * host's own connections sit in SYN_SENT; with the handshakes in SYN_RECV on them.
 */
export function listenerLoads(queues: readonly AcceptQueue[], synSentHere: ReadonlyMap<number, number>, synRecvOn: (port: number) => number): ListenerLoad[] {
  const byPort = new Map<number, AcceptQueue>();
  // Fullest first: the first listener of a port is its fullest.
  for (const q of queues) if (!byPort.has(q.port)) byPort.set(q.port, q);
  const ports = new Set<number>([...byPort.keys(), ...synSentHere.keys()]);
  return [...ports]
    .map((port): ListenerLoad => {
      const q = byPort.get(port);
      return { address: q?.address ?? "", port, queue: q?.queue ?? null, backlog: q?.backlog ?? null, synRecv: synRecvOn(port), synSentHere: synSentHere.get(port) ?? 0 };
    })
    .sort(byLoad)
    .slice(0, THRESHOLDS.topRows);
}

export function facts(tally: Tally, ports: readonly PortCounts[], destinations: readonly DestinationCounts[], queues: AcceptQueues): Facts {
  const name = (a: number) => tally.name(a);
  const endpoints = endpointCounts(destinations);
  const hostTops = tally.topByState();
  const clientTops = tally.clientsByState();
  const clientCounts = tally.clientCountByState();
  const processes = [...tally.processes.entries()];
  const leaders = {} as Record<(typeof TCP_STATES)[number], StateLeaders>;
  TCP_STATES.forEach((state, s) => {
    leaders[state] = {
      hosts: (hostTops[s] ?? []).map((h) => ({ key: name(h.host), count: h.count })),
      clients: (clientTops[s] ?? []).map((h) => ({ key: name(h.host), count: h.count })),
      clientCount: clientCounts[s] ?? 0,
      localPorts: leadersOf(ports, s, (p) => p.counts, (p) => String(p.port)),
      endpoints: leadersOf(endpoints, s, (e) => e.counts, (e) => endpoint(name(e.remote), e.port)),
      processes: leadersOf(processes, s, (p) => p[1], (p) => p[0]),
    };
  });
  const byPort = new Map(ports.map((p) => [p.port, p]));
  const here = new Map<number, number>();
  for (const d of destinations) {
    const n = d.counts[SYN_SENT] as number;
    if (n > 0 && byPort.get(d.port)?.listening === true && toThisHost(name(d.local), name(d.remote))) here.set(d.port, (here.get(d.port) ?? 0) + n);
  }
  return { leaders, listeners: listenerLoads(queues.listeners, here, (port) => (byPort.get(port)?.counts[SYN_RECV] as number | undefined) ?? 0) };
}
