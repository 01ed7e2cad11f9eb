/**
 * An independent count: records from the string parser folded into Maps, every key kept, every row sorted at
 * the end, by the rules docs/analysis.md states (direction, keys cut at 200 characters, ties). The tests hold
 * the scanner's counts, the text path and the byte path to it.
 */
import { assembleAnalysis } from "../../../core/analysis/analyze";
import { stateIndex, toStateCounts } from "../../../core/analysis/counts";
import { DEFAULT_PORT_RANGE, TIME_WAIT_SECONDS } from "../../../core/analysis/thresholds";
import type { Analysis, PortRange, Row } from "../../../core/analysis/types";
import { CounterCollector } from "../../../core/counters/collector";
import { kernelReport } from "../../../core/counters/report";
import { createSocketParser } from "../../../core/netstat/parse";
import { TCP_STATES, type FormatName, type SocketRecord } from "../../../core/netstat/types";

const TOP = 20;

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
  readonly rangeSource?: string;
}

export function referenceAnalysis(text: string, options: ReferenceOptions = {}): Analysis {
  const { low, high } = options.portRange ?? DEFAULT_PORT_RANGE;
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
  const endpoints = new Counter<string>();
  const processes = new Counter<string>();
  const destinations = new Counter<string>();
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
    const rp = r.remotePort;
    if (r.state !== "LISTEN" && rp !== null && r.localPort >= low && r.localPort <= high && !listening.has(r.localPort) && !(rp >= low && rp <= high)) {
      outgoing[s]++;
      hosts.add(remote, s);
      endpoints.add(JSON.stringify([remote, rp]), s);
      destinations.add(JSON.stringify([local, remote, rp]), s);
      continue;
    }
    ports.add(r.localPort, s);
    if (r.state !== "LISTEN" && rp !== null) hosts.add(remote, s);
  }
  const hostOrder = (a: string, b: string) => (isV4(a) ? v4(a) : 2 ** 32 + (named.get(a) as number)) - (isV4(b) ? v4(b) : 2 ** 32 + (named.get(b) as number));
  const size = high - low + 1;
  return assembleAnalysis(
    states,
    summary,
    {
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
    {
      range: { low, high, size },
      rangeSource: options.rangeSource ?? (options.portRange ? "given" : "the kernel default"),
      destinations: destinations.top().map(([k, c]) => {
        const [localAddress, remoteAddress, remotePort] = JSON.parse(k) as [string, string, number];
        const held = total(c);
        return { localAddress, remoteAddress, remotePort, held, timeWait: c[stateIndex("TIME_WAIT")] as number, fraction: held / size, sustainableRate: Math.floor(size / TIME_WAIT_SECONDS) };
      }),
    },
    kernelReport(counters.store),
  );
}
