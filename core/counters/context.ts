/** What a block reader gets from the collector: where to put what it reads, and a new identity per block. */
import type { BlockInfo, Store } from "./store";

export interface BlockContext {
  readonly store: Store;
  /** A block of `source` begins reading: its identity and what the command line above it said. */
  open(source: string): BlockInfo;
}
