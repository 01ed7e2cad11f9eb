/**
 * The shapes every socket-listing parser produces. One `SocketRecord` per TCP socket, whichever tool
 * printed it, with state names and addresses normalised so records from different tools compare.
 */

/**
 * Canonical Linux TCP states (the names net-tools prints). The kernel's NEW_SYN_RECV (0x0C in
 * /proc) is a request socket users never see by that name, so it reads as SYN_RECV. UNKNOWN is for
 * input that leaves the state out, as `ss -tan state time-wait` does.
 */
export type TcpState =
  | "ESTABLISHED"
  | "SYN_SENT"
  | "SYN_RECV"
  | "FIN_WAIT1"
  | "FIN_WAIT2"
  | "TIME_WAIT"
  | "CLOSE"
  | "CLOSE_WAIT"
  | "LAST_ACK"
  | "LISTEN"
  | "CLOSING"
  | "UNKNOWN";

/** The fixed display order: the kernel's numbering (1..11), then UNKNOWN. */
export const TCP_STATES: readonly TcpState[] = [
  "ESTABLISHED",
  "SYN_SENT",
  "SYN_RECV",
  "FIN_WAIT1",
  "FIN_WAIT2",
  "TIME_WAIT",
  "CLOSE",
  "CLOSE_WAIT",
  "LAST_ACK",
  "LISTEN",
  "CLOSING",
  "UNKNOWN",
];

export type FormatName = "linux-netstat" | "ss" | "proc-net-tcp" | "busybox-netstat" | "bsd-netstat" | "windows-netstat";

export const FORMAT_NAMES: readonly FormatName[] = ["linux-netstat", "ss", "proc-net-tcp", "busybox-netstat", "bsd-netstat", "windows-netstat"];

export function isFormatName(v: unknown): v is FormatName {
  return typeof v === "string" && (FORMAT_NAMES as readonly string[]).includes(v);
}

/**
 * One TCP socket. Its strings are slices of the pushed text: a consumer that keeps many records for
 * long keeps the chunks they came from alive (a key built by concatenation does not).
 */
export interface SocketRecord {
  family: "ipv4" | "ipv6";
  /** No brackets, lower case for IPv6; `*`, `0.0.0.0` and `::` stay as the tool wrote them. */
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  /** `null` where the tool wrote `*` (a listening socket's peer). */
  remotePort: number | null;
  state: TcpState;
  pid?: number;
  process?: string;
  /** The tool's own timer text: `timewait (59.21/0/0)` from netstat -o, `timewait,58sec,0` from ss -o. */
  timer?: string;
  /** Owner uid where the tool prints it (/proc, ss -e, netstat -e). */
  uid?: number;
  /** Socket inode where the tool prints it (/proc, ss -e, netstat -e): links a socket to its process. */
  inode?: number;
  /**
   * A listening socket's accept queue, when it is not empty: connections the kernel has completed that the
   * application has not accept()ed yet. Linux shows it as a LISTEN socket's Recv-Q in `ss` and in net-tools
   * and BusyBox `netstat`, and as rx_queue in /proc/net/tcp (sk_ack_backlog in tcp_diag.c and tcp_ipv4.c).
   */
  acceptQueue?: number;
  /**
   * The listener's accept-queue limit (the listen() backlog, capped by net.core.somaxconn), given with
   * acceptQueue where the tool shows it: `ss` prints it as a LISTEN socket's Send-Q (sk_max_ack_backlog).
   * netstat's Send-Q of a listener is not it (/proc prints write_seq - snd_una there).
   */
  backlog?: number;
  format: FormatName;
}

/**
 * What a line parser makes of one line of its format: a TCP socket, a line of the format that is not
 * a TCP socket ("skip": headers, UDP and unix rows, continuation lines), or something it cannot read.
 */
export type LineResult = SocketRecord | "skip" | "unparsed";

export interface UnparsedExample {
  /** 1-based line number in the whole input. */
  line: number;
  /** The line, cut to 200 characters. */
  text: string;
  /** Why the line is unread, where that is more than "no format reads it" (a block's output cut off there). */
  reason?: string;
}

export interface ParseSummary {
  /** Formats in the order they first appeared (a header or a parsed socket). */
  formats: FormatName[];
  lines: number;
  records: number;
  skipped: number;
  unparsed: number;
  /** The first five unparsed lines. */
  unparsedExamples: UnparsedExample[];
}
