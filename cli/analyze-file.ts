/**
 * Reading a listing from a file or a pipe for `socket-doctor analyze`, fast: bytes go to the byte-level
 * analyser (core/analysis/analyze.ts createByteAnalyzer) through one reused buffer, and a large regular file
 * is read by two threads, each taking one part; the first then takes over the second's counts
 * (ByteAnalyzer.endWith), or reads the rest itself when they cannot be joined exactly.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import { Worker } from "node:worker_threads";
import { createAnalyzer, createByteAnalyzer, type AnalyzeOptions, type ByteAnalyzer } from "../core/analysis/analyze";
import type { Analysis } from "../core/analysis/types";
import { CHUNK, utf8Decoder, type WorkerAnswer, type WorkerJob } from "./analyze-protocol";
import { inputError, InputError, utf16Of } from "./read-text";

/** Files at least this large are read by two threads. */
export const PARALLEL_MIN = 8 << 20;
/**
 * The share of the file the first thread reads: it starts at once, while the second one starts some tens of
 * milliseconds later and then hands its counts over, which the first one folds in.
 */
const FIRST_SHARE = 0.58;

/** The byte analyser for UTF-8 input. */
function byteAnalyzer(opts: AnalyzeOptions): ByteAnalyzer {
  return createByteAnalyzer({ ...opts, decode: utf8Decoder() });
}

/** Something to push bytes into: the byte analyser, or the text one for UTF-16 (PowerShell writes it). */
interface Sink {
  push(bytes: Uint8Array): void;
  end(): Analysis;
}

/** The analyser for an input whose first bytes are `first` (chosen by its byte-order mark). */
function sinkFor(first: Uint8Array, opts: AnalyzeOptions): Sink {
  const utf16 = utf16Of(first);
  if (utf16 === undefined) return byteAnalyzer(opts);
  const text = new TextDecoder(utf16);
  const a = createAnalyzer(opts);
  return {
    push: (b) => a.push(text.decode(b, { stream: true })),
    end: () => {
      a.push(text.decode());
      return a.end();
    },
  };
}

/**
 * Several inputs (the --live tables) in one analysis. Each is a path, or "-" for standard input. The first
 * bytes decide between UTF-8 and UTF-16, as before.
 */
export class InputReader {
  private sink: Sink | undefined;
  private readonly buf = new Uint8Array(CHUNK);

  constructor(private readonly opts: AnalyzeOptions) {}

  private push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.sink ??= sinkFor(bytes, this.opts);
    this.sink.push(bytes);
  }

  /** Reads a file through; a large regular file as the only input goes to analyzeLargeFile instead. */
  readFile(path: string, name: string): void {
    const fd = openInput(path, name);
    try {
      for (;;) {
        const n = readSync(fd, this.buf, 0, CHUNK, null);
        if (n === 0) break;
        this.push(this.buf.subarray(0, n));
      }
    } catch (err) {
      throw inputError(name, err);
    } finally {
      closeSync(fd);
    }
  }

  async readStream(stream: Readable, name: string): Promise<void> {
    try {
      for await (const chunk of stream) this.push(chunk as Buffer);
    } catch (err) {
      throw inputError(name, err);
    }
  }

  end(): Analysis {
    return (this.sink ?? byteAnalyzer(this.opts)).end();
  }
}

/** The path of the worker script: next to this one, bundled (dist/) or compiled (out/cli/). */
function workerScript(): string {
  return join(__dirname, "analyze-worker.js");
}

/** Bytes [from, to) of the file (or to its end when `to` is Infinity) into `a`; returns where reading stopped. */
function readRange(fd: number, buf: Uint8Array, from: number, to: number, a: ByteAnalyzer): number {
  let pos = from;
  while (pos < to) {
    const n = readSync(fd, buf, 0, Math.min(CHUNK, to - pos), pos);
    if (n === 0) break;
    pos += n;
    a.push(buf.subarray(0, n));
  }
  return pos;
}

/** The offset just after the first "\n" at or after `near`, or -1. */
function lineStartAfter(fd: number, buf: Uint8Array, near: number): number {
  let pos = near;
  for (let i = 0; i < 64; i++) {
    const n = readSync(fd, buf, 0, 65536, pos);
    if (n === 0) return -1;
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl >= 0) return pos + nl + 1;
    pos += n;
  }
  return -1;
}

/** Opens an input for reading, or throws the InputError the CLI reports. */
function openInput(path: string, name: string): number {
  try {
    return openSync(path, "r");
  } catch (err) {
    throw inputError(name, err);
  }
}

/**
 * A regular file of at least PARALLEL_MIN bytes, in UTF-8: read by this thread and a worker thread, or
 * undefined when it is not such a file (the caller reads it the usual way).
 */
export async function analyzeLargeFile(path: string, name: string, opts: AnalyzeOptions): Promise<Analysis | undefined> {
  const fd = openInput(path, name);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size < PARALLEL_MIN) return undefined;
    const buf = new Uint8Array(CHUNK);
    const head = readSync(fd, buf, 0, 2, 0);
    if (utf16Of(buf.subarray(0, head)) !== undefined) return undefined;
    const mid = lineStartAfter(fd, buf, Math.floor(stat.size * FIRST_SHARE));
    if (mid < 0) return undefined;

    let worker: Worker;
    try {
      worker = new Worker(workerScript(), { workerData: { path, start: mid, options: opts } satisfies WorkerJob });
    } catch {
      return undefined;
    }
    const second = new Promise<WorkerAnswer | undefined>((resolve) => {
      worker.once("message", (m: WorkerAnswer) => resolve(m));
      worker.once("error", () => resolve(undefined));
      worker.once("exit", () => resolve(undefined));
    });

    const analyzer = byteAnalyzer(opts);
    let pos = readRange(fd, buf, 0, mid, analyzer);
    const part = await second;
    void worker.terminate();
    if (part !== undefined && "aggregate" in part) {
      pos = readRange(fd, buf, pos, mid + part.syncOffset, analyzer);
      if (pos === mid + part.syncOffset) {
        const joined = analyzer.endWith(part);
        if (joined) return joined;
      }
    }
    readRange(fd, buf, pos, Infinity, analyzer);
    return analyzer.end();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw inputError(name, err);
  } finally {
    closeSync(fd);
  }
}
