/**
 * Reading a listing from a file or a pipe for `socket-doctor analyze`: bytes go to the byte analyser
 * (core/analysis/analyze.ts createByteAnalyzer), read straight into the scanner module's memory: a file, and
 * standard input where its descriptor blocks (else through a stream, one copy). UTF-16 input (PowerShell
 * writes it) is decoded and read as text.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import { createAnalyzer, createByteAnalyzer, type AnalyzeOptions, type ByteAnalyzer } from "../core/analysis/analyze";
import type { Analysis } from "../core/analysis/types";
import { inputError, utf16Of } from "./read-text";
import "./scanner-node";

/** The byte analyser for UTF-8 input: invalid sequences as U+FFFD, a BOM kept (the parser drops it). */
function byteAnalyzer(opts: AnalyzeOptions): ByteAnalyzer {
  const d = new TextDecoder("utf-8", { ignoreBOM: true });
  return createByteAnalyzer({ ...opts, decode: (b) => d.decode(b) });
}

/** The text analyser over UTF-16 bytes. */
function utf16Analyzer(encoding: "utf-16le" | "utf-16be", opts: AnalyzeOptions): ByteAnalyzer {
  const text = new TextDecoder(encoding);
  const a = createAnalyzer(opts);
  const push = (b: Uint8Array) => a.push(text.decode(b, { stream: true }));
  const buf = new Uint8Array(1 << 16);
  let have = 0;
  return {
    room: () => buf.subarray(have),
    commit(n) {
      push(buf.subarray(0, have + n));
      have = 0;
    },
    push,
    mark: (seconds) => a.mark(seconds),
    end: () => {
      a.push(text.decode());
      return a.end();
    },
  };
}

/**
 * Several inputs (the --live tables) in one analysis. The first bytes decide between UTF-8 and UTF-16; with
 * fewer than two bytes there is nothing to decide.
 */
export class InputReader {
  private sink: ByteAnalyzer | undefined;
  /** The first byte, held until the second one says whether they are a UTF-16 byte-order mark. */
  private head: Uint8Array | undefined;

  constructor(private readonly opts: AnalyzeOptions) {}

  private analyzerFor(first: Uint8Array): ByteAnalyzer {
    const utf16 = utf16Of(first);
    return utf16 === undefined ? byteAnalyzer(this.opts) : utf16Analyzer(utf16, this.opts);
  }

  private push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.sink === undefined) {
      const first = this.head === undefined ? bytes : Buffer.concat([this.head, bytes]);
      if (first.length < 2) {
        this.head = first.slice();
        return;
      }
      this.head = undefined;
      this.sink = this.analyzerFor(first);
      bytes = first;
    }
    this.sink.push(bytes);
  }

  /** Reads a file through: straight into the analyser once its encoding is known. */
  readFile(path: string, name: string): void {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (err) {
      throw inputError(name, err);
    }
    try {
      this.readFd(fd);
    } catch (err) {
      throw inputError(name, err);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Reads standard input as a file descriptor, without a stream's buffers; returns false where it cannot be
   * read so (a descriptor in non-blocking mode), having read nothing or part of it: the stream reads the rest.
   */
  readStdin(name: string): boolean {
    try {
      this.readFd(0);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EAGAIN") return false;
      throw inputError(name, err);
    }
  }

  private readFd(fd: number): void {
    while (this.sink === undefined) {
      const probe = new Uint8Array(2);
      const n = readSync(fd, probe, 0, 2, null);
      if (n === 0) return;
      this.push(probe.subarray(0, n));
    }
    const sink = this.sink;
    for (;;) {
      const room = sink.room();
      const n = readSync(fd, room, 0, room.length, null);
      if (n === 0) break;
      sink.commit(n);
    }
  }

  async readStream(stream: Readable, name: string): Promise<void> {
    try {
      for await (const chunk of stream) this.push(chunk as Buffer);
    } catch (err) {
      throw inputError(name, err);
    }
  }

  /** Text of our own making (the live capture's sysctl lines), read like the input around it. */
  pushText(text: string): void {
    this.push(new TextEncoder().encode(text));
  }

  /** The live capture's next sample begins (Analyzer.mark). */
  mark(seconds: number): void {
    this.ready().mark(seconds);
  }

  end(): Analysis {
    return this.ready().end();
  }

  /** The analyser, made now if the input was too short to choose one. */
  private ready(): ByteAnalyzer {
    if (this.sink === undefined) {
      this.sink = byteAnalyzer(this.opts);
      if (this.head !== undefined) this.sink.push(this.head);
      this.head = undefined;
    }
    return this.sink;
  }
}
