/** The scanner module for tests (cli/scanner-node.ts): import this before analysing. */
import { nodeScanner } from "../../cli/scanner-node";
import { provideScanner } from "../../core/netstat/scanner-module";

/**
 * Runs `fn` with instances whose host log compacts every `entries` sockets, so that small inputs go through
 * the compaction that large ones need.
 */
export function withLogLimit<T>(entries: number, fn: () => T): T {
  provideScanner(() => {
    const w = nodeScanner();
    w.setLogLimit(entries);
    return w;
  });
  try {
    return fn();
  } finally {
    provideScanner(nodeScanner);
  }
}
