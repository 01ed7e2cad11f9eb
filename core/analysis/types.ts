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

/** The local port range a listing is read with, and how many ports of it the kernel may pick. */
export interface RangeInUse extends PortRange {
  /** high - low + 1. */
  readonly size: number;
  /** Ports of the range in ip_local_reserved_ports: the kernel never picks them for an outgoing socket. */
  readonly reserved: number;
  /** size - reserved: the ports each destination can have at once. */
  readonly available: number;
}

/**
 * Sockets that would be outgoing if the range held their local port: a local port outside the range, on which
 * no LISTEN row or reserved port is seen, towards a remote port outside the range. Many such ports mean the
 * host takes local ports from a wider range than the one given; any is reported (finding port-range-mismatch).
 */
export interface OutsideRange {
  /** Distinct local ports. */
  readonly ports: number;
  readonly sockets: number;
  /** The lowest and highest of those ports (0 when there are none). */
  readonly lowest: number;
  readonly highest: number;
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
  readonly range: RangeInUse;
  /** Where the range came from: the default, a flag or setting, or this machine's sysctl. */
  readonly rangeSource: string;
  /** The destinations holding the most local ports (top 20). */
  readonly destinations: readonly Destination[];
  /** How many destinations the listing has in all. */
  readonly destinationCount: number;
  readonly outside: OutsideRange;
}

/** A listening socket whose accept queue is not empty. */
export interface AcceptQueue {
  readonly address: string;
  readonly port: number;
  /** Connections the kernel completed that the application has not accepted. */
  readonly queue: number;
  /** The queue's limit (listen() backlog capped by somaxconn) where the listing shows it (ss), else null. */
  readonly backlog: number | null;
}

export interface AcceptQueues {
  /** Fullest first: those at their backlog, then by queue length (top 20). */
  readonly listeners: readonly AcceptQueue[];
  /** Listening sockets with a non-empty accept queue. */
  readonly waiting: number;
  /** Of which at or over their backlog: the kernel is dropping new connections. */
  readonly full: number;
}

export type FindingSeverity = "error" | "warning" | "information";

export type Action =
  /** Vetted settings from a profile (core/advice/profiles.json). */
  | { readonly kind: "settings"; readonly profile: string; readonly title: string; readonly settings: readonly { readonly key: string; readonly value: string; readonly why: string }[] }
  /** Something to do outside sysctl. */
  | { readonly kind: "advice"; readonly text: string };

export interface AnalysisFinding {
  /** Stable id (docs/analysis.md, or docs/counters.md for the counters' findings, describes each). */
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
  /** Per state: how many distinct remote hosts hold sockets in it, over every row. */
  readonly distinctHosts: StateCounts;
  readonly acceptQueues: AcceptQueues;
  readonly findings: readonly AnalysisFinding[];
}

/** A row of a table and its sockets in one state. */
export interface Counted {
  readonly key: string;
  readonly count: number;
}

/** Per table, the rows with the most sockets in one state, over every row (not only a table's top 20). */
export interface StateLeaders {
  readonly hosts: readonly Counted[];
  /** Remote hosts of the sockets that are not outgoing (those counted by local port): clients of this host's services. */
  readonly clients: readonly Counted[];
  /** How many distinct hosts those are. */
  readonly clientCount: number;
  /** Local ports of the sockets that are not outgoing (the key is the port). */
  readonly localPorts: readonly Counted[];
  /** Remote endpoints of the outgoing sockets ("host:port"). */
  readonly endpoints: readonly Counted[];
  readonly processes: readonly Counted[];
}

/** A listening port and the handshakes piling towards it. */
export interface ListenerLoad {
  /** The listening socket (the fullest one on this port when there are several). */
  readonly address: string;
  readonly port: number;
  readonly queue: number | null;
  readonly backlog: number | null;
  /** SYN_RECV sockets on this local port. */
  readonly synRecv: number;
  /** SYN_SENT sockets of this host towards this port of its own. */
  readonly synSentHere: number;
}

/** What the findings read besides the Analysis: counted over every row, not shown as tables. */
export interface Facts {
  readonly leaders: Readonly<Record<TcpState, StateLeaders>>;
  /** Listening ports with a non-empty accept queue or this host's own SYN_SENT sockets towards them (top 20). */
  readonly listeners: readonly ListenerLoad[];
}
