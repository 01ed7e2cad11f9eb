/**
 * Reading bytes (files and pipes, as the CLI gets them): the same result as decoding them and pushing the
 * text into the line parser (parse.ts), much faster. Bytes are read into the scanner module's memory in
 * chunks; inside a net-tools/BusyBox block the module reads and counts the rows itself (wasm/scanner.ts), and
 * every line it refuses, and every line outside such blocks, is decoded and read by the line parser, which
 * keeps deciding what each block is; so detection, counts, formats and examples are the line parser's own.
 *
 * Memory stays constant: a chunk and one partial line; of a line longer than a chunk only what the line
 * parser keeps of it (65,536 UTF-16 units, which 3 × 65,536 bytes always cover).
 */
import type { BlockReader } from "./block-reader";
import { createLineParser } from "./parse";
import type { ScannerExports } from "./scanner-module";
import type { FormatName, ParseSummary, SocketRecord } from "./types";

/** Enough bytes of a line for the 65,536 UTF-16 units the line parser keeps of it. */
const MAX_LINE_BYTES = 3 * 65536 + 6;
/** Lines in a row the scanner may refuse inside a netstat block before the block is read in batches. */
const MISSES_BEFORE_BATCH = 8;
/** Batches of lines for the line parser grow to this many lines, or about 64 KiB. */
const MAX_BATCH = 4096;
const BATCH_BYTES = 65536;

export interface ByteReaderOptions {
  readonly format?: FormatName;
  /** The records the line parser makes (the scanner counts its rows itself). */
  readonly onRecord: (record: SocketRecord) => void;
  /** UTF-8 bytes to text, invalid sequences as U+FFFD and a leading BOM kept (the line parser drops it). */
  readonly decode: (bytes: Uint8Array) => string;
  /** Blocks of other data the line parser reads beside the listings (SocketParserOptions.blocks). */
  readonly blocks?: BlockReader;
}

export interface ByteReader {
  /** Where the next bytes go: fill a prefix of it, then commit() how many (no copy). */
  room(): Uint8Array;
  commit(n: number): void;
  /** Copies bytes in (through room() and commit()). */
  push(bytes: Uint8Array): void;
  /** Reads the last, unterminated line and returns the totals. */
  end(): ParseSummary;
}

export function createByteReader(w: ScannerExports, options: ByteReaderOptions): ByteReader {
  const parser = createLineParser({ ...(options.format ? { format: options.format } : {}), onRecord: options.onRecord, blocks: options.blocks });
  const decode = options.decode;
  const input = w.inputPtr();
  const chunk = w.chunkSize();
  /** Bytes in the chunk: a partial line carried over, then what was committed. */
  let have = 0;
  /** The start of a line longer than a chunk, while the rest of it is skipped. */
  let overlong: string | undefined;
  let ended = false;
  /** The first bytes may still be a UTF-8 byte-order mark (dropped, as TextDecoder does). */
  let atStart = true;

  /** The scanner may read rows now; `quick` as scan() takes it. */
  let fast = false;
  let quick = 0;
  let batchLines = 16;
  let misses = 0;

  function bytes(): Uint8Array {
    return new Uint8Array(w.memory.buffer, input, chunk);
  }

  function refresh(): void {
    const f = parser.netstatFormat();
    fast = f !== undefined;
    if (!fast) return;
    const q = parser.quickFormat();
    const forced = parser.forced;
    quick = (q === (forced ?? f) ? 1 : 0) | (q === (forced ?? "busybox-netstat") ? 2 : 0);
  }

  function stringLine(b: Uint8Array, a: number, nl: number): void {
    const text = decode(b.subarray(a, Math.min(nl, a + MAX_LINE_BYTES)));
    parser.lineAt(text, 0, text.length);
    refresh();
  }

  /**
   * Up to batchLines whole lines from `pos`, before `stop`, read by the line parser from one decoded text; stops
   * early after a line that starts a netstat block, unless `inBlock` (the scanner refuses this block's rows).
   */
  function batch(b: Uint8Array, pos: number, stop: number, inBlock: boolean): number {
    let q = pos;
    let count = 0;
    while (count < batchLines && q - pos < BATCH_BYTES && q < stop) {
      q = b.indexOf(10, q) + 1;
      count++;
    }
    if (count === 1) {
      stringLine(b, pos, q - 1);
      return q;
    }
    const text = decode(b.subarray(pos, q));
    let s = 0;
    let p = pos;
    for (let k = 0; k < count; k++) {
      const e = text.indexOf("\n", s);
      parser.lineAt(text, s, e);
      s = e + 1;
      refresh();
      if (fast && !inBlock) {
        batchLines = 16;
        // The counting may have grown the module's memory: a fresh view.
        const now = bytes();
        for (let i = 0; i <= k; i++) p = now.indexOf(10, p) + 1;
        return p;
      }
    }
    batchLines = Math.min(batchLines * 2, MAX_BATCH);
    return q;
  }

  /** The lines of the chunk's bytes [pos, stop), `stop` just after a "\n". */
  function lines(pos: number, stop: number): void {
    while (pos < stop) {
      if (fast && misses < MISSES_BEFORE_BATCH) {
        const from = pos;
        pos = w.scan(pos, stop, quick);
        const rows = w.rowsTaken();
        if (rows > 0) parser.fastRows(rows);
        if (pos !== from) misses = 0;
        if (pos < stop) {
          const b = bytes();
          const nl = b.indexOf(10, pos);
          stringLine(b, pos, nl);
          pos = nl + 1;
          misses++;
        }
      } else {
        pos = batch(bytes(), pos, stop, fast);
        misses = 0;
      }
    }
  }

  /** Drops a UTF-8 byte-order mark at the start of the input once its bytes are in (or the input ended). */
  function dropBom(b: Uint8Array): void {
    if (!atStart || (have < 3 && !ended)) return;
    atStart = false;
    if (have >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      b.copyWithin(0, 3, have);
      have -= 3;
    }
  }

  /** Reads the whole lines in the chunk and keeps the partial one at its start. */
  function drain(): void {
    let b = bytes();
    dropBom(b);
    if (atStart) return;
    let from = 0;
    if (overlong !== undefined) {
      const nl = b.subarray(0, have).indexOf(10);
      if (nl < 0) {
        have = 0;
        return;
      }
      const text = overlong;
      overlong = undefined;
      parser.lineAt(text, 0, text.length);
      refresh();
      b = bytes();
      from = nl + 1;
    }
    const last = b.subarray(0, have).lastIndexOf(10) + 1;
    if (last > from) lines(from, last);
    else if (last === 0 && from === 0 && have === chunk) {
      // A line longer than the chunk: keep its start, skip the rest.
      overlong = decode(b.subarray(0, Math.min(chunk, MAX_LINE_BYTES)));
      have = 0;
      return;
    }
    const start = Math.max(last, from);
    bytes().copyWithin(0, start, have);
    have -= start;
  }

  refresh();

  return {
    room: () => new Uint8Array(w.memory.buffer, input + have, chunk - have),
    commit(n: number): void {
      if (ended || n <= 0) return;
      have += n;
      drain();
    },
    push(data: Uint8Array): void {
      for (let i = 0; i < data.length && !ended; ) {
        const room = new Uint8Array(w.memory.buffer, input + have, chunk - have);
        const n = Math.min(room.length, data.length - i);
        room.set(data.subarray(i, i + n));
        i += n;
        this.commit(n);
      }
    },
    end(): ParseSummary {
      if (!ended) {
        ended = true;
        // Lines held back while the first bytes might have been a byte-order mark, then the last one.
        drain();
        if (overlong !== undefined) parser.lineAt(overlong, 0, overlong.length);
        else if (have > 0) stringLine(bytes(), 0, have);
        overlong = undefined;
        have = 0;
      }
      return parser.end();
    },
  };
}
