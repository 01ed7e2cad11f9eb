/** Socket listing in, analysis out: the parser streams records into the aggregator, nothing is kept. */
import { createSocketParser } from "../netstat/parse";
import type { FormatName, ParseSummary } from "../netstat/types";
import { SocketAggregator } from "./aggregate";
import { toStateCounts } from "./counts";
import { findings } from "./findings";
import { portPressure } from "./pressure";
import { DEFAULT_PORT_RANGE, THRESHOLDS } from "./thresholds";
import type { Analysis, Breakdowns, PortRange, Row } from "./types";

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
  const states = toStateCounts(counts);
  let total = 0;
  for (const n of counts) total += n;
  return { total, states };
}

function breakdowns(agg: SocketAggregator): Breakdowns {
  const top = THRESHOLDS.topRows;
  const endpoints: { host: string; port: number; counts: number[] }[] = [];
  for (const [host, ports] of agg.remoteEndpoints.hosts) for (const [port, counts] of ports) endpoints.push({ host, port, counts });
  const total = (c: readonly number[]) => c.reduce((a, b) => a + b, 0);
  endpoints.sort((a, b) => total(b.counts) - total(a.counts));
  return {
    localPorts: agg.localPorts.top(top).map(([port, c]) => ({ port, listening: agg.listening.has(port), ...row(c) })),
    remoteHosts: agg.remoteHosts.top(top).map(([host, c]) => ({ host, ...row(c) })),
    remoteEndpoints: endpoints.slice(0, top).map((e) => ({ host: e.host, port: e.port, ...row(e.counts) })),
    processes: agg.processes.top(top).map(([process, c]) => ({ process, ...row(c) })),
    untracked: agg.remoteHosts.untracked + agg.remoteEndpoints.untracked + agg.processes.untracked + agg.untrackedDestinations,
  };
}

function build(agg: SocketAggregator, summary: ParseSummary, rangeSource: string): Analysis {
  const states = toStateCounts(agg.states);
  const b = breakdowns(agg);
  const pressure = portPressure(agg, rangeSource);
  return {
    format: summary.formats.length > 0 ? summary.formats.join("+") : "unknown",
    formats: summary.formats,
    total: agg.total,
    states,
    lines: summary.lines,
    unparsed: summary.unparsed,
    unparsedExamples: summary.unparsedExamples,
    breakdowns: b,
    portPressure: pressure,
    findings: findings({ states, total: agg.total, summary, breakdowns: b, pressure }),
  };
}

export function createAnalyzer(options: AnalyzeOptions = {}): Analyzer {
  const agg = new SocketAggregator(options.portRange ?? DEFAULT_PORT_RANGE);
  const parser = createSocketParser({ ...(options.format ? { format: options.format } : {}), onRecord: (r) => agg.add(r) });
  const source = options.rangeSource ?? (options.portRange ? "given" : "the kernel default");
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
