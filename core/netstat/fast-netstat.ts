/**
 * The byte-level fast path for net-tools and BusyBox `netstat -n` rows: it reads a row where it
 * lies in a Uint8Array, with no text decoding and no strings, and hands the socket to a RowSink as
 * numbers (state index, ports, IPv4 addresses as 32-bit integers).
 *
 * It is a strict subset of readNetstatLine (linux-netstat.ts): a line is taken here only when its
 * shape leaves no doubt about what readNetstatLine would make of it, and then it gives exactly the
 * same socket. Everything else stops the scan and goes, line by line, to the string parser:
 * headers, other protocols, non-canonical spellings (ss-style state names, service names instead
 * of ports, over-long or tab-separated columns), -p/-o/-e columns, non-ASCII bytes.
 *
 * The shape taken: both tools print "%-4s  %6ld %6ld %-23s %-23s %-11s", so
 *  - "tcp " or "tcp6 " at the start of the line, queues (digits and spaces) ending at columns 11 and
 *    18, a space at 19 and the local address at column 20 (readNetstatLine's fixed-column case);
 *  - the local and remote `address:port` tokens, ended by a space; each port digits (at most five,
 *    at most 65535) after the last colon, or `*` for the remote one;
 *  - the remote address at column 44 when the local one fits in 23 characters, else after the
 *    spaces that follow it; the state at 24 columns after the remote address when that fits in 23
 *    characters, else after the spaces that follow it (the same jumps readNetstatLine makes, taken
 *    only when no "\n" lies in between: a short line must not borrow the next line's columns);
 *  - one of the twelve canonical state names, then only spaces or carriage returns up to "\n".
 */
import { TCP_STATES } from "./types";

/** All TCP_STATES names' bytes in one array, with each name's offset. */
const NAME_BYTES = new Uint8Array(TCP_STATES.reduce((n, s) => n + s.length, 0));
const NAME_AT = new Int32Array(TCP_STATES.length);
const NAME_LEN = new Int32Array(TCP_STATES.length);
{
  let o = 0;
  TCP_STATES.forEach((s, k) => {
    NAME_AT[k] = o;
    NAME_LEN[k] = s.length;
    for (let i = 0; i < s.length; i++) NAME_BYTES[o++] = s.charCodeAt(i);
  });
}

export const STATE_LISTEN = TCP_STATES.indexOf("LISTEN");

/** Takes the sockets the fast path reads. */
export interface RowSink {
  /**
   * One TCP socket: `state` indexes TCP_STATES; `remotePort` is -1 for `*`. The addresses are in ROW_IP
   * (local, remote) as IPv4 addresses in signed 32-bit integers, unless `flags` has NOT_V4_LOCAL or
   * NOT_V4_REMOTE: then the address is not a dotted quad written canonically and its bytes are at
   * ROW.bytes[ROW.la, ROW.lc) (local) or [ROW.ra, ROW.rc) (remote), ASCII only. (Numbers outside the
   * small-integer range would be boxed if passed as arguments: typed arrays keep them raw.)
   */
  row(state: number, localPort: number, remotePort: number, flags: number): void;
}

export const NOT_V4_LOCAL = 1;
export const NOT_V4_REMOTE = 2;

/** The IPv4 addresses of the last row given to a sink: local, remote. */
const rowIp = new Int32Array(2);
/** Where the address bytes of the last row given to a sink are. */
const row: { bytes: Uint8Array; la: number; lc: number; ra: number; rc: number } = { bytes: new Uint8Array(0), la: 0, lc: 0, ra: 0, rc: 0 };
export { row as ROW, rowIp as ROW_IP, scan as SCAN };

/**
 * What the last scanRows call did besides returning where it stopped: `rows` sockets read (of
 * the formats it was told need no bookkeeping), and `slow`: 0 when it stopped at a line it does
 * not take (or at `stop`); 1 or 2 when it stopped just after a row whose
 * record format needs the parser's bookkeeping: 1 for a plain row, 2 for a "tcp" row with an IPv6
 * local address (BusyBox's).
 */
const scan = { rows: 0, slow: 0 };

/** The result of reading one `address:port` token; set by token(). */
const T = { ip: 0, v4: false, colon: 0, colons: 0, port: 0 };

/**
 * Reads the token at `i` up to the first byte at or below a space (or the end of `b`). Sets T: the
 * last colon, how many colons, the port after it (-1 when not 1-5 digits up to 65535, -2 for a lone
 * `*`), the IPv4 address before it when it is a canonical dotted quad. Returns the token's end, or
 * -1 when the token has a byte above 126.
 */
function token(b: Uint8Array, i: number): number {
  const start = i;
  let ip = 0;
  let octet = 0;
  let digits = 0;
  let lead0 = false;
  let dots = 0;
  let v4 = true;
  let colons = 0;
  let colon = -1;
  let port = 0;
  let portDigits = 0;
  let c = b[i] as number;
  while (c > 32) {
    if (c >= 48 && c <= 57) {
      if (colons === 0) {
        if (digits === 0) lead0 = c === 48;
        if (digits < 4) octet = octet * 10 + (c - 48);
        digits++;
      } else {
        if (portDigits < 6) port = port * 10 + (c - 48);
        portDigits++;
      }
    } else if (c === 58) {
      if (colons === 0) {
        if (v4 && dots === 3 && digits > 0 && digits <= 3 && octet <= 255 && !(lead0 && digits > 1)) ip = ip * 256 + octet;
        else v4 = false;
      } else v4 = false;
      colons++;
      colon = i;
      port = 0;
      portDigits = 0;
    } else if (c === 46 && colons === 0) {
      if (digits === 0 || digits > 3 || octet > 255 || (lead0 && digits > 1)) v4 = false;
      ip = ip * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      if (c > 126) return -1;
      if (colons === 0) v4 = false;
    }
    c = b[++i] as number;
  }
  T.colon = colon;
  T.colons = colons;
  T.v4 = v4 && colons === 1;
  T.ip = ip | 0;
  const after = i - colon - 1;
  if (colon <= start) T.port = -1;
  else if (portDigits === after && portDigits > 0 && portDigits <= 5 && port <= 65535) T.port = port;
  else if (after === 1 && b[colon + 1] === 42) T.port = -2;
  else T.port = -1;
  return i;
}

/**
 * The common token, a canonical dotted quad and a port ("10.0.0.5:443", "0.0.0.0:*"), read in one pass:
 * sets T (v4 true, colon, colons 1, port) and returns the token's end; -2 when the token is not of that
 * shape (token() then reads it).
 */
function quad(b: Uint8Array, i: number): number {
  let ip = 0;
  for (let k = 0; k < 4; k++) {
    let c = b[i] as number;
    let o = c - 48;
    if (o < 0 || o > 9) return -2;
    c = b[++i] as number;
    if (c >= 48 && c <= 57) {
      if (o === 0) return -2;
      o = o * 10 + (c - 48);
      c = b[++i] as number;
      if (c >= 48 && c <= 57) {
        o = o * 10 + (c - 48);
        if (o > 255) return -2;
        c = b[++i] as number;
      }
    }
    ip = (ip << 8) | o;
    if (c !== (k < 3 ? 46 : 58)) return -2;
    i++;
  }
  T.ip = ip;
  T.v4 = true;
  T.colon = i - 1;
  T.colons = 1;
  let c = b[i] as number;
  if (c === 42) {
    c = b[++i] as number;
    T.port = -2;
  } else {
    let port = 0;
    let n = 0;
    while (c >= 48 && c <= 57 && n < 6) {
      port = port * 10 + (c - 48);
      n++;
      c = b[++i] as number;
    }
    T.port = n > 0 && n <= 5 && port <= 65535 ? port : -1;
  }
  return c > 32 ? -2 : i;
}

/**
 * The TCP_STATES index of the canonical state name at b[a], which must end there (the next byte at or
 * below a space); -1 for anything else. Sets T.colon to the name's end.
 */
function stateAt(b: Uint8Array, a: number): number {
  let k: number;
  switch (b[a]) {
    case 69: // E
      k = 0;
      break;
    case 84: // T
      k = 5;
      break;
    case 76: // L: LISTEN, LAST_ACK
      k = b[a + 1] === 73 ? 9 : 8;
      break;
    case 67: // C: CLOSE, CLOSE_WAIT, CLOSING
      k = b[a + 4] === 73 ? 10 : b[a + 5] === 95 ? 7 : 6;
      break;
    case 70: // F: FIN_WAIT1, FIN_WAIT2
      k = b[a + 8] === 49 ? 3 : 4;
      break;
    case 83: // S: SYN_SENT, SYN_RECV
      k = b[a + 4] === 83 ? 1 : 2;
      break;
    case 85: // U
      k = 11;
      break;
    default:
      return -1;
  }
  const o = NAME_AT[k] as number;
  const len = NAME_LEN[k] as number;
  for (let i = 1; i < len; i++) if (b[a + i] !== NAME_BYTES[o + i]) return -1;
  if ((b[a + len] as number) > 32) return -1;
  T.colon = a + len;
  return k;
}

/**
 * Whether b[from, to) holds a "\n", read four bytes at a time (it may look at up to 3 bytes past `to`:
 * the callers' are never "\n" in a row they take).
 */
function newlineIn(dv: DataView, from: number, to: number): boolean {
  for (let k = from; k < to; k += 4) {
    const v = dv.getInt32(k, true) ^ 0x0a0a0a0a;
    // A zero byte in v: a "\n" in the word.
    if (((v - 0x01010101) & ~v & 0x80808080) !== 0) return true;
  }
  return false;
}

function isDigit(c: number | undefined): boolean {
  return (c as number) >= 48 && (c as number) <= 57;
}

/** Bytes after a line's "\n" that reading the line may look at (fixed columns of a short line). */
export const SCAN_PAD = 64;

/**
 * Reads rows from `pos` on, handing each socket to `sink`, as long as lines are rows this fast path
 * takes, up to `stop`: a line start just after a "\n", with at least SCAN_PAD bytes of `b` after it
 * (so every read stays inside `b`: reads past the end of a typed array would deoptimize this code).
 * Returns the start of the first line not read (see SCAN).
 * `quickPlain`: records of plain rows need no bookkeeping; `quickV6`: nor do those of "tcp" rows
 * with an IPv6 local address.
 */
export function scanRows(b: Uint8Array, pos: number, stop: number, sink: RowSink, quickPlain: boolean, quickV6: boolean): number {
  let rows = 0;
  let slow = 0;
  row.bytes = b;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  while (pos < stop) {
    const a = pos;
    if (b[a] !== 116 || b[a + 1] !== 99 || b[a + 2] !== 112) break;
    const c3 = b[a + 3];
    let plen: number;
    if (c3 === 32) plen = 3;
    else if (c3 === 54 && b[a + 4] === 32) plen = 4;
    else break;
    if (b[a + 19] !== 32 || !isDigit(b[a + 11]) || !isDigit(b[a + 18])) break;
    // The line reaches column 20 (no "\n" before: these columns could be the next line's).
    if (newlineIn(dv, a + 4, a + 19)) break;

    // Local address.
    const la = a + 20;
    let le = quad(b, la);
    if (le === -2) le = token(b, la);
    if (le < 0 || b[le] !== 32) break;
    const localPort = T.port;
    if (localPort < 0) break;
    const lc = T.colon;
    const localIp = T.ip;
    const localV4 = T.v4;
    const v6local = T.colons > 1;

    // Remote address: at column 44 when the local address fits in 23 characters (readNetstatLine jumps
    // there, whatever is in between, provided the line goes on: no "\n" in between), else after the
    // spaces that follow the local address.
    let ra: number;
    if (le - la <= 23 && b[a + 43] === 32 && b[a + 44] !== 32) {
      if (newlineIn(dv, le, a + 44)) break;
      ra = a + 44;
    } else {
      ra = le;
      while (b[ra] === 32) ra++;
    }
    let re = quad(b, ra);
    if (re === -2) re = token(b, ra);
    if (re <= ra || b[re] !== 32) break;
    const remotePort = T.port;
    if (remotePort === -1) break;
    const rc = T.colon;
    const remoteIp = T.ip;
    const remoteV4 = T.v4;

    // State: 24 columns after the remote address when that fits in 23 characters (the same jump, the
    // same proviso), else after the spaces that follow it; then only spaces or CRs up to "\n"; and the
    // line must reach past column 48 (readNetstatLine's fixed columns).
    let ta: number;
    if (re - ra <= 23 && b[ra + 23] === 32 && b[ra + 24] !== 32) {
      if (newlineIn(dv, re, ra + 24)) break;
      ta = ra + 24;
    } else {
      ta = re;
      while (b[ta] === 32) ta++;
    }
    const state = stateAt(b, ta);
    if (state < 0) break;
    const se = T.colon;
    let nl = se;
    let c = b[nl] as number;
    while (c === 32 || c === 13) c = b[++nl] as number;
    if (c !== 10 || se - a <= 48) break;

    const busyboxShape = plen === 3 && v6local;
    if (!(busyboxShape ? quickV6 : quickPlain)) {
      // The parser must note this record's format: stop after it.
      slow = busyboxShape ? 2 : 1;
    }
    let flags = 0;
    if (!localV4) flags |= NOT_V4_LOCAL;
    if (!remoteV4) flags |= NOT_V4_REMOTE;
    if (flags !== 0) {
      row.la = la;
      row.lc = lc;
      row.ra = ra;
      row.rc = rc;
    }
    rowIp[0] = localIp;
    rowIp[1] = remoteIp;
    sink.row(state, localPort, remotePort === -2 ? -1 : remotePort, flags);
    pos = nl + 1;
    if (slow !== 0) break;
    rows++;
  }
  scan.rows = rows;
  scan.slow = slow;
  return pos;
}
