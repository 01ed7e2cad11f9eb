/**
 * Readings of /proc/net/softnet_stat (softnet.ts reads the file) and what they add up to: each column summed
 * over CPUs, and between two readings each CPU's change. The kernel prints every column as 32 bits
 * (net/core/net-procfs.c softnet_seq_show, `%08x`), so a busy CPU's processed count wraps around; a change is
 * taken per CPU modulo 2^32, which is right as long as a counter wraps at most once between two readings, and
 * a change of 2^31 or more is read as a count that went down (a reboot, another host), not as a wrap.
 */
import { momentAfter, secondsBetween, type Moment } from "./moments";
import type { Softnet } from "./types";

/**
 * The columns by position (6.12 and 7.2 print 15; 6.1 and 5.10 stop after `cpu`, kernels before 5.10 after
 * flow_limit_count, and before 3.11 after received_rps). Positions 3 to 8 are always 0 (fastroute and
 * cpu_collision, long gone).
 */
const COLUMNS: readonly (readonly [number, string])[] = [
  [0, "processed"],
  [1, "dropped"],
  [2, "time_squeeze"],
  [9, "received_rps"],
  [10, "flow_limit_count"],
  [11, "backlog_len"],
  [13, "input_qlen"],
  [14, "process_qlen"],
];
/** Counts since boot; the other columns are queue lengths now. */
export const SOFTNET_COUNTERS: readonly string[] = ["processed", "dropped", "time_squeeze", "received_rps", "flow_limit_count"];
const COUNTER_COLUMNS = COLUMNS.filter(([, name]) => SOFTNET_COUNTERS.includes(name));
/** Where the CPU's number is, in the formats that print it (5.10 on). */
export const CPU_COLUMN = 12;

const WRAP = 2 ** 32;
/**
 * A count's change modulo 2^32 from this far on is no wrap but a count that went down: it would mean more than
 * 2^31 packets between two readings, where a reboot or another host's paste is the likely cause.
 */
const HALF = 2 ** 31;

interface Reading extends Moment {
  readonly columns: number;
  /** By CPU number (or row position where the format has none), its values. */
  readonly rows: Map<number, readonly number[]>;
}

/**
 * The readings' first and last of one series, and the one before the last: memory does not grow with the
 * number of readings. A count that went down (not a wrap), or a change of columns, begins the series again.
 */
export class SoftnetTally {
  private count = 0;
  private first: Reading | undefined;
  private previous: Reading | undefined;
  private current: Reading | undefined;
  /** Whether a reading did not follow the one before (a reset, another host): the series began again. */
  private reset = false;

  /** A reading begins (one block), at `time` on the input's clock. */
  begin(time: number, columns: number): void {
    this.settle();
    this.current = { ...momentAfter(this.previous, time), columns, rows: new Map() };
    this.count++;
  }

  row(values: readonly number[]): void {
    const r = this.current;
    if (r === undefined) return;
    r.rows.set(values.length > CPU_COLUMN ? (values[CPU_COLUMN] as number) : r.rows.size, values);
  }

  /** Whether the reading under way has this CPU already (the next `cat` of the file begins). */
  has(cpu: number): boolean {
    return this.current?.rows.has(cpu) ?? false;
  }

  /** The reading under way is complete: it follows the one before, or begins the series again. */
  private settle(): void {
    const r = this.current;
    if (r === undefined) return;
    this.current = undefined;
    if (this.previous !== undefined && changesBetween(this.previous, r) === null) {
      this.first = r;
      this.reset = true;
    }
    this.first ??= r;
    this.previous = r;
  }

  report(): Softnet | null {
    this.settle();
    const first = this.first;
    const last = this.previous;
    if (last === undefined || first === undefined) return null;
    const totals: Record<string, number> = {};
    for (const values of last.rows.values()) {
      for (const [i, name] of COLUMNS) if (i < values.length) totals[name] = (totals[name] ?? 0) + (values[i] as number);
    }
    const changes = first !== last ? changesBetween(first, last) : null;
    return { cpus: last.rows.size, columns: last.columns, totals, readings: this.count, reset: this.reset, changes: changes ?? {}, seconds: changes !== null ? secondsBetween(first, last) : null };
  }
}

/**
 * Each counter's change summed over the CPUs both readings have, each CPU's modulo 2^32; null when they are
 * not one series (other columns, no CPU in common, a count that went down).
 */
function changesBetween(first: Reading, last: Reading): Record<string, number> | null {
  if (first.columns !== last.columns) return null;
  const out: Record<string, number> = {};
  let common = 0;
  for (const [cpu, b] of last.rows) {
    const a = first.rows.get(cpu);
    if (a === undefined) continue;
    common++;
    for (const [i, name] of COUNTER_COLUMNS) {
      if (i >= b.length) continue;
      const change = ((((b[i] as number) - (a[i] as number)) % WRAP) + WRAP) % WRAP;
      if (change >= HALF) return null;
      out[name] = (out[name] ?? 0) + change;
    }
  }
  return common > 0 ? out : null;
}
