/**
 * Connection-tracking listings: `conntrack -L` (conntrack-tools) and /proc/net/nf_conntrack, whose lines are
 * `conntrack -L -o extended`'s (the same with the layer-3 protocol in front):
 *
 *     tcp      6 117 TIME_WAIT src=10.0.0.1 dst=10.0.0.2 sport=39830 dport=80 src=10.0.0.2 dst=10.0.0.1 sport=80 dport=39830 [ASSURED] mark=0 use=1
 *     ipv4     2 udp      17 29 src=10.0.0.1 dst=10.0.0.53 sport=5353 dport=53 [UNREPLIED] src=10.0.0.53 ...
 *
 * protocol name and number, seconds left, the TCP state (TCP, SCTP, DCCP), then the original direction's
 * tuple and the reply's. Entries are counted by protocol, TCP state and destination (the original direction's
 * dst and dport) as they stream past; only the tallies are kept.
 */
import { countAt, skipBlanks, tokenEnd } from "./text";
import type { ConntrackListing } from "./types";

/** Distinct destinations kept: beyond it, entries to new destinations are counted together. */
export const MAX_DESTINATIONS = 65536;
/** Rows of each table in the report. */
const TOP = 20;

const L3 = new Set(["ipv4", "ipv6"]);

export type ListingVerdict = "entry" | "summary" | "no";

/** Where `key=` starts a word in `[start, end)`, or -1. */
function field(s: string, key: string, start: number, end: number): number {
  let at = s.indexOf(key, start);
  while (at !== -1 && at < end) {
    if (at === start || s.charCodeAt(at - 1) === 32) return at + key.length;
    at = s.indexOf(key, at + 1);
  }
  return -1;
}

function within(s: string, word: string, start: number, end: number): boolean {
  const at = s.indexOf(word, start);
  return at !== -1 && at + word.length <= end;
}

export class ListingTally {
  entries = 0;
  unreplied = 0;
  assured = 0;
  otherDestinations = 0;
  private readonly protocols = new Map<string, number>();
  private readonly states = new Map<string, number>();
  private readonly destinations = new Map<string, number>();

  /**
   * Reads one line: an entry ("entry"), conntrack's closing "N flow entries have been shown." ("summary"), or
   * neither ("no").
   */
  line(s: string, start: number, end: number): ListingVerdict {
    let a = skipBlanks(s, start, end);
    let e = tokenEnd(s, a, end);
    if (s.startsWith("conntrack v", a)) return s.endsWith("have been shown.", end) ? "summary" : "no";
    if (L3.has(s.slice(a, e))) {
      // ipv4 2 tcp 6 ...: skip the layer-3 name and number.
      a = skipBlanks(s, e, end);
      a = skipBlanks(s, tokenEnd(s, a, end), end);
      e = tokenEnd(s, a, end);
    }
    const protocol = s.slice(a, e);
    const n = skipBlanks(s, e, end);
    const ne = tokenEnd(s, n, end);
    const t = skipBlanks(s, ne, end);
    const te = tokenEnd(s, t, end);
    if (protocol.length === 0 || protocol.length > 12 || countAt(s, n, ne) < 0 || countAt(s, t, te) < 0) return "no";
    const src = field(s, "src=", te, end);
    const dstAt = field(s, "dst=", te, end);
    if (src === -1 || dstAt === -1) return "no";
    this.entries++;
    this.bump(this.protocols, protocol);
    const st = skipBlanks(s, te, end);
    const ste = tokenEnd(s, st, end);
    if (protocol === "tcp" && s.indexOf("=", st) > ste) this.bump(this.states, s.slice(st, ste));
    const dst = s.slice(dstAt, tokenEnd(s, dstAt, end));
    // The original direction's port: the first dport= after its dst=.
    const portAt = field(s, "dport=", dstAt, end);
    const reply = field(s, "src=", dstAt, end);
    const port = portAt !== -1 && (reply === -1 || portAt < reply) ? countAt(s, portAt, tokenEnd(s, portAt, end)) : -1;
    const key = `${protocol} ${dst} ${port}`;
    const have = this.destinations.get(key);
    if (have !== undefined) this.destinations.set(key, have + 1);
    else if (this.destinations.size < MAX_DESTINATIONS) this.destinations.set(key, 1);
    else this.otherDestinations++;
    if (within(s, "[UNREPLIED]", te, end)) this.unreplied++;
    if (within(s, "[ASSURED]", te, end)) this.assured++;
    return "entry";
  }

  private bump(m: Map<string, number>, key: string): void {
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  report(): ConntrackListing | null {
    if (this.entries === 0) return null;
    const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP);
    return {
      entries: this.entries,
      protocols: top(this.protocols).map(([protocol, entries]) => ({ protocol, entries })),
      tcpStates: top(this.states).map(([state, entries]) => ({ state, entries })),
      destinations: top(this.destinations).map(([key, entries]) => {
        const [protocol, address, port] = key.split(" ") as [string, string, string];
        return { protocol, address, port: port === "-1" ? null : Number(port), entries };
      }),
      otherDestinations: this.otherDestinations,
      unreplied: this.unreplied,
      assured: this.assured,
    };
  }
}
