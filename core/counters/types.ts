/**
 * What an analysis reads besides sockets: the kernel's counters (nstat, netstat -s, /proc/net/snmp and
 * netstat), socket totals (/proc/net/sockstat, ss -s), connection tracking and the sysctl limits pasted with
 * them. Plain data, part of the Analysis (core/analysis/types.ts) and of `analyze --json`.
 */
/**
 * What the counters' values count. "totals": since boot, or since the network namespace was created;
 * "increments": since nstat's previous run (nstat without -a); "unknown": nstat output without the command that
 * printed it, so either.
 */
export type CounterBasis = "totals" | "increments" | "unknown";

export interface CounterSampling {
  /** Snapshots read: one gives totals; two or more give the change between the first and the last. */
  readonly snapshots: number;
  /** What the last snapshot's values count. */
  readonly basis: CounterBasis;
  /**
   * Seconds between the first and the last snapshot (or that nstat's increments span), when the input says:
   * the interval of a live capture, a `sleep N` between two commands of the paste. null when unknown.
   */
  readonly seconds: number | null;
  /**
   * Last minus first snapshot of the series (see `decrease`), for each counter that changed; empty with one
   * snapshot, or when a counter went down between the two (they are not one series).
   */
  readonly changes: Readonly<Record<string, number>>;
  /**
   * The first counter of totals seen going down between two snapshots, as after a reboot or in another host's or
   * network namespace's output: the series whose changes are taken begins again at the snapshot after it. null
   * when none did.
   */
  readonly decrease: CounterDecrease | null;
}

export interface CounterDecrease {
  readonly counter: string;
  readonly from: number;
  readonly to: number;
}

/**
 * /proc/net/sockstat and sockstat6 (or what `ss -s` prints of them), by protocol as the file names it in lower
 * case ("sockets", "tcp", "udp", "udplite", "raw", "frag", "tcp6", ...), then by field ("inuse", "orphan", "tw",
 * "alloc", "mem", "memory", "used"). `mem` is in pages.
 */
export type Sockstat = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface ConntrackRow {
  readonly entries: number;
}

export interface ConntrackListing {
  /** Entries listed (lines of `conntrack -L` or /proc/net/nf_conntrack). */
  readonly entries: number;
  readonly protocols: readonly (ConntrackRow & { readonly protocol: string })[];
  /** TCP entries by conntrack's TCP state (ESTABLISHED, TIME_WAIT, SYN_SENT, ...). */
  readonly tcpStates: readonly (ConntrackRow & { readonly state: string })[];
  /** The top destinations (original direction), most entries first. */
  readonly destinations: readonly (ConntrackRow & { readonly protocol: string; readonly address: string; readonly port: number | null })[];
  /** Entries whose destination was counted in `otherDestinations` because the table of destinations was full. */
  readonly otherDestinations: number;
  /** Entries that saw no reply yet ([UNREPLIED]) and entries marked [ASSURED] (not evicted when the table is full). */
  readonly unreplied: number;
  readonly assured: number;
}

export interface Conntrack {
  /** nf_conntrack_count, nf_conntrack_max and nf_conntrack_buckets, where the input has them. */
  readonly count: number | null;
  readonly max: number | null;
  readonly buckets: number | null;
  /**
   * The per-CPU statistics summed over CPUs (`conntrack -S`, /proc/net/stat/nf_conntrack), by conntrack -S's
   * names (found, invalid, insert, insert_failed, drop, early_drop, error, search_restart, clash_resolve,
   * chaintoolong, ...). Counted since the namespace was created. null when the input has none.
   */
  readonly stats: Readonly<Record<string, number>> | null;
  /** CPUs the statistics were summed over. */
  readonly cpus: number;
  /** Readings of the statistics, and their change between the first and the last (empty with one reading). */
  readonly statReadings: number;
  readonly statChanges: Readonly<Record<string, number>>;
  /** Seconds between the first and the last reading, when known. */
  readonly statSeconds: number | null;
  readonly listing: ConntrackListing | null;
}

/**
 * /proc/net/softnet_stat: each CPU's receive-side figures, for the whole host (not per namespace). Columns by
 * the kernel's names: the counts since boot processed, dropped, time_squeeze, received_rps and flow_limit_count,
 * and the queue lengths now backlog_len, input_qlen and process_qlen, as far as the kernel prints them.
 */
export interface Softnet {
  /** CPUs (rows) of the last reading. */
  readonly cpus: number;
  /** Columns of its rows: 15 on 6.12 and later, 13 from 5.10, 11 or 10 before. */
  readonly columns: number;
  /** Each column summed over CPUs, in the last reading. Each CPU's counts are 32-bit and wrap around. */
  readonly totals: Readonly<Record<string, number>>;
  /** Readings of the file (one `cat` each). */
  readonly readings: number;
  /**
   * A reading did not follow the one before it (a count went down, more than a wrap, or the columns changed:
   * a reboot, another host): changes are taken from the reading after that.
   */
  readonly reset: boolean;
  /**
   * The counts' change between the first reading of the series and the last, per CPU modulo 2^32, summed; {}
   * with one reading, or when the last reading begins the series.
   */
  readonly changes: Readonly<Record<string, number>>;
  /** Seconds between the first reading of the series and the last, when known. */
  readonly seconds: number | null;
}

/** Usage against a kernel limit, where the input has both. */
export interface Gauge {
  readonly id: "time-wait" | "tcp-memory" | "orphans" | "conntrack";
  readonly label: string;
  readonly used: number;
  readonly limit: number;
  /** A level below the limit where the kernel starts acting (tcp_mem's pressure threshold), if any. */
  readonly threshold: number | null;
  readonly unit: string;
  /** The sysctl key the limit comes from. */
  readonly setting: string;
}

/** The part of an Analysis that kernel counters, sockstat, conntrack and pasted limits make. */
export interface KernelSections {
  /** The formats of the kernel's figures read ("nstat", "netstat -s", "/proc/net/sockstat", "sysctl", ...), in the order first seen. */
  readonly kernelFormats: readonly string[];
  /** Every counter read, by the name nstat prints (the latest value); {} when the input has none. */
  readonly counters: Readonly<Record<string, number>>;
  /** How the counters were sampled; null when the input has none. */
  readonly sampling: CounterSampling | null;
  readonly sockstat: Sockstat | null;
  readonly conntrack: Conntrack | null;
  readonly softnet: Softnet | null;
  /** The limits read with them (pasted `sysctl` output, or this machine's under --live), by key. */
  readonly sysctls: Readonly<Record<string, string>>;
  readonly gauges: readonly Gauge[];
}
