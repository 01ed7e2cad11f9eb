/**
 * Everything the counter blocks of one input read, kept as readings: counter snapshots, conntrack statistics,
 * the latest sockstat fields and sysctl values, and the conntrack listing's tally. report.ts turns it into the
 * Analysis's sections.
 *
 * When one snapshot ends and the next begins: a block that reads a table (TcpExt, Ip, ...) the current
 * snapshot already has from an earlier block starts a new snapshot if that block was of the same format (the
 * same command run twice) or if time passed in between (a `sleep N` in the paste, a live capture's samples);
 * otherwise the two blocks are one moment in two formats (`netstat -s` pasted beside `nstat`), and the later
 * values stand.
 */
import { ListingTally } from "./conntrack-listing";
import { groupOf } from "./names";
import { SoftnetTally } from "./softnet-tally";
import type { CounterBasis } from "./types";

/** What a block knows about itself when it opens: its format and what the command line above it said. */
export interface BlockInfo {
  readonly id: number;
  readonly source: string;
  readonly basis: CounterBasis;
  /** Seconds nstat's increments span (`nstat -n; sleep 10; nstat`), when the command line says. */
  readonly span: number | null;
}

export interface Snapshot {
  readonly values: Map<string, number>;
  /** Each table read, with the block that read it. */
  readonly groups: Map<string, BlockInfo>;
  readonly basis: CounterBasis;
  readonly span: number | null;
  /** The clock (see Store.now) when the snapshot began. */
  readonly time: number;
  /** An nstat listing: a counter it does not print is 0 (nstat leaves zeros out without -z). */
  readonly zerosOmitted: boolean;
}

export interface StatReading {
  readonly values: Map<string, number>;
  cpus: number;
  readonly block: BlockInfo;
  readonly time: number;
}

export class Store {
  readonly snapshots: Snapshot[] = [];
  readonly statReadings: StatReading[] = [];
  /** Protocol → field → value, the latest read. */
  readonly sockstat = new Map<string, Map<string, number>>();
  readonly sysctls = new Map<string, string>();
  readonly listing = new ListingTally();
  readonly softnet = new SoftnetTally();
  readonly sources: string[] = [];
  /**
   * Seconds on the input's own clock: a live capture's sample times, or the `sleep`s of the paste added up.
   * Readings taken at different clock values have a known interval between them.
   */
  now = 0;

  noteSource(source: string): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  counter(block: BlockInfo, name: string, value: number): void {
    const group = groupOf(name);
    let snap = this.snapshots[this.snapshots.length - 1];
    const filler = snap?.groups.get(group);
    if (snap === undefined || (filler !== undefined && filler.id !== block.id && (filler.source === block.source || this.now > snap.time))) {
      snap = { values: new Map(), groups: new Map(), basis: block.basis, span: block.span, time: this.now, zerosOmitted: block.source.startsWith("nstat") };
      this.snapshots.push(snap);
    }
    if (filler === undefined) snap.groups.set(group, block);
    snap.values.set(name, value);
  }

  /** One CPU's row of conntrack statistics; a block's rows are summed. */
  statRow(block: BlockInfo, row: ReadonlyMap<string, number>): void {
    let r = this.statReadings[this.statReadings.length - 1];
    if (r === undefined || r.block.id !== block.id) {
      const sameMoment = r !== undefined && r.block.source !== block.source && this.now === r.time;
      if (sameMoment) this.statReadings.pop();
      r = { values: new Map(), cpus: 0, block, time: this.now };
      this.statReadings.push(r);
    }
    r.cpus++;
    for (const [k, v] of row) r.values.set(k, (r.values.get(k) ?? 0) + v);
  }

  sockstatField(protocol: string, field: string, value: number): void {
    let p = this.sockstat.get(protocol);
    if (p === undefined) this.sockstat.set(protocol, (p = new Map()));
    p.set(field, value);
  }
}
