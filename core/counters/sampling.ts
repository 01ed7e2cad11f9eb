/**
 * From snapshots to what the findings weigh. One snapshot of totals says what happened since boot (or since
 * the network namespace was created), not whether it is happening now; two snapshots, or nstat's increments,
 * give a recent window, and with its length a rate.
 */
import { thousands } from "../text/numbers";
import { secondsBetween } from "./moments";
import { valueIn, type Snapshot, type Snapshots } from "./snapshots";
import type { Store } from "./store";
import type { CounterBasis, CounterSampling } from "./types";

export interface Measure {
  /** The value read last: a total since boot, or nstat's increment (basis "increments"). */
  readonly value: number;
  /** The recent window, when there is one: two snapshots' change or nstat's increment, over `seconds` if known. */
  readonly recent: { readonly value: number; readonly seconds: number | null } | null;
  readonly basis: CounterBasis;
}

export class CounterView {
  readonly counters: Readonly<Record<string, number>>;
  readonly sampling: CounterSampling | null;
  private readonly last: Snapshot | undefined;
  /** Every counter's change, 0 included (sampling.changes keeps the others). */
  private readonly changes: ReadonlyMap<string, number>;

  constructor(store: Store) {
    const snaps = store.snapshots;
    this.counters = Object.fromEntries(snaps.counters);
    this.last = snaps.latest;
    const s = this.last === undefined ? undefined : sample(snaps, this.last);
    this.changes = s?.changes ?? new Map();
    this.sampling = s === undefined ? null : { ...s.sampling, changes: Object.fromEntries([...this.changes].filter(([, v]) => v !== 0)) };
  }

  /** The counter as the findings weigh it, or undefined when the input does not have it. */
  measure(name: string): Measure | undefined {
    const last = this.last;
    if (last === undefined) return undefined;
    const value = this.counters[name] ?? valueIn(last, name);
    if (value === undefined) return undefined;
    const s = this.sampling as CounterSampling;
    if (s.basis === "increments") return { value, recent: { value, seconds: s.seconds }, basis: s.basis };
    const change = s.snapshots >= 2 ? this.changes.get(name) : undefined;
    const recent = change !== undefined ? { value: change, seconds: s.seconds } : null;
    return { value, recent, basis: s.basis };
  }
}

/** The sampling (its changes filled in by the caller) and every counter's change between the first and last snapshot of the series. */
function sample(snaps: Snapshots, last: Snapshot): { sampling: Omit<CounterSampling, "changes">; changes: Map<string, number> } {
  const base = { snapshots: snaps.count, basis: last.basis };
  const none = new Map<string, number>();
  if (last.basis === "increments") return { sampling: { ...base, seconds: last.span, decrease: snaps.decrease }, changes: none };
  const first = snaps.first;
  if (first === undefined || first === last) return { sampling: { ...base, seconds: null, decrease: snaps.decrease }, changes: none };
  const changes = new Map<string, number>();
  for (const name of new Set([...first.values.keys(), ...last.values.keys()])) {
    const a = valueIn(first, name);
    const b = valueIn(last, name);
    if (a === undefined || b === undefined) continue;
    // Lower than in the first snapshot, though never seen going down between two: not one series either.
    if (b < a) return { sampling: { ...base, seconds: null, decrease: snaps.decrease ?? { counter: name, from: a, to: b } }, changes: none };
    changes.set(name, b - a);
  }
  return { sampling: { ...base, seconds: secondsBetween(first, last), decrease: snaps.decrease }, changes };
}

/** "1.2/s", "3/s", "0.01/s". */
export function perSecond(value: number, seconds: number): string {
  const r = value / seconds;
  return `${r >= 10 ? thousands(Math.round(r)) : r >= 0.1 ? r.toFixed(1).replace(/\.0$/, "") : r.toPrecision(1)}/s`;
}

/** "12 in 10 s (1.2/s)", "12 between the two snapshots", "none in 10 s". */
function recentText(r: { value: number; seconds: number | null }, increments: boolean): string {
  const span = r.seconds !== null ? `in ${thousands(r.seconds)} s` : increments ? "since nstat's previous run" : "between the snapshots";
  if (r.value === 0) return `none ${span}`;
  return `${increments ? "" : "+"}${thousands(r.value)} ${span}${r.seconds !== null ? ` (${perSecond(r.value, r.seconds)})` : ""}`;
}

/** A measure for an evidence line: "111 since boot; +12 in 10 s (1.2/s)". */
export function describe(m: Measure): string {
  if (m.basis === "increments" && m.recent !== null) return recentText(m.recent, true);
  const total = `${thousands(m.value)} ${m.basis === "unknown" ? "since boot or since nstat's previous run" : "since boot"}`;
  return m.recent === null ? total : `${total}; ${recentText(m.recent, false)}`;
}
