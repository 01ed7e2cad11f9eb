/**
 * net-tools `netstat` on Linux (`-n -a -t -p -o -e -W`): rows
 *
 *     tcp        0      0 127.0.0.1:47311         127.0.0.1:46350         CLOSE_WAIT  31064/node           off (0.00/0/0)
 *     tcp6       0      0 ::1:47311               :::*                    LISTEN      -
 *
 * Proto, Recv-Q, Send-Q, local and foreign `address:port` (port after the last colon, `*` for none),
 * the state, then optional columns: `-e` User and Inode, `-p` "PID/Program name" (the name may hold
 * spaces: "1234/nginx: master"), `-o` a timer such as "timewait (59.21/0/0)" at the very end.
 * BusyBox prints the same columns, which is why its parser is this one with another name.
 */
import { NOT_TCP, stateAt } from "./state-names";
import { digitsValue, found, indexIn, isBlank, isDigit, lastIndexIn, skipBlanks, SPACE, spaceAfter, tokenEnd, trimEnd } from "./scan";
import { endpointPort, PORT_BAD, PORT_STAR } from "./services";
import type { LineResult, SocketRecord } from "./types";

/** Rows of these protocols are sockets, just not TCP ones. */
const OTHER_PROTOCOLS = new Set(["udp", "udp6", "udpl", "udpl6", "raw", "raw6", "unix", "sctp", "sctp6"]);

/**
 * A netstat column header: "Proto Recv-Q Send-Q Local Address Foreign Address State", translated
 * on some systems ("Adresse locale", Spanish "Proto  Recib Enviad Dirección local").
 */
export function isNetstatHeader(s: string, start: number, end: number): boolean {
  if (!s.startsWith("Proto", start)) return false;
  const text = s.slice(start, end);
  return /\b(?:Recv-Q|Send-Q|Recib|Enviad)\b/.test(text) && /Address|Adresse|Direcci/.test(text) && !text.includes("(state)");
}

/**
 * One netstat line between `start` and `end` of `s`. `format` names the records: BusyBox output
 * is read by the same code. A "tcp" (not "tcp6") row with an IPv6 address can only come from
 * BusyBox, which labels both families "tcp", so such a record is named busybox-netstat.
 */
export function readNetstatLine(s: string, start: number, end: number, format: "linux-netstat" | "busybox-netstat"): LineResult {
  const p = skipBlanks(s, start, end);
  // "tcp" or "tcp6", checked by character codes: this runs for every line.
  const c3 = s.charCodeAt(p + 3);
  const plen = isBlank(c3) ? 3 : c3 === 54 && isBlank(s.charCodeAt(p + 4)) ? 4 : 0;
  if (plen === 0 || s.charCodeAt(p) !== 116 || s.charCodeAt(p + 1) !== 99 || s.charCodeAt(p + 2) !== 112 || p + plen >= end) {
    return otherLine(s, p, tokenEnd(s, p, end), end);
  }
  const pe = p + plen;
  let la: number, le: number, ra: number, re: number, ta: number, te: number;
  if (p === start && end - start > 48 && s.charCodeAt(start + 19) === SPACE && s.charCodeAt(start + 20) !== SPACE && isDigit(s.charCodeAt(start + 18)) && isDigit(s.charCodeAt(start + 11))) {
    // Both tools print "%-4s  %6ld %6ld %-23s %-23s": while the queues fit in 6 digits the local
    // address starts at column 20, and an address of at most 23 characters is padded to 23, so
    // the columns can be jumped to instead of scanned.
    la = start + 20;
    le = spaceAfter(s, la, end);
    ra = le - la <= 23 && s.charCodeAt(start + 43) === SPACE && s.charCodeAt(start + 44) !== SPACE ? start + 44 : skipBlanks(s, le, end);
    re = spaceAfter(s, ra, end);
    ta = re - ra <= 23 && ra + 24 < end && s.charCodeAt(ra + 23) === SPACE && s.charCodeAt(ra + 24) !== SPACE ? ra + 24 : skipBlanks(s, re, end);
    te = spaceAfter(s, ta, end);
  } else {
    const qa = skipBlanks(s, pe, end);
    const qe = tokenEnd(s, qa, end);
    if (digitsValue(s, qa, qe) < 0) return "unparsed";
    const sa = skipBlanks(s, qe, end);
    const se = tokenEnd(s, sa, end);
    if (digitsValue(s, sa, se) < 0) return "unparsed";
    la = skipBlanks(s, se, end);
    le = tokenEnd(s, la, end);
    ra = skipBlanks(s, le, end);
    re = tokenEnd(s, ra, end);
    ta = skipBlanks(s, re, end);
    te = tokenEnd(s, ta, end);
  }
  if (ta >= end) return "unparsed";
  const state = stateAt(s, ta, te);
  if (state === undefined || state === NOT_TCP) return "unparsed";

  // The port follows the last colon.
  const localPort = endpointPort(s, la, le);
  const lc = found.colon;
  if (localPort < 0) return "unparsed";
  const remotePort = endpointPort(s, ra, re);
  const rc = found.colon;
  if (remotePort === PORT_BAD) return "unparsed";

  const v6address = plen === 3 && s.indexOf(":", la) < lc;
  const record: SocketRecord = {
    family: plen === 4 || v6address ? "ipv6" : "ipv4",
    localAddress: s.slice(la, lc),
    localPort,
    remoteAddress: s.slice(ra, rc),
    remotePort: remotePort === PORT_STAR ? null : remotePort,
    state,
    format: plen === 3 && v6address ? "busybox-netstat" : format,
  };
  if (state === "LISTEN") {
    // A listener's Recv-Q is its accept queue (its Send-Q is not the backlog: see SocketRecord.backlog).
    const qa = skipBlanks(s, pe, end);
    const queue = digitsValue(s, qa, tokenEnd(s, qa, end));
    if (queue > 0) record.acceptQueue = queue;
  }
  if (te < end) readTail(s, te, end, record);
  return record;
}

export function parseLinuxNetstatLine(line: string): LineResult {
  return readNetstatLine(line, 0, trimEnd(line, 0, line.length), "linux-netstat");
}

function otherLine(s: string, p: number, pe: number, end: number): LineResult {
  if (pe - p <= 6 && OTHER_PROTOCOLS.has(s.slice(p, pe))) return "skip";
  if (isNetstatHeader(s, p, end)) return "skip";
  return "unparsed";
}

/** The columns after the state: `[User Inode] [PID/Program name] [timer]`, each optional. */
function readTail(s: string, from: number, end: number, r: SocketRecord): void {
  const a = skipBlanks(s, from, end);
  let e = end;
  if (a >= e) return;
  // -o: "keepalive (7170.12/0/0)" ends the line.
  if (s.charCodeAt(e - 1) === 41) {
    const open = lastIndexIn(s, 40, a, e);
    // Only a timer has "(seconds/retries/probes)": a program name may end in ")" too.
    if (open > a && digitsValue(s, open + 1, open + 2) >= 0 && indexIn(s, 47, open, e) !== -1) {
      let w = open;
      while (w > a && isBlank(s.charCodeAt(w - 1))) w--;
      while (w > a && !isBlank(s.charCodeAt(w - 1))) w--;
      r.timer = s.slice(w, e);
      e = w;
    }
  }
  while (e > a && isBlank(s.charCodeAt(e - 1))) e--;
  if (a >= e) return;
  let prog = a;
  const t1 = tokenEnd(s, a, e);
  if (indexIn(s, 47, a, t1) === -1 && !(t1 - a === 1 && s.charCodeAt(a) === 45)) {
    // -e: User (a name or a uid) and Inode come first.
    const b = skipBlanks(s, t1, e);
    const t2 = tokenEnd(s, b, e);
    const inode = digitsValue(s, b, t2);
    if (inode < 0) return;
    const uid = digitsValue(s, a, t1);
    if (uid >= 0) r.uid = uid;
    r.inode = inode;
    prog = skipBlanks(s, t2, e);
    if (prog >= e) return;
  }
  // -p: "1234/name", or "-" when the owner is unknown.
  const slash = indexIn(s, 47, prog, e);
  if (slash <= prog) return;
  const pid = digitsValue(s, prog, slash);
  if (pid < 0) return;
  r.pid = pid;
  const name = skipBlanks(s, slash + 1, e);
  if (name < e) r.process = s.slice(name, e);
}
