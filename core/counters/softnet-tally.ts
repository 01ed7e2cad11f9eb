/**
 * Readings of /proc/net/softnet_stat (softnet.ts reads the file) and what they add up to: each column summed
 * over CPUs, and between two readings each CPU's change. The kernel prints every column as 32 bits
 * (net/core/net-procfs.c softnet_seq_show, `%08x`), so a busy CPU's processed count wraps around; a change is
 * taken per CPU modulo 2^32, which is right as long as a counter wraps at most once between two readings.
 */
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

interface Reading {
  /** The block that read it: one `cat` of the file. */
  readonly id: number;
  readonly time: number;
  readonly columns: number;
  /** By CPU number (or row position where the format has none), its values. */
  readonly rows: Map<number, readonly number[]>;
}

export class SoftnetTally {
  private readonly readings: Reading[] = [];

  /** A reading begins (one block), at `time` on the input's clock. */
  begin(id: number, time: number, columns: number): void {
    this.readings.push({ id, time, columns, rows: new Map() });
  }

  row(values: readonly number[]): void {
    const r = this.readings[this.readings.length - 1];
    if (r === undefined) return;
    r.rows.set(values.length > CPU_COLUMN ? (values[CPU_COLUMN] as number) : r.rows.size, values);
  }

  /** Whether the reading under way has this CPU already (the next `cat` of the file begins). */
  has(cpu: number): boolean {
    return this.readings[this.readings.length - 1]?.rows.has(cpu) ?? false;
  }

  report(): Softnet | null {
    const readings = this.readings.filter((r) => r.rows.size > 0);
    const last = readings[readings.length - 1];
    const first = readings[0];
    if (last === undefined || first === undefined) return null;
    const totals: Record<string, number> = {};
    for (const values of last.rows.values()) {
      for (const [i, name] of COLUMNS) if (i < values.length) totals[name] = (totals[name] ?? 0) + (values[i] as number);
    }
    const changes = readings.length >= 2 ? changesBetween(first, last) : null;
    return {
      cpus: last.rows.size,
      columns: last.columns,
      totals,
      readings: readings.length,
      changes: changes ?? {},
      seconds: changes !== null && last.time > first.time ? last.time - first.time : null,
    };
  }
}

/** Each counter's change summed over the CPUs both readings have; null when they are not one series. */
function changesBetween(first: Reading, last: Reading): Record<string, number> | null {
  if (first.columns !== last.columns) return null;
  const cpus = [...last.rows.keys()].filter((cpu) => first.rows.has(cpu));
  if (cpus.length === 0) return null;
  const out: Record<string, number> = {};
  for (const cpu of cpus) {
    const a = first.rows.get(cpu) as readonly number[];
    const b = last.rows.get(cpu) as readonly number[];
    for (const [i, name] of COUNTER_COLUMNS) {
      if (i < b.length) out[name] = (out[name] ?? 0) + ((((b[i] as number) - (a[i] as number)) % WRAP) + WRAP) % WRAP;
    }
  }
  return out;
}
