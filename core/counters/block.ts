/**
 * A block of counter output being read: the reader that recognised its first line reads the next ones until
 * a line is not of its format. detect.ts opens blocks; collector.ts drives them.
 */

/** What a block makes of a line: read it, a line of the block it cannot read, or not of the block (it ended). */
export type Verdict = "read" | "bad" | "end";

export interface CounterBlock {
  line(s: string, start: number, end: number): Verdict;
}
