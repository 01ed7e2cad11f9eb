/**
 * The fast path: net-tools and BusyBox `netstat -n` rows read where they lie in linear memory and counted
 * at once (tally.ts), with no text decoded and no string made. The TypeScript driver (../fast-path.ts) reads
 * input into INPUT, calls scan() while the line parser is inside a netstat block, and hands every line scan()
 * refuses to the per-format parsers, whose records come back through count().
 *
 * It takes a row only when readNetstatLine (../linux-netstat.ts) would read it the same way, and counts
 * exactly the socket that record gives. Both tools print "%-4s  %6ld %6ld %-23s %-23s %-11s", so a row taken
 * has:
 *  - "tcp " or "tcp6 " at the start of the line, queues (digits and spaces) ending at columns 11 and 18, a
 *    space at 12 and at 19 and the local address at column 20 (readNetstatLine's fixed-column case);
 *  - the local and remote `address:port` tokens, ended by a space, printable ASCII; each port digits (at
 *    most five, at most 65535) after the last colon, or `*` for the remote one; an address that is not a
 *    canonical dotted quad at most MAX_NAME bytes long (longer ones are cut by the slow path);
 *  - the remote address at column 44 when the local one fits in 23 characters, else after the spaces that
 *    follow it; the state 24 columns after the remote address when that fits in 23 characters, else after
 *    the spaces that follow it (readNetstatLine's jumps, taken only when no "\n" lies in between: a short
 *    line must not borrow the next line's columns);
 *  - one of the twelve canonical state names, then only spaces or carriage returns up to "\n";
 *  - for LISTEN, a Recv-Q of a lone 0: a listener's Recv-Q is its accept queue, which the line parser's record
 *    carries (SocketRecord.acceptQueue) when it is not empty.
 * Anything else stops the scan: headers, other protocols, other spellings, service names, -p/-o/-e columns,
 * and the rows whose record format the line parser must note (`quick`).
 */
import { intern } from "./names";
import { countSocket } from "./tally";

export { count, finish, setRange, reservePort, statesPtr, outgoingPtr, portsPtr, portBitsPtr, portListPtr, portListLength, outsidePtr, destinationRows, destinationKeysPtr, destinationCountsPtr } from "./tally";
export { topPtr, topLength, distinctHosts, stateDistinctPtr, stateTopPtr, loggedDistinctPtr, loggedTopPtr, setLogLimit } from "./hosts";
export { nameAt, nameLength } from "./names";

/** Bytes per chunk of input, and room after it: a short last line's fixed columns may be looked at. */
const CHUNK: u32 = 1 << 20;
const PAD: u32 = 256;
const INPUT = memory.data(CHUNK + PAD, 16);
/** Where the TypeScript side writes an address to intern. */
const NAME_BUF_SIZE: u32 = 1024;
const NAME_BUF = memory.data(NAME_BUF_SIZE);
/** Longest address token interned here (the TypeScript side cuts longer ones, with a marker). */
const MAX_NAME: u32 = 200;

/**
 * The twelve state names (TCP_STATES order) for comparing in two loads: bytes 0-7 little-endian with their mask,
 * bytes 8-11 with theirs, and the length.
 */
const NAME_LO = memory.data<u64>([0x53494c4241545345, 0x544e45535f4e5953, 0x564345525f4e5953, 0x544941575f4e4946, 0x544941575f4e4946, 0x4941575f454d4954, 0x45534f4c43, 0x41575f45534f4c43, 0x4b43415f5453414c, 0x4e455453494c, 0x474e49534f4c43, 0x4e574f4e4b4e55]);
const NAME_LO_MASK = memory.data<u64>([0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffff, 0xffffffffffffff, 0xffffffffffffff]);
const NAME_HI = memory.data<u32>([0x444548, 0, 0, 0x31, 0x32, 0x54, 0, 0x5449, 0, 0, 0, 0]);
const NAME_HI_MASK = memory.data<u32>([0xffffff, 0, 0, 0xff, 0xff, 0xff, 0, 0xffff, 0, 0, 0, 0]);
const NAME_LEN = memory.data<u8>([11, 8, 8, 9, 9, 9, 5, 10, 8, 6, 7, 7]);

export function inputPtr(): usize {
  return INPUT;
}

export function chunkSize(): u32 {
  return CHUNK;
}

export function nameBufPtr(): usize {
  return NAME_BUF;
}

export function nameBufSize(): u32 {
  return NAME_BUF_SIZE;
}

export function maxName(): u32 {
  return MAX_NAME;
}

/** The id of the address written at NAME_BUF (n bytes). */
export function internName(n: u32): u32 {
  return intern(NAME_BUF, min(n, NAME_BUF_SIZE));
}

// ---- One row ----

/** A failed token, and a token that is not a dotted quad with a port (for quad()). */
const FAIL: usize = 0;
const NOT_QUAD: usize = 1;

/** What the last token()/quad() read: the IPv4 value, whether it is one, the last colon, colons, the port. */
let tIp: u32 = 0;
let tV4 = false;
let tColon: usize = 0;
let tColons: u32 = 0;
/** The port: -1 when it is not 1-5 digits up to 65535, -2 for a lone `*`. */
let tPort: i32 = 0;

// @ts-ignore: decorator
@inline
function at(p: usize): u32 {
  return u32(load<u8>(p));
}

// @ts-ignore: decorator
@inline
function isDigit(c: u32): bool {
  return c - 48 < 10;
}

/** Whether [from, to) holds a "\n", eight bytes at a time (bytes past `to` are read, not counted). */
function newlineIn(from: usize, to: usize): bool {
  for (let k = from; k < to; k += 8) {
    const v = load<u64>(k) ^ 0x0a0a0a0a0a0a0a0a;
    let zero = (v - 0x0101010101010101) & ~v & 0x8080808080808080;
    // Only bytes before `to`; a byte past a real zero may look zero too, never one before it.
    if (to - k < 8) zero &= (u64(1) << (u64(to - k) << 3)) - 1;
    if (zero != 0) return true;
  }
  return false;
}

/**
 * The `address:port` token at i, up to the first byte at or below a space: sets the t* results and returns
 * its end, or FAIL when it has a byte above 126.
 */
function token(i: usize): usize {
  const start = i;
  let ip: u32 = 0;
  let octet: u32 = 0;
  let digits: u32 = 0;
  let lead0 = false;
  let dots: u32 = 0;
  let v4 = true;
  let colons: u32 = 0;
  let colon: usize = 0;
  let port: u32 = 0;
  let portDigits: u32 = 0;
  let c = at(i);
  while (c > 32) {
    if (isDigit(c)) {
      if (colons == 0) {
        if (digits == 0) lead0 = c == 48;
        if (digits < 4) octet = octet * 10 + (c - 48);
        digits++;
      } else {
        if (portDigits < 6) port = port * 10 + (c - 48);
        portDigits++;
      }
    } else if (c == 58) {
      if (colons == 0) {
        if (v4 && dots == 3 && digits > 0 && digits <= 3 && octet <= 255 && !(lead0 && digits > 1)) ip = ip * 256 + octet;
        else v4 = false;
      } else v4 = false;
      colons++;
      colon = i;
      port = 0;
      portDigits = 0;
    } else if (c == 46 && colons == 0) {
      if (digits == 0 || digits > 3 || octet > 255 || (lead0 && digits > 1)) v4 = false;
      ip = ip * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      if (c > 126) return FAIL;
      if (colons == 0) v4 = false;
    }
    c = at(++i);
  }
  tColon = colon;
  tColons = colons;
  tV4 = v4 && colons == 1;
  tIp = ip;
  if (colon <= start) tPort = -1;
  else {
    const after = u32(i - colon - 1);
    if (portDigits == after && portDigits > 0 && portDigits <= 5 && port <= 65535) tPort = i32(port);
    else if (after == 1 && at(colon + 1) == 42) tPort = -2;
    else tPort = -1;
  }
  return i;
}

/** The common token, a canonical dotted quad and a port, in one pass: its end, or NOT_QUAD (token() reads it). */
function quad(i: usize): usize {
  let ip: u32 = 0;
  for (let k = 0; k < 4; k++) {
    let c = at(i);
    let o = c - 48;
    if (o > 9) return NOT_QUAD;
    c = at(++i);
    if (isDigit(c)) {
      if (o == 0) return NOT_QUAD;
      o = o * 10 + (c - 48);
      c = at(++i);
      if (isDigit(c)) {
        o = o * 10 + (c - 48);
        if (o > 255) return NOT_QUAD;
        c = at(++i);
      }
    }
    ip = (ip << 8) | o;
    if (c != (k < 3 ? 46 : 58)) return NOT_QUAD;
    i++;
  }
  tIp = ip;
  tV4 = true;
  tColon = i - 1;
  tColons = 1;
  let c = at(i);
  if (c == 42) {
    c = at(++i);
    tPort = -2;
  } else {
    let port: u32 = 0;
    let n: u32 = 0;
    while (isDigit(c) && n < 6) {
      port = port * 10 + (c - 48);
      n++;
      c = at(++i);
    }
    tPort = n > 0 && n <= 5 && port <= 65535 ? i32(port) : -1;
  }
  return c > 32 ? NOT_QUAD : i;
}

/** The `address:port` token at i (see token()). */
function address(i: usize): usize {
  const e = quad(i);
  return e == NOT_QUAD ? token(i) : e;
}

/**
 * Where the column after the token [start, end) starts: 24 columns after `start` when the token fits in 23
 * characters and the line is padded to there (readNetstatLine jumps there whatever is in between, provided
 * no "\n" is: a short line must not borrow the next line's columns), else after the spaces that follow the
 * token. FAIL when the jump would cross a line end.
 */
function nextColumn(start: usize, end: usize): usize {
  const jump = start + 24;
  if (end - start <= 23 && at(jump - 1) == 32 && at(jump) != 32) return newlineIn(end, jump) ? FAIL : jump;
  let i = end;
  while (at(i) == 32) i++;
  return i;
}

/** The state index of the canonical name at a, which must end there; -1 otherwise. Sets tColon to its end. */
function stateAt(a: usize): i32 {
  let k: u32;
  switch (at(a)) {
    case 69: // E
      k = 0;
      break;
    case 84: // T
      k = 5;
      break;
    case 76: // L: LISTEN, LAST_ACK
      k = at(a + 1) == 73 ? 9 : 8;
      break;
    case 67: // C: CLOSE, CLOSE_WAIT, CLOSING
      k = at(a + 4) == 73 ? 10 : at(a + 5) == 95 ? 7 : 6;
      break;
    case 70: // F: FIN_WAIT1, FIN_WAIT2
      k = at(a + 8) == 49 ? 3 : 4;
      break;
    case 83: // S: SYN_SENT, SYN_RECV
      k = at(a + 4) == 83 ? 1 : 2;
      break;
    case 85: // U
      k = 11;
      break;
    default:
      return -1;
  }
  const len = usize(load<u8>(NAME_LEN + k));
  if ((load<u64>(a) & load<u64>(NAME_LO_MASK + (k << 3))) != load<u64>(NAME_LO + (k << 3))) return -1;
  if ((load<u32>(a + 8) & load<u32>(NAME_HI_MASK + (k << 2))) != load<u32>(NAME_HI + (k << 2))) return -1;
  if (at(a + len) > 32) return -1;
  tColon = a + len;
  return i32(k);
}

const LISTEN: i32 = 9;

/** Whether the Recv-Q of the row at `a` (after its `plen` protocol letters, ending at column 11) is a lone 0. */
function emptyQueue(a: usize, plen: u32): bool {
  if (at(a + 11) != 48) return false;
  for (let i = a + plen; i < a + 11; i++) if (at(i) != 32) return false;
  return true;
}

let taken: u32 = 0;

/**
 * Reads and counts rows of INPUT from offset `from` while they are rows it takes, up to `end` (just after a
 * "\n"). `quick` bit 0: a plain row's record needs no format bookkeeping; bit 1: nor does a "tcp" row with an
 * IPv6 local address (BusyBox's). Returns the offset of the first line not read; rowsTaken() says how many.
 */
export function scan(from: u32, end: u32, quick: u32): u32 {
  let pos = INPUT + from;
  const stop = INPUT + end;
  let rows: u32 = 0;
  while (pos < stop) {
    const a = pos;
    if (at(a) != 116 || at(a + 1) != 99 || at(a + 2) != 112) break;
    const c3 = at(a + 3);
    let plen: u32 = 3;
    if (c3 == 54 && at(a + 4) == 32) plen = 4;
    else if (c3 != 32) break;
    // A space at 12 too: else "04567358" would be two queues here and one to the line parser.
    if (at(a + 19) != 32 || at(a + 12) != 32 || !isDigit(at(a + 11)) || !isDigit(at(a + 18))) break;
    if (newlineIn(a + 4, a + 19)) break;

    const la = a + 20;
    const le = address(la);
    if (le == FAIL || at(le) != 32) break;
    const localPort = tPort;
    if (localPort < 0) break;
    const lc = tColon;
    const localIp = tIp;
    const localV4 = tV4;
    const v6local = tColons > 1;

    const ra = nextColumn(la, le);
    if (ra == FAIL) break;
    const re = address(ra);
    if (re <= ra || at(re) != 32) break;
    const remotePort = tPort;
    if (remotePort == -1) break;
    const rc = tColon;
    const remoteIp = tIp;
    const remoteV4 = tV4;

    const ta = nextColumn(ra, re);
    if (ta == FAIL) break;
    const state = stateAt(ta);
    if (state < 0) break;
    const se = tColon;
    let nl = se;
    let c = at(nl);
    while (c == 32 || c == 13) c = at(++nl);
    if (c != 10 || se - a <= 48) break;
    if (state == LISTEN && !emptyQueue(a, plen)) break;
    if ((quick & (plen == 3 && v6local ? 2 : 1)) == 0) break;
    if ((!localV4 && lc - la > MAX_NAME) || (!remoteV4 && rc - ra > MAX_NAME)) break;

    const localKey = localV4 ? localIp : intern(la, u32(lc - la));
    const remoteKey = remoteV4 ? remoteIp : intern(ra, u32(rc - ra));
    countSocket(u32(state), u32(localPort), remotePort == -2 ? -1 : remotePort, localV4 ? 0 : 1, localKey, remoteV4 ? 0 : 1, remoteKey);
    rows++;
    pos = nl + 1;
  }
  taken = rows;
  return u32(pos - INPUT);
}

export function rowsTaken(): u32 {
  return taken;
}
