/** The result of analysing a socket listing: plain data, the same for the CLI, the JSON output and the panel. */
import type { KernelSections } from "../counters/types";
import type { FormatName, TcpState, UnparsedExample } from "../netstat/types";

export type StateCounts = Record<TcpState, number>;

export interface Row {
  readonly total: number;
  readonly states: StateCounts;
}

export interface LocalPortRow extends Row {
  readonly port: number;
  /** The input shows a LISTEN socket on this port: a service of this host. */
  readonly listening: boolean;
}

export interface RemoteHostRow extends Row {
  readonly host: string;
}

export interface RemoteEndpointRow extends Row {
  readonly host: string;
  readonly port: number;
}

export interface ProcessRow extends Row {
  /** "1234/nginx", or the name alone where the tool gives no pid. */
  readonly process: string;
}

/**
 * The top rows of each breakdown, counted exactly over the whole input. Outgoing sockets (this host's
 * ephemeral port to a peer's service port) are counted by destination; the others by local port.
 */
export interface Breakdowns {
  /** Sockets that are not outgoing (listeners, this host's services), by local port. */
  readonly localPorts: readonly LocalPortRow[];
  /** All sockets with a remote port, by remote host. */
  readonly remoteHosts: readonly RemoteHostRow[];
  /** Outgoing sockets by remote endpoint (a client's random port would make every inbound row its own). */
  readonly remoteEndpoints: readonly RemoteEndpointRow[];
  readonly processes: readonly ProcessRow[];
  /** Outgoing sockets, which hold local ports of the ephemeral range (see portPressure). */
  readonly outgoing: Row;
  /**
   * Sockets whose address or process name was longer than 200 characters and was counted under its first 200
   * and "…": rows of such keys may join several of them. 0: every row is exact.
   */
  readonly truncated: number;
}

export interface PortRange {
  readonly low: number;
  readonly high: number;
}

/** One destination this host connects to, and how much of the local port range it holds. */
export interface Destination {
  readonly localAddress: string;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** Sockets to this destination in any state: each holds one local port. */
  readonly held: number;
  readonly timeWait: number;
  /** held / size of the range. */
  readonly fraction: number;
  /** New connections per second this destination can sustain while every port spends 60 s in TIME_WAIT. */
  readonly sustainableRate: number;
}

export interface PortPressure {
  readonly range: PortRange & { readonly size: number };
  /** Where the range came from: the default, a flag or setting, or the user's sysctl file. */
  readonly rangeSource: string;
  readonly destinations: readonly Destination[];
}

export type FindingSeverity = "error" | "warning" | "information";

export type Action =
  /** Vetted settings from a profile (core/advice/profiles.json). */
  | { readonly kind: "settings"; readonly profile: string; readonly title: string; readonly settings: readonly { readonly key: string; readonly value: string; readonly why: string }[] }
  /** Something to do outside sysctl. */
  | { readonly kind: "advice"; readonly text: string };

export interface AnalysisFinding {
  /** Stable id (docs/analysis.md has a section per id). */
  readonly id: string;
  readonly severity: FindingSeverity;
  readonly title: string;
  readonly explanation: string;
  readonly evidence: readonly { readonly label: string; readonly value: string }[];
  readonly actions: readonly Action[];
}

/** A listing's sockets, and the kernel's counters, socket totals, conntrack and limits pasted with it (core/counters). */
export interface Analysis extends KernelSections {
  /** The format of the input, or the formats joined by "+" when a paste mixes several. */
  readonly format: string;
  readonly formats: readonly FormatName[];
  /** TCP sockets counted. */
  readonly total: number;
  readonly states: StateCounts;
  readonly lines: number;
  readonly unparsed: number;
  readonly unparsedExamples: readonly UnparsedExample[];
  readonly breakdowns: Breakdowns;
  readonly portPressure: PortPressure;
  readonly findings: readonly AnalysisFinding[];
}
