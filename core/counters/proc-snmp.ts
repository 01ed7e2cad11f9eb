/**
 * /proc/net/snmp and /proc/net/netstat: each table is a pair of lines, the names and then the values
 * (net/ipv4/proc.c snmp_seq_show, netstat_seq_show):
 *
 *     TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts ...
 *     TcpExt: 0 0 0 0 ...
 *
 * nstat names each counter by the table and the field: TcpExtSyncookiesSent. The Tcp table's MaxConn is -1.
 * IcmpMsg lists only the ICMP types counted so far, 16 to a pair of lines (icmpmsg_put), so it may come twice in
 * a row.
 */
import type { CounterBlock, Verdict } from "./block";
import type { BlockContext } from "./context";
import { isCounter, isCounterName, isGroup } from "./names";
import type { BlockInfo } from "./store";
import { countAt, skipBlanks, tokenEnd, words } from "./text";

/** The tables of /proc/net/snmp; the others (TcpExt, IpExt, MPTcpExt) are /proc/net/netstat's. */
const SNMP_TABLES = new Set(["Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite"]);

/** The table prefix of `Prefix: ...` (without its colon), or undefined. */
function prefixOf(s: string, start: number, end: number): string | undefined {
  const a = skipBlanks(s, start, end);
  const e = tokenEnd(s, a, end);
  return e - a > 1 && e < end && s.charCodeAt(e - 1) === 58 && isCounterName(s, a, e - 1) ? s.slice(a, e - 1) : undefined;
}

/** A header line: a table nstat knows, and names only. */
export function isProcHeader(s: string, start: number, end: number): boolean {
  const prefix = prefixOf(s, start, end);
  if (prefix === undefined || !isGroup(prefix)) return false;
  const names = words(s, start, end).slice(1);
  return names.length > 0 && names.every((n) => isCounterName(n, 0, n.length));
}

/** A value of the values line: a count, or MaxConn's -1 (returned as -1, and not a counter anyway). */
function value(word: string): number {
  return word === "-1" ? -1 : countAt(word, 0, word.length);
}

class ProcTables implements CounterBlock {
  private header: { prefix: string; names: string[] } | undefined;
  private readonly seen = new Set<string>();
  /** The table of the last values line. */
  private last = "";
  private readonly infos = new Map<string, BlockInfo>();

  constructor(private readonly ctx: BlockContext) {}

  line(s: string, start: number, end: number): Verdict {
    const prefix = prefixOf(s, start, end);
    if (prefix === undefined) return "end";
    const fields = words(s, start, end).slice(1);
    if (this.header !== undefined && this.header.prefix === prefix) {
      const { names } = this.header;
      this.header = undefined;
      const values = fields.map(value);
      if (values.length !== names.length || values.some((v, i) => v < 0 && names[i] !== "MaxConn")) return "bad";
      this.last = prefix;
      const info = this.info(prefix);
      names.forEach((n, i) => {
        const name = prefix + n;
        if (isCounter(name)) this.ctx.store.counter(info, name, values[i] as number);
      });
      return "read";
    }
    if (!isProcHeader(s, start, end)) return this.header === undefined || this.ctx.claimed(s, start, end) ? "end" : "bad";
    // The same table again: the next copy of the file begins (cat twice, or one command's two readings).
    if (this.seen.has(prefix) && !(prefix === "IcmpMsg" && this.last === prefix)) return "end";
    this.seen.add(prefix);
    this.header = { prefix, names: fields };
    return "read";
  }

  /** One identity per file, so that snmp and netstat read in one block still count as their own formats. */
  private info(prefix: string): BlockInfo {
    const source = SNMP_TABLES.has(prefix) ? "/proc/net/snmp" : "/proc/net/netstat";
    let info = this.infos.get(source);
    if (info === undefined) this.infos.set(source, (info = this.ctx.open(source)));
    return info;
  }
}

export function procTablesBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new ProcTables(ctx);
  b.line(s, start, end);
  return b;
}
