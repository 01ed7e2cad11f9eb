/**
 * macOS and FreeBSD `netstat -an` / `netstat -an -p tcp` (OpenBSD's is alike):
 *
 *     Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
 *     tcp4       0      0  192.168.1.20.52144     140.82.112.25.443      ESTABLISHED
 *     tcp6       0      0  fe80::1%lo0.631        *.*                    LISTEN
 *     tcp46      0      0  *.80                   *.*                    LISTEN
 *
 * The port follows the LAST dot (`*` for none), so `*.*` is no address and no port. tcp4 and tcp6
 * name the family; tcp46 is an IPv6 socket that also takes IPv4; OpenBSD prints plain "tcp"/"tcp6".
 * States are spelled SYN_RCVD, FIN_WAIT_1, FIN_WAIT_2, CLOSED. macOS `-v` adds columns after the
 * state, which are ignored. An unbound socket (`*.*  *.*  CLOSED`) gets local port 0.
 *
 * macOS `-A` puts two hexadecimal columns before Proto (network_cmds netstat.tproj/inet.c: "%16lx " the
 * socket's protocol control block, "%8x " its flow hash, so a short hash is right-aligned after spaces):
 *
 *     Socket           Flowhash Proto Recv-Q Send-Q  Local Address      Foreign Address    (state)
 *     f3a111b4e88c2b57 825843c1 tcp4       0      0  127.0.0.1.58665    127.0.0.1.58666    ESTABLISHED
 */
import { NOT_TCP, stateAt } from "./state-names";
import { digitsValue, lastIndexIn, lowerV6, skipBlanks, tokenEnd, trimEnd } from "./scan";
import { PORT_BAD, PORT_STAR, portAt } from "./services";
import type { LineResult, SocketRecord } from "./types";

const TCP_PROTOCOLS = new Map<string, "ipv4" | "ipv6" | undefined>([
  ["tcp4", "ipv4"],
  ["tcp6", "ipv6"],
  ["tcp46", "ipv6"],
  ["tcp", undefined],
]);

/** Other protocols of the same listing: udp4, udp6, udp46, icm6, ip6, ... */
const OTHER = /^(?:udp|icm|ip|raw|div|sctp|mptcp)\w*$/;

/** Whether `[a, e)` is 1 to `max` hexadecimal digits. */
function isHex(s: string, a: number, e: number, max: number): boolean {
  if (e <= a || e - a > max) return false;
  for (let i = a; i < e; i++) {
    const c = s.charCodeAt(i) | 32;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * Where Proto starts on a `netstat -A` row whose Socket and Flowhash columns start at `a` (the protocol after
 * them being a BSD one); `a` on any other line.
 */
export function pcbColumns(s: string, a: number, end: number): number {
  const ae = tokenEnd(s, a, end);
  if (!isHex(s, a, ae, 16)) return a;
  const h = skipBlanks(s, ae, end);
  const he = tokenEnd(s, h, end);
  if (!isHex(s, h, he, 8)) return a;
  const p = skipBlanks(s, he, end);
  const pe = tokenEnd(s, p, end);
  const proto = pe - p <= 5 ? s.slice(p, pe) : "";
  return TCP_PROTOCOLS.has(proto) || OTHER.test(proto) ? p : a;
}

export function readBsdLine(s: string, start: number, end: number): LineResult {
  const p = pcbColumns(s, skipBlanks(s, start, end), end);
  const pe = tokenEnd(s, p, end);
  const proto = pe - p <= 5 ? s.slice(p, pe) : "";
  if (!TCP_PROTOCOLS.has(proto)) {
    if (OTHER.test(proto)) return "skip";
    if ((s.startsWith("Proto", p) || s.startsWith("Socket", p)) && s.slice(pe, end).includes("(state)")) return "skip";
    return "unparsed";
  }
  const qa = skipBlanks(s, pe, end);
  const qe = tokenEnd(s, qa, end);
  const sa = skipBlanks(s, qe, end);
  const se = tokenEnd(s, sa, end);
  if (digitsValue(s, qa, qe) < 0 || digitsValue(s, sa, se) < 0) return "unparsed";
  const la = skipBlanks(s, se, end);
  const le = tokenEnd(s, la, end);
  const ra = skipBlanks(s, le, end);
  const re = tokenEnd(s, ra, end);
  const ta = skipBlanks(s, re, end);
  const state = stateAt(s, ta, tokenEnd(s, ta, end));
  if (state === undefined || state === NOT_TCP) return "unparsed";

  const ld = lastIndexIn(s, 46, la, le);
  const rd = lastIndexIn(s, 46, ra, re);
  if (ld <= la || rd <= ra) return "unparsed";
  const localPort = portAt(s, ld + 1, le);
  const remotePort = portAt(s, rd + 1, re);
  if (localPort === PORT_BAD || remotePort === PORT_BAD) return "unparsed";
  const localAddress = s.slice(la, ld);
  const remoteAddress = s.slice(ra, rd);
  const family = TCP_PROTOCOLS.get(proto) ?? (localAddress.includes(":") || remoteAddress.includes(":") ? "ipv6" : "ipv4");
  const record: SocketRecord = {
    family,
    localAddress: family === "ipv6" ? lowerV6(localAddress) : localAddress,
    localPort: localPort === PORT_STAR ? 0 : localPort,
    remoteAddress: family === "ipv6" ? lowerV6(remoteAddress) : remoteAddress,
    remotePort: remotePort === PORT_STAR ? null : remotePort,
    state,
    format: "bsd-netstat",
  };
  return record;
}

export function parseBsdNetstatLine(line: string): LineResult {
  return readBsdLine(line, 0, trimEnd(line, 0, line.length));
}
