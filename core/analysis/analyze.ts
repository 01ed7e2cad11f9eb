/**
 * Socket listing in, analysis out: text (the editor, the panel) through the line parser, or bytes (the CLI)
 * through the fast path; either way every socket is counted in a fresh instance of the scanner module and
 * nothing of the input is kept. Blocks of kernel counters in the same input are read beside the listings
 * (core/counters).
 */
import { CounterCollector } from "../counters/collector";
import { SEVERITY_RANK } from "../counters/findings/common";
import { hasKernelData, kernelReport, NO_KERNEL_REPORT, type KernelReport } from "../counters/report";
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
import type { AcceptQueues, Analysis, AnalysisFinding, Breakdowns, Facts, PortPressure, PortRange } from "./types";

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
  /** A live capture's next sample of the kernel's counters begins, `seconds` after its first (push whole lines before). */
  mark(seconds: number): void;
  end(): Analysis;
}

/** The listing's findings and the counters', heaviest first; a paste of counters alone is not "no sockets". */
function allFindings(listing: readonly AnalysisFinding[], kernel: KernelReport): AnalysisFinding[] {
  const kept = hasKernelData(kernel.sections) ? listing.filter((f) => f.id !== "no-tcp-sockets") : listing;
  return [...kept, ...kernel.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** The Analysis of what was counted: the report's shape, whatever did the counting. */
export function assembleAnalysis(c: Counts, kernel: KernelReport = NO_KERNEL_REPORT): Analysis {
  const { summary, breakdowns: b, pressure, acceptQueues } = c;
  const total = sum(c.states);
  const states = toStateCounts(c.states);
  const distinctHosts = toStateCounts(c.distinctHosts);
  return {
    ...kernel.sections,
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
    findings: allFindings(findings({ states, total, summary, breakdowns: b, pressure, distinctHosts, acceptQueues, facts: c.facts }), kernel),
  };
}

export function rangeSourceOf(options: AnalyzeOptions): string {
  return options.rangeSource ?? (options.portRange ? "given" : "the kernel default");
}

function build(tally: Tally, summary: ParseSummary, options: AnalyzeOptions, counters: CounterCollector): Analysis {
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
  }, kernelReport(counters.store));
}

function newTally(options: AnalyzeOptions): Tally {
  return new Tally(newScanner(), options.portRange ?? DEFAULT_PORT_RANGE, options.reservedPorts);
}

export function createAnalyzer(options: AnalyzeOptions = {}): Analyzer {
  const tally = newTally(options);
  const counters = new CounterCollector();
  const parser = createSocketParser({ ...(options.format ? { format: options.format } : {}), onRecord: (r) => tally.record(r), blocks: counters });
  return {
    push: (chunk) => parser.push(chunk),
    mark: (seconds) => counters.mark(seconds),
    end: () => build(tally, parser.end(), options, counters),
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
  /** As Analyzer.mark. */
  mark(seconds: number): void;
  end(): Analysis;
}

export function createByteAnalyzer(options: ByteAnalyzeOptions): ByteAnalyzer {
  const tally = newTally(options);
  const counters = new CounterCollector();
  const reader = createByteReader(tally.w, { ...(options.format ? { format: options.format } : {}), onRecord: (r) => tally.record(r), decode: options.decode, blocks: counters });
  return {
    room: () => reader.room(),
    commit: (n) => reader.commit(n),
    push: (bytes) => reader.push(bytes),
    mark: (seconds) => counters.mark(seconds),
    end: () => build(tally, reader.end(), options, counters),
  };
}
