/**
 * Per-state counts by process ("pid/name", or the name alone), for records of the string parsers (the
 * byte-level fast path reads listings without a process column). The first maxKeys processes are tracked;
 * sockets of any other count as untracked.
 */
import { detach } from "./interner";
import { Counts, S, top, type TopRow } from "./key-tables";

export interface ProcessesState {
  keys: string[];
  counts: Float64Array;
  untracked: number;
}

export class Processes {
  private readonly rows = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly counts = new Counts();
  untracked = 0;

  constructor(private readonly maxKeys: number) {}

  /** Counts one socket in state `s`; false when the process is new and the table full (it is untracked). */
  count(name: string, s: number): boolean {
    const row = this.rowOf(name);
    if (row < 0) {
      this.untracked++;
      return false;
    }
    this.counts.data[row * S + s]++;
    return true;
  }

  /** The process's row, made if there is room; -1 when the table is full. */
  private rowOf(name: string): number {
    let row = this.rows.get(name);
    if (row === undefined) {
      if (this.rows.size >= this.maxKeys) return -1;
      const key = detach(name);
      row = this.counts.add();
      this.rows.set(key, row);
      this.keys.push(key);
    }
    return row;
  }

  top(n: number): TopRow<string>[] {
    const c = this.counts;
    return top(c.n, n, (r) => c.total(r)).map((r) => ({ key: this.keys[r] as string, counts: c.row(r) }));
  }

  export(): ProcessesState {
    return { keys: this.keys, counts: this.counts.export(), untracked: this.untracked };
  }

  /**
   * Folds in another part's processes, its new ones after ours, then the sockets it could not place (`logged`
   * names with their `states`): counted where their process now has a row, else untracked.
   */
  merge(p: ProcessesState, logged: readonly string[], states: readonly number[]): void {
    for (let r = 0; r < p.keys.length; r++) {
      const row = this.rowOf(p.keys[r] as string);
      for (let s = 0; s < S; s++) {
        const n = p.counts[r * S + s] as number;
        if (row < 0) this.untracked += n;
        else this.counts.data[row * S + s] += n;
      }
    }
    for (let i = 0; i < logged.length; i++) {
      const row = this.rows.get(logged[i] as string);
      if (row === undefined) this.untracked++;
      else this.counts.data[row * S + (states[i] as number)]++;
    }
  }
}
