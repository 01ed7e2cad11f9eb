/**
 * The port-pressure table: outgoing connections by local address → remote host → remote port, with per-state
 * counts. Keys are (local, remote, port | local tag << 16 | remote tag << 17) in a KeyTable; the aggregator's
 * fast path looks rows up in `table` directly and comes here for the rest.
 *
 * Its caps are those of the nested tables it replaced: a new local address is refused (and counted untracked)
 * once the table holds maxKeys keys in all; each local address holds at most maxKeys (remote, port) keys,
 * beyond which sockets are dropped uncounted. Either cap makes the outcome depend on the order of the input,
 * so a table that reached one (`capped`) cannot be merged with another part's.
 */
import type { Merger } from "./aggregate-state";
import { internAddr, refreshAddr, type Addr, type Interner } from "./interner";
import { Column, KeyTable, S, top, type TableState } from "./key-tables";
import { THRESHOLDS } from "./thresholds";

export type DestinationsState = TableState & { capped: boolean };

/** Local address → remote host → remote port → counts by state, in the order they were first seen. */
export type DestinationMap = ReadonlyMap<string, { readonly hosts: ReadonlyMap<string, ReadonlyMap<number, number[]>> }>;

function keyC(local: Addr, remote: Addr, port: number): number {
  return port | (local.tag << 16) | (remote.tag << 17);
}

export class Destinations {
  readonly table = new KeyTable(Infinity);
  private readonly localRank = new Column(Infinity);
  private readonly pairRank = new Column(Infinity);
  private readonly locals = new Map<number, { rank: number; size: number }>();
  private readonly pairs = new Map<string, number>();
  untracked = 0;
  /** A cap was reached (see the file comment). */
  capped = false;

  constructor(
    private readonly names: Interner,
    private readonly maxKeys: number,
  ) {}

  /** The destination's row, or -1 when it is not tracked. */
  find(local: Addr, remote: Addr, port: number): number {
    refreshAddr(this.names, local);
    refreshAddr(this.names, remote);
    if ((local.tag === 1 && local.v < 0) || (remote.tag === 1 && remote.v < 0)) return -1;
    return this.table.find(local.v, remote.v, keyC(local, remote, port));
  }

  /** Counts one socket in state `s`. */
  count(local: Addr, remote: Addr, port: number, s: number): void {
    const row = this.find(local, remote, port);
    if (row >= 0) this.table.inc(row, s);
    else this.add(local, remote, port, s);
  }

  /** Counts one socket for a destination not tracked yet: in a new row unless the caps refuse it. */
  add(local: Addr, remote: Addr, port: number, s: number): void {
    const row = this.make(local, remote, port);
    if (row >= 0) this.table.inc(row, s);
  }

  /** A row for a destination not tracked yet, or -1 when the caps refuse it. */
  private make(local: Addr, remote: Addr, port: number): number {
    refreshAddr(this.names, local);
    const known = !(local.tag === 1 && local.v < 0);
    let l = known ? this.locals.get(local.v * 2 + local.tag) : undefined;
    if (l === undefined) {
      if (this.table.rows >= this.maxKeys) {
        this.untracked++;
        this.capped = true;
        return -1;
      }
      internAddr(this.names, local);
      l = { rank: this.locals.size, size: 0 };
      this.locals.set(local.v * 2 + local.tag, l);
    }
    if (l.size >= this.maxKeys) {
      this.capped = true;
      return -1;
    }
    internAddr(this.names, remote);
    const pairKey = `${local.v * 2 + local.tag} ${remote.v * 2 + remote.tag}`;
    let pair = this.pairs.get(pairKey);
    if (pair === undefined) this.pairs.set(pairKey, (pair = this.pairs.size));
    l.size++;
    const row = this.table.insert(local.v, remote.v, keyC(local, remote, port));
    this.localRank.set(row, l.rank);
    this.pairRank.set(row, pair);
    return row;
  }

  /**
   * The THRESHOLDS.topRows destinations with the most sockets (with ties, those seen first), grouped as
   * DestinationMap: all that a report of the top rows can show.
   */
  top(hostName: (v: number, tag: number) => string): DestinationMap {
    const t = this.table;
    const lr = this.localRank;
    const pr = this.pairRank;
    const before = (a: number, b: number) => {
      if (lr.at(a) !== lr.at(b)) return lr.at(a) < lr.at(b);
      if (pr.at(a) !== pr.at(b)) return pr.at(a) < pr.at(b);
      return a < b;
    };
    const rows = top(t.rows, THRESHOLDS.topRows, (r) => t.total(r), before).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    const out = new Map<string, { hosts: Map<string, Map<number, number[]>> }>();
    for (const r of rows) {
      const c = t.kc(r);
      const local = hostName(t.ka(r), (c >> 16) & 1);
      const remote = hostName(t.kb(r), (c >> 17) & 1);
      let l = out.get(local);
      if (!l) out.set(local, (l = { hosts: new Map() }));
      let h = l.hosts.get(remote);
      if (!h) l.hosts.set(remote, (h = new Map()));
      h.set(c & 0xffff, t.row(r));
    }
    return out;
  }

  export(): DestinationsState {
    return { ...this.table.export(), capped: this.capped };
  }

  /**
   * Whether another part's destinations `d` can be folded in exactly: neither part reached a cap, nor would
   * both together.
   */
  canMerge(d: DestinationsState, m: Merger): boolean {
    if (d.capped) return false;
    const local: Addr = { v: 0, tag: 0, text: undefined };
    const remote: Addr = { v: 0, tag: 0, text: undefined };
    let fresh = 0;
    for (let r = 0; r < d.rows; r++) {
      const c = d.kc[r] as number;
      m.addr(local, d.ka[r] as number, (c >> 16) & 1);
      m.addr(remote, d.kb[r] as number, (c >> 17) & 1);
      if (this.find(local, remote, c & 0xffff) < 0) fresh++;
    }
    return fresh === 0 || this.table.rows + fresh <= this.maxKeys;
  }

  /** Folds in another part's destinations, which canMerge() accepted: its new keys after ours, in its order. */
  merge(d: DestinationsState, m: Merger): void {
    const local: Addr = { v: 0, tag: 0, text: undefined };
    const remote: Addr = { v: 0, tag: 0, text: undefined };
    const high = d.high.length > 0 ? new Map(d.high) : undefined;
    for (let r = 0; r < d.rows; r++) {
      const c = d.kc[r] as number;
      m.addr(local, d.ka[r] as number, (c >> 16) & 1);
      m.addr(remote, d.kb[r] as number, (c >> 17) & 1);
      let row = this.find(local, remote, c & 0xffff);
      if (row < 0) row = this.make(local, remote, c & 0xffff);
      for (let s = 0; s < S; s++) this.table.addTo(row, s, (d.counts[r * S + s] as number) + (high?.get(r * S + s) ?? 0));
    }
  }
}
