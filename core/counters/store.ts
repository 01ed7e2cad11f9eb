/**
 * Everything the counter blocks of one input read, kept as readings: counter snapshots (snapshots.ts),
 * conntrack statistics, the latest sockstat fields and sysctl values, and the conntrack listing's tally.
 * report.ts turns it into the Analysis's sections. Its memory does not grow with the number of readings.
 */
import { ListingTally } from "./conntrack-listing";
import { momentAfter, type Moment } from "./moments";
import { Snapshots, type BlockInfo } from "./snapshots";
import { SoftnetTally } from "./softnet-tally";

export type { BlockInfo } from "./snapshots";

export interface StatReading extends Moment {
  readonly values: Map<string, number>;
  cpus: number;
  readonly block: BlockInfo;
}

export class Store {
  readonly snapshots = new Snapshots();
  /** Readings of conntrack's statistics: how many, the first and the last (all that their changes need). */
  statCount = 0;
  statFirst: StatReading | undefined;
  statLast: StatReading | undefined;
  /** Protocol → field → value, the latest read. */
  readonly sockstat = new Map<string, Map<string, number>>();
  readonly sysctls = new Map<string, string>();
  readonly listing = new ListingTally();
  readonly softnet = new SoftnetTally();
  readonly sources: string[] = [];
  /**
   * Seconds on the input's own clock: a live capture's sample times, or the `sleep`s of the paste added up.
   * moments.ts says when the interval between two readings is known.
   */
  now = 0;

  noteSource(source: string): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  counter(block: BlockInfo, name: string, value: number): void {
    this.snapshots.counter(block, name, value, this.now);
  }

  /** A table a block printed, read in full or not (see Snapshots.table). */
  table(block: BlockInfo, table: string, complete: boolean): void {
    this.snapshots.table(block, table, complete, this.now);
  }

  /** One CPU's row of conntrack statistics; a block's rows are summed. */
  statRow(block: BlockInfo, row: ReadonlyMap<string, number>): void {
    let r = this.statLast;
    if (r === undefined || r.block.id !== block.id) {
      // Another format at the same moment replaces the last reading rather than following it.
      const sameMoment = r !== undefined && r.block.source !== block.source && this.now === r.time;
      const replaced = r;
      // A replacement keeps the moment of the reading it replaces.
      const { time, gaps } = sameMoment ? (replaced as StatReading) : momentAfter(replaced, this.now);
      r = { values: new Map(), cpus: 0, block, time, gaps };
      if (!sameMoment) this.statCount++;
      if (this.statFirst === undefined || (sameMoment && this.statFirst === replaced)) this.statFirst = r;
      this.statLast = r;
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
