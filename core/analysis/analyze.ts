/** Socket listing in, analysis out: the parser streams records into the aggregator, nothing is kept. */
import { createByteSocketParser } from "../netstat/byte-stream";
import { createSocketParser, MAX_EXAMPLES } from "../netstat/parse";
import type { FormatName, ParseSummary } from "../netstat/types";
import { SocketAggregator } from "./aggregate";
import { sum, toStateCounts } from "./counts";
import { findings } from "./findings";
import { portPressure } from "./pressure";
import { DEFAULT_PORT_RANGE, THRESHOLDS } from "./thresholds";
import type { ByteAnalyzeOptions, SecondPart } from "./second-part";
import type { Analysis, Breakdowns, PortPressure, PortRange, Row, StateCounts } from "./types";

export type { ByteAnalyzeOptions, SecondPart } from "./second-part";

export interface AnalyzeOptions {
  /** Read the whole input as this format instead of detecting it block by block. */
  readonly format?: FormatName;
  /** The local port range of the host the listing came from (default 32768–60999). */
  readonly portRange?: PortRange;
  /** Where the range came from, for the report ("--port-range", "your sysctl file"). */
  readonly rangeSource?: string;
}

export interface Analyzer {
  push(chunk: string): void;
  end(): Analysis;
}

function row(counts: readonly number[]): Row {
  return { total: sum(counts), states: toStateCounts(counts) };
}

function breakdowns(agg: SocketAggregator): Breakdowns {
  const top = THRESHOLDS.topRows;
  return {
    localPorts: agg.topLocalPorts(top).map(({ key: port, counts }) => ({ port, listening: agg.listening(port), ...row(counts) })),
    remoteHosts: agg.topRemoteHosts(top).map(({ key: host, counts }) => ({ host, ...row(counts) })),
    remoteEndpoints: agg.topRemoteEndpoints(top).map(({ key, counts }) => ({ host: key.host, port: key.port, ...row(counts) })),
    processes: agg.topProcesses(top).map(({ key: process, counts }) => ({ process, ...row(counts) })),
    untracked: agg.untracked,
  };
}

/** The Analysis of what was counted: the report's shape, whatever did the counting. */
export function assembleAnalysis(states: StateCounts, total: number, summary: ParseSummary, b: Breakdowns, pressure: PortPressure): Analysis {
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
    findings: findings({ states, total, summary, breakdowns: b, pressure }),
  };
}

function build(agg: SocketAggregator, summary: ParseSummary, rangeSource: string): Analysis {
  return assembleAnalysis(toStateCounts(agg.states), agg.total, summary, breakdowns(agg), portPressure(agg, rangeSource));
}

function rangeSourceOf(options: AnalyzeOptions): string {
  return options.rangeSource ?? (options.portRange ? "given" : "the kernel default");
}

export function createAnalyzer(options: AnalyzeOptions = {}): Analyzer {
  const agg = new SocketAggregator(options.portRange ?? DEFAULT_PORT_RANGE);
  const parser = createSocketParser({ ...(options.format ? { format: options.format } : {}), onRecord: (r) => agg.add(r) });
  const source = rangeSourceOf(options);
  return {
    push: (chunk) => parser.push(chunk),
    end: () => build(agg, parser.end(), source),
  };
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const a = createAnalyzer(options);
  a.push(text);
  return a.end();
}

// ---- Bytes ----

/**
 * `createAnalyzer` over bytes: the same Analysis as decoding the bytes (a UTF-8 BOM dropped) and pushing the
 * text, by the byte-level fast path where the input is net-tools' netstat.
 *
 * It can also be the first of two readers of one input split in two at a line boundary, the second one
 * (createSecondPart) reading the rest in another thread: push the first part, then the second part's bytes up
 * to its sync offset, then `endWith(second)`: undefined, changing nothing, when the two cannot be joined
 * exactly (the parser states differ at the sync point, or SocketAggregator.merge() declines); push the rest
 * of the input then, and end().
 */
export interface ByteAnalyzer {
  push(bytes: Uint8Array): void;
  end(): Analysis;
  endWith(second: SecondPart): Analysis | undefined;
}

export function createByteAnalyzer(options: ByteAnalyzeOptions): ByteAnalyzer {
  const agg = new SocketAggregator(options.portRange ?? DEFAULT_PORT_RANGE, options.maxKeys !== undefined ? { maxKeys: options.maxKeys } : {});
  const reader = createByteSocketParser({
    ...(options.format ? { format: options.format } : {}),
    onRecord: (r) => agg.add(r),
    sink: agg,
    decode: options.decode,
  });
  const source = rangeSourceOf(options);
  return {
    push: (bytes) => reader.push(bytes),
    end: () => build(agg, reader.end(), source),
    endWith(second: SecondPart): Analysis | undefined {
      if (second.syncOffset < 0 || !reader.atLineStart()) return undefined;
      const parser = reader.parser();
      if (parser.state() !== second.syncState) return undefined;
      const first = parser.summary();
      if (!agg.merge(second.aggregate)) return undefined;
      const s = second.summary;
      const formats = first.formats.concat(s.formats.slice(second.formatsBefore).filter((f) => !first.formats.includes(f)));
      const summary: ParseSummary = {
        formats,
        lines: first.lines + s.lines,
        records: first.records + s.records,
        skipped: first.skipped + s.skipped,
        unparsed: first.unparsed + s.unparsed,
        unparsedExamples: first.unparsedExamples.concat(s.unparsedExamples.map((e) => ({ line: e.line + first.lines, text: e.text }))).slice(0, MAX_EXAMPLES),
      };
      return build(agg, summary, source);
    },
  };
}
