/**
 * What the command lines of a paste say about the counter blocks below them:
 *
 * - whether nstat printed totals (`nstat -a`, `-az`, `--ignore`, `-r`) or increments since its previous run
 *   (plain `nstat`), and the interval those increments span: the sleeps since the last nstat that wrote its
 *   history, on the same line (`nstat -n; sleep 10; nstat`) or on the lines before (`$ nstat -n`, `$ sleep 10`,
 *   `$ nstat`);
 * - whether the output was filtered (nstat's patterns, a pipe to grep), so a counter left out may be anything;
 * - how much time passed between two readings: a `sleep N` on a line of its own, or between two reading
 *   commands of one line (`nstat -az; sleep 10; nstat -az`, `for i in 1 2; do conntrack -S; sleep 5; done`);
 * - which /proc/sys values the bare numbers below stand for (`cat /proc/sys/net/netfilter/nf_conntrack_count`,
 *   `conntrack -C`).
 *
 * These are readings of what people type, not a shell: anything not understood says nothing.
 */
import type { CounterBasis } from "./types";

/** Commands whose output is counters or conntrack statistics: readings that time can separate. */
const READERS = new Set(["nstat", "netstat", "ss", "conntrack", "cat", "head", "tail", "grep", "sysctl"]);
/** Words that may come before the command itself. */
const PREFIXES = new Set(["sudo", "doas", "env", "command", "exec", "time", "do", "then", "else", "{", "("]);

export interface CommandHints {
  /** What nstat's numbers below count; undefined when no nstat command printed them. */
  readonly nstatBasis: CounterBasis | undefined;
  /** Seconds nstat's increments span, when the lines say (`nstat -n; sleep 10; nstat`). */
  readonly nstatSpan: number | null;
  /** Seconds slept since the last nstat that wrote its history, after this line; null when none ran yet. */
  readonly nstatSince: number | null;
  /** Some of the output may have been left out: nstat was given patterns, or the output went through a pipe. */
  readonly filtered: boolean;
  /** Seconds slept before the line's first reading command: time passed before its output. */
  readonly sleepBefore: number;
  /**
   * Seconds slept after it, one entry per stretch between two reading commands (`a; sleep 5; a; sleep 5; a`
   * gives [5, 5]): the time that passes before each reading the line prints again.
   */
  readonly sleepsBetween: readonly number[];
  /** The /proc/sys keys the bare values printed below stand for, in order. */
  readonly values: readonly string[];
}

/** `2`, `2.5`, `2s`, `1m`, `1h`, or NaN. */
function seconds(word: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([smh]?)$/.exec(word ?? "");
  if (!m) return NaN;
  return Number(m[1]) * (m[2] === "m" ? 60 : m[2] === "h" ? 3600 : 1);
}

/** `/proc/sys/net/ipv4/tcp_mem` → `net.ipv4.tcp_mem` (a dot inside a name, as in interface names, becomes `/`). */
export function keyOfProcPath(path: string): string | undefined {
  const m = /^\/proc\/sys\/(.+)$/.exec(path);
  return m ? (m[1] as string).replace(/[./]/g, (c) => (c === "/" ? "." : "/")) : undefined;
}

/** `nf_conntrack_{count,max}` → both names (one brace group, as people type it). */
function expandBraces(word: string): string[] {
  const m = /^(.*)\{([^{}]*,[^{}]*)\}(.*)$/.exec(word);
  return m ? (m[2] as string).split(",").map((alt) => `${m[1]}${alt}${m[3]}`) : [word];
}

/** The simple commands of a line, each as its words from the command name on. */
function simpleCommands(line: string): string[][] {
  return line
    .split(/;|&&|\|\||\||&|\bdo\b|\bthen\b/)
    .map((part) => part.trim().split(/\s+/).filter((w) => w !== ""))
    .map((w) => {
      let i = 0;
      while (i < w.length && (PREFIXES.has(w[i] as string) || /^\w+=/.test(w[i] as string))) i++;
      return w.slice(i);
    })
    .filter((w) => w.length > 0);
}

function toolOf(words: readonly string[]): string {
  return (words[0] as string).replace(/^.*\//, "");
}

/** Whether nstat has the option, alone or in a cluster such as -asz, or its long form. */
function nstatOption(words: readonly string[], letter: string, ...long: string[]): boolean {
  return words.some((w) => long.includes(w) || (/^-[a-zA-Z]+$/.test(w) && w.includes(letter)));
}

/** Totals: -a ignores the history, and -r starts it afresh (nstat.c prints the kernel's values when it has none). */
function nstatAbsolute(words: readonly string[]): boolean {
  return nstatOption(words, "a", "--ignore") || nstatOption(words, "r", "--reset");
}

/** nstat's options that take a value. */
const NSTAT_ARGUMENTS = new Set(["-t", "-d", "--interval", "--scan"]);

/** Whether nstat was given patterns (the counters to print), redirections aside. */
function nstatPatterns(words: readonly string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    if (NSTAT_ARGUMENTS.has(w) || /^\d*[<>]+&?$/.test(w)) i++;
    else if (!w.startsWith("-") && !/^\d*[<>]/.test(w)) return true;
  }
  return false;
}

/** What a command line says; `since` is the nstatSince of the line before. */
export function readCommand(line: string, since: number | null = null): CommandHints {
  let nstatBasis: CounterBasis | undefined;
  let nstatSpan: number | null = null;
  let sleepBefore = 0;
  const sleepsBetween: number[] = [];
  let readers = 0;
  /** Readers seen when the last entry of sleepsBetween began: a reader since then begins a new one. */
  let readersAtSleep = -1;
  let filtered = /(?:^|[^|])\|(?!\|)/.test(line);
  /** Seconds slept since the last nstat that wrote its history, and whether there was one. */
  let sinceNstat = since ?? 0;
  let sawNstat = since !== null;
  const values: string[] = [];
  for (const words of simpleCommands(line)) {
    const tool = toolOf(words);
    if (tool === "sleep") {
      const s = seconds(words[1]);
      if (!(s > 0)) continue;
      if (readers === 0) sleepBefore += s;
      else if (readersAtSleep === readers) sleepsBetween[sleepsBetween.length - 1] += s;
      else {
        sleepsBetween.push(s);
        readersAtSleep = readers;
      }
      sinceNstat += s;
      continue;
    }
    if (tool === "nstat") {
      if (!nstatOption(words, "n", "--nooutput")) {
        const absolute = nstatAbsolute(words);
        nstatBasis = absolute ? "totals" : "increments";
        nstatSpan = !absolute && sawNstat && sinceNstat > 0 ? sinceNstat : null;
        if (nstatPatterns(words)) filtered = true;
        readers++;
      }
      // -s (--noupdate) leaves the history as it was: the next run still counts from the one before.
      if (!nstatOption(words, "s", "--noupdate")) {
        sawNstat = true;
        sinceNstat = 0;
      }
      continue;
    }
    if (tool === "conntrack" && words.some((w) => w === "-C" || w === "--count")) values.push("net.netfilter.nf_conntrack_count");
    if (tool === "cat" || tool === "head" || tool === "tail") {
      for (const w of words.slice(1).flatMap(expandBraces)) {
        const key = keyOfProcPath(w);
        if (key !== undefined) values.push(key);
      }
    }
    if (READERS.has(tool)) readers++;
  }
  return { nstatBasis, nstatSpan, nstatSince: sawNstat ? sinceNstat : null, filtered, sleepBefore, sleepsBetween, values };
}
