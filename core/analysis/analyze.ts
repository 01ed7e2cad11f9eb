/**
 * Socket listing in, analysis out: text (the editor, the panel) through the line parser, or bytes (the CLI)
 * through the fast path; either way every socket is counted in a fresh instance of the scanner module and
 * nothing of the input is kept.
 */
import { createByteReader } from "../netstat/fast-path";
import { createSocketParser } from "../netstat/parse";
import { newScanner } from "../netstat/scanner-module";
import type { FormatName, ParseSummary } from "../netstat/types";
import { breakdowns, portPressure } from "./breakdowns";
import { sum, toStateCounts } from "./counts";
import { facts } from "./facts";
import { findings } from "./findings";
import { Tally } from "./tally";
import { DEFAULT_PORT_RANGE } from "./thresholds";
import type { AcceptQueues, Analysis, Breakdowns, Facts, PortPressure, PortRange } from "./types";

export interface AnalyzeOptions {
  /** Read the whole input as this format instead of detecting it block by block. */
  readonly format?: FormatName;
  /** The local port range of the host the listing came from (default 32768–60999). */
  readonly portRange?: PortRange;
  /** Its ip_local_reserved_ports: never taken for outgoing sockets. */
  readonly reservedPorts?: readonly PortRange[];
  /** Where the range came from, for the report ("--port-range", "this machine's sysctl"). */
  readonly rangeSource?: string;
}

/** Everything counted of a listing, whatever did the counting. */
export interface Counts {
  readonly states: readonly number[];
  readonly summary: ParseSummary;
  readonly breakdowns: Breakdowns;
  readonly pressure: PortPressure;
  /** Per state: the distinct remote hosts with a socket in it. */
  readonly distinctHosts: readonly number[];
  readonly acceptQueues: AcceptQueues;
  readonly facts: Facts;
}

export interface Analyzer {
  push(chunk: string): void;
  end(): Analysis;
}

/** The Analysis of what was counted: the report's shape, whatever did the counting. */
export function assembleAnalysis(c: Counts): Analysis {
  const { summary, breakdowns: b, pressure, acceptQueues } = c;
  const total = sum(c.states);
  const states = toStateCounts(c.states);
  const distinctHosts = toStateCounts(c.distinctHosts);
  return {
    format: summary.formats.length > 0 ? summary.formats.join("+") : "unknown",
    formats: summary.formats,
    total,
    states,
    lines: summary.lines,
    unparsed: summary.unparsed,
    unparsedExamples: summary.unparsedExamples,
    breakdowns: b,
    portPressure: pressure,
    distinctHosts,
    acceptQueues,
    findings: findings({ states, total, summary, breakdowns: b, pressure, distinctHosts, acceptQueues, facts: c.facts }),
  };
}

export function rangeSourceOf(options: AnalyzeOptions): string {
  return options.rangeSource ?? (options.portRange ? "given" : "the kernel default");
}

function build(tally: Tally, summary: ParseSummary, options: AnalyzeOptions): Analysis {
  const ports = tally.ports();
  const destinations = tally.destinations();
  // breakdowns() walks the host log (topHosts), which the per-state host counts come from.
  const b = breakdowns(tally, ports, destinations);
  const acceptQueues = tally.acceptQueues.result();
  return assembleAnalysis({
    states: tally.states(),
    summary,
    breakdowns: b,
    pressure: portPressure(tally, destinations, rangeSourceOf(options)),
    distinctHosts: tally.distinctByState(),
    acceptQueues,
    facts: facts(tally, ports, destinations, acceptQueues),
  });
}

function newTally(options: AnalyzeOptions): Tally {
  return new Tally(newScanner(), options.portRange ?? DEFAULT_PORT_RANGE, options.reservedPorts);
}

export function createAnalyzer(options: AnalyzeOptions = {}): Analyzer {
  const tally = newTally(options);
  const parser = createSocketParser({ ...(options.format ? { format: options.format } : {}), onRecord: (r) => tally.record(r) });
  return {
    push: (chunk) => parser.push(chunk),
    end: () => build(tally, parser.end(), options),
  };
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const a = createAnalyzer(options);
  a.push(text);
  return a.end();
}

export interface ByteAnalyzeOptions extends AnalyzeOptions {
  /** UTF-8 to text, keeping a BOM (see ByteReaderOptions.decode). */
  readonly decode: (bytes: Uint8Array) => string;
}

/**
 * createAnalyzer over bytes: the same Analysis as decoding the bytes (a UTF-8 BOM dropped) and pushing the
 * text. room()/commit() let a reader fill the module's memory directly.
 */
export interface ByteAnalyzer {
  room(): Uint8Array;
  commit(n: number): void;
  push(bytes: Uint8Array): void;
  end(): Analysis;
}

export function createByteAnalyzer(options: ByteAnalyzeOptions): ByteAnalyzer {
  const tally = newTally(options);
  const reader = createByteReader(tally.w, { ...(options.format ? { format: options.format } : {}), onRecord: (r) => tally.record(r), decode: options.decode });
  return {
    room: () => reader.room(),
    commit: (n) => reader.commit(n),
    push: (bytes) => reader.push(bytes),
    end: () => build(tally, reader.end(), options),
  };
}
