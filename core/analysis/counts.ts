/** Per-state counters keyed by anything, with a cap on distinct keys so memory stays bounded. */
import { TCP_STATES, type TcpState } from "../netstat/types";
import type { StateCounts } from "./types";

const INDEX = new Map<TcpState, number>(TCP_STATES.map((s, i) => [s, i]));

export function stateIndex(s: TcpState): number {
  return INDEX.get(s) ?? TCP_STATES.length - 1;
}

export function emptyCounts(): number[] {
  return new Array<number>(TCP_STATES.length).fill(0);
}

export function toStateCounts(counts: readonly number[]): StateCounts {
  const out = {} as Record<TcpState, number>;
  TCP_STATES.forEach((s, i) => (out[s] = counts[i] ?? 0));
  return out;
}

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

export function sum(row: readonly number[]): number {
  let t = 0;
  for (const n of row) t += n;
  return t;
}
