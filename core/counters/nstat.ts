/**
 * Counters one to a line, by name: nstat (iproute2 misc/nstat.c) and /proc/net/snmp6, which nstat reads too.
 *
 *     #kernel                                     nstat's header ("#" and where the numbers come from)
 *     TcpExtListenOverflows           111                0.0
 *     Ip6InReceives                   	0           /proc/net/snmp6: no rate column
 *
 * nstat prints "%-32s%-16llu%6.1f", and " (overflow)" after an increment that wrapped. The rate column is an
 * average nstat keeps only in daemon mode; it is not read. With -j (--json) nstat prints the same counters as
 * `{"kernel":{"IpInReceives":160,...}}`, on one line or, with -p, one counter a line.
 */
import type { CutOff } from "../netstat/block-reader";
import type { CounterBlock, Verdict } from "./block";
import type { BlockContext } from "./context";
import { hasKnownGroup, isCounter, isCounterName } from "./names";
import type { BlockInfo } from "./store";
import { countAt, skipBlanks, tokenEnd } from "./text";

/** "#kernel": "#" and a word, no space. */
export function isNstatHeader(s: string, start: number, end: number): boolean {
  return end - start > 1 && end - start < 32 && s.charCodeAt(start) === 35 && tokenEnd(s, start, end) === end && /^#[a-z]\w*$/.test(s.slice(start, end));
}

/** "12.5": nstat's rate column. */
function isRate(s: string, start: number, end: number): boolean {
  const dot = s.indexOf(".", start);
  return dot > start && dot < end - 1 && countAt(s, start, dot) >= 0 && countAt(s, dot + 1, end) >= 0;
}

interface Row {
  readonly name: string;
  readonly value: number;
  readonly rate: boolean;
}

/** A counter row, or undefined. */
function row(s: string, start: number, end: number): Row | undefined {
  const a = skipBlanks(s, start, end);
  const ae = tokenEnd(s, a, end);
  if (!isCounterName(s, a, ae)) return undefined;
  const v = skipBlanks(s, ae, end);
  const ve = tokenEnd(s, v, end);
  const value = countAt(s, v, ve);
  if (value < 0) return undefined;
  const r = skipBlanks(s, ve, end);
  if (r >= end) return { name: s.slice(a, ae), value, rate: false };
  const re = tokenEnd(s, r, end);
  if (!isRate(s, r, re)) return undefined;
  const rest = skipBlanks(s, re, end);
  return rest >= end || s.startsWith("(overflow)", rest) ? { name: s.slice(a, ae), value, rate: true } : undefined;
}

/** Whether a line outside any block starts a listing of counters by name (a row of a table nstat knows). */
export function startsNameList(s: string, start: number, end: number): boolean {
  const r = row(s, start, end);
  return r !== undefined && hasKnownGroup(r.name);
}

class NameList implements CounterBlock {
  private info: BlockInfo | undefined;
  private readonly seen = new Set<string>();

  constructor(
    private readonly ctx: BlockContext,
    /** The block began with nstat's "#kernel": its rows are nstat's whether or not they have a rate. */
    private readonly nstat: boolean,
  ) {}

  line(s: string, start: number, end: number): Verdict {
    if (isNstatHeader(s, start, end)) return "end";
    const r = row(s, start, end);
    if (r === undefined) return "end";
    // The same counter twice: the next listing begins (two snapshots printed by one command line).
    if (this.seen.has(r.name)) return "end";
    this.seen.add(r.name);
    this.info ??= this.ctx.open(this.nstat || r.rate ? "nstat" : "/proc/net/snmp6");
    if (isCounter(r.name)) this.ctx.store.counter(this.info, r.name, r.value);
    return "read";
  }
}

/** nstat's "#kernel" header opens a listing. */
export function nstatBlock(ctx: BlockContext): CounterBlock {
  return new NameList(ctx, true);
}

/** A first counter row opens a listing; it is read at once. */
export function nameListBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new NameList(ctx, false);
  b.line(s, start, end);
  return b;
}

// nstat --json -------------------------------------------------------------------------------------------

const SOURCE = /^\s*"[a-z]\w*"\s*:\s*\{/;

/** `{"kernel":{...` on one line, or a lone "{" (pretty-printed), or `"kernel": {` after it. */
export function startsNstatJson(s: string, start: number, end: number): boolean {
  const a = skipBlanks(s, start, end);
  if (s.charCodeAt(a) !== 123) return false;
  const rest = s.slice(a + 1, Math.min(end, a + 64));
  return rest.trim() === "" || SOURCE.test(rest);
}

/** What nstat's JSON expects next: the opening brace, a key (or "}"), its colon, its value, or "," or "}". */
type Expect = "open" | "key" | "colon" | "value" | "next";

/** The longest example of a cut-off line: its end, where the cut is. */
const CUT_TEXT = 120;

/**
 * nstat's JSON, read token by token so that output cut off anywhere (`head -c`) ends where it stops: at a line
 * that cannot continue it (a prompt, another tool's output), or inside a line. A counter counts once a "," or
 * "}" follows it, since the cut may have fallen inside its number.
 */
class NstatJson implements CounterBlock {
  private info: BlockInfo | undefined;
  private expect: Expect = "open";
  private depth = 0;
  private key = "";
  /** The counter whose number was read last, until a "," or "}" shows the number was whole. */
  private pending: { name: string; value: number } | undefined;
  private counters = 0;
  /** "cut": the output stopped inside the last line. */
  private state: "reading" | "done" | "cut" = "reading";
  /** The last line read, for the report of a cut. */
  private last = "";

  constructor(private readonly ctx: BlockContext) {}

  line(s: string, start: number, end: number): Verdict {
    if (this.state !== "reading") return "end";
    const read = this.scan(s, start, end);
    if (read === "none") return "end";
    if (read === "part") this.state = "cut";
    const from = Math.max(start, end - CUT_TEXT);
    this.last = (from > start ? "…" : "") + s.slice(from, end);
    return "read";
  }

  end(): CutOff | undefined {
    if (this.state === "done") return undefined;
    const n = this.counters;
    return { text: this.last, reason: `nstat --json output cut off before its end: the ${n} counter${n === 1 ? "" : "s"} before the cut ${n === 1 ? "is" : "are"} read` };
  }

  /** Reads the line's tokens: "all", "part" (it stops being JSON inside the line), or "none" (not from its start). */
  private scan(s: string, start: number, end: number): "all" | "part" | "none" {
    let i = skipBlanks(s, start, end);
    while (i < end) {
      const next = this.token(s, i, end);
      // A string the line ends inside was cut there; another character at the line's start is not JSON at all.
      if (next < 0) return next === -1 && i === skipBlanks(s, start, end) ? "none" : "part";
      if (this.state === "done") return "all";
      i = skipBlanks(s, next, end);
    }
    return "all";
  }

  /** Reads the token at `i`; where it ends, -1 when it cannot come here, -2 when the line ends inside it. */
  private token(s: string, i: number, end: number): number {
    const c = s.charCodeAt(i);
    if (c === 123 && (this.expect === "open" || this.expect === "value")) {
      this.depth++;
      this.expect = "key";
      return i + 1;
    }
    if (c === 125 && (this.expect === "key" || this.expect === "next") && this.depth > 0) {
      this.commit();
      this.expect = "next";
      if (--this.depth === 0) this.state = "done";
      return i + 1;
    }
    if (c === 44 && this.expect === "next") {
      this.commit();
      this.expect = "key";
      return i + 1;
    }
    if (c === 58 && this.expect === "colon") {
      this.expect = "value";
      return i + 1;
    }
    if (c === 34 && this.expect === "key") {
      const q = s.indexOf('"', i + 1);
      if (q < 0 || q >= end) return -2;
      this.key = s.slice(i + 1, q);
      this.expect = "colon";
      return q + 1;
    }
    if (c >= 48 && c <= 57 && this.expect === "value") {
      let e = i;
      while (e < end && s.charCodeAt(e) >= 48 && s.charCodeAt(e) <= 57) e++;
      const value = countAt(s, i, e);
      if (value < 0) return -1;
      if (this.depth === 2 && isCounterName(this.key, 0, this.key.length)) this.pending = { name: this.key, value };
      this.expect = "next";
      return e;
    }
    return -1;
  }

  private commit(): void {
    const p = this.pending;
    if (p === undefined) return;
    this.pending = undefined;
    this.info ??= this.ctx.open("nstat --json");
    if (!isCounter(p.name)) return;
    this.ctx.store.counter(this.info, p.name, p.value);
    this.counters++;
  }
}

export function nstatJsonBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new NstatJson(ctx);
  b.line(s, start, end);
  return b;
}
