/** What every counter finding uses: its input, severities from totals or a recent window, settings, profiles. */
import { profile } from "../../advice/profiles";
import type { VettedSetting } from "../../advice/types";
import type { Action, AnalysisFinding, FindingSeverity } from "../../analysis/types";
import { thousands } from "../../text/numbers";
import type { CounterView, Measure } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import type { Conntrack, Softnet, Sockstat } from "../types";

export interface CounterContext {
  readonly view: CounterView;
  readonly sockstat: Sockstat | null;
  readonly conntrack: Conntrack | null;
  readonly softnet: Softnet | null;
  readonly sysctls: Readonly<Record<string, string>>;
}

export type CounterCheck = (c: CounterContext) => AnalysisFinding | undefined;

/** Severities by weight, heaviest first: the order reports list findings in. */
export const SEVERITY_RANK: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, information: 2 };

export function worst(...levels: FindingSeverity[]): FindingSeverity {
  return levels.reduce((a, b) => (SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a), "information");
}

/**
 * A count of harm as a severity. Totals: a warning from `total` (something happened since boot, maybe long
 * ago). A recent window: a warning when it happened in it, an error from `rate` a second; information when it
 * did not happen in the window.
 */
export function severityOf(m: Measure, total: number, rate: number): FindingSeverity {
  if (m.recent === null) return m.value >= total ? "warning" : "information";
  if (m.recent.value === 0) return "information";
  return m.recent.seconds !== null && m.recent.value / m.recent.seconds >= rate ? "error" : "warning";
}

/**
 * Packets refused at a listener (overflows, dropped or cookie-answered SYNs) as a severity: as severityOf, but a
 * total is already a warning from a share of the refusals plus the connections that got in (PassiveOpens). A
 * client that retries is refused more than once, so the share overstates the clients turned away: it errs
 * towards the warning.
 */
export function attemptSeverity(c: CounterContext, m: Measure, total: number, rate: number): FindingSeverity {
  const level = severityOf(m, total, rate);
  if (m.recent !== null || level !== "information") return level;
  const all = m.value + (c.view.measure("TcpPassiveOpens")?.value ?? 0);
  return m.value / all >= T.attemptShare ? "warning" : level;
}

/** Whether the measure shows it happening in the recent window. */
export function now(m: Measure): boolean {
  return m.recent !== null && m.recent.value > 0;
}

/**
 * How to read a source twice with a known interval, in a form the paste reader takes (commands.ts): what the
 * "totals since boot" note tells the user to run. Each names the source the finding weighs, not another one.
 */
export const READ_TWICE = {
  nstat: "`nstat -n; sleep 10; nstat` (nstat's increments over 10 seconds)",
  conntrack: "`conntrack -S; sleep 10; conntrack -S`, or `cat /proc/net/stat/nf_conntrack; sleep 10; cat /proc/net/stat/nf_conntrack`",
  softnet: "`cat /proc/net/softnet_stat; sleep 10; cat /proc/net/softnet_stat`",
} as const;

/**
 * The sentence that says what the numbers cover: totals since boot, or the window. `readTwice` is how to get
 * a window for the source the measure comes from (READ_TWICE); `socket-doctor analyze --live` reads them all.
 */
export function coverage(m: Measure, readTwice: string = READ_TWICE.nstat): string {
  if (m.recent === null) {
    return m.basis === "unknown"
      ? " These counts are from nstat without its command line: totals since boot, or increments since nstat last ran."
      : ` These are totals since boot (or since the network namespace was created): they say it happened, not that it is happening now. Two readings a few seconds apart show whether it still does: ${readTwice} pasted with its output, or \`socket-doctor analyze --live\` on the host.`;
  }
  if (m.recent.value === 0) return " It did not happen between the snapshots: the totals are from earlier.";
  return m.recent.seconds !== null ? ` It is happening now: the counts rose during the ${thousands(m.recent.seconds)} s sampled.` : " It is happening now: the counts rose between the snapshots.";
}

/**
 * A count from a source read in readings of its own (conntrack's statistics, softnet_stat) as the findings
 * weigh counters: its total, and its change when the source was read twice. Undefined when it was not read.
 */
export function readingMeasure(r: { readonly totals: Readonly<Record<string, number>> | null; readonly changes: Readonly<Record<string, number>>; readonly readings: number; readonly seconds: number | null }, name: string): Measure | undefined {
  const value = r.totals?.[name];
  if (value === undefined) return undefined;
  const change = r.changes[name];
  return { value, recent: r.readings >= 2 && change !== undefined ? { value: change, seconds: r.seconds } : null, basis: "totals" };
}

/** The sum of several counters' measures (drops of several kinds), or undefined when the input has none of them. */
export function sum(ms: readonly (Measure | undefined)[]): Measure | undefined {
  const have = ms.filter((m): m is Measure => m !== undefined);
  const first = have[0];
  if (first === undefined) return undefined;
  const recents = have.map((m) => m.recent);
  const recent = recents.every((r) => r !== null) ? { value: recents.reduce((a, r) => a + (r?.value ?? 0), 0), seconds: first.recent?.seconds ?? null } : null;
  return { value: have.reduce((a, m) => a + m.value, 0), recent, basis: first.basis };
}

/** A sysctl read with the counters, as numbers ("288393 384526 576786" → three), or undefined. */
export function numbers(c: CounterContext, key: string): number[] | undefined {
  const v = c.sysctls[key];
  if (v === undefined) return undefined;
  const n = v.split(" ").map(Number);
  return n.every((x) => Number.isFinite(x)) ? n : undefined;
}

export function number(c: CounterContext, key: string): number | undefined {
  return numbers(c, key)?.[0];
}

/** An evidence line per setting the input has. */
export function settingEvidence(c: CounterContext, keys: readonly string[]): { label: string; value: string }[] {
  return keys.filter((k) => c.sysctls[k] !== undefined).map((k) => ({ label: k, value: c.sysctls[k] as string }));
}

/** Whether a vetted value is a floor, a limit to raise and never to lower (the profile's "intent": "at-least"). */
function isFloor(s: VettedSetting): boolean {
  return (s as VettedSetting & { readonly intent?: string }).intent === "at-least";
}

/**
 * A vetted profile's settings as an action, setting by setting: a limit the input shows already at or past its
 * vetted value is left out (inserting it would lower what the host has) and an advice says so. When every
 * setting is left out there is only the advice. The profile's notes come either way.
 */
export function vetted(id: string, c: CounterContext): Action[] {
  const p = profile(id);
  if (!p) return [];
  const already = p.settings.filter((s) => {
    const have = number(c, s.key);
    return isFloor(s) && have !== undefined && have >= Number(s.value);
  });
  const kept = p.settings.filter((s) => !already.includes(s));
  const notes = p.notes.map((text): Action => ({ kind: "advice", text }));
  const left: Action[] = already.map((s) => ({ kind: "advice", text: `This host already has \`${s.key} = ${c.sysctls[s.key] as string}\`, at or above the vetted ${s.value}: ${kept.length > 0 ? "the vetted settings leave it out" : `the vetted settings (${p.title}) would not raise it`}.` }));
  const settings: Action[] = kept.length > 0 ? [{ kind: "settings", profile: p.id, title: p.title, settings: kept.map((s) => ({ key: s.key, value: s.value, why: s.why })) }] : [];
  return [...settings, ...left, ...notes];
}

