/**
 * Counter snapshots as the blocks of an input read them. Only what the sampling weighs is kept: the first
 * snapshot of the series, the latest and the one before it, and every counter's latest value; so 5,000 pasted
 * copies of `nstat -az` take no more memory than two.
 *
 * A block's counters are gathered as a reading, which goes into a snapshot when the next reading begins (or
 * when the report is made):
 *
 * - into the latest snapshot when it is more of that moment: tables the snapshot does not have yet, or tables
 *   it has from another format, read with no time between and agreeing on every counter both have (`netstat -s`
 *   pasted beside `nstat`);
 * - else into a new snapshot: the same format read the same tables again, time passed (a `sleep N` in the paste,
 *   a live capture's next sample), or the values disagree (another moment). With no time known since the
 *   snapshot before, the interval across is unknown.
 *
 * A counter of totals that went down between two snapshots shows a reset (a reboot, another host or network
 * namespace): the series whose changes are taken begins again at the snapshot after it.
 */
import { momentAfter, type Moment } from "./moments";
import { groupOf } from "./names";
import type { CounterBasis, CounterDecrease } from "./types";

/** What a block knows about itself when it opens: its format and what the command line above it said. */
export interface BlockInfo {
  readonly id: number;
  readonly source: string;
  readonly basis: CounterBasis;
  /** Seconds nstat's increments span (`nstat -n; sleep 10; nstat`), when the command lines say. */
  readonly span: number | null;
  /** The command line kept only some counters (nstat's patterns, a pipe to grep): one left out may be anything. */
  readonly filtered: boolean;
}

export interface Snapshot extends Moment {
  readonly values: Map<string, number>;
  /** Each table read, with the block that read it first. */
  readonly groups: Map<string, BlockInfo>;
  /** Tables in which a counter not printed is 0 (Reading.zeroTables). */
  readonly zeroTables: Set<string>;
  readonly basis: CounterBasis;
  readonly span: number | null;
}

/** Distinct counter names kept: several times what any kernel prints, so that made-up names cannot fill memory. */
const MAX_COUNTERS = 8192;

/** One block's counters (one file's, where a block reads /proc/net/snmp and /proc/net/netstat together). */
class Reading {
  readonly values = new Map<string, number>();
  readonly tables = new Set<string>();
  /** Tables with lines the block could not read (netstat -s): a counter missing there is not known to be 0. */
  readonly partial = new Set<string>();
  /** A counter printed as 0: nstat ran with -z. */
  zero = false;

  constructor(
    readonly info: BlockInfo,
    readonly time: number,
  ) {}

  /** Tables in which a counter this reading does not have is 0. */
  zeroTables(): Set<string> {
    const out = new Set<string>();
    if (this.info.filtered) return out;
    const source = this.info.source;
    // net-tools prints many counters only when they are not 0 (statistics.c), nstat every one without -z.
    if (source === "netstat -s" || (source.startsWith("nstat") && !this.zero)) for (const t of this.tables) out.add(t);
    // The kernel itself prints ICMP message types only once one was counted (icmpmsg_put, snmp6_seq_show_icmpv6msg).
    if (this.tables.has("Icmp")) out.add("IcmpMsg");
    if (this.tables.has("Icmp6")) out.add("Icmp6");
    for (const t of this.partial) out.delete(t);
    return out;
  }
}

/** A counter's value in a snapshot: what was printed, else 0 where the snapshot's formats leave zeros out. */
export function valueIn(snap: Snapshot, name: string): number | undefined {
  return snap.values.get(name) ?? (snap.zeroTables.has(groupOf(name)) ? 0 : undefined);
}

/** Whether a reading is more of the snapshot's moment (see above). */
function joins(snap: Snapshot, r: Reading, zeros: ReadonlySet<string>): boolean {
  let shared = false;
  for (const t of r.tables) {
    const filler = snap.groups.get(t);
    if (filler === undefined) continue;
    if (filler.source === r.info.source) return false;
    shared = true;
  }
  if (!shared) return true;
  if (r.time > snap.time) return false;
  for (const [name, v] of r.values) {
    const w = valueIn(snap, name);
    if (w !== undefined && w !== v) return false;
  }
  for (const [name, w] of snap.values) if (w !== 0 && !r.values.has(name) && zeros.has(groupOf(name))) return false;
  return true;
}

export class Snapshots {
  /** Snapshots read. */
  count = 0;
  /** The first snapshot of totals whose changes the sampling takes: the input's first, or the first after a reset. */
  first: Snapshot | undefined;
  latest: Snapshot | undefined;
  private previous: Snapshot | undefined;
  /** Every counter's latest value, in the order first read. */
  readonly counters = new Map<string, number>();
  decrease: CounterDecrease | null = null;
  private reading: Reading | undefined;

  counter(info: BlockInfo, name: string, value: number, now: number): void {
    const r = this.readingOf(info, now);
    if (!r.values.has(name) && !this.counters.has(name) && this.counters.size + r.values.size >= MAX_COUNTERS) return;
    r.values.set(name, value);
    r.tables.add(groupOf(name));
    if (value === 0) r.zero = true;
  }

  /** A table the block printed (a netstat -s title), read in full or with lines it could not read. */
  table(info: BlockInfo, table: string, complete: boolean, now: number): void {
    const r = this.readingOf(info, now);
    r.tables.add(table);
    if (!complete) r.partial.add(table);
  }

  /** The reading in progress goes into a snapshot. */
  settle(): void {
    const r = this.reading;
    this.reading = undefined;
    if (r === undefined || r.values.size === 0) return;
    const zeros = r.zeroTables();
    const latest = this.latest;
    const joined = latest !== undefined && joins(latest, r, zeros);
    const snap = joined ? latest : this.begin(r);
    const before = joined ? this.previous : latest;
    if (before !== undefined) this.checkDecrease(before, snap, r);
    for (const t of zeros) if (!snap.groups.has(t)) snap.zeroTables.add(t);
    for (const t of r.tables) if (!snap.groups.has(t)) snap.groups.set(t, r.info);
    for (const [name, v] of r.values) {
      snap.values.set(name, v);
      this.counters.set(name, v);
    }
  }

  private readingOf(info: BlockInfo, now: number): Reading {
    if (this.reading?.info.id === info.id) return this.reading;
    this.settle();
    return (this.reading = new Reading(info, now));
  }

  private begin(r: Reading): Snapshot {
    const latest = this.latest;
    const snap: Snapshot = { values: new Map(), groups: new Map(), zeroTables: new Set(), basis: r.info.basis, span: r.info.span, ...momentAfter(latest, r.time) };
    this.count++;
    this.previous = latest;
    this.latest = snap;
    if (snap.basis !== "increments") this.first ??= snap;
    return snap;
  }

  /** A counter of totals lower than in the snapshot before: the series begins again at this snapshot. */
  private checkDecrease(before: Snapshot, snap: Snapshot, r: Reading): void {
    if (before.basis === "increments" || snap.basis === "increments") return;
    for (const [name, v] of r.values) {
      const was = before.values.get(name);
      if (was === undefined || v >= was) continue;
      this.decrease ??= { counter: name, from: was, to: v };
      this.first = snap;
      return;
    }
  }
}
