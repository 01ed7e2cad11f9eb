/**
 * /proc/net/softnet_stat: one row per online CPU, every column 8 hexadecimal digits, no header:
 *
 *     000a645d 00000000 00000001 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000001 00000000 00000000
 *
 * processed, dropped, time_squeeze, six zeros, received_rps, flow_limit_count, then (5.10 on) backlog_len and
 * the CPU's number, then (6.12 and 7.2) input_qlen and process_qlen (softnet-tally.ts names them). The file is
 * the host's: every network namespace sees the same CPUs' figures. A block is one reading; a CPU number seen
 * again begins the next (`cat` run twice with a `sleep` between prints the rows back to back).
 */
import type { CounterBlock, Verdict } from "./block";
import type { BlockContext } from "./context";
import { CPU_COLUMN } from "./softnet-tally";
import { hexCountAt, words } from "./text";

export const SOFTNET_SOURCE = "/proc/net/softnet_stat";

/** Columns of the formats above: 10 (before 3.11), 11 (before 5.10), 13 (5.10, 6.1), 15 (6.12, 7.2); a later kernel may add more. */
const FORMATS = new Set([10, 11, 13]);
const FIXED = 8;

/** The row's values, or undefined when it is not a row of the file (columns of exactly 8 hex digits, 10 or more). */
function values(s: string, start: number, end: number): number[] | undefined {
  // Most lines fail here without a copy: the first column is 8 digits and a blank.
  if (end - start < 10 * (FIXED + 1) - 1 || s.charCodeAt(start + FIXED) !== 32) return undefined;
  const w = words(s, start, end);
  if (w.length < 10 || w.some((x) => x.length !== FIXED)) return undefined;
  const v = w.map((x) => hexCountAt(x, 0, FIXED));
  return v.some((x) => x < 0) ? undefined : v;
}

/** Whether the line is a row of /proc/net/softnet_stat in one of the formats the kernels print. */
export function isSoftnetRow(s: string, start: number, end: number): boolean {
  const v = values(s, start, end);
  return v !== undefined && (FORMATS.has(v.length) || v.length >= 15);
}

class SoftnetRows implements CounterBlock {
  private readonly columns: number;

  constructor(
    private readonly ctx: BlockContext,
    first: readonly number[],
  ) {
    this.columns = first.length;
    ctx.open(SOFTNET_SOURCE);
    ctx.store.softnet.begin(ctx.store.now, this.columns);
    ctx.store.softnet.row(first);
  }

  line(s: string, start: number, end: number): Verdict {
    const v = values(s, start, end);
    if (v === undefined) return "end";
    // Another kernel's format begins another reading; a row cut short or run together with another is of the
    // file, but not readable.
    if (v.length !== this.columns) return isSoftnetRow(s, start, end) ? "end" : "bad";
    if (v.length > CPU_COLUMN && this.ctx.store.softnet.has(v[CPU_COLUMN] as number)) return "end";
    this.ctx.store.softnet.row(v);
    return "read";
  }
}

export function softnetBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  return new SoftnetRows(ctx, values(s, start, end) as number[]);
}
