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

/** Counts per row: one per TCP state. */
export const S = TCP_STATES.length;

/**
 * The indexes of the `n` rows with the largest totals, largest first; rows with equal totals in row order:
 * what a stable sort of all rows, then a cut to `n`, gives, in one pass.
 */
export function top(count: number, n: number, total: (row: number) => number): number[] {
  const best: number[] = [];
  const totals: number[] = [];
  for (let r = 0; r < count; r++) {
    const t = total(r);
    if (best.length === n && t <= (totals[n - 1] as number)) continue;
    let i = best.length;
    while (i > 0 && (totals[i - 1] as number) < t) i--;
    best.splice(i, 0, r);
    totals.splice(i, 0, t);
    if (best.length > n) {
      best.pop();
      totals.pop();
    }
  }
  return best;
}
