/**
 * net-tools `netstat -s`: the counters of /proc/net/snmp and /proc/net/netstat (with -6, /proc/net/snmp6) as
 * sentences under table titles (net-tools statistics.c):
 *
 *     TcpExt:
 *         111 times the listen queue of a socket overflowed       a known counter, in its sentence
 *         TCPTimeWaitOverflow: 368                                one net-tools has no sentence for
 *     Icmp:
 *         ICMP input histogram:
 *             destination unreachable: 5                          In or Out by the histogram above it
 *
 * netstat-s.json maps each sentence, with %llu where the number goes, to the counter's nstat name. net-tools
 * leaves many counters out when they are 0: in a table read in full, a counter it left out is 0 (store.ts).
 * Translated sentences (netstat run under another locale) are not known: they are reported as unread lines (their
 * table is then not read in full), and `LC_ALL=C netstat -s` or nstat reads in full. A line no sentence matches
 * that another format claims (an indented `/proc/net/tcp` header pasted below) ends the block.
 */
import type { CounterBlock, Verdict } from "./block";
import type { BlockContext } from "./context";
import { isCounter, isCounterName } from "./names";
import table from "./netstat-s.json";
import type { BlockInfo } from "./store";
import { countAt, skipBlanks, tokenEnd } from "./text";

const SENTENCES: Readonly<Record<string, Readonly<Record<string, string>>>> = table.sections;

/** The titles netstat -s prints for the tables it reads. */
const TITLES = new Set(["Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite", "TcpExt", "IpExt", "MPTcpExt", "Sctp", "Ip6", "Icmp6", "Udp6", "UdpLite6"]);

/** "TcpExt:" alone on its line: a table title, or undefined. */
function titleOf(s: string, start: number, end: number): string | undefined {
  const a = skipBlanks(s, start, end);
  return end - a > 1 && s.charCodeAt(end - 1) === 58 && isCounterName(s, a, end - 1) ? s.slice(a, end - 1) : undefined;
}

export function isNetstatSTitle(s: string, start: number, end: number): boolean {
  const t = titleOf(s, start, end);
  return t !== undefined && TITLES.has(t);
}

/**
 * The sentence with its number replaced by %llu, and the number: the first run of digits standing alone
 * ("ICMPv6" keeps its 6).
 */
function template(line: string): { text: string; value: number } | undefined {
  for (let i = 0; i < line.length; i++) {
    if (!(line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) || (i > 0 && line.charCodeAt(i - 1) !== 32)) continue;
    let e = i;
    while (e < line.length && line.charCodeAt(e) >= 48 && line.charCodeAt(e) <= 57) e++;
    if (e < line.length && line.charCodeAt(e) !== 32) continue;
    return { text: line.slice(0, i) + "%llu" + line.slice(e), value: countAt(line, i, e) };
  }
  return undefined;
}

class NetstatS implements CounterBlock {
  private title: string | undefined;
  private histogram = "";
  private info: BlockInfo | undefined;
  /** Each table's title, and whether every line under it was read. */
  private readonly tables = new Map<string, boolean>();

  constructor(private readonly ctx: BlockContext) {}

  line(s: string, start: number, end: number): Verdict {
    const title = titleOf(s, start, end);
    const a = skipBlanks(s, start, end);
    const indented = a > start;
    if (title !== undefined && !indented) {
      // The same table twice: the next netstat -s begins; but net-tools titles each pair of /proc/net/snmp's
      // IcmpMsg lines, which hold 16 types each (icmpmsg_put), so one table may follow itself.
      if (this.tables.has(title) && title !== this.title) return "end";
      if (!this.tables.has(title)) this.tables.set(title, true);
      this.title = title;
      this.histogram = "";
      return "read";
    }
    const text = s.slice(a, end);
    if (text === "ICMP input histogram:" || text === "ICMP output histogram:") {
      this.histogram = text.startsWith("ICMP input") ? ":in" : ":out";
      return "read";
    }
    const section = this.title;
    if (section === undefined) return "end";
    const found = this.sentence(section, text) ?? this.named(section, text);
    if (found === undefined) {
      if (!indented || this.ctx.claimed(s, start, end)) return "end";
      this.tables.set(section, false);
      return "bad";
    }
    this.info ??= this.ctx.open("netstat -s");
    if (isCounter(found.name)) this.ctx.store.counter(this.info, found.name, found.value);
    return "read";
  }

  /** The tables read, so that a counter net-tools left out of one read in full is 0. */
  end(): undefined {
    if (this.info !== undefined) for (const [table, complete] of this.tables) this.ctx.store.table(this.info, table, complete);
    return undefined;
  }

  private sentence(section: string, text: string): { name: string; value: number } | undefined {
    const t = template(text);
    if (t === undefined || t.value < 0) return undefined;
    const name = SENTENCES[section + this.histogram]?.[t.text] ?? SENTENCES[section]?.[t.text];
    return name === undefined ? undefined : { name, value: t.value };
  }

  /** "Name: 12", the form net-tools gives counters it has no sentence for; named with the table's prefix. */
  private named(section: string, text: string): { name: string; value: number } | undefined {
    const colon = text.indexOf(": ");
    if (colon <= 0 || !isCounterName(text, 0, colon)) return undefined;
    const v = skipBlanks(text, colon + 1, text.length);
    if (tokenEnd(text, v, text.length) !== text.length) return undefined;
    const value = countAt(text, v, text.length);
    if (value < 0) return undefined;
    const field = text.slice(0, colon);
    return { name: field.startsWith(section) ? field : section + field, value };
  }
}

export function netstatSBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new NetstatS(ctx);
  b.line(s, start, end);
  return b;
}
