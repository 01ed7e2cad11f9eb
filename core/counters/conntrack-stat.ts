/**
 * Connection tracking's per-CPU statistics, counted since the network namespace was created:
 *
 *     entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop ...
 *     00040000  00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000f28 000026bf ...
 *
 * /proc/net/stat/nf_conntrack (nf_conntrack_standalone.c ct_cpu_seq_show): one hex row per CPU under a header
 * that names the columns (older kernels name some differently: searched, delete_list); "entries" is the
 * namespace's count on every row. And `conntrack -S` (conntrack-tools, over ctnetlink):
 *
 *     cpu=1   	found=0 invalid=0 insert=0 insert_failed=0 drop=3880 early_drop=9919 error=0 search_restart=0 clash_resolve=0 chaintoolong=0
 *
 * Both are summed over CPUs under conntrack -S's names.
 */
import type { CounterBlock, Verdict } from "./block";
import type { BlockContext } from "./context";
import type { BlockInfo } from "./store";
import { countAt, hexCountAt, words } from "./text";

/** The /proc header's names that conntrack -S calls otherwise. */
const RENAMED: Readonly<Record<string, string>> = { clashres: "clash_resolve", chainlength: "chaintoolong", icmp_error: "error" };

export function isStatHeader(s: string, start: number, end: number): boolean {
  const w = words(s, start, end);
  return w[0] === "entries" && w.includes("insert_failed") && w.includes("drop");
}

class ProcStat implements CounterBlock {
  private info: BlockInfo | undefined;

  constructor(
    private readonly ctx: BlockContext,
    private readonly names: readonly string[],
  ) {}

  line(s: string, start: number, end: number): Verdict {
    const w = words(s, start, end);
    // Another file's rows (softnet_stat, `cat`ed after it, or any format another block claims) end the block;
    // a row of other length is a damaged one.
    if (w.length !== this.names.length) return !isStatHeader(s, start, end) && w.every((x) => hexCountAt(x, 0, x.length) >= 0) && !this.ctx.claimed(s, start, end) ? "bad" : "end";
    const values = w.map((x) => hexCountAt(x, 0, x.length));
    if (values.some((v) => v < 0)) return "end";
    this.info ??= this.ctx.open("/proc/net/stat/nf_conntrack");
    const row = new Map<string, number>();
    this.names.forEach((n, i) => {
      if (n === "entries") this.ctx.store.sysctls.set("net.netfilter.nf_conntrack_count", String(values[i]));
      else row.set(RENAMED[n] ?? n, values[i] as number);
    });
    this.ctx.store.statRow(this.info, row);
    return "read";
  }
}

export function procStatBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  return new ProcStat(ctx, words(s, start, end));
}

/** "cpu=0 found=0 invalid=0 ...": the fields after cpu=, or undefined. */
function cpuRow(s: string, start: number, end: number): Map<string, number> | undefined {
  const w = words(s, start, end);
  if (!/^cpu=\d+$/.test(w[0] ?? "") || w.length < 3) return undefined;
  const row = new Map<string, number>();
  for (const f of w.slice(1)) {
    const eq = f.indexOf("=");
    const v = eq > 0 ? countAt(f, eq + 1, f.length) : -1;
    if (v < 0) return undefined;
    row.set(f.slice(0, eq), v);
  }
  return row;
}

export function isCpuRow(s: string, start: number, end: number): boolean {
  return cpuRow(s, start, end) !== undefined;
}

class CpuRows implements CounterBlock {
  private info: BlockInfo | undefined;
  private readonly cpus = new Set<string>();

  constructor(private readonly ctx: BlockContext) {}

  line(s: string, start: number, end: number): Verdict {
    const row = cpuRow(s, start, end);
    if (row === undefined) return "end";
    const cpu = words(s, start, end)[0] as string;
    // cpu=0 again: the next `conntrack -S` begins.
    if (this.cpus.has(cpu)) return "end";
    this.cpus.add(cpu);
    this.info ??= this.ctx.open("conntrack -S");
    this.ctx.store.statRow(this.info, row);
    return "read";
  }
}

export function cpuRowsBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new CpuRows(ctx);
  b.line(s, start, end);
  return b;
}
