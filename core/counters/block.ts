/**
 * A block of counter output being read: the reader that recognised its first line reads the next ones until
 * a line is not of its format (or another format claims a line it cannot read: BlockContext.claimed).
 * detect.ts opens blocks; collector.ts drives them.
 */
import type { CutOff } from "../netstat/block-reader";

/** What a block makes of a line: read it, a line of the block it cannot read, or not of the block (it ended). */
export type Verdict = "read" | "bad" | "end";

export interface CounterBlock {
  line(s: string, start: number, end: number): Verdict;
  /** The block ended: what it still has to say, and whether it stopped short of its end (its output cut off). */
  end?(): CutOff | undefined;
}
