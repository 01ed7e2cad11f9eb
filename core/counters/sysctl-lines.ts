/**
 * The kernel's limits as people print them beside their counters:
 *
 *     net.ipv4.tcp_max_tw_buckets = 32                               sysctl KEY..., sysctl -a
 *     /proc/sys/net/ipv4/tcp_mem:288393	384526	576786           grep . /proc/sys/net/ipv4/tcp_*
 *     ==> /proc/sys/net/netfilter/nf_conntrack_max <==               head FILE...: the value follows
 *     sysctl: cannot stat /proc/sys/net/ipv4/tcp_mem: No such file   (a key this namespace does not have)
 *
 * and bare values under `cat /proc/sys/...` (collector.ts). Only the keys the findings and gauges use are
 * kept (SETTINGS); the other lines of a `sysctl -a` are read and dropped.
 */
import type { CounterBlock, Verdict } from "./block";
import { keyOfProcPath } from "./commands";
import type { BlockContext } from "./context";
import { isNumbers } from "./text";

/** The settings an analysis compares usage with, and the old name conntrack's limit also has. */
export const SETTINGS = new Set([
  "net.core.somaxconn",
  "net.core.netdev_max_backlog",
  "net.core.netdev_budget",
  "net.core.netdev_budget_usecs",
  "net.ipv4.tcp_max_syn_backlog",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.tcp_max_tw_buckets",
  "net.ipv4.tcp_ehash_entries",
  "net.ipv4.tcp_max_orphans",
  "net.ipv4.tcp_mem",
  "net.netfilter.nf_conntrack_count",
  "net.netfilter.nf_conntrack_max",
  "net.netfilter.nf_conntrack_buckets",
]);
const ALIASES: Readonly<Record<string, string>> = { "net.nf_conntrack_max": "net.netfilter.nf_conntrack_max" };

const ASSIGNMENT = /^([a-z][a-z0-9_]*(?:\.[^\s=.]+)+)\s*=\s*(.*)$/;
const GREP = /^(\/proc\/sys\/[^\s:]+):(.*)$/;
const HEAD = /^==> (\/proc\/sys\/\S+) <==$/;
const NOTICE = /^sysctl: (?:cannot stat|permission denied on key|reading key) /;

/** Keeps a value if its key is one of SETTINGS; values are stored with their blanks squeezed ("1 2 3"). */
export function keepSetting(ctx: BlockContext, key: string, value: string): void {
  const k = ALIASES[key] ?? key;
  if (SETTINGS.has(k)) ctx.store.sysctls.set(k, value.trim().split(/\s+/).join(" "));
}

/** What a line of sysctl output is: a setting read, a key whose value comes on the next line, noise, or none. */
function classify(line: string): { key: string; value: string } | { next: string } | "noise" | undefined {
  const a = ASSIGNMENT.exec(line) ?? GREP.exec(line);
  if (a) {
    const key = a[1]?.startsWith("/proc/sys/") ? keyOfProcPath(a[1]) : a[1];
    return key === undefined ? undefined : { key, value: a[2] as string };
  }
  const h = HEAD.exec(line);
  if (h) {
    const key = keyOfProcPath(h[1] as string);
    return key === undefined ? undefined : { next: key };
  }
  return NOTICE.test(line) ? "noise" : undefined;
}

export function isSysctlLine(s: string, start: number, end: number): boolean {
  // Every form has an "=", a "/proc/sys/" path or sysctl's own prefix: most lines are ruled out without a copy.
  const eq = s.indexOf("=", start);
  const candidate = (eq !== -1 && eq < end) || s.startsWith("/proc/sys/", start) || s.startsWith("sysctl: ", start);
  return candidate && classify(s.slice(start, end).trim()) !== undefined;
}

class SysctlLines implements CounterBlock {
  /** The key `head` named, whose value is the next line. */
  private pending: string | undefined;

  constructor(private readonly ctx: BlockContext) {
    ctx.store.noteSource("sysctl");
  }

  line(s: string, start: number, end: number): Verdict {
    const text = s.slice(start, end).trim();
    if (this.pending !== undefined && isNumbers(s, start, end)) {
      keepSetting(this.ctx, this.pending, text);
      this.pending = undefined;
      return "read";
    }
    const c = classify(text);
    if (c === undefined) return "end";
    if (c !== "noise") {
      if ("next" in c) this.pending = c.next;
      else keepSetting(this.ctx, c.key, c.value);
    }
    return "read";
  }
}

export function sysctlBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new SysctlLines(ctx);
  b.line(s, start, end);
  return b;
}
