/**
 * Folds socket records into counts as they stream by: the input is never kept, and every table has a cap on
 * distinct keys, so memory stays bounded whatever the input size.
 *
 * Two ways in: `add(record)` for records from the string parsers, and `row(...)` (a RowSink) for the
 * byte-level netstat fast path, which gives ports and IPv4 addresses as numbers and other addresses as
 * bytes. Both fold into the same tables: an address that is a canonical dotted quad is keyed by its 32-bit
 * value whichever way it came, any other by its text (interned: the fast path finds a known address from its
 * bytes without making a string), so a listing counts the same however its lines were read.
 *
 * Tables are open-addressing hash tables over typed arrays, keyed by int triples; each numbers its keys in the
 * order it first saw them (its rows), which is the order ties are listed in, as the Maps this replaced did. A
 * table that is full counts further keys as untracked: the first `maxKeys` distinct keys are tracked, in input
 * order. Memory is allocated for a table's cap at once but touched only as rows come, and written before it
 * is read (a page first read and then written faults twice): with two threads in one process, page faults
 * are what they wait on.
 *
 * `exportState()` and `merge()` let two aggregators that read consecutive parts of one input (in two
 * threads) end up exactly as one that read it all: counts add, and keys the second part saw take the rows
 * left after the first part's keys. For that, the second part's aggregator (created with `logOverflow`)
 * also keeps the sockets its full tables could not place, by key, because they may belong to keys of the
 * first part. When that log would grow too large, or when the destinations table's caps would be reached
 * (their outcome depends on the order across parts), merge() declines and the caller reads the second part
 * after the first instead.
 */
import { NOT_V4_LOCAL, NOT_V4_REMOTE, ROW, ROW_IP, STATE_LISTEN, type RowSink } from "../netstat/fast-netstat";
import type { SocketRecord } from "../netstat/types";
import { LOG_LIMIT, Merger, OverflowLog, type AggregateState } from "./aggregate-state";
import { stateIndex } from "./counts";
import { Destinations, type DestinationMap } from "./destinations";
import { Processes } from "./processes";
import { ascii, detach, dotted, internAddr, Interner, v4Value, type Addr } from "./interner";
import { Column, IntLog, KeyTable, S, SPILL, top, type TableState, type TopRow } from "./key-tables";
import { LocalPorts } from "./local-ports";
import { DEFAULT_PORT_RANGE, THRESHOLDS } from "./thresholds";
import type { PortRange } from "./types";

/** Module-level copies: read in the per-socket path without a property load on the module. */
const rowIp = ROW_IP;
const rowAt = ROW;

export interface AggregatorOptions {
  /** Distinct keys per table (default THRESHOLDS.maxTrackedKeys); tests use small ones. */
  readonly maxKeys?: number;
  /** Keep what full tables could not place, so that merge() can take this aggregator as a second part. */
  readonly logOverflow?: boolean;
}

export type { AggregateState, TopRow };

export class SocketAggregator implements RowSink {
  readonly states = new Array<number>(S).fill(0);
  total = 0;

  private readonly ports = new LocalPorts();

  private readonly names = new Interner();
  /** Remote hosts: key (address, 0, tag). */
  private readonly hosts: KeyTable;
  /** Remote endpoints: key (address, port, tag). */
  private readonly endpoints: KeyTable;
  /**
   * The order the endpoint table lists hosts in (that of their first tracked endpoint), by row: the host's
   * row in the hosts table. With one cap for both tables, an endpoint is kept only if its host is (when the
   * hosts table is full, so is the endpoint table), and at its host's first socket (a host whose first
   * endpoint found the table full never gets one in): so both number hosts in the order they came.
   */
  private readonly endpointRanks: Column;

  private readonly processes: Processes;

  /** Outgoing connections: the port-pressure table. */
  private readonly dests: Destinations;

  private readonly maxKeys: number;
  private log: OverflowLog | undefined;
  private logged = 0;
  private readonly low: number;
  private readonly high: number;
  /** Scratch addresses for the slower paths. */
  private readonly ra: Addr = { v: 0, tag: 0, text: undefined };
  private readonly la: Addr = { v: 0, tag: 0, text: undefined };

  constructor(
    readonly range: PortRange = DEFAULT_PORT_RANGE,
    options: AggregatorOptions = {},
  ) {
    this.maxKeys = options.maxKeys ?? THRESHOLDS.maxTrackedKeys;
    this.hosts = new KeyTable(this.maxKeys);
    this.endpoints = new KeyTable(this.maxKeys);
    this.endpointRanks = new Column(this.maxKeys);
    this.dests = new Destinations(this.names, this.maxKeys);
    this.processes = new Processes(this.maxKeys);
    this.low = range.low;
    this.high = range.high;
    if (options.logOverflow) this.log = new OverflowLog();
  }

  // ---- Sockets in ----

  /** A record from the string parsers. */
  add(r: SocketRecord): void {
    const s = stateIndex(r.state);
    this.total++;
    this.states[s]++;
    const lp = r.localPort;
    this.ports.add(lp, s, 1);
    if (r.state === "LISTEN") {
      this.ports.listen(lp);
      return;
    }
    if (r.remotePort === null) return;
    const remote = this.resolve(this.ra, r.remoteAddress);
    const outgoing = this.isOutgoing(lp, r.remotePort);
    this.remoteSlow(remote, r.remotePort, s, outgoing ? this.resolve(this.la, r.localAddress) : undefined);
    if (r.process !== undefined || r.pid !== undefined) {
      const name = r.pid !== undefined ? `${r.pid}/${r.process ?? "?"}` : (r.process as string);
      this.process(name, s);
    }
  }

  /** A socket from the byte-level fast path (see RowSink). */
  row(state: number, localPort: number, remotePort: number, flags: number): void {
    this.total++;
    this.states[state]++;
    const ports = this.ports;
    let pr = ports.rows[localPort] as number;
    if (pr === 0) pr = ports.newRow(localPort);
    const pk = (pr - 1) * S + state;
    if (++(ports.counts[pk] as number) === SPILL) ports.spill(pk);
    if (state === STATE_LISTEN) {
      ports.listen(localPort);
      return;
    }
    if (remotePort < 0) return;
    const outgoing = localPort >= this.low && localPort <= this.high && !(remotePort >= this.low && remotePort <= this.high);
    let rv: number;
    let rtag = 0;
    if ((flags & NOT_V4_REMOTE) === 0) rv = rowIp[1] as number;
    else {
      rv = this.names.findBytes(rowAt.bytes, rowAt.ra, rowAt.rc);
      rtag = 1;
      if (rv < 0 || (flags & NOT_V4_LOCAL) !== 0) {
        // A new address, or two addresses to resolve: the general way.
        const remote = this.ra;
        remote.v = rv;
        remote.tag = 1;
        remote.text = rv < 0 ? ascii(rowAt.bytes, rowAt.ra, rowAt.rc) : undefined;
        this.remoteSlow(remote, remotePort, state, outgoing ? this.bytesAddr(this.la, flags) : undefined);
        return;
      }
    }
    // The common case: a known host, endpoint, destination. (find() is the merge's too: it is hot by then.)
    const h = this.hosts;
    const hr = h.find(rv, 0, rtag);
    if (hr >= 0) {
      const k = hr * S + state;
      if (++(h.counts[k] as number) === SPILL) h.spill(k);
    } else if (h.full && this.log === undefined) h.untracked++;
    else this.newHost(rv, rtag, undefined, state);
    const e = this.endpoints;
    const er = e.find(rv, remotePort, rtag);
    if (er >= 0) {
      const k = er * S + state;
      if (++(e.counts[k] as number) === SPILL) e.spill(k);
    } else if (e.full && this.log === undefined) e.untracked++;
    else this.newEndpoint(rv, rtag, undefined, remotePort, state);
    if (!outgoing) return;
    if ((flags & NOT_V4_LOCAL) !== 0) {
      const remote = this.ra;
      remote.v = rv;
      remote.tag = rtag;
      remote.text = undefined;
      this.dests.count(this.bytesAddr(this.la, flags), remote, remotePort, state);
      return;
    }
    const lv = rowIp[0] as number;
    const d = this.dests.table;
    const dr = d.find(lv, rv, remotePort | (rtag << 17));
    if (dr >= 0) {
      const k = dr * S + state;
      if (++(d.counts[k] as number) === SPILL) d.spill(k);
      return;
    }
    const local = this.la;
    local.v = lv;
    local.tag = 0;
    local.text = undefined;
    const remote = this.ra;
    remote.v = rv;
    remote.tag = rtag;
    remote.text = undefined;
    this.dests.add(local, remote, remotePort, state);
  }

  /** The local address of the fast path's current row, into `a`. */
  private bytesAddr(a: Addr, flags: number): Addr {
    if ((flags & NOT_V4_LOCAL) === 0) {
      a.v = rowIp[0] as number;
      a.tag = 0;
      a.text = undefined;
    } else {
      a.v = this.names.findBytes(rowAt.bytes, rowAt.la, rowAt.lc);
      a.tag = 1;
      a.text = a.v < 0 ? ascii(rowAt.bytes, rowAt.la, rowAt.lc) : undefined;
    }
    return a;
  }

  /** An address given as text, into `a`. */
  private resolve(a: Addr, address: string): Addr {
    const ip = v4Value(address);
    if (ip === ip) {
      a.v = ip;
      a.tag = 0;
      a.text = undefined;
    } else {
      a.v = this.names.findText(address);
      a.tag = 1;
      a.text = a.v < 0 ? detach(address) : undefined;
    }
    return a;
  }

  /**
   * A remote host and endpoint (and destination, when `local` is given) the general way. An address is
   * interned only right before a table keeps it.
   */
  private remoteSlow(remote: Addr, port: number, s: number, local: Addr | undefined): void {
    this.host(remote, s);
    this.endpoint(remote, port, s);
    if (local !== undefined) this.dests.count(local, remote, port, s);
  }

  private host(a: Addr, s: number): void {
    const t = this.hosts;
    const row = a.tag === 1 && a.v < 0 ? -1 : t.find(a.v, 0, a.tag);
    if (row >= 0) t.inc(row, s);
    else this.newHost(a.v, a.tag, a, s);
  }

  /** A host not in the table (`a` when it may need interning). */
  private newHost(v: number, tag: number, a: Addr | undefined, s: number): void {
    const t = this.hosts;
    if (t.full) {
      t.untracked++;
      this.logAddress(this.log?.hosts, v, tag, a, -1, s);
      return;
    }
    if (a !== undefined) {
      internAddr(this.names, a);
      v = a.v;
    }
    t.inc(t.insert(v, 0, tag), s);
  }

  private endpoint(a: Addr, port: number, s: number): void {
    const t = this.endpoints;
    const row = a.tag === 1 && a.v < 0 ? -1 : t.find(a.v, port, a.tag);
    if (row >= 0) t.inc(row, s);
    else this.newEndpoint(a.v, a.tag, a, port, s);
  }

  private newEndpoint(v: number, tag: number, a: Addr | undefined, port: number, s: number): void {
    const t = this.endpoints;
    if (t.full) {
      t.untracked++;
      this.logAddress(this.log?.endpoints, v, tag, a, port, s);
      return;
    }
    if (a !== undefined) {
      internAddr(this.names, a);
      v = a.v;
    }
    const row = t.insert(v, port, tag);
    t.inc(row, s);
    this.endpointRanks.set(row, this.hosts.find(v, 0, tag));
  }

  private process(name: string, s: number): void {
    if (this.processes.count(name, s) || !this.logOne()) return;
    (this.log as OverflowLog).processes.push(detach(name));
    (this.log as OverflowLog).processStates.push(s);
  }

  /** Counts one more logged socket: false (and the log dropped) past LOG_LIMIT. */
  private logOne(): boolean {
    if (this.log === undefined) return false;
    if (this.logged++ < LOG_LIMIT) return true;
    this.log = undefined;
    return false;
  }

  /** Logs a socket a full host or endpoint table could not place (port -1 for hosts). */
  private logAddress(into: IntLog | undefined, v: number, tag: number, a: Addr | undefined, port: number, s: number): void {
    if (into === undefined || !this.logOne()) return;
    const log = this.log as OverflowLog;
    if (tag === 1 && v < 0) {
      v = -1 - log.texts.length;
      log.texts.push((a as Addr).text as string);
    }
    into.push(v);
    into.push(tag);
    if (port >= 0) into.push(port);
    into.push(s);
  }

  /**
   * This host opened the connection: its local port is an ephemeral one and the peer's is not (a client's
   * connection to one of our services has the ephemeral port on the other side).
   */
  private isOutgoing(localPort: number, remotePort: number): boolean {
    return localPort >= this.low && localPort <= this.high && !(remotePort >= this.low && remotePort <= this.high);
  }

  // ---- Results ----

  private hostName(v: number, tag: number): string {
    return tag === 0 ? dotted(v) : this.names.text(v);
  }

  /** Distinct keys beyond the tracked limit, counted instead of kept (the total the report shows). */
  get untracked(): number {
    return this.hosts.untracked + this.endpoints.untracked + this.processes.untracked + this.dests.untracked;
  }

  listening(port: number): boolean {
    return this.ports.listening(port);
  }

  topLocalPorts(n: number): TopRow<number>[] {
    return this.ports.top(n);
  }

  topRemoteHosts(n: number): TopRow<string>[] {
    const t = this.hosts;
    return top(t.rows, n, (r) => t.total(r)).map((r) => ({ key: this.hostName(t.ka(r), t.kc(r)), counts: t.row(r) }));
  }

  /** Listed host by host (hosts in the order their first endpoint came), then by port within a host. */
  topRemoteEndpoints(n: number): TopRow<{ host: string; port: number }>[] {
    const t = this.endpoints;
    const ranks = this.endpointRanks;
    const before = (a: number, b: number) => {
      const ra = ranks.at(a);
      const rb = ranks.at(b);
      return ra < rb || (ra === rb && a < b);
    };
    return top(t.rows, n, (r) => t.total(r), before).map((r) => ({ key: { host: this.hostName(t.ka(r), t.kc(r)), port: t.kb(r) }, counts: t.row(r) }));
  }

  topProcesses(n: number): TopRow<string>[] {
    return this.processes.top(n);
  }

  /** The destinations portPressure() reads (see Destinations.top). */
  get destinations(): DestinationMap {
    return this.dests.top((v, tag) => this.hostName(v, tag));
  }

  // ---- Two parts of one input ----

  /** This aggregator's content, for merge() in another thread. The aggregator must not be used afterwards. */
  exportState(): AggregateState {
    return {
      total: this.total,
      states: this.states.slice(),
      ...this.ports.exportState(),
      names: this.names.all(),
      hosts: this.hosts.export(),
      endpoints: this.endpoints.export(),
      processes: this.processes.export(),
      destinations: this.dests.export(),
      log: this.log?.export(),
    };
  }

  /**
   * Folds in `o`, the state of an aggregator that read the input right after this one's (created with
   * logOverflow), so that this one ends as if it had read both. Returns false, changing nothing, when that
   * cannot be done exactly (see the file comment).
   */
  merge(o: AggregateState): boolean {
    const log = o.log;
    if (log === undefined) return false;
    const m = new Merger(this.names, o.names);
    if (!this.dests.canMerge(o.destinations, m)) return false;

    this.total += o.total;
    for (let i = 0; i < S; i++) this.states[i] += o.states[i] as number;
    this.ports.merge(o);

    // Hosts and endpoints: the other part's keys, in its order, take the rows left; the rest is untracked.
    // Then the sockets it could not place: counted where their key now has a row.
    this.mergeTable(this.hosts, o.hosts, m, false);
    SocketAggregator.mergeLogged(this.hosts, log.hosts, false, m, log.texts);
    this.mergeTable(this.endpoints, o.endpoints, m, true);
    SocketAggregator.mergeLogged(this.endpoints, log.endpoints, true, m, log.texts);
    this.processes.merge(o.processes, log.processes, log.processStates);
    this.dests.merge(o.destinations, m);
    return true;
  }

  private mergeTable(t: KeyTable, o: TableState, m: Merger, endpoints: boolean): void {
    const high = o.high.length > 0 ? new Map(o.high) : undefined;
    const a: Addr = { v: 0, tag: 0, text: undefined };
    const counts = o.counts;
    for (let r = 0; r < o.rows; r++) {
      const tag = o.kc[r] as number;
      const port = o.kb[r] as number;
      let v = o.ka[r] as number;
      if (tag === 1) {
        m.addr(a, v, tag);
        v = a.v;
      }
      let row = tag === 1 && v < 0 ? -1 : t.find(v, port, tag);
      const base = r * S;
      if (row < 0) {
        if (t.full) {
          let n = 0;
          for (let s = 0; s < S; s++) n += counts[base + s] as number;
          if (high) for (let s = 0; s < S; s++) n += high.get(base + s) ?? 0;
          t.untracked += n;
          continue;
        }
        if (tag === 1) {
          internAddr(this.names, a);
          m.interned(a);
          v = a.v;
        }
        row = t.insert(v, port, tag);
        if (endpoints) this.endpointRanks.set(row, this.hosts.find(v, 0, tag));
      }
      const into = t.counts;
      const k = row * S;
      for (let s = 0; s < S; s++) {
        const n = (counts[base + s] as number) + (high === undefined ? 0 : (high.get(base + s) ?? 0));
        if (n === 0) continue;
        const x = (into[k + s] as number) + n;
        if (x < SPILL) into[k + s] = x;
        else t.addTo(row, s, n);
      }
    }
  }

  /**
   * The other part's logged sockets for table `t` (address, tag, port when `withPort`, state): each counted where
   * its key now has a row, else untracked.
   */
  private static mergeLogged(t: KeyTable, entries: Int32Array, withPort: boolean, m: Merger, texts: string[]): void {
    const a: Addr = { v: 0, tag: 0, text: undefined };
    const width = withPort ? 4 : 3;
    for (let i = 0; i < entries.length; i += width) {
      let v = entries[i] as number;
      const tag = entries[i + 1] as number;
      if (tag === 1) {
        m.logged(a, v, tag, texts);
        v = a.v;
      }
      const row = tag === 1 && v < 0 ? -1 : t.find(v, withPort ? (entries[i + 2] as number) : 0, tag);
      if (row < 0) t.untracked++;
      else t.inc(row, entries[i + width - 1] as number);
    }
  }
}
