/** The report's tables from the counts: the top rows of each breakdown, and the port pressure. */
import { S, stateIndex, sum, toStateCounts, top } from "./counts";
import type { Tally } from "./tally";
import { THRESHOLDS, TIME_WAIT_SECONDS } from "./thresholds";
import type { Breakdowns, PortPressure, RemoteEndpointRow, Row } from "./types";

const TIME_WAIT = stateIndex("TIME_WAIT");

function row(counts: readonly number[]): Row {
  return { total: sum(counts), states: toStateCounts(counts) };
}

/** The `n` items with the largest totals of their counts, ties in the order given. */
function topOf<T extends { counts: number[] }>(items: readonly T[], n: number): T[] {
  return top(items.length, n, (i) => sum((items[i] as T).counts)).map((i) => items[i] as T);
}

/** Outgoing sockets by remote endpoint: the destinations summed over local addresses, in their order. */
function endpoints(tally: Tally): RemoteEndpointRow[] {
  const rows = new Map<number, { remote: number; port: number; counts: number[] }>();
  for (const d of tally.destinations()) {
    const k = d.remote * 65536 + d.port;
    let r = rows.get(k);
    if (r === undefined) rows.set(k, (r = { remote: d.remote, port: d.port, counts: new Array<number>(S).fill(0) }));
    for (let s = 0; s < S; s++) r.counts[s] += d.counts[s] as number;
  }
  return topOf([...rows.values()], THRESHOLDS.topRows).map((r) => ({ host: tally.name(r.remote), port: r.port, ...row(r.counts) }));
}

export function breakdowns(tally: Tally): Breakdowns {
  const n = THRESHOLDS.topRows;
  const processes = [...tally.processes.entries()].map(([process, counts]) => ({ process, counts }));
  return {
    localPorts: topOf(tally.ports(), n).map((p) => ({ port: p.port, listening: p.listening, ...row(p.counts) })),
    remoteHosts: tally.topHosts(n).map((h) => ({ host: tally.name(h.host), ...row(h.counts) })),
    remoteEndpoints: endpoints(tally),
    processes: topOf(processes, n).map((p) => ({ process: p.process, ...row(p.counts) })),
    outgoing: row(tally.outgoing()),
    truncated: tally.truncated,
  };
}

/** How much of the local port range each destination holds, and the connection rate that leaves. */
export function portPressure(tally: Tally, rangeSource: string): PortPressure {
  const { low, high } = tally.range;
  const size = high - low + 1;
  // Each destination has the whole range to itself, so the rate the range sustains is the same for all.
  const sustainableRate = Math.floor(size / TIME_WAIT_SECONDS);
  const destinations = topOf(tally.destinations(), THRESHOLDS.topRows).map((d) => {
    const held = sum(d.counts);
    return {
      localAddress: tally.name(d.local),
      remoteAddress: tally.name(d.remote),
      remotePort: d.port,
      held,
      timeWait: d.counts[TIME_WAIT] as number,
      fraction: held / size,
      sustainableRate,
    };
  });
  return { range: { low, high, size }, rangeSource, destinations };
}
