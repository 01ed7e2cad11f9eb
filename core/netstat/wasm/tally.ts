/**
 * Where every socket is counted, whichever parser read it (the scanner's rows, and the records of the
 * per-format parsers through `countSocket`):
 *  - the state histogram;
 *  - a listening socket, or one without a remote port: by local port;
 *  - an outgoing socket (local port in the ephemeral range, neither seen listening nor reserved, remote port
 *    outside the range): by destination (local address, remote address, remote port), and in the `outgoing`
 *    row;
 *  - any other (inbound, the service side): by local port, and its remote host into the host log. When that
 *    socket would be outgoing but for its local port lying outside the range, it is also counted in OUTSIDE:
 *    many such ports say the range given is not the host's.
 * Counts are f64: exact to 2^53 sockets.
 */
import { logHost, topHosts } from "./hosts";
import { addRow, ensureSlots, firstSlot, nextSlot, slotAt, slotHash } from "./slots";

const S: u32 = 12;
const LISTEN: u32 = 9;

const STATES = memory.data(S * 8, 8);
const OUTGOING = memory.data(S * 8, 8);
/** Per local port: counts by state (6 MiB, virtual until a port is used). */
const PORTS = memory.data(65536 * S * 8, 8);
/** Per local port: bit 0 listening, bit 1 counted, bit 2 reserved (ip_local_reserved_ports). */
const PORT_BITS = memory.data(65536);
/** Per local port outside the range: sockets that would be outgoing if the range held the port (f64). */
const OUTSIDE = memory.data(65536 * 8, 8);
/** The counted ports in the order they came (u16). */
const PORT_LIST = memory.data(65536 * 2, 2);
let portCount: u32 = 0;

let low: u32 = 32768;
let high: u32 = 60999;

/** The local port range the outgoing sockets take their ports from. */
export function setRange(lo: u32, hi: u32): void {
  low = lo;
  high = hi;
}

/** A port of ip_local_reserved_ports: the kernel never picks it for an outgoing socket. */
export function reservePort(port: u32): void {
  port &= 0xffff;
  store<u8>(PORT_BITS + port, load<u8>(PORT_BITS + port) | 4);
}

// ---- Destinations: an open-addressing table of rows (local key, remote key, port | tags << 16) ----

/** The rows' hash table (slots.ts). */
const D_TABLE = memory.data(8, 4);
let dRows: u32 = 0;
let dCap: u32 = 0;
/** Per row: the three key words. */
let dKeys: usize = 0;
/** Per row: counts by state. */
let dCounts: usize = 0;

function mix(a: u32, b: u32, c: u32): u32 {
  const h = (a ^ (b * 0x85ebca6b) ^ (c * 0xc2b2ae35)) * 0x9e3779b1;
  return h ^ (h >> 15);
}

/** The row of destination (a, b, c), made if new. */
function destRow(a: u32, b: u32, c: u32): u32 {
  if (dKeys == 0) {
    ensureSlots(D_TABLE);
    dCap = 64;
    dKeys = heap.alloc(64 * 12);
    dCounts = heap.alloc(64 * S * 8);
  }
  const h = mix(a, b, c);
  let i = firstSlot(D_TABLE, h);
  for (;;) {
    const v = slotAt(D_TABLE, i);
    if (v == 0) break;
    const k = dKeys + usize(v - 1) * 12;
    if (slotHash(D_TABLE, i) == h && load<u32>(k) == a && load<u32>(k + 4) == b && load<u32>(k + 8) == c) return v - 1;
    i = nextSlot(D_TABLE, i);
  }
  const r = dRows++;
  if (r == dCap) {
    dCap <<= 1;
    dKeys = heap.realloc(dKeys, usize(dCap) * 12);
    dCounts = heap.realloc(dCounts, usize(dCap) * S * 8);
  }
  const k = dKeys + usize(r) * 12;
  store<u32>(k, a);
  store<u32>(k + 4, b);
  store<u32>(k + 8, c);
  memory.fill(dCounts + usize(r) * S * 8, 0, S * 8);
  addRow(D_TABLE, i, r, h, dRows);
  return r;
}

// @ts-ignore: decorator
@inline
function inc(p: usize): void {
  store<f64>(p, load<f64>(p) + 1);
}

// @ts-ignore: decorator
@inline
function portCounts(port: u32, state: u32): void {
  const bits = load<u8>(PORT_BITS + port);
  if ((bits & 2) == 0) {
    store<u8>(PORT_BITS + port, bits | 2);
    store<u16>(PORT_LIST + (usize(portCount++) << 1), u16(port));
  }
  inc(PORTS + (usize(port) * S + state) * 8);
}

/**
 * One TCP socket: `state` indexes TCP_STATES; `remotePort` is -1 where the listing has none (`*`); an
 * address is (tag 0, its IPv4 value) or (tag 1, its interned id).
 */
// @ts-ignore: decorator
@inline
export function countSocket(state: u32, localPort: u32, remotePort: i32, localTag: u32, localKey: u32, remoteTag: u32, remoteKey: u32): void {
  localPort &= 0xffff;
  inc(STATES + usize(state) * 8);
  if (state == LISTEN) {
    store<u8>(PORT_BITS + localPort, load<u8>(PORT_BITS + localPort) | 1);
    portCounts(localPort, state);
    return;
  }
  if (remotePort < 0) {
    portCounts(localPort, state);
    return;
  }
  const rp = u32(remotePort) & 0xffff;
  const outbound = (load<u8>(PORT_BITS + localPort) & 5) == 0 && !(rp >= low && rp <= high);
  const inRange = localPort >= low && localPort <= high;
  if (outbound && inRange) {
    inc(OUTGOING + usize(state) * 8);
    // The row first: making it may move dCounts.
    const row = destRow(localKey, remoteKey, rp | (localTag << 16) | (remoteTag << 17));
    inc(dCounts + (usize(row) * S + state) * 8);
    return;
  }
  portCounts(localPort, state);
  if (outbound) inc(OUTSIDE + usize(localPort) * 8);
  logHost(remoteTag, remoteKey, state);
}

/** For the per-format parsers' records (see countSocket). */
export function count(state: u32, localPort: u32, remotePort: i32, localTag: u32, localKey: u32, remoteTag: u32, remoteKey: u32): void {
  countSocket(state, localPort, remotePort, localTag, localKey, remoteTag, remoteKey);
}

/** The top `n` remote hosts (see hosts.ts), adding the outgoing sockets' hosts from the destinations. */
export function finish(n: u32): void {
  let m: u32 = 0;
  for (let r: u32 = 0; r < dRows; r++) {
    for (let s: u32 = 0; s < S; s++) if (load<f64>(dCounts + (usize(r) * S + s) * 8) > 0) m++;
  }
  const ov = heap.alloc(usize(m) << 3);
  const oc = heap.alloc(usize(m) << 3);
  let j: u32 = 0;
  for (let r: u32 = 0; r < dRows; r++) {
    const k = dKeys + usize(r) * 12;
    const tag = (load<u32>(k + 8) >> 17) & 1;
    for (let s: u32 = 0; s < S; s++) {
      const c = load<f64>(dCounts + (usize(r) * S + s) * 8);
      if (c == 0) continue;
      store<u64>(ov + (usize(j) << 3), (u64(tag) << 36) | (u64(load<u32>(k + 4)) << 4) | u64(s));
      store<f64>(oc + (usize(j) << 3), c);
      j++;
    }
  }
  topHosts(n, ov, oc, m);
}

export function statesPtr(): usize {
  return STATES;
}

export function outgoingPtr(): usize {
  return OUTGOING;
}

export function portsPtr(): usize {
  return PORTS;
}

export function portBitsPtr(): usize {
  return PORT_BITS;
}

export function portListPtr(): usize {
  return PORT_LIST;
}

export function outsidePtr(): usize {
  return OUTSIDE;
}

export function portListLength(): u32 {
  return portCount;
}

export function destinationRows(): u32 {
  return dRows;
}

export function destinationKeysPtr(): usize {
  return dKeys;
}

export function destinationCountsPtr(): usize {
  return dCounts;
}
