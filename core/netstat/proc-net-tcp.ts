/**
 * /proc/net/tcp and /proc/net/tcp6 (net/ipv4/tcp_ipv4.c `get_tcp4_sock`, net/ipv6/tcp_ipv6.c):
 *
 *       sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
 *        0: 0100007F:B8CF 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 73212 1 ...
 *
 * Addresses are the raw 32-bit words of the address printed with %08X, so on the little-endian
 * machines nearly every server runs on each word reads byte-reversed: 0100007F is 127.0.0.1, and an
 * IPv6 address is four such words (::1 is 00000000000000000000000001000000). Ports and the state
 * are hex too. There is no pid; `uid` and `inode` (0 for TIME_WAIT sockets, which own none) lead to
 * the owner. /proc/net/udp and /proc/net/raw share the layout; their header ends "ref pointer drops".
 * The kernel separates columns with spaces only, so the native `indexOf` finds where each ends.
 */
import { PROC_STATES } from "./state-names";
import { digitsValue, hexValue, indexIn, isDigit, skipBlanks, spaceAfter, trimEnd } from "./scan";
import type { LineResult, SocketRecord } from "./types";

/** This machine's TCP socket tables, as `--live` and Capture from This Machine read them. */
export const PROC_NET_TCP_TABLES: readonly string[] = ["/proc/net/tcp", "/proc/net/tcp6"];

export interface ProcContext {
  /** The last header was that of /proc/net/udp or /proc/net/raw: its rows are not TCP sockets. */
  procNonTcp: boolean;
}

/** The /proc header: "sl  local_address ...". */
export function isProcHeader(s: string, start: number, end: number): boolean {
  const a = skipBlanks(s, start, end);
  return s.startsWith("sl", a) && s.startsWith("local_address", skipBlanks(s, a + 2, end));
}

let epAddress = "";
let epPort = 0;
let epV6 = false;
/**
 * The last address decoded on one side of a row (words 0..3, -1 unused): most rows share their local address
 * with the row before, and many their remote one.
 */
class AddressMemo {
  private w0 = -1;
  private w1 = -1;
  private w2 = -1;
  private w3 = -1;
  private text = "";

  address(w0: number, w1: number, w2: number, w3: number, v6: boolean): string {
    if (w0 !== this.w0 || w1 !== this.w1 || w2 !== this.w2 || w3 !== this.w3) {
      this.w0 = w0;
      this.w1 = w1;
      this.w2 = w2;
      this.w3 = w3;
      this.text = v6 ? ipv6FromWords(w0, w1, w2, w3) : dottedLE(w0);
    }
    return this.text;
  }
}

const localMemo = new AddressMemo();
const remoteMemo = new AddressMemo();
const groups = [0, 0, 0, 0, 0, 0, 0, 0];

function readHexEndpoint(s: string, start: number, end: number, memo: AddressMemo): boolean {
  const colon = indexIn(s, 58, start, end);
  const len = colon - start;
  if ((len !== 8 && len !== 32) || end - colon !== 5) return false;
  const port = hexValue(s, colon + 1, end);
  const w0 = hexValue(s, start, start + 8);
  if (port < 0 || w0 < 0) return false;
  let w1 = -1;
  let w2 = -1;
  let w3 = -1;
  if (len === 32) {
    w1 = hexValue(s, start + 8, start + 16);
    w2 = hexValue(s, start + 16, start + 24);
    w3 = hexValue(s, start + 24, start + 32);
    if (w1 < 0 || w2 < 0 || w3 < 0) return false;
  }
  epPort = port;
  epV6 = len === 32;
  epAddress = memo.address(w0, w1, w2, w3, epV6);
  return true;
}

/** The IPv4 address whose bytes, in memory order, make the little-endian word `w`. */
function dottedLE(w: number): string {
  return `${w & 255}.${(w >>> 8) & 255}.${(w >>> 16) & 255}.${w >>> 24}`;
}

/** Text form as glibc's inet_ntop writes it (RFC 5952 compression, ::ffff:a.b.c.d kept dotted). */
function ipv6FromWords(...words: number[]): string {
  for (let k = 0; k < 4; k++) {
    const w = words[k] as number;
    groups[2 * k] = ((w & 255) << 8) | ((w >>> 8) & 255);
    groups[2 * k + 1] = (((w >>> 16) & 255) << 8) | (w >>> 24);
  }
  return formatV6(groups);
}

export function formatV6(g: readonly number[]): string {
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  // IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) addresses end in dotted form.
  if (bestBase === 0 && (bestLen === 6 || (bestLen === 5 && g[5] === 0xffff))) {
    const v4 = `${(g[6] as number) >> 8}.${(g[6] as number) & 255}.${(g[7] as number) >> 8}.${(g[7] as number) & 255}`;
    return bestLen === 6 ? `::${v4}` : `::ffff:${v4}`;
  }
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (i === bestBase) {
      out += "::";
      i += bestLen - 1;
      continue;
    }
    if (out.length > 0 && !out.endsWith(":")) out += ":";
    out += (g[i] as number).toString(16);
  }
  return out;
}

export function readProcLine(s: string, start: number, end: number, ctx: ProcContext): LineResult {
  const a = skipBlanks(s, start, end);
  if (a >= end) return "skip";
  if (!isDigit(s.charCodeAt(a))) {
    if (!isProcHeader(s, a, end)) return "unparsed";
    ctx.procNonTcp = /\bdrops\b/.test(s.slice(a, end));
    return "skip";
  }
  let i = a;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 58 || i >= end) return "unparsed"; // "12:"
  const la = skipBlanks(s, i + 1, end);
  const le = spaceAfter(s, la, end);
  const ra = skipBlanks(s, le, end);
  const re = spaceAfter(s, ra, end);
  const sa = skipBlanks(s, re, end);
  const se = spaceAfter(s, sa, end);
  if (ctx.procNonTcp) return se - sa === 2 ? "skip" : "unparsed";
  const code = se - sa === 2 ? hexValue(s, sa, se) : -1;
  const state = code >= 0 ? PROC_STATES[code] : undefined;
  if (state === undefined) return "unparsed";
  // tx_queue:rx_queue, tr:tm->when, retrnsmt, then the decimal uid, timeout and inode.
  const qa = skipBlanks(s, se, end);
  let t = spaceAfter(s, qa, end);
  if (t === qa) return "unparsed";
  // A listener's rx_queue is its accept queue (sk_ack_backlog in get_tcp4_sock / get_tcp6_sock).
  const queue = state === "LISTEN" && t - qa === 17 ? hexValue(s, qa + 9, t) : 0;
  for (let k = 0; k < 2; k++) {
    const ta = skipBlanks(s, t, end);
    t = spaceAfter(s, ta, end);
    if (t === ta) return "unparsed";
  }
  const ua = skipBlanks(s, t, end);
  const ue = spaceAfter(s, ua, end);
  const uid = digitsValue(s, ua, ue);
  const oa = skipBlanks(s, ue, end);
  const oe = spaceAfter(s, oa, end);
  const ia = skipBlanks(s, oe, end);
  const ie = spaceAfter(s, ia, end);
  const inode = digitsValue(s, ia, ie);
  if (uid < 0 || digitsValue(s, oa, oe) < 0 || inode < 0) return "unparsed";

  if (!readHexEndpoint(s, la, le, localMemo)) return "unparsed";
  const family = epV6 ? "ipv6" : "ipv4";
  const localAddress = epAddress;
  const localPort = epPort;
  // The remote side of a listening socket is all zeros: the tools print its port 0 as "*".
  if (!readHexEndpoint(s, ra, re, remoteMemo) || epV6 !== (family === "ipv6")) return "unparsed";
  const record: SocketRecord = {
    family,
    localAddress,
    localPort,
    remoteAddress: epAddress,
    remotePort: epPort === 0 ? null : epPort,
    state,
    format: "proc-net-tcp",
  };
  record.uid = uid;
  if (inode > 0) record.inode = inode;
  if (queue > 0) record.acceptQueue = queue;
  return record;
}

export function parseProcNetTcpLine(line: string, ctx: ProcContext = { procNonTcp: false }): LineResult {
  return readProcLine(line, 0, trimEnd(line, 0, line.length), ctx);
}
