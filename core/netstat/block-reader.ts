/** The parser's hook for blocks of other data beside the socket listings (the kernel's counters: core/counters). */
/** What a BlockReader makes of a line of its block: read, a line of it that cannot be read, or not of the block. */
export type BlockVerdict = "read" | "bad" | "end";

/**
 * Another reader of blocks in a paste. A line no socket format reads is offered to `start` before detection;
 * while a block of its is open, every line goes to `line` first. Its lines are counted as skipped (read) or
 * unparsed (with examples), like the listings' own.
 */
export interface BlockReader {
  /** Whether the line starts one of its blocks (and is read as its first line). */
  start(s: string, start: number, end: number): boolean;
  line(s: string, start: number, end: number): BlockVerdict;
  /** A prompt or command line of the paste. */
  command(text: string): void;
  /** Its block ended; a block that stopped short of its end says so, and its last line is counted as unread. */
  end(): CutOff | undefined;
}

/** A block whose output was cut off before its end: the text to show for its last line, and why it is unread. */
export interface CutOff {
  readonly text: string;
  readonly reason: string;
}
