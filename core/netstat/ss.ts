/**
 * iproute2 `ss` (`-tan`, `-tanp`, `-tano`, `-e`, `-i`, `-m`, with or without `-n`): rows
 *
 *     [Netid] [State] Recv-Q Send-Q Local-Address:Port Peer-Address:Port [Process / extras]
 *     ESTAB      0      0          127.0.0.1:47311    127.0.0.1:45704 users:(("node",pid=1259,fd=252))
 *     tcp   LISTEN 0      4096         [::]:22            [::]:*
 *     0      0          127.0.0.1:45042    127.0.0.1:47311      (ss -tan state time-wait: no State)
 *
 * The Netid column appears when several socket types are listed (`ss -an`); the State column
 * disappears when a `state` filter selects a single state. Each row says which columns it has, so
 * no header is needed: a first token that is a state, a netid or a number tells. Addresses are
 * `a.b.c.d:port`, `[v6]:port`, `*:port` (an IPv6 socket that also takes IPv4), with an interface
 * after `%` (`127.0.0.53%lo:53`, `[fe80::1]%eth0:22`). Lines of `-i`, `-m` and multi-line `-e`
 * start with a tab and continue the row above. `ss -s` prints a summary, not sockets. Columns are
 * separated by spaces only, which lets the native `indexOf` find where each ends.
 */
import { NOT_TCP, stateAt } from "./state-names";
import { digitsValue, found, isDigit, lastIndexIn, lowerV6, skipBlanks, spaceAfter, tokenEnd, trimEnd } from "./scan";
import { endpointPort, PORT_BAD, PORT_STAR } from "./services";
import type { LineResult, SocketRecord, TcpState } from "./types";

/** Netids (`ss -A` names, as printed; "???" for an unknown one). Only tcp rows are TCP sockets; mptcp has its own table. */
export const NETIDS = new Set(["tcp", "udp", "raw", "u_str", "u_dgr", "u_seq", "nl", "p_raw", "p_dgr", "mptcp", "sctp", "tipc", "v_str", "v_dgr", "xdp", "dccp", "???"]);

/** First words of `ss -s` lines ("Total: 283", "TCP:   336 (estab 199, ...)", "TCP\t  269  202  67"). */
const SUMMARY_WORDS = new Set(["Total:", "TCP:", "Transport", "RAW", "UDP", "TCP", "INET", "FRAG"]);

// The endpoint just read by readEndpoint: kept here so reading one allocates only its address.
let epAddress = "";
let epPort = 0;
let epV6 = false;

/**
 * Reads `[start, end)` as an ss endpoint into epAddress/epPort/epV6. False when it is not one.
 */
function readEndpoint(s: string, start: number, end: number): boolean {
  const port = endpointPort(s, start, end);
  const colon = found.colon;
  if (port === PORT_BAD) return false;
  epPort = port;
  if (s.charCodeAt(start) === 91) {
    // [v6]:port or [v6]%zone:port
    const close = lastIndexIn(s, 93, start, colon);
    if (close <= start) return false;
    const inner = lowerV6(s.slice(start + 1, close));
    epAddress = close + 1 < colon ? inner + s.slice(close + 1, colon) : inner;
    epV6 = true;
    return true;
  }
  epAddress = s.slice(start, colon);
  // "*" is an IPv6 socket without IPV6_V6ONLY: it takes both families.
  epV6 = s.indexOf(":", start) < colon || (colon - start === 1 && s.charCodeAt(start) === 42);
  if (epV6) epAddress = lowerV6(epAddress);
  return true;
}

/**
 * One ss line. `filterState` is what rows without a State column are in: UNKNOWN, unless the paste
 * showed the `ss ... state X` command that printed them.
 */
export function readSsLine(s: string, start: number, end: number, filterState: TcpState): LineResult {
  if (start < end && s.charCodeAt(start) === 9) return "skip"; // -i / -m / -e continuation
  let a = skipBlanks(s, start, end);
  if (a >= end) return "skip";
  let b = tokenEnd(s, a, end); // "TCP\t  269 ..." in ss -s: the first word may end in a tab
  let state: TcpState = filterState;
  let stated = false;
  let netid = false;
  if (!isDigit(s.charCodeAt(a))) {
    let m = stateAt(s, a, b);
    if (m === undefined) {
      if (b - a > 5 || !NETIDS.has(s.slice(a, b))) return otherLine(s, a, b, end);
      if (b - a !== 3 || !s.startsWith("tcp", a)) return "skip";
      netid = true;
      a = skipBlanks(s, b, end);
      b = spaceAfter(s, a, end);
      if (a >= end) return "unparsed";
      if (!isDigit(s.charCodeAt(a))) {
        m = stateAt(s, a, b);
        if (m === undefined) return "unparsed";
        // A tcp socket in CLOSE shows as UNCONN, the name ss gives every unconnected socket.
        state = m === NOT_TCP ? "CLOSE" : m;
        stated = true;
        a = skipBlanks(s, b, end);
        b = spaceAfter(s, a, end);
      }
    } else if (m === NOT_TCP) {
      return "skip";
    } else {
      state = m;
      stated = true;
      a = skipBlanks(s, b, end);
      b = spaceAfter(s, a, end);
    }
  }
  const recvQ = digitsValue(s, a, b);
  if (recvQ < 0) return "unparsed";
  a = skipBlanks(s, b, end);
  b = spaceAfter(s, a, end);
  const sendQ = digitsValue(s, a, b);
  if (sendQ < 0) return "unparsed";
  const la = skipBlanks(s, b, end);
  const le = spaceAfter(s, la, end);
  const pa = skipBlanks(s, le, end);
  const pe = spaceAfter(s, pa, end);
  if (!readEndpoint(s, la, le) || epPort === PORT_STAR) return "unparsed";
  const family = epV6 ? "ipv6" : "ipv4";
  const localAddress = epAddress;
  const localPort = epPort;
  if (!readEndpoint(s, pa, pe)) return "unparsed";
  const rest = skipBlanks(s, pe, end);
  // "tcp 0 0 a:b c:d LISTEN" is a netstat row, not a state-less ss row.
  if (netid && !stated && rest < end && stateAt(s, rest, spaceAfter(s, rest, end)) !== undefined) return "unparsed";
  const record: SocketRecord = {
    family,
    localAddress,
    localPort,
    remoteAddress: epAddress,
    remotePort: epPort === PORT_STAR ? null : epPort,
    state,
    format: "ss",
  };
  // A listener's Recv-Q is its accept queue, its Send-Q the queue's limit (tcp_diag_get_info).
  if (state === "LISTEN" && recvQ > 0) {
    record.acceptQueue = recvQ;
    record.backlog = sendQ;
  }
  if (rest < end) readExtras(s.slice(rest, end), record);
  return record;
}

export function parseSsLine(line: string, filterState: TcpState = "UNKNOWN"): LineResult {
  return readSsLine(line, 0, trimEnd(line, 0, line.length), filterState);
}

/** Headers ("State Recv-Q ...", "Netid State ...", "Recv-Q Send-Q ..." when filtered) and `ss -s`. */
function otherLine(s: string, a: number, b: number, end: number): LineResult {
  const word = s.slice(a, b);
  if (word === "State" || word === "Netid" || word === "Recv-Q") return /Recv-Q|Local/.test(s.slice(b, end)) ? "skip" : "unparsed";
  if (SUMMARY_WORDS.has(word)) {
    const next = skipBlanks(s, b, end);
    if (word === "Transport" || next >= end || isDigit(s.charCodeAt(next))) return "skip";
  }
  return "unparsed";
}

/** `users:(("nginx",pid=1234,fd=6),...)`, `timer:(timewait,58sec,0)`, `uid:1000 ino:12345 ...`. */
function readExtras(rest: string, r: SocketRecord): void {
  const users = rest.indexOf('users:(("');
  if (users !== -1) {
    const nameEnd = rest.indexOf('"', users + 9);
    if (nameEnd !== -1) r.process = rest.slice(users + 9, nameEnd);
    const pid = rest.indexOf("pid=", users);
    if (pid !== -1) {
      const v = digitsAt(rest, pid + 4);
      if (v >= 0) r.pid = v;
    }
  }
  const timer = rest.indexOf("timer:(");
  if (timer !== -1) {
    const close = rest.indexOf(")", timer);
    if (close !== -1) r.timer = rest.slice(timer + 7, close);
  }
  const uid = field(rest, "uid:");
  if (uid >= 0) r.uid = uid;
  const ino = field(rest, "ino:");
  if (ino >= 0) r.inode = ino;
}

/** The number after `name` where `name` starts a word of `rest`, or -1. */
function field(rest: string, name: string): number {
  let at = rest.indexOf(name);
  while (at > 0 && rest.charCodeAt(at - 1) !== 32) at = rest.indexOf(name, at + 1);
  return at === -1 ? -1 : digitsAt(rest, at + name.length);
}

/** The value of the digits starting at `from`, or -1 when there are none. */
function digitsAt(rest: string, from: number): number {
  let e = from;
  while (e < rest.length && isDigit(rest.charCodeAt(e))) e++;
  return digitsValue(rest, from, e);
}
