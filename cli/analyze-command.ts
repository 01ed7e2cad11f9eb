/** `socket-doctor analyze [FILE|-] [--format text|json|markdown|prometheus] [--input-format F] [--port-range LO HI] [--live [--interval S]]` */
import { createReadStream, existsSync } from "node:fs";
import type { Readable } from "node:stream";
import { type AnalyzeOptions } from "../core/analysis/analyze";
import { reportMarkdown } from "../core/analysis/report-markdown";
import { reportPrometheus } from "../core/analysis/report-prometheus";
import type { Analysis } from "../core/analysis/types";
import { PROC_NET_TCP_TABLES } from "../core/netstat/proc-net-tcp";
import { InputReader } from "./analyze-file";
import { sampleLive } from "./live-sample";
import { reportText } from "./analyze-text";
import { escapeControls, jsonText, type Paint } from "./output";
import { InputError, STDIN } from "./read-text";

export interface Input {
  readonly stream: () => Readable;
  readonly name: string;
  /** A file to read by path (a regular file, /proc), rather than as a stream. */
  readonly path?: string;
  /** Standard input: read by its descriptor where it can be. */
  readonly stdin?: boolean;
}

/** Reads the inputs through the analyser: memory bounded whatever their size (analyze-file.ts). */
export async function analyzeInputs(inputs: readonly Input[], opts: AnalyzeOptions): Promise<Analysis> {
  const reader = new InputReader(opts);
  for (const input of inputs) {
    if (input.path !== undefined) reader.readFile(input.path, input.name);
    else if (!(input.stdin === true && reader.readStdin(input.name))) await reader.readStream(input.stream(), input.name);
  }
  return reader.end();
}

export function fileInput(path: string): Input {
  return path === STDIN ? { stream: () => process.stdin, name: "standard input", stdin: true } : { stream: () => createReadStream(path), name: path, path };
}

/**
 * This machine: its kernel counters sampled twice, `interval` seconds apart, then its sockets, straight from
 * /proc (live-sample.ts: no shell, no external command). A countdown shows on a terminal.
 */
export async function analyzeLive(opts: AnalyzeOptions, interval: number): Promise<Analysis> {
  if (!PROC_NET_TCP_TABLES.some((p) => existsSync(p))) throw new InputError("--live reads /proc/net/tcp, which this system does not have (Linux only)");
  const reader = new InputReader(opts);
  await sampleLive({ file: (path) => reader.readFile(path, path), text: (t) => reader.pushText(t), mark: (s) => reader.mark(s) }, { interval, wait: countdown });
  return reader.end();
}

/** Waits, counting the seconds down on standard error when it is a terminal. */
async function countdown(seconds: number): Promise<boolean> {
  const tty = process.stderr.isTTY;
  const deadline = performance.now() + seconds * 1000;
  for (let left = seconds; left > 0; left = (deadline - performance.now()) / 1000) {
    if (tty) process.stderr.write(`\rsocket-doctor: sampling the kernel's counters, ${Math.ceil(left)} s left `);
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, left * 1000)));
  }
  if (tty) process.stderr.write("\r\x1b[K");
  return true;
}

export const ANALYZE_FORMATS = ["text", "json", "markdown", "prometheus"] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/** The analysis in one of the output formats; what came from the input cannot drive a terminal in any of them. */
export function render(a: Analysis, format: AnalyzeFormat, paint: Paint): string {
  if (format === "json") return jsonText(a, 2) + "\n";
  if (format === "prometheus") return reportPrometheus(a);
  if (format === "markdown") return escapeControls(reportMarkdown(a));
  return reportText(a, paint);
}
