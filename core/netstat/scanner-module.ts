/**
 * The scanner module (wasm/scanner.ts, built to dist/scanner.wasm): the exports core uses, and where core
 * gets an instance. core/ does not load WebAssembly itself (it has no file system and no `WebAssembly`
 * types): each host — the CLI and the extension (cli/scanner-node.ts), the panel (webview/scanner-browser.ts),
 * the tests — compiles the module once and calls provideScanner() with a function that instantiates it.
 * Every analysis takes a fresh instance, so its counts start from zero.
 */

/** The module's exports. Offsets and pointers are byte offsets into `memory`. */
export interface ScannerExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  /** Where the input chunk is, and its size (there is room for a little more after it). */
  inputPtr(): number;
  chunkSize(): number;
  /** Where an address to intern is written, the room there, and the longest address interned uncut. */
  nameBufPtr(): number;
  nameBufSize(): number;
  maxName(): number;
  /** The id of the n bytes at nameBufPtr(). */
  internName(n: number): number;
  /** See wasm/scanner.ts. */
  scan(from: number, end: number, quick: number): number;
  rowsTaken(): number;
  /** One socket of a record: state index, ports (-1: none), addresses as (tag, key). */
  count(state: number, localPort: number, remotePort: number, localTag: number, localKey: number, remoteTag: number, remoteKey: number): void;
  setRange(low: number, high: number): void;
  /** A port of ip_local_reserved_ports: never outgoing. */
  reservePort(port: number): void;
  /**
   * Computes the top `n` remote hosts (topPtr, topLength, distinctHosts) and the per-state ones (stateDistinctPtr,
   * stateTopPtr; loggedDistinctPtr, loggedTopPtr).
   */
  finish(n: number): void;
  statesPtr(): number;
  outgoingPtr(): number;
  portsPtr(): number;
  portBitsPtr(): number;
  portListPtr(): number;
  portListLength(): number;
  /** Per local port (f64): sockets that would be outgoing but for their local port lying outside the range. */
  outsidePtr(): number;
  destinationRows(): number;
  destinationKeysPtr(): number;
  destinationCountsPtr(): number;
  topPtr(): number;
  topLength(): number;
  distinctHosts(): number;
  /** Per state (f64): the distinct remote hosts with a socket in it. */
  stateDistinctPtr(): number;
  /** Per state, STATE_TOP_N (host, count) f64 pairs, most sockets first; a count of 0 ends the list. */
  stateTopPtr(): number;
  /** As stateDistinctPtr and stateTopPtr, over the sockets counted by local port (not outgoing) alone. */
  loggedDistinctPtr(): number;
  loggedTopPtr(): number;
  /** Compacts the host log after n entries (tests). */
  setLogLimit(n: number): void;
  nameAt(id: number): number;
  nameLength(id: number): number;
}

/** The hosts the module keeps per state (wasm/hosts.ts STATE_TOP_N). */
export const STATE_TOP_N = 3;

let instantiate: (() => ScannerExports) | undefined;
let prepare: (() => Promise<void>) | undefined;

/**
 * Tells core how to make an instance of the scanner module (once per process, before any analysis), and, where
 * instances are made asynchronously (a browser), how to wait until `make` can answer.
 */
export function provideScanner(make: () => ScannerExports, ready?: () => Promise<void>): void {
  instantiate = make;
  prepare = ready;
}

/** Resolves once newScanner() can answer: at once in Node, after compiling in a browser. */
export async function scannerReady(): Promise<void> {
  await prepare?.();
}

/** A fresh instance of the scanner module. */
export function newScanner(): ScannerExports {
  if (instantiate === undefined) throw new Error("the scanner module was not provided (provideScanner)");
  return instantiate();
}
