/**
 * Socket totals: /proc/net/sockstat and sockstat6 (net/ipv4/proc.c sockstat_seq_show, net/ipv6/proc.c), and
 * iproute2's `ss -s`, which prints them (misc/ss.c print_summary).
 *
 *     sockets: used 290
 *     TCP: inuse 27 orphan 0 tw 32 alloc 41 mem 3        mem in pages; orphan, alloc and mem are host-wide,
 *     UDP: inuse 5 mem 2                                  inuse and tw this namespace's
 *     TCP6: inuse 4
 *
 *     Total: 290                                          ss -s: sockets used
 *     TCP:   34 (estab 0, closed 33, orphaned 0, timewait 32)
 *     Transport Total     IP        IPv6
 *     *	  312       -         -                        older ss: sockets by the slab allocator's count
 *     TCP	  1         1         0                        inuse of TCP and TCP6
 *
 * ss -s's first TCP number has changed meaning between iproute2 versions and its "closed" is derived, so only
 * orphaned, timewait and the per-family inuse columns are kept, under the sockstat names.
 */
import type { CounterBlock, Verdict } from "./block";
import type { BlockContext } from "./context";
import { countAt, skipBlanks, tokenEnd, words } from "./text";

/** sockstat's line names (upper case, as printed, then the colon). */
const PROTOCOLS = new Set(["sockets:", "TCP:", "UDP:", "UDPLITE:", "RAW:", "FRAG:", "TCP6:", "UDP6:", "UDPLITE6:", "RAW6:", "FRAG6:", "MPTCP:"]);

/** "TCP: inuse 27 orphan 0 ...": the protocol (lower case) and its fields, or undefined. */
function sockstatLine(s: string, start: number, end: number): { protocol: string; fields: [string, number][] } | undefined {
  const w = words(s, start, end);
  const head = w[0] as string;
  if (!PROTOCOLS.has(head) || w.length < 3 || w.length % 2 === 0) return undefined;
  const fields: [string, number][] = [];
  for (let i = 1; i < w.length; i += 2) {
    const name = w[i] as string;
    const v = countAt(w[i + 1] as string, 0, (w[i + 1] as string).length);
    if (!/^[a-z]+$/.test(name) || v < 0) return undefined;
    fields.push([name, v]);
  }
  return { protocol: head.slice(0, -1).toLowerCase(), fields };
}

export function isSockstatLine(s: string, start: number, end: number): boolean {
  return sockstatLine(s, start, end) !== undefined;
}

class SockstatBlock implements CounterBlock {
  private readonly seen = new Set<string>();

  constructor(private readonly ctx: BlockContext) {}

  line(s: string, start: number, end: number): Verdict {
    const l = sockstatLine(s, start, end);
    if (l === undefined || this.seen.has(l.protocol)) return "end";
    this.seen.add(l.protocol);
    const file = l.protocol.endsWith("6") ? "/proc/net/sockstat6" : "/proc/net/sockstat";
    this.ctx.store.noteSource(file);
    for (const [field, value] of l.fields) this.ctx.store.sockstatField(l.protocol, field, value);
    return "read";
  }
}

export function sockstatBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new SockstatBlock(ctx);
  b.line(s, start, end);
  return b;
}

// ss -s -----------------------------------------------------------------------------------------------------

/**
 * The rows of ss -s's Transport table, and the sockstat protocols of their IP and IPv6 columns. Older ss (the
 * one that prints "Total: N (kernel M)") begins the table with a "*" row of /proc/slabinfo's count, M again.
 */
const TRANSPORT: Record<string, readonly [string, string] | null> = { "*": null, RAW: ["raw", "raw6"], UDP: ["udp", "udp6"], TCP: ["tcp", "tcp6"], FRAG: ["frag", "frag6"], INET: null };

/** "Total: 290", or older ss's "Total: 290 (kernel 0)". */
function total(s: string, start: number, end: number): number {
  const a = skipBlanks(s, start, end);
  if (!s.startsWith("Total: ", a)) return -1;
  const v = skipBlanks(s, a + 7, end);
  const ve = tokenEnd(s, v, end);
  const rest = skipBlanks(s, ve, end);
  return rest >= end || s.startsWith("(kernel", rest) ? countAt(s, v, ve) : -1;
}

/** "TCP:   34 (estab 0, closed 33, orphaned 0, timewait 32)" (older: "synrecv 0, timewait 32/0), ports 0"). */
function tcpSummary(s: string, start: number, end: number): Map<string, number> | undefined {
  const m = /^\s*TCP:\s+\d+\s+\(([^)]*)\)/.exec(s.slice(start, end));
  if (!m) return undefined;
  const out = new Map<string, number>();
  for (const part of (m[1] as string).split(",")) {
    const kv = /^\s*([a-z]+)\s+(\d+)/.exec(part);
    if (kv) out.set(kv[1] as string, Number(kv[2]));
  }
  return out;
}

export function startsSsSummary(s: string, start: number, end: number): boolean {
  return total(s, start, end) >= 0 || tcpSummary(s, start, end) !== undefined;
}

class SsSummary implements CounterBlock {
  private readonly seen = new Set<string>();

  constructor(private readonly ctx: BlockContext) {}

  line(s: string, start: number, end: number): Verdict {
    const store = this.ctx.store;
    const t = total(s, start, end);
    const tcp = t < 0 ? tcpSummary(s, start, end) : undefined;
    const w = t < 0 && tcp === undefined ? words(s, start, end) : [];
    const key = t >= 0 ? "Total" : tcp !== undefined ? "TCP:" : (w[0] ?? "");
    // Another summary begins where a line of this one comes again.
    if (this.seen.has(key)) return "end";
    this.seen.add(key);
    if (t >= 0) {
      store.sockstatField("sockets", "used", t);
    } else if (tcp !== undefined) {
      const orphaned = tcp.get("orphaned");
      const timewait = tcp.get("timewait");
      if (orphaned !== undefined) store.sockstatField("tcp", "orphan", orphaned);
      if (timewait !== undefined) store.sockstatField("tcp", "tw", timewait);
    } else if (key === "Transport") {
      return w.join(" ") === "Transport Total IP IPv6" ? "read" : "end";
    } else if (key in TRANSPORT && w.length === 4) {
      const protocols = TRANSPORT[key];
      if (protocols) {
        // "-" where older ss had no figure.
        for (const [i, protocol] of protocols.entries()) {
          const v = countAt(w[i + 2] as string, 0, (w[i + 2] as string).length);
          if (v >= 0) store.sockstatField(protocol, "inuse", v);
        }
      }
    } else {
      return "end";
    }
    store.noteSource("ss -s");
    return "read";
  }
}

export function ssSummaryBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new SsSummary(ctx);
  b.line(s, start, end);
  return b;
}
