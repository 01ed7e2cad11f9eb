/**
 * The streaming parser over bytes (UTF-8 or ASCII, as files and pipes give them): the same result as
 * decoding the bytes to text and pushing it into createSocketParser, a good deal faster.
 *
 * Inside a net-tools/BusyBox block, rows are read where they lie by fast-netstat.ts and go to a RowSink as
 * numbers; the string parser only keeps count. Any line the fast path does not take, and every line outside
 * such blocks, is decoded and read by the string parser, which keeps deciding what each block is, so
 * detection, counts, formats and examples are the string parser's own. Outside netstat blocks lines are
 * decoded in batches that grow while no netstat block starts.
 *
 * Memory stays constant: one partial line is kept between chunks, and of a line longer than any listing's
 * only what the string parser keeps of it (65,536 UTF-16 units, which 3 × 65,536 bytes always cover).
 */
import { SCAN, SCAN_PAD, scanRows, type RowSink } from "./fast-netstat";
import { createLineParser, type LineParser } from "./parse";
import type { FormatName, ParseSummary, SocketRecord } from "./types";

/** Enough bytes of a line for the 65,536 UTF-16 units the string parser keeps of it (a unit takes at most 3). */
const MAX_LINE_BYTES = 3 * 65536 + 6;
/** Lines in a row the fast path may refuse inside a netstat block before the block is read in batches. */
const MISSES_BEFORE_BATCH = 8;
/** Batches of lines read by the string parser grow to this many lines, or about 64 KiB. */
const MAX_BATCH = 4096;
const BATCH_BYTES = 65536;

export interface ByteParserOptions {
  /** Read every line as this format instead of detecting formats. */
  readonly format?: FormatName;
  /** Records of the string parser. */
  readonly onRecord: (record: SocketRecord) => void;
  /** Sockets of the fast path. */
  readonly sink: RowSink;
  /**
   * UTF-8 bytes to text, invalid sequences as U+FFFD and a leading BOM kept, e.g. `(b) => new
   * TextDecoder("utf-8", { ignoreBOM: true }).decode(b)` (core/ has no decoder of its own).
   */
  readonly decode: (bytes: Uint8Array) => string;
  /**
   * The bytes start in the middle of an input (a second part read by another thread): no byte-order mark
   * is looked for, and lines are read by the string parser only until the first one that gives a socket;
   * `onSync` is then called with the offset just after that line, and the fast path starts.
   */
  readonly midStream?: { readonly onSync: (offset: number) => void };
}

export interface ByteSocketParser {
  /** More bytes; a chunk may end anywhere, even inside a UTF-8 sequence. `bytes` is not kept. */
  push(bytes: Uint8Array): void;
  /** Reads the last, unterminated line and returns the totals. */
  end(): ParseSummary;
  /** The string parser underneath, its counts brought up to date. */
  parser(): LineParser;
  /** Bytes taken so far (whole lines and a partial one). */
  readonly offset: number;
  /** Every byte taken so far is in a line read (none is waiting for the rest of its line). */
  atLineStart(): boolean;
  /** Sends records and sockets elsewhere from now on. */
  retarget(onRecord: (record: SocketRecord) => void, sink: RowSink): void;
}

function isBomPrefix(b: Uint8Array): boolean {
  return (b.length < 1 || b[0] === 0xef) && (b.length < 2 || b[1] === 0xbb) && (b.length < 3 || b[2] === 0xbf);
}

export function createByteSocketParser(options: ByteParserOptions): ByteSocketParser {
  let onRecord = options.onRecord;
  let sink = options.sink;
  const decode = options.decode;
  const parser = createLineParser({ ...(options.format ? { format: options.format } : {}), onRecord: (r) => onRecord(r) });
  const onSync = options.midStream?.onSync;
  let syncing = onSync !== undefined;

  /** Bytes at the start of the input while we do not know yet whether they are a BOM. */
  let head: Uint8Array | undefined = syncing ? undefined : new Uint8Array(0);
  let carry = new Uint8Array(256 + SCAN_PAD);
  let carryLen = 0;
  let overlong = false;
  /** Stream offset of the chunk being read. */
  let base = 0;
  let ended = false;

  /** Fast rows counted here and not yet told to the parser. */
  let pendingRows = 0;
  /** The parser is in a netstat block: rows go to the fast path. */
  let fast = false;
  let plainFormat: FormatName = "linux-netstat";
  let quickPlain = false;
  let quickV6 = false;
  let batchLines = 16;
  /**
   * Lines in a row of a netstat block that the fast path looked at and did not take (a -p, -o or -e listing
   * has a column it never takes). Past MISSES_BEFORE_BATCH the block is read in batches, as outside netstat
   * blocks, and the fast path is tried again after each batch.
   */
  let misses = 0;

  function flush(): void {
    if (pendingRows !== 0) {
      parser.fastRows(pendingRows);
      pendingRows = 0;
    }
  }

  function refresh(): void {
    const f = parser.netstatFormat();
    fast = f !== undefined && !syncing;
    if (!fast) return;
    plainFormat = f as FormatName;
    const q = parser.quickFormat();
    const forced = parser.forced;
    quickPlain = q === (forced ?? plainFormat);
    quickV6 = q === (forced ?? "busybox-netstat");
  }

  /** After the string parser read a line ending (with its "\n") at stream offset `after`. */
  function afterStringLine(recordsBefore: number, after: number): void {
    if (syncing && parser.recordCount() > recordsBefore && parser.settled()) {
      syncing = false;
      (onSync as (offset: number) => void)(after);
    }
    refresh();
  }

  /** One line b[a, nl) for the string parser; it ends at stream offset `after`. */
  function stringLine(b: Uint8Array, a: number, nl: number, after: number): void {
    flush();
    const before = parser.recordCount();
    const text = decode(b.subarray(a, Math.min(nl, a + MAX_LINE_BYTES)));
    parser.lineAt(text, 0, text.length);
    afterStringLine(before, after);
  }

  /** Fast rows from b[pos] up to `stop` (see scanRows): returns where it stopped. */
  function fastLines(b: Uint8Array, pos: number, stop: number): number {
    for (;;) {
      pos = scanRows(b, pos, stop, sink, quickPlain, quickV6);
      pendingRows += SCAN.rows;
      if (SCAN.slow === 0) return pos;
      flush();
      parser.fastRecord(SCAN.slow === 2 ? "busybox-netstat" : plainFormat);
      refresh();
      if (!fast) return pos;
    }
  }

  /**
   * Up to batchLines whole lines from b[pos] on, before `stop`, read by the string parser from one decoded
   * text; stops early after a line that starts a netstat block (or gives the sync point), unless `inBlock`:
   * it is already in one whose rows the fast path does not take. `off` is the stream offset of b[0].
   * Returns where it stopped.
   */
  function batch(b: Uint8Array, pos: number, stop: number, off: number, inBlock: boolean): number {
    let q = pos;
    let count = 0;
    while (count < batchLines && q - pos < BATCH_BYTES && q < stop) {
      q = b.indexOf(10, q) + 1;
      count++;
    }
    if (count === 1 && q - 1 - pos > MAX_LINE_BYTES) {
      stringLine(b, pos, q - 1, off + q);
      return q;
    }
    flush();
    const text = decode(b.subarray(pos, q));
    let s = 0;
    /** Where the first `ends` lines end in the bytes, found when needed. */
    let p = pos;
    let ends = 0;
    const endOf = (k: number): number => {
      for (; ends < k; ends++) p = b.indexOf(10, p) + 1;
      return p;
    };
    for (let k = 1; k <= count; k++) {
      // Each of the `count` lines ends with "\n" in the bytes, hence in the text.
      const e = text.indexOf("\n", s);
      const before = parser.recordCount();
      parser.lineAt(text, s, e);
      s = e + 1;
      if (syncing) afterStringLine(before, off + endOf(k));
      else refresh();
      if (fast && !inBlock) {
        batchLines = 16;
        return endOf(k);
      }
    }
    batchLines = Math.min(batchLines * 2, MAX_BATCH);
    return q;
  }

  /**
   * The lines of b[pos, stop), `stop` being just after a "\n" with at least SCAN_PAD bytes of `b` after
   * it. `off` is the stream offset of b[0].
   */
  function lines(b: Uint8Array, pos: number, stop: number, off: number): void {
    while (pos < stop) {
      if (fast && misses < MISSES_BEFORE_BATCH) {
        const from = pos;
        pos = fastLines(b, pos, stop);
        if (pos !== from) misses = 0;
        if (fast && pos < stop) {
          const nl = b.indexOf(10, pos);
          stringLine(b, pos, nl, off + nl + 1);
          pos = nl + 1;
          misses++;
        }
      } else {
        pos = batch(b, pos, stop, off, fast);
        misses = 0;
      }
    }
  }

  /** A copy of the last lines of a chunk with zeros after them, so that they too can be read in place. */
  let tail = new Uint8Array(1024);

  /** Bytes b[pos, n) at stream offset `off` + pos: whole lines are read, an unfinished one is kept. */
  function feed(b: Uint8Array, pos: number, off: number): void {
    const n = b.length;
    if (carryLen > 0 || overlong) {
      const nl = b.indexOf(10, pos);
      if (nl < 0) {
        keep(b, pos, n);
        return;
      }
      keep(b, pos, nl);
      pos = nl + 1;
      finishCarry(off + pos);
    }
    // Lines that end SCAN_PAD bytes before the end are read where they are; the rest from `tail`.
    const safe = n > SCAN_PAD ? b.lastIndexOf(10, n - SCAN_PAD - 1) + 1 : 0;
    if (pos < safe) {
      lines(b, pos, safe, off);
      pos = safe;
    }
    if (pos >= n) return;
    const last = b.lastIndexOf(10) + 1;
    if (last > pos) {
      const len = last - pos;
      if (tail.length < len + SCAN_PAD) tail = new Uint8Array(len + SCAN_PAD);
      else tail.fill(0, len, len + SCAN_PAD);
      tail.set(b.subarray(pos, last));
      lines(tail.subarray(0, len + SCAN_PAD), 0, len, off + pos);
      pos = last;
    }
    if (pos < n) keep(b, pos, n);
  }

  /** Adds b[from, to) (no "\n") to the partial line, up to MAX_LINE_BYTES. */
  function keep(b: Uint8Array, from: number, to: number): void {
    let len = to - from;
    if (carryLen + len > MAX_LINE_BYTES) {
      overlong = true;
      len = Math.max(0, MAX_LINE_BYTES - carryLen);
    }
    if (carryLen + len + 1 + SCAN_PAD > carry.length) {
      const c = new Uint8Array(Math.max(carry.length * 2, carryLen + len + 1 + SCAN_PAD));
      c.set(carry.subarray(0, carryLen));
      carry = c;
    }
    carry.set(b.subarray(from, from + len), carryLen);
    carryLen += len;
  }

  /** The kept line has ended (its "\n" at stream offset `after` - 1): read it. */
  function finishCarry(after: number): void {
    const len = carryLen;
    carry[len] = 10;
    carry.fill(0, len + 1, len + 1 + SCAN_PAD);
    carryLen = 0;
    const wasOverlong = overlong;
    overlong = false;
    if (fast && !wasOverlong && fastLines(carry, 0, len + 1) === len + 1) return;
    stringLine(carry, 0, len, after);
  }

  refresh();

  return {
    push(bytes: Uint8Array): void {
      if (ended || bytes.length === 0) return;
      // One kind of array for the fast path (a Node Buffer is a subclass: mixing them costs its optimized code).
      let b = Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      let pos = 0;
      if (head !== undefined) {
        // The start of the input: a UTF-8 byte-order mark is dropped (as TextDecoder does).
        const joined = new Uint8Array(head.length + b.length);
        joined.set(head);
        joined.set(b, head.length);
        if (joined.length < 3 && isBomPrefix(joined)) {
          head = joined;
          return;
        }
        head = undefined;
        b = joined;
        if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) pos = 3;
        base -= joined.length - bytes.length;
      }
      feed(b, pos, base);
      base += b.length;
    },
    end(): ParseSummary {
      if (!ended) {
        if (head !== undefined && head.length > 0) {
          const h = head;
          head = undefined;
          feed(h, 0, base);
          base += h.length;
        }
        head = undefined;
        ended = true;
        // The first reader cannot read a last line without "\n" as this one does: no sync point there.
        syncing = false;
        if (carryLen > 0 || overlong) {
          const c = carry.subarray(0, carryLen);
          carryLen = 0;
          overlong = false;
          stringLine(c, 0, c.length, base);
        }
        flush();
      }
      return parser.end();
    },
    parser(): LineParser {
      flush();
      return parser;
    },
    get offset() {
      return base;
    },
    atLineStart: () => carryLen === 0 && !overlong && (head === undefined || head.length === 0),
    retarget(r: (record: SocketRecord) => void, s: RowSink): void {
      onRecord = r;
      sink = s;
    },
  };
}
