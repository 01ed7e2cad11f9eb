/**
 * Per-state counts by process ("pid/name", or the name alone), for records of the per-format parsers (the
 * scanner reads listings without a process column). Exact: one row per process, names cut to MAX_KEY.
 */
import { S } from "./counts";
import { boundedKey } from "./keys";

export class Processes {
  private readonly rows = new Map<string, number[]>();

  /** Counts one socket in state `s`; returns whether the name had to be cut. */
  count(name: string, s: number): boolean {
    const key = boundedKey(name);
    let row = this.rows.get(key);
    if (row === undefined) this.rows.set(key === name ? (" " + key).slice(1) : key, (row = new Array<number>(S).fill(0)));
    row[s]++;
    return key !== name;
  }

  /** Rows in the order the processes came. */
  entries(): IterableIterator<[string, number[]]> {
    return this.rows.entries();
  }
}
