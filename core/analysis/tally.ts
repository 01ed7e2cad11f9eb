/**
 * The counts of one analysis, kept in an instance of the scanner module (netstat/wasm/tally.ts counts every
 * socket): the records of the per-format parsers go in here, keyed as the scanner keys its rows (an IPv4
 * address by its value, any other by its interned id, text cut to MAX_KEY), and the tables come out.
 */
import { STATE_TOP_N, type ScannerExports } from "../netstat/scanner-module";
import type { SocketRecord } from "../netstat/types";
import { decodeUtf8, encodeUtf8 } from "../text/utf8";
import { AcceptQueueTable } from "./accept-queues";
import { S, stateIndex } from "./counts";
import { boundedKey, dotted, MAX_KEY, v4Value } from "./keys";
import { Processes } from "./processes";
import type { PortRange } from "./types";

/** An address as the module keys it, in one number: tag (0 IPv4, 1 interned) × 2^32 + key. */
export type AddressKey = number;

const TAG = 2 ** 32;

export interface PortCounts {
  readonly port: number;
  readonly listening: boolean;
  readonly counts: number[];
}

export interface DestinationCounts {
  readonly local: AddressKey;
  readonly remote: AddressKey;
  readonly port: number;
  readonly counts: number[];
}

export interface HostCounts {
  readonly host: AddressKey;
  readonly counts: number[];
}

/** A host and its sockets in one state. */
export interface HostCount {
  readonly host: AddressKey;
  readonly count: number;
}

export class Tally {
  readonly processes = new Processes();
  readonly acceptQueues = new AcceptQueueTable();
  /** Sockets counted under a cut address or process name. */
  truncated = 0;
  private cut = false;

  /** The ports of ip_local_reserved_ports inside the range. */
  readonly reservedInRange: number;

  constructor(
    readonly w: ScannerExports,
    readonly range: PortRange,
    reserved: readonly PortRange[] = [],
  ) {
    w.setRange(range.low, range.high);
    const marked = new Set<number>();
    for (const r of reserved) for (let p = Math.max(1, r.low); p <= Math.min(65535, r.high); p++) marked.add(p);
    let inRange = 0;
    for (const p of marked) {
      w.reservePort(p);
      if (p >= range.low && p <= range.high) inRange++;
    }
    this.reservedInRange = inRange;
  }

  /** A record of the per-format parsers. */
  record(r: SocketRecord): void {
    const s = stateIndex(r.state);
    this.cut = false;
    const local = this.key(r.localAddress);
    const remote = this.key(r.remoteAddress);
    this.w.count(s, r.localPort, r.remotePort ?? -1, local >= TAG ? 1 : 0, local % TAG, remote >= TAG ? 1 : 0, remote % TAG);
    const { pid, process: program } = r;
    if (program !== undefined || pid !== undefined) {
      // Only what the key keeps of a long name is read (the record's name is a slice of the input).
      const kept = program !== undefined && program.length > MAX_KEY ? program.slice(0, MAX_KEY + 1) : program;
      const name = pid !== undefined ? `${pid}/${kept ?? "?"}` : (kept as string);
      if (this.processes.count(name, s)) this.cut = true;
    }
    if (this.cut) this.truncated++;
    if (r.acceptQueue !== undefined && r.state === "LISTEN") this.acceptQueues.add(r.localAddress, r.localPort, r.acceptQueue, r.backlog ?? null);
  }

  private key(address: string): AddressKey {
    const ip = v4Value(address);
    if (ip >= 0) return ip;
    const text = boundedKey(address);
    if (text !== address) this.cut = true;
    const w = this.w;
    const n = encodeUtf8(text, new Uint8Array(w.memory.buffer, w.nameBufPtr(), w.nameBufSize()), 0);
    return TAG + (w.internName(n) >>> 0);
  }

  /** An address as text. */
  name(a: AddressKey): string {
    if (a < TAG) return dotted(a);
    const w = this.w;
    const id = a - TAG;
    return decodeUtf8(new Uint8Array(w.memory.buffer, w.nameAt(id), w.nameLength(id)));
  }

  private f64(ptr: number, n: number): Float64Array {
    return new Float64Array(this.w.memory.buffer, ptr, n);
  }

  states(): number[] {
    return Array.from(this.f64(this.w.statesPtr(), S));
  }

  /** Outgoing sockets by state. */
  outgoing(): number[] {
    return Array.from(this.f64(this.w.outgoingPtr(), S));
  }

  /** The local ports of the sockets that are not outgoing, in the order they came. */
  ports(): PortCounts[] {
    const w = this.w;
    const list = new Uint16Array(w.memory.buffer, w.portListPtr(), w.portListLength());
    const bits = new Uint8Array(w.memory.buffer, w.portBitsPtr(), 65536);
    const counts = this.f64(w.portsPtr(), 65536 * S);
    return Array.from(list, (port) => ({ port, listening: ((bits[port] as number) & 1) === 1, counts: Array.from(counts.subarray(port * S, port * S + S)) }));
  }

  /** Per local port outside the range: the sockets that would be outgoing if the range held it (see OutsideRange). */
  outside(): { readonly port: number; readonly sockets: number }[] {
    const w = this.w;
    const counts = this.f64(w.outsidePtr(), 65536);
    const bits = new Uint8Array(w.memory.buffer, w.portBitsPtr(), 65536);
    const out: { port: number; sockets: number }[] = [];
    for (const port of new Uint16Array(w.memory.buffer, w.portListPtr(), w.portListLength())) {
      const n = counts[port] as number;
      // A LISTEN row seen after the sockets still makes the port a service's.
      if (n > 0 && ((bits[port] as number) & 1) === 0) out.push({ port, sockets: n });
    }
    return out;
  }

  /** Outgoing sockets by destination, in the order the destinations came. */
  destinations(): DestinationCounts[] {
    const w = this.w;
    const n = w.destinationRows();
    if (n === 0) return [];
    const keys = new Uint32Array(w.memory.buffer, w.destinationKeysPtr(), n * 3);
    const counts = this.f64(w.destinationCountsPtr(), n * S);
    const out: DestinationCounts[] = [];
    for (let r = 0; r < n; r++) {
      const c = keys[r * 3 + 2] as number;
      out.push({
        local: ((c >> 16) & 1) * TAG + (keys[r * 3] as number),
        remote: ((c >> 17) & 1) * TAG + (keys[r * 3 + 1] as number),
        port: c & 0xffff,
        counts: Array.from(counts.subarray(r * S, r * S + S)),
      });
    }
    return out;
  }

  /** Per state: the distinct remote hosts with a socket in it (after topHosts). */
  distinctByState(): number[] {
    return Array.from(this.f64(this.w.stateDistinctPtr(), S));
  }

  /** Per state: the STATE_TOP_N hosts with the most sockets in it, ties as topHosts orders them (after topHosts). */
  topByState(): HostCount[][] {
    return this.tops(this.w.stateTopPtr());
  }

  /** distinctByState over the sockets that are not outgoing (those counted by local port): the clients. */
  clientCountByState(): number[] {
    return Array.from(this.f64(this.w.loggedDistinctPtr(), S));
  }

  /** topByState over the sockets that are not outgoing. */
  clientsByState(): HostCount[][] {
    return this.tops(this.w.loggedTopPtr());
  }

  private tops(ptr: number): HostCount[][] {
    const rows = this.f64(ptr, S * STATE_TOP_N * 2);
    const out: HostCount[][] = [];
    for (let s = 0; s < S; s++) {
      const list: HostCount[] = [];
      for (let i = 0; i < STATE_TOP_N; i++) {
        const at = (s * STATE_TOP_N + i) * 2;
        const count = rows[at + 1] as number;
        if (count > 0) list.push({ host: rows[at] as number, count });
      }
      out.push(list);
    }
    return out;
  }

  /** The `n` remote hosts with the most sockets, exactly (ties: IPv4 by value, then the others as they came). */
  topHosts(n: number): HostCounts[] {
    const w = this.w;
    w.finish(n);
    const rows = this.f64(w.topPtr(), w.topLength() * (2 + S));
    const out: HostCounts[] = [];
    for (let i = 0; i < w.topLength(); i++) {
      const base = i * (2 + S);
      out.push({ host: rows[base] as number, counts: Array.from(rows.subarray(base + 2, base + 2 + S)) });
    }
    return out;
  }
}
