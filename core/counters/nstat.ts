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

const PAIR = /"([A-Za-z][A-Za-z0-9_]*)"\s*:\s*(\d+)/g;
const SOURCE = /^\s*"[a-z]\w*"\s*:\s*\{/;

/** `{"kernel":{...` on one line, or a lone "{" (pretty-printed), or `"kernel": {` after it. */
export function startsNstatJson(s: string, start: number, end: number): boolean {
  const a = skipBlanks(s, start, end);
  if (s.charCodeAt(a) !== 123) return false;
  const rest = s.slice(a + 1, Math.min(end, a + 64));
  return rest.trim() === "" || SOURCE.test(rest);
}

class NstatJson implements CounterBlock {
  private info: BlockInfo | undefined;
  /** Opening braces minus closing ones so far: the object ends at 0. */
  private depth = 0;
  private done = false;

  constructor(private readonly ctx: BlockContext) {}

  line(s: string, start: number, end: number): Verdict {
    if (this.done) return "end";
    const text = s.slice(start, end);
    if (this.depth === 1 && !SOURCE.test(text) && text.trim() !== "}") return "end";
    let pairs = 0;
    for (const m of text.matchAll(PAIR)) {
      const name = m[1] as string;
      const value = Number(m[2]);
      this.info ??= this.ctx.open("nstat --json");
      if (isCounter(name)) this.ctx.store.counter(this.info, name, value);
      pairs++;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 123) this.depth++;
      else if (c === 125) this.depth--;
    }
    if (this.depth <= 0) this.done = true;
    return pairs > 0 || /^[\s{}",:a-z]*$/.test(text) ? "read" : "bad";
  }
}

export function nstatJsonBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new NstatJson(ctx);
  b.line(s, start, end);
  return b;
}
