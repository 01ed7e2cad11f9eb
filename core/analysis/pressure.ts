/** How much of the local port range each destination holds, and the connection rate that leaves. */
import type { SocketAggregator } from "./aggregate";
import { stateIndex, sum } from "./counts";
import { THRESHOLDS, TIME_WAIT_SECONDS } from "./thresholds";
import type { Destination, PortPressure } from "./types";

const TIME_WAIT = stateIndex("TIME_WAIT");

export function portPressure(agg: SocketAggregator, rangeSource: string): PortPressure {
  const size = agg.range.high - agg.range.low + 1;
  // Each destination has the whole range to itself, so the rate the range sustains is the same for all.
  const sustainableRate = Math.floor(size / TIME_WAIT_SECONDS);
  const all: Destination[] = [];
  for (const [localAddress, remotes] of agg.destinations) {
    for (const [remoteAddress, ports] of remotes.hosts) {
      for (const [remotePort, row] of ports) {
        const held = sum(row);
        all.push({
          localAddress,
          remoteAddress,
          remotePort,
          held,
          timeWait: row[TIME_WAIT] ?? 0,
          fraction: held / size,
          sustainableRate,
        });
      }
    }
  }
  all.sort((a, b) => b.held - a.held);
  return { range: { ...agg.range, size }, rangeSource, destinations: all.slice(0, THRESHOLDS.topRows) };
}
