/**
 * Windows `netstat -an`, `-ano`, `-anob`, in any display language:
 *
 *     Active Connections
 *
 *       Proto  Local Address          Foreign Address        State           PID
 *       TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1056
 *       RpcSs
 *      [svchost.exe]
 *       TCP    [fe80::1%4]:139        [::]:0                 LISTENING       4
 *      Can not obtain ownership information
 *       UDP    0.0.0.0:123            *:*                                    1234
 *
 * IPv6 addresses are bracketed, a listening socket's peer is `0.0.0.0:0` (port 0 as written), the
 * PID column comes with `-o`. With `-b` the owning program follows its row on lines of its own: a
 * service name, then "[program.exe]", or "Can not obtain ownership information"; the reader sets
 * `owner` and the stream gives it to the record above.
 *
 * `-t` adds the offload state after the state, under "Offload State": netstat.exe's message table
 * formats such rows "  %1!-5s!  %2!-21s!  %3!-21s!  %4!-12s!    %5!-12s!", and with `-o`
 * "...%4!-12s!    %5!u!\t%6!-12s!" (the PID, a tab, then the offload state), the offload state being
 * one of InHost, Offloading, Offloaded, Uploading (TCP_CONNECTION_OFFLOAD_STATE).
 *
 * Titles and headers are translated. German Windows prints "Aktive Verbindungen", "Proto  Lokale
 * Adresse  Remoteadresse  Status" and translates the states too (ABHÖREN). Captures from French,
 * Spanish, Italian, Russian and Chinese Windows translate only the title and the header (Russian's
 * starts "Имя", Chinese's "协议"); their states are the English ones.
 */
import { NOT_TCP, stateAt } from "./state-names";
import { digitsValue, found, indexIn, isBlank, lowerV6, skipBlanks, tokenEnd, trimEnd } from "./scan";
import { endpointPort, PORT_BAD, PORT_STAR } from "./services";
import type { LineResult, SocketRecord } from "./types";

export interface WindowsContext {
  /** The program named by the last "[name.exe]" line, for the stream to give to the record above. */
  owner: string | undefined;
  /** The last row was not TCP (UDP): program lines after it belong to no TCP record. */
  afterNonTcpRow: boolean;
}

/** The title above the table, in the languages whose output we have seen. */
export const WINDOWS_TITLES: readonly string[] = ["Active Connections", "Aktive Verbindungen", "Connexions actives", "Conexiones activas", "Connessioni attive", "Активные подключения"];
const TITLES = new Set(WINDOWS_TITLES);

/** The first column's header where it is not "Proto": Russian ("Имя") and Chinese ("协议") Windows. */
const PROTO_HEADERS = new Set(["Proto", "Proto.", "Имя", "协议"]);

/** `-t`'s offload states (TCP_CONNECTION_OFFLOAD_STATE), as netstat.exe prints them in every language. */
const OFFLOAD_STATES = new Set(["InHost", "Offloading", "Offloaded", "Uploading"]);

/** Whether `[a, end)` is a column header: a first column of the header's names, and no colon (rows have addresses). */
export function isWindowsHeader(s: string, a: number, end: number): boolean {
  return PROTO_HEADERS.has(s.slice(a, tokenEnd(s, a, end))) && indexIn(s, 58, a, end) === -1 && !/Recv-Q|Send-Q|\(state\)/.test(s.slice(a, end));
}

let epAddress = "";
let epPort = 0;
let epV6 = false;

function readEndpoint(s: string, start: number, end: number): boolean {
  const port = endpointPort(s, start, end);
  const colon = found.colon;
  if (port === PORT_BAD) return false;
  epPort = port;
  if (s.charCodeAt(start) === 91) {
    if (s.charCodeAt(colon - 1) !== 93) return false;
    epAddress = lowerV6(s.slice(start + 1, colon - 1));
    epV6 = true;
  } else {
    epAddress = s.slice(start, colon);
    epV6 = false;
  }
  return true;
}

export function readWindowsLine(s: string, start: number, end: number, ctx: WindowsContext): LineResult {
  const a = skipBlanks(s, start, end);
  if (a >= end) return "skip";
  const te = tokenEnd(s, a, end);
  const plen = te - a;
  if ((plen === 3 || plen === 5) && s.startsWith("TCP", a) && (plen === 3 || s.startsWith("v6", a + 3))) return readRow(s, te, end, ctx);
  if ((plen === 3 || plen === 5) && s.startsWith("UDP", a)) {
    ctx.afterNonTcpRow = true;
    return "skip";
  }
  if (s.charCodeAt(a) === 91 && s.charCodeAt(end - 1) === 93 && end - a > 2) {
    ctx.owner = s.slice(a + 1, end - 1);
    return "skip";
  }
  if (plen <= 6 && PROTO_HEADERS.has(s.slice(a, te))) return isWindowsHeader(s, a, end) ? "skip" : "unparsed";
  // -b lines without an address: service names, "Can not obtain ownership information" (translated
  // on other languages), "-- unknown component(s) --". They are indented; rows are not.
  if ((a > start && indexIn(s, 58, a, end) === -1) || s.startsWith("Can not obtain ownership", a)) return "skip";
  if (TITLES.has(s.slice(a, end))) return "skip";
  return "unparsed";
}

function readRow(s: string, from: number, end: number, ctx: WindowsContext): LineResult {
  const la = skipBlanks(s, from, end);
  const le = tokenEnd(s, la, end);
  const fa = skipBlanks(s, le, end);
  const fe = tokenEnd(s, fa, end);
  const xa = skipBlanks(s, fe, end);
  if (xa >= end) return "unparsed";
  // -t: the offload state ends the row.
  let last = lastToken(s, xa, end);
  if (last > xa && OFFLOAD_STATES.has(s.slice(last, end))) {
    end = last;
    while (end > xa && isBlank(s.charCodeAt(end - 1))) end--;
    last = lastToken(s, xa, end);
  }
  // The PID is the last column when -o is given; the state before it may be more than one word.
  const pid = last > xa ? digitsValue(s, last, end) : -1;
  let stateEnd = end;
  if (pid >= 0) {
    stateEnd = last;
    while (stateEnd > xa && isBlank(s.charCodeAt(stateEnd - 1))) stateEnd--;
  }
  const state = stateAt(s, xa, stateEnd);
  if (state === undefined || state === NOT_TCP) return "unparsed";
  if (!readEndpoint(s, la, le) || epPort === PORT_STAR) return "unparsed";
  const family = epV6 ? "ipv6" : "ipv4";
  const localAddress = epAddress;
  const localPort = epPort;
  if (!readEndpoint(s, fa, fe)) return "unparsed";
  const record: SocketRecord = {
    family,
    localAddress,
    localPort,
    remoteAddress: epAddress,
    remotePort: epPort === PORT_STAR ? null : epPort,
    state,
    format: "windows-netstat",
  };
  if (pid >= 0) record.pid = pid;
  ctx.afterNonTcpRow = false;
  return record;
}

/** Where the last token of `[from, end)` starts. */
function lastToken(s: string, from: number, end: number): number {
  let i = end;
  while (i > from && !isBlank(s.charCodeAt(i - 1))) i--;
  return i;
}

export function parseWindowsNetstatLine(line: string, ctx: WindowsContext = { owner: undefined, afterNonTcpRow: false }): LineResult {
  return readWindowsLine(line, 0, trimEnd(line, 0, line.length), ctx);
}
