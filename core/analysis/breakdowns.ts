/** The report's tables from the counts: the top rows of each breakdown, and the port pressure. */
import { S, stateIndex, sum, toStateCounts, top } from "./counts";
import type { AddressKey, DestinationCounts, PortCounts, Tally } from "./tally";
import { THRESHOLDS, TIME_WAIT_SECONDS } from "./thresholds";
import type { Breakdowns, OutsideRange, PortPressure, PortRange, RangeInUse, RemoteEndpointRow, Row } from "./types";

const TIME_WAIT = stateIndex("TIME_WAIT");

function row(counts: readonly number[]): Row {
  return { total: sum(counts), states: toStateCounts(counts) };
}

/** The `n` items with the largest totals of their counts, ties in the order given. */
function topOf<T extends { counts: number[] }>(items: readonly T[], n: number): T[] {
  return top(items.length, n, (i) => sum((items[i] as T).counts)).map((i) => items[i] as T);
}

export interface EndpointCounts {
  readonly remote: AddressKey;
  readonly port: number;
  readonly counts: number[];
}

/** Outgoing sockets by remote endpoint: the destinations summed over local addresses, in their order. */
export function endpointCounts(destinations: readonly DestinationCounts[]): EndpointCounts[] {
  const rows = new Map<number, EndpointCounts>();
  for (const d of destinations) {
    const k = d.remote * 65536 + d.port;
    let r = rows.get(k);
    if (r === undefined) rows.set(k, (r = { remote: d.remote, port: d.port, counts: new Array<number>(S).fill(0) }));
    for (let s = 0; s < S; s++) (r.counts[s] as number) += d.counts[s] as number;
  }
  return [...rows.values()];
}

function endpoints(tally: Tally, destinations: readonly DestinationCounts[]): RemoteEndpointRow[] {
  return topOf(endpointCounts(destinations), THRESHOLDS.topRows).map((r) => ({ host: tally.name(r.remote), port: r.port, ...row(r.counts) }));
}

export function breakdowns(tally: Tally, ports: readonly PortCounts[], destinations: readonly DestinationCounts[]): Breakdowns {
  const n = THRESHOLDS.topRows;
  const processes = [...tally.processes.entries()].map(([process, counts]) => ({ process, counts }));
  return {
    localPorts: topOf(ports, n).map((p) => ({ port: p.port, listening: p.listening, ...row(p.counts) })),
    remoteHosts: tally.topHosts(n).map((h) => ({ host: tally.name(h.host), ...row(h.counts) })),
    remoteEndpoints: endpoints(tally, destinations),
    processes: topOf(processes, n).map((p) => ({ process: p.process, ...row(p.counts) })),
    outgoing: row(tally.outgoing()),
    truncated: tally.truncated,
  };
}

/** The range a listing is read with, less the reserved ports the kernel never picks. */
export function rangeInUse(range: PortRange, reserved: number): RangeInUse {
  const size = range.high - range.low + 1;
  return { low: range.low, high: range.high, size, reserved, available: size - reserved };
}

/** The ports outside the range that look ephemeral (OutsideRange), summed. */
export function outsideRange(ports: readonly { readonly port: number; readonly sockets: number }[]): OutsideRange {
  let sockets = 0;
  let lowest = 65536;
  let highest = 0;
  for (const p of ports) {
    sockets += p.sockets;
    lowest = Math.min(lowest, p.port);
    highest = Math.max(highest, p.port);
  }
  return { ports: ports.length, sockets, lowest: ports.length > 0 ? lowest : 0, highest };
}

/** How much of the local port range each destination holds, and the connection rate that leaves. */
export function portPressure(tally: Tally, destinations: readonly DestinationCounts[], rangeSource: string): PortPressure {
  const range = rangeInUse(tally.range, tally.reservedInRange);
  // Each destination has the whole range to itself, so the rate the range sustains is the same for all.
  const sustainableRate = Math.floor(range.available / TIME_WAIT_SECONDS);
  const top = topOf(destinations, THRESHOLDS.topRows).map((d) => {
    const held = sum(d.counts);
    return {
      localAddress: tally.name(d.local),
      remoteAddress: tally.name(d.remote),
      remotePort: d.port,
      held,
      timeWait: d.counts[TIME_WAIT] as number,
      fraction: range.available > 0 ? held / range.available : 1,
      sustainableRate,
    };
  });
  return { range, rangeSource, destinations: top, destinationCount: destinations.length, outside: outsideRange(tally.outside()) };
}
