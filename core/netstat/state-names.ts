/**
 * Every tool's spelling of a TCP state, mapped to the canonical Linux name. The per-line path
 * (`stateAt`) compares in place, without cutting the state out of the line.
 */
import { TCP_STATES, type TcpState } from "./types";

/** `ss` prints UNCONN for unconnected (UDP, raw) sockets: a line that is not a TCP socket. */
export const NOT_TCP = "not-tcp";
export type StateMatch = TcpState | typeof NOT_TCP;

/**
 * Most frequent spellings first: within a length, candidates are tried in this order.
 * Where each comes from:
 *  - net-tools and BusyBox netstat: `tcp_state[]` in netstat.c;
 *  - iproute2 ss: `sstate_name[]` in misc/ss.c;
 *  - macOS and FreeBSD netstat: `tcpstates[]` in netinet/tcp_fsm.h;
 *  - Windows netstat: its English state names (DELETE_TCB and BOUND are rare Windows-only states);
 *  - German Windows netstat: ABHÖREN, HERGESTELLT, WARTEND, SCHLIESSEN_WARTEN, SYN_GESENDET and
 *    SCHLIESSEND appear in published parsers built against real German output (Checkmk's Windows
 *    agent patterns, the systeminformation npm package); FIN_WARTEN_2 in a Checkmk plugin script;
 *    FIN_WARTEN_1 is its pair. French and Spanish Windows translate only the headers (captures of
 *    `netstat -an` on both show LISTENING, ESTABLISHED, TIME_WAIT in English), so they add nothing.
 *    Italian, Portuguese and Russian are left out: no trustworthy capture was found.
 *  - localized net-tools on Linux: de.po translates ESTABLISHED as VERBUNDEN; Spanish systems print
 *    ESCUCHAR and ESTABLECIDO (seen in real `netstat -tunap` captures).
 */
const SPELLINGS: readonly (readonly [string, StateMatch])[] = [
  ["ESTABLISHED", "ESTABLISHED"],
  ["TIME_WAIT", "TIME_WAIT"],
  ["LISTEN", "LISTEN"],
  ["CLOSE_WAIT", "CLOSE_WAIT"],
  ["ESTAB", "ESTABLISHED"],
  ["TIME-WAIT", "TIME_WAIT"],
  ["CLOSE-WAIT", "CLOSE_WAIT"],
  ["LISTENING", "LISTEN"],
  ["SYN_SENT", "SYN_SENT"],
  ["SYN_RECV", "SYN_RECV"],
  ["FIN_WAIT1", "FIN_WAIT1"],
  ["FIN_WAIT2", "FIN_WAIT2"],
  ["CLOSE", "CLOSE"],
  ["LAST_ACK", "LAST_ACK"],
  ["CLOSING", "CLOSING"],
  ["UNKNOWN", "UNKNOWN"],
  ["SYN-SENT", "SYN_SENT"],
  ["SYN-RECV", "SYN_RECV"],
  ["FIN-WAIT-1", "FIN_WAIT1"],
  ["FIN-WAIT-2", "FIN_WAIT2"],
  ["LAST-ACK", "LAST_ACK"],
  ["UNCONN", NOT_TCP],
  ["CLOSED", "CLOSE"],
  ["SYN_RCVD", "SYN_RECV"],
  ["FIN_WAIT_1", "FIN_WAIT1"],
  ["FIN_WAIT_2", "FIN_WAIT2"],
  ["SYN_RECEIVED", "SYN_RECV"],
  ["DELETE_TCB", "CLOSE"],
  ["BOUND", "CLOSE"],
  // Spellings people type in scripts and advice.
  ["TIMEWAIT", "TIME_WAIT"],
  ["CLOSEWAIT", "CLOSE_WAIT"],
  ["FIN-WAIT1", "FIN_WAIT1"],
  ["FIN-WAIT2", "FIN_WAIT2"],
  ["NEW_SYN_RECV", "SYN_RECV"],
  ["SYN-RCVD", "SYN_RECV"],
  // German Windows.
  ["ABHÖREN", "LISTEN"],
  ["HERGESTELLT", "ESTABLISHED"],
  ["WARTEND", "TIME_WAIT"],
  ["SCHLIESSEN_WARTEN", "CLOSE_WAIT"],
  ["SYN_GESENDET", "SYN_SENT"],
  ["FIN_WARTEN_1", "FIN_WAIT1"],
  ["FIN_WARTEN_2", "FIN_WAIT2"],
  ["SCHLIESSEND", "CLOSING"],
  // Localized net-tools.
  ["VERBUNDEN", "ESTABLISHED"],
  ["ESCUCHAR", "LISTEN"],
  ["ESTABLECIDO", "ESTABLISHED"],
];

const BY_NAME = new Map<string, StateMatch>(SPELLINGS);

/**
 * Spellings hashed on length and three of their characters, so the per-line check is one array
 * read and a character comparison, not a string search.
 */
const BUCKETS: (readonly [string, StateMatch])[][] = [];

function bucketOf(len: number, first: number, middle: number, last: number): number {
  return (len * 131 + first * 31 + middle * 17 + last * 7) & 1023;
}

for (const [name, state] of BY_NAME) {
  const h = bucketOf(name.length, name.charCodeAt(0), name.charCodeAt(name.length >> 1), name.charCodeAt(name.length - 1));
  (BUCKETS[h] ??= []).push([name, state]);
}

/**
 * Any spelling, any case, surrounding white space ignored. `undefined` for words that are no state.
 * cmd.exe writes the Ö of ABHÖREN in code page 850 (byte 0x99); read as Windows-1252, Latin-1 or
 * UTF-8 it becomes ™, U+0099 or U+FFFD, so ABH?REN with any middle letter is accepted.
 */
export function canonicalState(name: string): StateMatch | undefined {
  const upper = name.trim().toUpperCase();
  const found = BY_NAME.get(upper);
  if (found !== undefined) return found;
  if (upper.length === 7 && upper.startsWith("ABH") && upper.endsWith("REN")) return "LISTEN";
  return undefined;
}

/** The state spelled in `s` between `start` and `end`, compared in place when the spelling is exact. */
export function stateAt(s: string, start: number, end: number): StateMatch | undefined {
  const len = end - start;
  if (len <= 0 || len > 24) return undefined;
  const bucket = BUCKETS[bucketOf(len, s.charCodeAt(start), s.charCodeAt(start + (len >> 1)), s.charCodeAt(end - 1))];
  if (bucket !== undefined) {
    for (let b = 0; b < bucket.length; b++) {
      const entry = bucket[b] as readonly [string, StateMatch];
      const name = entry[0];
      if (name.length !== len) continue;
      let i = 0;
      while (i < len && name.charCodeAt(i) === s.charCodeAt(start + i)) i++;
      if (i === len) return entry[1];
    }
  }
  // Lower case, mojibake: rare, so cutting the word out here costs nothing overall.
  return canonicalState(s.slice(start, end));
}

/**
 * /proc/net/tcp `st` codes (include/net/tcp_states.h). 0x0C is NEW_SYN_RECV, the request socket of
 * a half-open connection: users know it as SYN_RECV. Codes beyond 0x0C are not listed there.
 */
export const PROC_STATES: readonly (TcpState | undefined)[] = [undefined, ...TCP_STATES.slice(0, 11), "SYN_RECV"];

/** The state words of `ss ... state WORD` (ss(8), `scan_state` in misc/ss.c) that select one state. */
const SS_FILTER_STATES = new Map<string, TcpState>([
  ["established", "ESTABLISHED"],
  ["syn-sent", "SYN_SENT"],
  ["syn-recv", "SYN_RECV"],
  ["syn-rcv", "SYN_RECV"],
  ["fin-wait-1", "FIN_WAIT1"],
  ["fin-wait-2", "FIN_WAIT2"],
  ["time-wait", "TIME_WAIT"],
  ["closed", "CLOSE"],
  ["close", "CLOSE"],
  ["unconnected", "CLOSE"],
  ["close-wait", "CLOSE_WAIT"],
  ["last-ack", "LAST_ACK"],
  ["listening", "LISTEN"],
  ["listen", "LISTEN"],
  ["closing", "CLOSING"],
]);

/** The single state an `ss state WORD` filter selects; `undefined` for groups such as `connected`. */
export function ssFilterState(word: string): TcpState | undefined {
  return SS_FILTER_STATES.get(word.toLowerCase());
}
