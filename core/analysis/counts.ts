/** Per-state counts: state indexes, counts by state name, totals. */
import { TCP_STATES, type TcpState } from "../netstat/types";
import type { StateCounts } from "./types";

const INDEX = new Map<TcpState, number>(TCP_STATES.map((s, i) => [s, i]));

export function stateIndex(s: TcpState): number {
  return INDEX.get(s) ?? TCP_STATES.length - 1;
}

export function toStateCounts(counts: readonly number[]): StateCounts {
  const out = {} as Record<TcpState, number>;
  TCP_STATES.forEach((s, i) => (out[s] = counts[i] ?? 0));
  return out;
}

export function sum(row: readonly number[]): number {
  let t = 0;
  for (const n of row) t += n;
  return t;
}
