/**
 * Reading one input in two threads: the reader of its second part (from a line boundary to the end), and
 * what it hands to the reader of the first part (createByteAnalyzer's endWith, in analyze.ts). Kept apart
 * from analyze.ts so that a worker thread loads only the parser and the aggregator.
 */
import { createByteSocketParser, type ByteSocketParser } from "../netstat/byte-stream";
import type { ParseSummary } from "../netstat/types";
import { SocketAggregator, type AggregateState } from "./aggregate";
import type { AnalyzeOptions } from "./analyze";
import { DEFAULT_PORT_RANGE } from "./thresholds";

export interface ByteAnalyzeOptions extends AnalyzeOptions {
  /** UTF-8 to text, keeping a BOM (see ByteParserOptions.decode). */
  readonly decode: (bytes: Uint8Array) => string;
  /** Distinct keys per table (tests). */
  readonly maxKeys?: number;
}

/** What the reader of the second part of an input hands to the reader of the first. */
export interface SecondPart {
  /**
   * Where in the second part's bytes its own counting starts: just after its first line that gave a socket
   * (the sync point), or -1 when it found none.
   */
  readonly syncOffset: number;
  /** The parser's state at the sync point (LineParser.state()). */
  readonly syncState: string;
  /** Totals from the sync point to the end. */
  readonly summary: ParseSummary;
  /** How many of summary.formats were noted before the sync point. */
  readonly formatsBefore: number;
  readonly aggregate: AggregateState;
}

/**
 * The reader of the second part of an input, for another thread: it reads by the string parser until the
 * first line that gives a socket (the sync point), then starts counting afresh. The first part's reader reads
 * the lines up to the sync point itself and checks that its parser is then in the same state, so that the
 * counts from there on are those it would have made.
 */
export interface SecondPartReader {
  push(bytes: Uint8Array): void;
  /** The sync point was found. */
  readonly synced: boolean;
  /** Bytes taken so far. */
  readonly offset: number;
  end(): SecondPart;
}

export function createSecondPart(options: ByteAnalyzeOptions): SecondPartReader {
  const range = options.portRange ?? DEFAULT_PORT_RANGE;
  const maxKeys = options.maxKeys !== undefined ? { maxKeys: options.maxKeys } : {};
  /** Sockets before the sync point are the first part's reader's to count: these go nowhere. */
  const before = new SocketAggregator(range, maxKeys);
  const agg = new SocketAggregator(range, { ...maxKeys, logOverflow: true });
  let syncOffset = -1;
  let syncState = "";
  let formatsBefore = 0;
  const reader: ByteSocketParser = createByteSocketParser({
    ...(options.format ? { format: options.format } : {}),
    onRecord: (r) => before.add(r),
    sink: before,
    decode: options.decode,
    midStream: {
      onSync(offset: number): void {
        const parser = reader.parser();
        syncOffset = offset;
        syncState = parser.state();
        parser.resetTotals();
        formatsBefore = parser.formatsBefore;
        reader.retarget((rec) => agg.add(rec), agg);
      },
    },
  });
  return {
    push: (bytes) => reader.push(bytes),
    get synced() {
      return syncOffset >= 0;
    },
    get offset() {
      return reader.offset;
    },
    end(): SecondPart {
      const summary = reader.end();
      return { syncOffset, syncState, summary, formatsBefore, aggregate: agg.exportState() };
    },
  };
}
