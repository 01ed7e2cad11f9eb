/**
 * What the reports show of the kernel's figures, one way for all of them (CLI text, Markdown, the panel): the
 * counters that matter with their meanings (meanings.json, in our words from the kernel's
 * Documentation/networking/snmp_counter.rst and source), and a sentence on how they were sampled.
 */
import { percentText, thousands } from "../text/numbers";
import meanings from "./meanings.json";
import type { CounterSampling, Gauge, KernelSections, Softnet } from "./types";

export interface CounterMeaning {
  readonly name: string;
  readonly topic: string;
  readonly meaning: string;
  /** Where the meaning was checked: a kernel doc section or a source file and function. */
  readonly source: string;
}

export const MEANINGS: readonly CounterMeaning[] = meanings;

export interface NotableCounter extends CounterMeaning {
  readonly value: number;
  /** Its change between the snapshots, when two were read. */
  readonly change: number | null;
}

/** The prefix of the names MEANINGS gives /proc/net/softnet_stat's columns ("softnet_stat dropped"): not nstat's counters. */
export const SOFTNET_PREFIX = "softnet_stat ";

/** A counter's value and its change between two readings of its source (null with one), or undefined when not read. */
function reading(k: KernelSections, name: string): { value: number; change: number | null } | undefined {
  if (name.startsWith(SOFTNET_PREFIX)) {
    const column = name.slice(SOFTNET_PREFIX.length);
    const value = k.softnet?.totals?.[column];
    // Only counts have changes; none when the last reading begins a series.
    return value === undefined ? undefined : { value, change: k.softnet?.changes[column] ?? null };
  }
  const value = k.counters[name];
  if (value === undefined) return undefined;
  return { value, change: k.sampling !== null && k.sampling.snapshots >= 2 ? (k.sampling.changes[name] ?? 0) : null };
}

/** The counters that matter that the input has: those that are not 0 first (moving ones before), then the rest, each in MEANINGS' order. */
export function notableCounters(k: KernelSections): NotableCounter[] {
  const out: NotableCounter[] = [];
  for (const m of MEANINGS) {
    const r = reading(k, m.name);
    if (r !== undefined) out.push({ ...m, ...r });
  }
  const weight = (c: NotableCounter) => ((c.change ?? 0) > 0 ? 0 : c.value > 0 ? 1 : 2);
  return out.map((c, i) => ({ c, i })).sort((a, b) => weight(a.c) - weight(b.c) || a.i - b.i).map((x) => x.c);
}

/** Seconds as a person reads them: a live capture's 5.012 s is "5 s", a sleep of 0.5 stays "0.5 s". */
function seconds(n: number): string {
  return n >= 10 ? thousands(Math.round(n)) : String(Math.round(n * 10) / 10);
}

/** "Two snapshots 10 s apart", "one snapshot: totals since boot", "nstat's increments over 10 s". */
export function samplingText(s: CounterSampling): string {
  if (s.basis === "increments") return `nstat's increments since its previous run${s.seconds !== null ? `, over ${seconds(s.seconds)} s` : ""}`;
  if (s.decrease !== null) {
    const d = s.decrease;
    return `${thousands(s.snapshots)} snapshots, but ${d.counter} went down from ${thousands(d.from)} to ${thousands(d.to)} between two of them, as after a reboot or in another host's or network namespace's output: changes are taken only between the snapshots after that`;
  }
  if (s.snapshots >= 2) {
    const apart = s.seconds !== null ? `, ${seconds(s.seconds)} s apart` : ", their interval not in the input";
    return `${thousands(s.snapshots)} snapshots${apart}: changes between the first and the last`;
  }
  return s.basis === "unknown" ? "one snapshot of nstat without its command line: totals since boot, or increments since nstat's previous run" : "one snapshot: totals since boot (or since the network namespace was created)";
}

/** "/proc/net/softnet_stat: 2 CPUs, 2 readings 10 s apart: changes between the first and the last". */
export function softnetText(s: Softnet): string {
  const cpus = `${thousands(s.cpus)} CPU${s.cpus === 1 ? "" : "s"}`;
  if (s.readings < 2) return `/proc/net/softnet_stat: ${cpus}, one reading: totals since boot`;
  const readings = `/proc/net/softnet_stat: ${cpus}, ${thousands(s.readings)} readings`;
  const apart = s.seconds !== null ? `, ${seconds(s.seconds)} s apart` : ", their interval not in the input";
  if (!s.reset) return `${readings}${apart}: changes between the first and the last`;
  const why = "a count went down or the columns changed between two of them, as after a reboot or in another host's output";
  if (Object.keys(s.changes).length === 0) return `${readings}, but ${why}: the last is read as totals`;
  return `${readings}, but ${why}: changes only between the readings after that${apart}`;
}

/** "32 of 32 entries (100%)", with tcp_mem's pressure threshold where there is one. */
export function gaugeText(g: Gauge): string {
  const pct = g.limit > 0 ? ` (${percentText(g.used, g.limit)})` : "";
  const threshold = g.threshold !== null ? `; pressure from ${thousands(g.threshold)}` : "";
  return `${thousands(g.used)} of ${thousands(g.limit)} ${g.unit}${pct}${threshold}`;
}
