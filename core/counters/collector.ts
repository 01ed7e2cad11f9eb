/**
 * Reads the counter blocks of an input beside its socket listings. The socket parser (core/netstat/parse.ts)
 * hands it the lines no socket format reads (`start`), the lines of a block it took (`line`) and the command
 * lines of the paste (`command`); report.ts turns what it stored into the Analysis's sections.
 */
import type { BlockReader, BlockVerdict, CutOff } from "../netstat/block-reader";
import { classifyAt } from "../netstat/detect";
import type { CounterBlock } from "./block";
import { readCommand, type CommandHints } from "./commands";
import type { BlockContext } from "./context";
import { openBlock, startsBlock } from "./detect";
import { Store, type BlockInfo } from "./store";
import { keepSetting } from "./sysctl-lines";
import { isNumbers } from "./text";

const NO_HINTS: CommandHints = { nstatBasis: undefined, nstatSpan: null, nstatSince: null, filtered: false, sleepBefore: 0, sleepsBetween: [], values: [] };

/** A command of the counter tools typed without a prompt (the socket parser knows only its own tools'). */
const BARE_COMMAND = /^(?:sudo\s+)?(?:\S*\/)?(?:nstat|conntrack|sysctl|sleep)(?:\s|$)/;

function isBareCommand(s: string, start: number, end: number): boolean {
  return BARE_COMMAND.test(s.slice(start, Math.min(end, start + 40)));
}

export class CounterCollector implements BlockReader, BlockContext {
  readonly store = new Store();
  private block: CounterBlock | undefined;
  private ids = 0;
  private hints = NO_HINTS;
  /** The /proc/sys keys of the bare values still to come (`cat /proc/sys/...`), in order. */
  private values: string[] = [];
  /** Formats read in the line's current round of readings: one read again begins the next round. */
  private readonly opened = new Set<string>();
  /** The line's sleeps between its readings, each added to the clock when a reading begins again. */
  private deferred: number[] = [];
  /** Seconds slept since nstat last wrote its history, over the command lines so far (CommandHints.nstatSince). */
  private nstatSince: number | null = null;

  start(s: string, start: number, end: number): boolean {
    if (this.values.length > 0) {
      if (this.value(s, start, end)) {
        this.block = { line: (t, a, e) => (this.value(t, a, e) ? "read" : "end") };
        return true;
      }
      // Another file's output between the values (`cat /proc/net/softnet_stat /proc/sys/...`) keeps them pending.
      if (!startsBlock(s, start, end)) this.values = [];
    }
    if (isBareCommand(s, start, end)) {
      this.command(s.slice(start, end));
      this.block = { line: () => "end" };
      return true;
    }
    this.block = openBlock(this, s, start, end);
    return this.block !== undefined;
  }

  line(s: string, start: number, end: number): BlockVerdict {
    return this.block === undefined ? "end" : this.block.line(s, start, end);
  }

  command(text: string): void {
    this.block = undefined;
    // Sleeps a line left pending (its second reading never came) still passed before this one.
    for (const s of this.deferred) this.store.now += s;
    const h = readCommand(text, this.nstatSince);
    this.hints = h;
    this.nstatSince = h.nstatSince;
    this.store.now += h.sleepBefore;
    this.deferred = [...h.sleepsBetween];
    this.opened.clear();
    this.values = [...h.values];
  }

  end(): CutOff | undefined {
    const cut = this.block?.end?.();
    this.block = undefined;
    return cut;
  }

  /** A live capture's next sample begins, `seconds` after its first. */
  mark(seconds: number): void {
    this.end();
    this.store.now = seconds;
    this.hints = NO_HINTS;
    this.deferred = [];
    this.nstatSince = null;
    this.opened.clear();
    this.values = [];
  }

  open(source: string): BlockInfo {
    // A format read again begins the line's next round of readings (`nstat; cat f; sleep 5; nstat; cat f`):
    // the next stretch of sleep passed before it (none left: a loop's, whose length the line does not tell,
    // so the interval stays unknown).
    if (this.opened.has(source)) {
      this.store.now += this.deferred.shift() ?? 0;
      this.opened.clear();
    }
    this.opened.add(source);
    this.store.noteSource(source);
    const nstat = source.startsWith("nstat");
    const h = this.hints;
    return { id: ++this.ids, source, basis: nstat ? (h.nstatBasis ?? "unknown") : "totals", span: nstat ? h.nstatSpan : null, filtered: h.filtered };
  }

  claimed(s: string, start: number, end: number): boolean {
    if (startsBlock(s, start, end) || isBareCommand(s, start, end)) return true;
    const k = classifyAt(s, start, end).kind;
    return k === "header" || k === "row" || k === "command" || k === "section";
  }

  /** A bare value for the next key a `cat /proc/sys/...` named. */
  private value(s: string, start: number, end: number): boolean {
    const key = this.values[0];
    if (key === undefined || !isNumbers(s, start, end) || startsBlock(s, start, end)) return false;
    this.values.shift();
    keepSetting(this, key, s.slice(start, end));
    this.store.noteSource("sysctl");
    return true;
  }
}
