/**
 * The shape of the key catalogue. Entries are data (JSON files beside this one), one per key or per
 * per-interface template; everything the editor, the CLI and the webview say about a key comes from here.
 */

/** How the kernel parses the value. */
export type ValueType =
  | "boolean" // 0 or 1
  | "integer" // one integer, possibly bounded by min/max
  | "enum" // one integer (or word) out of `values`
  | "bitmask" // an integer whose bits are described by `values` (value = the bit's numeric weight)
  | "vector" // `length` integers separated by white space, e.g. tcp_rmem
  | "string" // free text (congestion control name, hex key, ...)
  | "port-range" // two ports "LOW HIGH", e.g. ip_local_port_range
  | "port-list"; // comma-separated ports and ranges, e.g. ip_local_reserved_ports

export type Unit =
  | "seconds"
  | "milliseconds"
  | "microseconds"
  | "nanoseconds"
  | "centiseconds" // USER_HZ ticks: 1/100 s whatever CONFIG_HZ is
  | "jiffies" // raw kernel ticks: their length depends on CONFIG_HZ
  | "bytes"
  | "kilobytes"
  | "pages"
  | "packets"
  | "segments"
  | "sockets"
  | "entries"
  | "percent"
  | "count";

export type Status = "active" | "deprecated" | "no-op" | "removed";

/** `netns`: each network namespace has its own value; `global`: one value for the whole host. */
export type Scope = "netns" | "global";

/**
 * How the kernel combines `net.ipv4.conf.all.X` with `net.ipv4.conf.<iface>.X` into the value it uses:
 * the larger of the two, either one on, both on, or the interface's own value alone.
 */
export type Combine = "max" | "or" | "and" | "interface";

/** A different key that covers part of what a removed one did: offered with its caveat, never as a rename. */
export interface Alternative {
  readonly key: string;
  readonly value: string;
  readonly caveat: string;
}

export interface ValueMeaning {
  /** As written in sysctl.conf ("0", "2", "reno"); for bitmasks the bit's weight ("1", "2", "4"). */
  readonly value: string;
  readonly meaning: string;
}

/** Where each fact came from: the kernel doc, a kernel source file, or the live /proc/sys. */
export interface Sources {
  /**
   * Where Linux 6.18 documents the key: a path under Documentation/ and the section title, e.g.
   * "networking/ip-sysctl.rst#TCP variables". Absent when the doc is silent; the docs link derives from it.
   */
  readonly doc?: string;
  /** Kernel source file(s) and table that define the key, its handler and bounds. */
  readonly source?: string;
  /** Where the default was read: "live 6.18 fresh netns", "source: <file>", "doc". */
  readonly default?: string;
  /** Where removal / introduction versions came from (commit subject or release). */
  readonly history?: string;
}

export interface KeyEntry {
  /**
   * Full dotted name. Per-interface keys are templates with `<iface>` in place of the interface name:
   * `net.ipv4.conf.<iface>.rp_filter` (matches any name plus `all` and `default`),
   * `net.ipv4.neigh.<iface>.gc_stale_time` (any name plus `default`, no `all`).
   */
  readonly key: string;
  readonly type: ValueType;
  /** For `vector`: how many integers. */
  readonly length?: number;
  /** The default as it reads in sysctl.conf (vectors space-separated), or null where it is computed. */
  readonly default: string | null;
  /** Why there is no fixed default (sized from memory at boot, depends on CONFIG_HZ, ...). */
  readonly defaultNote?: string;
  /** Inclusive bounds the kernel enforces on writes (for vectors: on each element). */
  readonly min?: number;
  readonly max?: number;
  /** Meaning of each accepted value (enum) or bit (bitmask). */
  readonly values?: readonly ValueMeaning[];
  readonly unit?: Unit;
  readonly scope: Scope;
  readonly readOnly?: boolean;
  /** For `net.ipv4.conf.<iface>.*` keys: how `all` and the interface's value combine. */
  readonly combine?: Combine;
  readonly status: Status;
  /** Kernel version (X.Y) that introduced the key, when it is recent enough to matter (>= 4.0). */
  readonly since?: string;
  /** Kernel version (X.Y) that removed the key or made it a no-op. */
  readonly removedIn?: string;
  /** The key that took over this one's job under a new name (the value carries over). */
  readonly replacement?: string;
  readonly alternative?: Alternative;
  readonly related?: readonly string[];
  /** One line, for completion lists and `keys` output. */
  readonly summary: string;
  /** What it does, when to change it, what goes wrong: in our own words, plain text, paragraphs split by \n\n. */
  readonly description: string;
  readonly sources: Sources;
}
