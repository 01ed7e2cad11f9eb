/** What a block reader gets from the collector: where to put what it reads, and a new identity per block. */
import type { BlockInfo, Store } from "./store";

export interface BlockContext {
  readonly store: Store;
  /** A block of `source` begins reading: its identity and what the command line above it said. */
  open(source: string): BlockInfo;
  /**
   * Whether another format claims the line (a block of counters or sockets starts there, or it is a command
   * line): a block that cannot read it ends there rather than count it as a bad line of its own.
   */
  claimed(s: string, start: number, end: number): boolean;
}
