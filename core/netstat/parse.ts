/**
 * The streaming entry point: text goes in by chunks of any size, TCP sockets come out one by one,
 * and memory stays constant whatever the input's length (one partial line, at most 64 KiB, is kept
 * between chunks; a Windows record waits for the `-b` program line that may follow it).
 *
 * Each line is read by the current block's parser; only when it cannot read a line does detect.ts
 * look at it, which may start a new block (a header, another tool's row), note a command (`ss ...
 * state time-wait` tells what the State-less rows below it are in), or skip it as noise.
 */
import type { BlockReader } from "./block-reader";
import { readBsdLine } from "./bsd-netstat";
import { readBusyboxNetstatLine } from "./busybox-netstat";
import { commandHints } from "./command-hints";
import { classifyAt } from "./detect";
import { readNetstatLine } from "./linux-netstat";
import { readProcLine, type ProcContext } from "./proc-net-tcp";
import { cut, trimEnd } from "./scan";
import { readSsLine } from "./ss";
import { isFormatName, type FormatName, type LineResult, type ParseSummary, type SocketRecord, type TcpState, type UnparsedExample } from "./types";
import { readWindowsLine, type WindowsContext } from "./windows-netstat";

export interface SocketParserOptions {
  /** Read every line as this format instead of detecting formats. */
  format?: FormatName;
  onRecord: (record: SocketRecord) => void;
  /** Blocks of other data to read beside the listings (the kernel's counters: core/counters). */
  blocks?: BlockReader;
}

export interface SocketParser {
  /** Feeds more text; a chunk may end anywhere, even inside a line, a CRLF or a surrogate pair. */
  push(chunk: string): void;
  /** Reads the last, unterminated line and returns the totals. Later pushes are ignored. */
  end(): ParseSummary;
}

/**
 * The parser one line at a time, with what the fast path (fast-path.ts) needs to count net-tools rows
 * itself while this parser keeps the block state: the scanner reads a row only where this parser would read it
 * with readNetstatLine and its record needs no format bookkeeping, and tells it so (`fastRows`) so that every
 * count, format and line number stays the same.
 */
export interface LineParser extends SocketParser {
  /** The line s[start, end), `end` being where its "\n" is (or the end of `s`); a "\r" before it is trimmed as usual. */
  lineAt(s: string, start: number, end: number): void;
  /** The format netstat rows are read as right now, or undefined when the current block is not netstat's. */
  netstatFormat(): "linux-netstat" | "busybox-netstat" | undefined;
  /** The format the caller forced, if any. */
  readonly forced: FormatName | undefined;
  /**
   * The record format for which `fastRows` is enough (no format bookkeeping to do), or undefined.
   * Changes only after `lineAt`.
   */
  quickFormat(): FormatName | undefined;
  /** `n` lines that were netstat rows of quickFormat(), counted by the caller. */
  fastRows(n: number): void;
}

/** Longer lines are cut here: no listing has lines this long, and memory must stay bounded. */
const MAX_LINE = 65536;
export const MAX_EXAMPLES = 5;
const EXAMPLE_LENGTH = 200;

interface StreamContext extends ProcContext, WindowsContext {
  ssState: TcpState;
}

type Reader = (s: string, start: number, end: number) => LineResult;

function spacesAfter(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && s.charCodeAt(i) === 32) i++;
  return i - from;
}

export function createSocketParser(options?: SocketParserOptions): SocketParser {
  const p = createLineParser(options);
  return { push: p.push, end: p.end };
}

export function createLineParser(options?: SocketParserOptions): LineParser {
  const onRecord = typeof options?.onRecord === "function" ? options.onRecord : () => undefined;
  const forced = isFormatName(options?.format) ? options.format : undefined;
  const blocks = options?.blocks;
  const ctx: StreamContext = { ssState: "UNKNOWN", procNonTcp: false, owner: undefined, afterNonTcpRow: false };
  const readers: Record<FormatName, Reader> = {
    "linux-netstat": (s, a, e) => readNetstatLine(s, a, e, "linux-netstat"),
    "busybox-netstat": readBusyboxNetstatLine,
    ss: (s, a, e) => readSsLine(s, a, e, ctx.ssState),
    "proc-net-tcp": (s, a, e) => readProcLine(s, a, e, ctx),
    "bsd-netstat": readBsdLine,
    "windows-netstat": (s, a, e) => readWindowsLine(s, a, e, ctx),
  };

  /** The current block's format; "ignore" inside a section of non-TCP sockets; "blocks" in one of `blocks`; null when unknown. */
  let mode: FormatName | "ignore" | "blocks" | null = null;
  let reader: Reader | undefined;
  let busyboxHint = false;
  /** A Windows record, held until we know whether a `-b` program line follows it. */
  let pending: SocketRecord | undefined;
  let carry = "";
  let overlong = false;
  let ended = false;
  let consumerError: unknown;
  let lines = 0;
  let records = 0;
  let skipped = 0;
  let unparsed = 0;
  const examples: UnparsedExample[] = [];
  const formats: FormatName[] = [];
  let lastRecordFormat: FormatName | undefined;
  /**
   * A format seen in a header or a skipped line but not noted yet. It is noted with the block's
   * first record, which may say better (a BusyBox listing under a net-tools header), or when the
   * block ends without one.
   */
  let headerFormat: FormatName | undefined;
  /** The last line the BlockReader's block took, and whether it read it (rather than count it unparsed). */
  let blockLine = 0;
  let blockLineRead = false;

  function setMode(m: FormatName | "ignore" | "blocks" | null): void {
    mode = m;
    reader = m === null || m === "ignore" || m === "blocks" ? undefined : readers[m];
  }
  setMode(forced ?? null);

  function noteFormat(f: FormatName): void {
    if (!formats.includes(f)) formats.push(f);
  }

  /** The block ends: a header without records still says which tool's output this was. */
  function endBlock(): void {
    flushPending();
    if (headerFormat !== undefined) noteFormat(headerFormat);
    headerFormat = undefined;
  }

  function deliver(r: SocketRecord): void {
    records++;
    try {
      onRecord(r);
    } catch (e) {
      consumerError = e;
      throw e;
    }
  }

  function flushPending(): void {
    if (pending === undefined) return;
    const r = pending;
    pending = undefined;
    deliver(r);
  }

  function emit(r: SocketRecord): void {
    if (forced !== undefined) r.format = forced;
    headerFormat = undefined;
    if (r.format !== lastRecordFormat) {
      lastRecordFormat = r.format;
      noteFormat(r.format);
      // A "tcp" row with an IPv6 address: the block is BusyBox's, whatever its header said.
      if (r.format === "busybox-netstat" && mode === "linux-netstat") setMode("busybox-netstat");
    }
    if (mode === "windows-netstat") {
      flushPending();
      pending = r;
      return;
    }
    deliver(r);
  }

  function skip(): void {
    skipped++;
    // A line the block's parser knows (a header, a UDP row) shows the format even without records.
    if (headerFormat === undefined && mode !== null && mode !== "ignore" && mode !== "blocks" && !formats.includes(mode)) headerFormat = mode;
    if (mode === "windows-netstat" && ctx.owner !== undefined) {
      if (pending !== undefined && !ctx.afterNonTcpRow && pending.process === undefined) pending.process = ctx.owner;
      ctx.owner = undefined;
    }
  }

  function countUnparsed(s: string, start: number, end: number): void {
    unparsed++;
    if (examples.length >= MAX_EXAMPLES) return;
    let e = Math.min(end, start + EXAMPLE_LENGTH);
    const last = s.charCodeAt(e - 1);
    if (e < end && last >= 0xd800 && last <= 0xdbff) e--; // do not split a surrogate pair
    examples.push({ line: lines, text: cut(s, start, e) });
  }

  /** The BlockReader's block ended; one cut off short has its last line counted as unread, with the reason. */
  function endBlocks(): void {
    const cutOff = (blocks as BlockReader).end();
    if (cutOff === undefined || !blockLineRead) return;
    skipped--;
    unparsed++;
    if (examples.length < MAX_EXAMPLES) examples.push({ line: blockLine, text: cutOff.text, reason: cutOff.reason });
  }

  function startBlock(format: FormatName): void {
    endBlock();
    ctx.procNonTcp = false;
    ctx.owner = undefined;
    ctx.afterNonTcpRow = false;
    setMode(format === "linux-netstat" && busyboxHint ? "busybox-netstat" : format);
  }

  /** A line the current parser could not read (or there is none): let detection decide. */
  function reclassify(s: string, start: number, end: number, rawEnd: number): void {
    if (blocks?.start(s, start, end)) {
      endBlock();
      setMode("blocks");
      skipped++;
      blockLine = lines;
      blockLineRead = true;
      return;
    }
    const c = classifyAt(s, start, end);
    switch (c.kind) {
      case "header":
      case "row": {
        const same = c.format === mode || (c.format === "linux-netstat" && mode === "busybox-netstat");
        if (forced !== undefined || same) {
          countUnparsed(s, start, end);
          return;
        }
        // BusyBox pads its header's "State" to 12 columns, net-tools to 11: when a listing keeps
        // its trailing spaces (piped, not pasted), that tells them apart.
        if (c.format === "linux-netstat" && c.kind === "header" && s.endsWith("State", end) && spacesAfter(s, end, rawEnd) === 7) busyboxHint = true;
        startBlock(c.format);
        if (c.kind === "header") headerFormat = mode as FormatName;
        const r = (reader as Reader)(s, start, end);
        if (r === "skip" || (r === "unparsed" && c.kind === "header")) skip();
        else if (r !== "unparsed") emit(r);
        else countUnparsed(s, start, end);
        return;
      }
      case "command":
        endBlock();
        ({ busybox: busyboxHint, ssState: ctx.ssState } = commandHints(c.command));
        blocks?.command(c.command);
        if (forced === undefined) setMode(null);
        skipped++;
        return;
      case "busybox-notice":
        busyboxHint = true;
        if (mode === "linux-netstat" && forced === undefined) setMode("busybox-netstat");
        skipped++;
        return;
      case "section":
        if (forced === undefined) {
          endBlock();
          setMode("ignore");
        }
        skipped++;
        return;
      case "noise":
        skipped++;
        return;
      case "unknown":
        if (mode === "ignore") skipped++;
        else countUnparsed(s, start, end);
        return;
    }
  }

  /** The line `[start, end)` of `s`, trailing blanks already cut; they ran to `rawEnd`. */
  function handleLine(s: string, start: number, end: number, rawEnd: number): void {
    lines++;
    try {
      if (lines === 1 && s.charCodeAt(start) === 0xfeff) start++;
      if (start >= end) {
        skipped++;
        return;
      }
      if (mode === "blocks") {
        const v = (blocks as BlockReader).line(s, start, end);
        if (v !== "end") {
          blockLine = lines;
          blockLineRead = v === "read";
          if (v === "read") skipped++;
          else countUnparsed(s, start, end);
          return;
        }
        endBlocks();
        setMode(forced ?? null);
      }
      if (reader !== undefined) {
        const r = reader(s, start, end);
        if (r === "skip") return skip();
        if (r !== "unparsed") return emit(r);
      }
      reclassify(s, start, end, rawEnd);
    } catch (e) {
      if (e === consumerError && e !== undefined) {
        consumerError = undefined;
        throw e;
      }
      // A bug of ours must not lose the rest of the input: report the line instead.
      countUnparsed(s, start, end);
    }
  }

  function addCarry(text: string): void {
    if (overlong) return;
    if (carry.length + text.length <= MAX_LINE) {
      carry += text;
      return;
    }
    carry = (carry + text).slice(0, MAX_LINE);
    overlong = true;
  }

  function takeCarry(): void {
    const line = carry;
    carry = "";
    overlong = false;
    handleLine(line, 0, trimEnd(line, 0, line.length), line.length);
  }

  return {
    lineAt(s: string, start: number, end: number): void {
      if (ended) return;
      if (end - start > MAX_LINE) {
        const line = s.slice(start, start + MAX_LINE);
        handleLine(line, 0, trimEnd(line, 0, line.length), line.length);
      } else handleLine(s, start, trimEnd(s, start, end), end);
    },
    netstatFormat() {
      return mode === "linux-netstat" || mode === "busybox-netstat" ? mode : undefined;
    },
    forced,
    quickFormat() {
      return headerFormat === undefined ? lastRecordFormat : undefined;
    },
    fastRows(n: number): void {
      lines += n;
      records += n;
    },
    push(chunk: string): void {
      if (ended || typeof chunk !== "string" || chunk.length === 0) return;
      let pos = 0;
      if (carry.length > 0 || overlong) {
        const nl = chunk.indexOf("\n");
        if (nl === -1) {
          addCarry(chunk);
          return;
        }
        addCarry(chunk.slice(0, nl));
        takeCarry();
        pos = nl + 1;
      }
      for (;;) {
        const nl = chunk.indexOf("\n", pos);
        if (nl === -1) break;
        if (nl - pos > MAX_LINE) {
          addCarry(chunk.slice(pos, nl));
          takeCarry();
        } else {
          handleLine(chunk, pos, trimEnd(chunk, pos, nl), nl);
        }
        pos = nl + 1;
      }
      if (pos < chunk.length) addCarry(chunk.slice(pos));
    },
    end(): ParseSummary {
      if (!ended) {
        ended = true;
        if (carry.length > 0 || overlong) takeCarry();
        if (mode === "blocks") endBlocks();
        endBlock();
      }
      return { formats: formats.slice(), lines, records, skipped, unparsed, unparsedExamples: examples.slice() };
    },
  };
}

/** The whole of a small input at once (tests, a pasted selection). */
export function parseSockets(text: string, options?: { format?: FormatName }): { records: SocketRecord[]; summary: ParseSummary } {
  const records: SocketRecord[] = [];
  const parser = createSocketParser({ format: options?.format, onRecord: (r) => records.push(r) });
  parser.push(text);
  return { records, summary: parser.end() };
}
