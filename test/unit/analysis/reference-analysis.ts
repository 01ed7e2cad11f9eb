/**
 * An independent count: records from the string parser folded into Maps, every key kept, every row sorted at
 * the end, by the rules docs/analysis.md states (direction, keys cut at 200 characters, ties). The tests hold
 * the scanner's counts, the text path and the byte path to it.
 */
import { assembleAnalysis } from "../../../core/analysis/analyze";
import { stateIndex, toStateCounts } from "../../../core/analysis/counts";
import { DEFAULT_PORT_RANGE, TIME_WAIT_SECONDS } from "../../../core/analysis/thresholds";
import type { AcceptQueue, Analysis, Counted, ListenerLoad, PortRange, Row, StateLeaders } from "../../../core/analysis/types";
import { CounterCollector } from "../../../core/counters/collector";
import { kernelReport } from "../../../core/counters/report";
import { createSocketParser } from "../../../core/netstat/parse";
import { TCP_STATES, type FormatName, type SocketRecord, type TcpState } from "../../../core/netstat/types";
import { endpoint } from "../../../core/text/endpoint";

const TOP = 20;
/** Rows per state in the findings' leaders. */
const LEADERS = 3;

function emptyCounts(): number[] {
  return new Array<number>(TCP_STATES.length).fill(0);
}

function total(c: readonly number[]): number {
  return c.reduce((a, b) => a + b, 0);
}

/** Per-state counts by key, in the order keys came. */
class Counter<K> {
  readonly rows = new Map<K, number[]>();

  add(key: K, s: number): void {
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = emptyCounts()));
    row[s]++;
  }

  /** The top rows: most sockets first, ties by `order` (default: as they came). */
  top(order?: (a: K, b: K) => number): [K, number[]][] {
    return [...this.rows].sort((a, b) => total(b[1]) - total(a[1]) || (order ? order(a[0], b[0]) : 0)).slice(0, TOP);
  }

  /** The rows with the most sockets in state `s`, ties by `order` (default: as they came). */
  leaders(s: number, key: (k: K) => string, order?: (a: K, b: K) => number): Counted[] {
    return [...this.rows]
      .filter(([, c]) => (c[s] as number) > 0)
      .sort((a, b) => (b[1][s] as number) - (a[1][s] as number) || (order ? order(a[0], b[0]) : 0))
      .slice(0, LEADERS)
      .map(([k, c]) => ({ key: key(k), count: c[s] as number }));
  }
}

function cut(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function isV4(s: string): boolean {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

function v4(s: string): number {
  return s.split(".").reduce((a, p) => a * 256 + Number(p), 0);
}

function row(counts: readonly number[]): Row {
  return { total: total(counts), states: toStateCounts(counts) };
}

export interface ReferenceOptions {
  readonly format?: FormatName;
  readonly portRange?: PortRange;
  readonly reservedPorts?: readonly PortRange[];
  readonly rangeSource?: string;
}

const full = (q: { queue: number; backlog: number | null }) => q.backlog !== null && q.queue >= q.backlog;

export function referenceAnalysis(text: string, options: ReferenceOptions = {}): Analysis {
  const { low, high } = options.portRange ?? DEFAULT_PORT_RANGE;
  const reserved = new Set<number>();
  for (const r of options.reservedPorts ?? []) for (let p = Math.max(1, r.low); p <= Math.min(65535, r.high); p++) reserved.add(p);
  // The counter blocks of the input are read as the analyser reads them; the sockets are what is counted here.
  const counters = new CounterCollector();
  const records: SocketRecord[] = [];
  const parser = createSocketParser({ ...(options.format ? { format: options.format } : {}), onRecord: (r) => records.push(r), blocks: counters });
  parser.push(text);
  const summary = parser.end();
  const states = emptyCounts();
  const outgoing = emptyCounts();
  const listening = new Set<number>();
  const ports = new Counter<number>();
  const hosts = new Counter<string>();
  /** The remote hosts of the sockets counted by local port (not outgoing). */
  const clients = new Counter<string>();
  const endpoints = new Counter<string>();
  const processes = new Counter<string>();
  const destinations = new Counter<string>();
  /** Sockets that would be outgoing but for a local port outside the range, by that port. */
  const outside = new Map<number, number>();
  const queues: AcceptQueue[] = [];
  /** Addresses that are not IPv4, in the order they came: ties between hosts go by it, after IPv4 values. */
  const named = new Map<string, number>();
  let truncated = 0;
  for (const r of records) {
    const s = stateIndex(r.state);
    states[s]++;
    const local = cut(r.localAddress);
    const remote = cut(r.remoteAddress);
    for (const a of [local, remote]) if (!isV4(a) && !named.has(a)) named.set(a, named.size);
    let wasCut = local !== r.localAddress || remote !== r.remoteAddress;
    if (r.process !== undefined || r.pid !== undefined) {
      const name = r.pid !== undefined ? `${r.pid}/${r.process ?? "?"}` : (r.process as string);
      processes.add(cut(name), s);
      wasCut ||= cut(name) !== name;
    }
    if (wasCut) truncated++;
    if (r.state === "LISTEN") listening.add(r.localPort);
    if (r.state === "LISTEN" && r.acceptQueue !== undefined) queues.push({ address: local, port: r.localPort, queue: r.acceptQueue, backlog: r.backlog ?? null });
    const rp = r.remotePort;
    const outbound = r.state !== "LISTEN" && rp !== null && !listening.has(r.localPort) && !reserved.has(r.localPort) && !(rp >= low && rp <= high);
    if (outbound && r.localPort >= low && r.localPort <= high) {
      outgoing[s]++;
      hosts.add(remote, s);
      endpoints.add(JSON.stringify([remote, rp]), s);
      destinations.add(JSON.stringify([local, remote, rp]), s);
      continue;
    }
    ports.add(r.localPort, s);
    if (outbound) outside.set(r.localPort, (outside.get(r.localPort) ?? 0) + 1);
    if (r.state !== "LISTEN" && rp !== null) {
      hosts.add(remote, s);
      clients.add(remote, s);
    }
  }
  const hostOrder = (a: string, b: string) => (isV4(a) ? v4(a) : 2 ** 32 + (named.get(a) as number)) - (isV4(b) ? v4(b) : 2 ** 32 + (named.get(b) as number));
  const size = high - low + 1;
  const reservedInRange = [...reserved].filter((p) => p >= low && p <= high).length;
  const available = size - reservedInRange;
  const outsidePorts = [...outside].filter(([p]) => !listening.has(p));
  // Fullest first (a stable sort keeps the order they came).
  const fullest = [...queues].sort((a, b) => Number(full(b)) - Number(full(a)) || b.queue - a.queue);
  const leaders = {} as Record<TcpState, StateLeaders>;
  TCP_STATES.forEach((state, s) => {
    leaders[state] = {
      hosts: hosts.leaders(s, (h) => h, hostOrder),
      clients: clients.leaders(s, (h) => h, hostOrder),
      clientCount: [...clients.rows.values()].filter((c) => (c[s] as number) > 0).length,
      localPorts: ports.leaders(s, String),
      endpoints: endpoints.leaders(s, (k) => endpoint(...(JSON.parse(k) as [string, number]))),
      processes: processes.leaders(s, (p) => p),
    };
  });
  return assembleAnalysis({
    states,
    summary,
    distinctHosts: TCP_STATES.map((_, s) => [...hosts.rows.values()].filter((c) => (c[s] as number) > 0).length),
    acceptQueues: { listeners: fullest.slice(0, TOP), waiting: queues.length, full: queues.filter(full).length },
    facts: { leaders, listeners: listenerLoads(fullest.slice(0, TOP), destinations, ports, listening) },
    breakdowns: {
      localPorts: ports.top().map(([port, c]) => ({ port, listening: listening.has(port), ...row(c) })),
      remoteHosts: hosts.top(hostOrder).map(([host, c]) => ({ host, ...row(c) })),
      remoteEndpoints: endpoints.top().map(([k, c]) => {
        const [host, port] = JSON.parse(k) as [string, number];
        return { host, port, ...row(c) };
      }),
      processes: processes.top().map(([process, c]) => ({ process, ...row(c) })),
      outgoing: row(outgoing),
      truncated,
    },
    pressure: {
      range: { low, high, size, reserved: reservedInRange, available },
      rangeSource: options.rangeSource ?? (options.portRange ? "given" : "the kernel default"),
      destinations: destinations.top().map(([k, c]) => {
        const [localAddress, remoteAddress, remotePort] = JSON.parse(k) as [string, string, number];
        const held = total(c);
        return { localAddress, remoteAddress, remotePort, held, timeWait: c[stateIndex("TIME_WAIT")] as number, fraction: available > 0 ? held / available : 1, sustainableRate: Math.floor(available / TIME_WAIT_SECONDS) };
      }),
      destinationCount: destinations.rows.size,
      outside: {
        ports: outsidePorts.length,
        sockets: outsidePorts.reduce((a, [, n]) => a + n, 0),
        lowest: outsidePorts.length ? Math.min(...outsidePorts.map(([p]) => p)) : 0,
        highest: outsidePorts.length ? Math.max(...outsidePorts.map(([p]) => p)) : 0,
      },
    },
  }, kernelReport(counters.store));
}

/** The listening ports with a queue or with this host's own SYN_SENT sockets towards them, as docs/analysis.md says. */
function listenerLoads(fullest: readonly AcceptQueue[], destinations: Counter<string>, ports: Counter<number>, listening: ReadonlySet<number>): ListenerLoad[] {
  const here = new Map<number, number>();
  for (const [k, c] of destinations.rows) {
    const [local, remote, port] = JSON.parse(k) as [string, string, number];
    const self = remote === local || remote.startsWith("127.") || remote === "::1" || remote.startsWith("::ffff:127.");
    const n = c[stateIndex("SYN_SENT")] as number;
    if (n > 0 && self && listening.has(port)) here.set(port, (here.get(port) ?? 0) + n);
  }
  const loads = new Map<number, ListenerLoad>();
  const synRecv = (port: number) => (ports.rows.get(port)?.[stateIndex("SYN_RECV")] as number | undefined) ?? 0;
  for (const q of fullest) if (!loads.has(q.port)) loads.set(q.port, { address: q.address, port: q.port, queue: q.queue, backlog: q.backlog, synRecv: synRecv(q.port), synSentHere: here.get(q.port) ?? 0 });
  for (const [port, n] of here) if (!loads.has(port)) loads.set(port, { address: "", port, queue: null, backlog: null, synRecv: synRecv(port), synSentHere: n });
  const isFull = (l: ListenerLoad) => l.queue !== null && full({ queue: l.queue, backlog: l.backlog });
  return [...loads.values()]
    .sort((a, b) => Number(isFull(b)) - Number(isFull(a)) || (b.queue ?? 0) - (a.queue ?? 0) || b.synSentHere - a.synSentHere || a.port - b.port)
    .slice(0, TOP);
}
