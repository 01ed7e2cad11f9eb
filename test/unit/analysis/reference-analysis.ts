/**
 * The analysis as it was computed before the byte-level fast path and the typed-array aggregator: records
 * from the string parser folded into Maps (a copy of the original SocketAggregator, EndpointCounter and
 * portPressure). The tests hold today's paths (string, bytes, two threads) to this independent oracle.
 */
import { stateIndex, sum, toStateCounts } from "../../../core/analysis/counts";
import { assembleAnalysis } from "../../../core/analysis/analyze";
import { DEFAULT_PORT_RANGE, THRESHOLDS, TIME_WAIT_SECONDS } from "../../../core/analysis/thresholds";
import type { Analysis, Breakdowns, Destination, PortPressure, PortRange, Row } from "../../../core/analysis/types";
import { parseSockets } from "../../../core/netstat/parse";
import { TCP_STATES, type FormatName, type SocketRecord } from "../../../core/netstat/types";

export function emptyCounts(): number[] {
  return new Array<number>(TCP_STATES.length).fill(0);
}

/** Per-state counters keyed by anything, with a cap on distinct keys. */
export class StateCounter<K> {
  readonly rows = new Map<K, number[]>();
  /** Sockets whose key arrived after the cap was reached. */
  untracked = 0;

  constructor(private readonly maxKeys: number) {}

  add(key: K, state: number): void {
    let row = this.rows.get(key);
    if (!row) {
      if (this.rows.size >= this.maxKeys) {
        this.untracked++;
        return;
      }
      this.rows.set(key, (row = emptyCounts()));
    }
    row[state] = (row[state] ?? 0) + 1;
  }

  /** The `n` keys with the most sockets, most first. */
  top(n: number, weight: (row: readonly number[]) => number = sum): [K, number[]][] {
    return [...this.rows].sort((a, b) => weight(b[1]) - weight(a[1])).slice(0, n);
  }
}

class EndpointCounter {
  readonly hosts = new Map<string, Map<number, number[]>>();
  size = 0;
  untracked = 0;

  constructor(private readonly maxKeys: number) {}

  add(host: string, port: number, state: number): void {
    let ports = this.hosts.get(host);
    if (!ports) {
      if (this.size >= this.maxKeys) {
        this.untracked++;
        return;
      }
      this.hosts.set(host, (ports = new Map()));
    }
    let row = ports.get(port);
    if (!row) {
      if (this.size >= this.maxKeys) {
        this.untracked++;
        return;
      }
      this.size++;
      ports.set(port, (row = emptyCounts()));
    }
    row[state] = (row[state] ?? 0) + 1;
  }
}

class ReferenceAggregator {
  readonly states = emptyCounts();
  total = 0;
  readonly listening = new Set<number>();
  readonly localPorts = new StateCounter<number>(65536);
  readonly remoteHosts: StateCounter<string>;
  readonly remoteEndpoints: EndpointCounter;
  readonly processes: StateCounter<string>;
  readonly destinations = new Map<string, EndpointCounter>();
  private destinationKeys = 0;
  untrackedDestinations = 0;

  constructor(
    readonly range: PortRange,
    private readonly maxKeys: number,
  ) {
    this.remoteHosts = new StateCounter<string>(maxKeys);
    this.remoteEndpoints = new EndpointCounter(maxKeys);
    this.processes = new StateCounter<string>(maxKeys);
  }

  add(r: SocketRecord): void {
    const s = stateIndex(r.state);
    this.total++;
    this.states[s] = (this.states[s] ?? 0) + 1;
    this.localPorts.add(r.localPort, s);
    if (r.state === "LISTEN") {
      this.listening.add(r.localPort);
      return;
    }
    if (r.remotePort === null) return;
    this.remoteHosts.add(r.remoteAddress, s);
    this.remoteEndpoints.add(r.remoteAddress, r.remotePort, s);
    if (r.process !== undefined || r.pid !== undefined) {
      const name = r.pid !== undefined ? `${r.pid}/${r.process ?? "?"}` : (r.process as string);
      this.processes.add(name, s);
    }
    const { low, high } = this.range;
    const remote = r.remotePort;
    if (r.localPort >= low && r.localPort <= high && !(remote >= low && remote <= high)) {
      let byRemote = this.destinations.get(r.localAddress);
      if (!byRemote) {
        if (this.destinationKeys >= this.maxKeys) {
          this.untrackedDestinations++;
          return;
        }
        this.destinations.set(r.localAddress, (byRemote = new EndpointCounter(this.maxKeys)));
      }
      const before = byRemote.size;
      byRemote.add(r.remoteAddress, remote, s);
      this.destinationKeys += byRemote.size - before;
    }
  }
}

function row(counts: readonly number[]): Row {
  const states = toStateCounts(counts);
  let total = 0;
  for (const n of counts) total += n;
  return { total, states };
}

function pressureOf(agg: ReferenceAggregator, rangeSource: string): PortPressure {
  const size = agg.range.high - agg.range.low + 1;
  const all: Destination[] = [];
  for (const [localAddress, remotes] of agg.destinations) {
    for (const [remoteAddress, ports] of remotes.hosts) {
      for (const [remotePort, r] of ports) {
        const held = sum(r);
        all.push({ localAddress, remoteAddress, remotePort, held, timeWait: r[stateIndex("TIME_WAIT")] ?? 0, fraction: held / size, sustainableRate: Math.floor(size / TIME_WAIT_SECONDS) });
      }
    }
  }
  all.sort((a, b) => b.held - a.held);
  return { range: { ...agg.range, size }, rangeSource, destinations: all.slice(0, THRESHOLDS.topRows) };
}

export interface ReferenceOptions {
  readonly format?: FormatName;
  readonly portRange?: PortRange;
  readonly rangeSource?: string;
  readonly maxKeys?: number;
}

/** What analyzeText(text, options) gave before the fast path. */
export function referenceAnalysis(text: string, options: ReferenceOptions = {}): Analysis {
  const agg = new ReferenceAggregator(options.portRange ?? DEFAULT_PORT_RANGE, options.maxKeys ?? THRESHOLDS.maxTrackedKeys);
  const { records, summary } = parseSockets(text, options.format ? { format: options.format } : {});
  for (const r of records) agg.add(r);
  const top = THRESHOLDS.topRows;
  const endpoints: { host: string; port: number; counts: number[] }[] = [];
  for (const [host, ports] of agg.remoteEndpoints.hosts) for (const [port, counts] of ports) endpoints.push({ host, port, counts });
  endpoints.sort((a, b) => sum(b.counts) - sum(a.counts));
  const b: Breakdowns = {
    localPorts: agg.localPorts.top(top).map(([port, c]) => ({ port, listening: agg.listening.has(port), ...row(c) })),
    remoteHosts: agg.remoteHosts.top(top).map(([host, c]) => ({ host, ...row(c) })),
    remoteEndpoints: endpoints.slice(0, top).map((e) => ({ host: e.host, port: e.port, ...row(e.counts) })),
    processes: agg.processes.top(top).map(([process, c]) => ({ process, ...row(c) })),
    untracked: agg.remoteHosts.untracked + agg.remoteEndpoints.untracked + agg.processes.untracked + agg.untrackedDestinations,
  };
  const pressure = pressureOf(agg, options.rangeSource ?? (options.portRange ? "given" : "the kernel default"));
  return assembleAnalysis(toStateCounts(agg.states), agg.total, summary, b, pressure);
}
