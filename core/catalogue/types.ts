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
  | "permille" // tenths of a percent
  | "basis-points" // hundredths of a percent (fractions of 10,000)
  | "megabytes-per-second"
  | "count";

export type Status = "active" | "deprecated" | "no-op" | "removed";

/**
 * Whose value it is: each network namespace has its own (`netns`), one value for the whole host (`global`),
 * or one per user, IPC, UTS or PID namespace (containers get their own).
 */
export type Scope = "netns" | "global" | "userns" | "ipcns" | "utsns" | "pidns";

/**
 * How the kernel combines `conf.all.X` with `conf.<iface>.X` (IPv4 and IPv6) into the value it uses: the
 * larger of the two, either one on, both on; `interface`: the interface's own value alone, `all` is never
 * read; `propagate`: the interface's own value, but writing `all` copies the value to every interface and
 * to `default` (IPv4 and IPv6 `forwarding`, IPv6 `disable_ipv6`).
 */
export type Combine = "max" | "or" | "and" | "interface" | "propagate";

/** What must be present for the key to exist: a loaded module, a kernel built with a config option. */
export interface Requirement {
  /** The module that registers the key (`ip_vs`, `br_netfilter`, `sctp`). */
  readonly module?: string;
  /** The build option without which the key does not exist (`CONFIG_MAGIC_SYSRQ`). */
  readonly config?: string;
  /** Anything else (an architecture, hardware), in a few words. */
  readonly note?: string;
}

/**
 * The other IP family's key for the same job (`net.ipv4.icmp_ratelimit` and `net.ipv6.icmp.ratelimit`), named
 * when a key is written under the wrong family. A template takes the instance the user wrote.
 */
export interface Counterpart {
  readonly key: string;
  /** How the two differ, as a clause ("IPv6 has no broadcast: ..."); when present, no quick fix swaps one for the other. */
  readonly differs?: string;
}

/**
 * A limit a key's handler enforces beyond min and max, read in its code: the kernel refuses a write that breaks
 * it (or, with `roundsUp`, takes another value). The limits between two keys depend on the other key's value
 * at the moment of the write, so the rules check them against the file set, line by line.
 */
export type Constraint =
  /** A power of two (1, 2, 4, ...). With `roundsUp` the kernel takes any positive value and rounds it up. */
  | { readonly kind: "power-of-two"; readonly roundsUp?: boolean }
  /** 0 (off) or at least `min`. */
  | { readonly kind: "zero-or-at-least"; readonly min: number }
  /** Of two numbers, the first below the second, unless the second is `unlessSecond`. */
  | { readonly kind: "first-below-second"; readonly unlessSecond?: number }
  /**
   * Not above (at-most) or below (at-least) another key's value when the line is applied; `index` and
   * `otherIndex` pick a number of a vector (the first by default).
   */
  | { readonly kind: "at-most" | "at-least"; readonly key: string; readonly index?: number; readonly otherIndex?: number }
  /** Every write is refused while another key holds one of `values`. */
  | { readonly kind: "refused-while"; readonly key: string; readonly values: readonly string[] };

/**
 * For a text key that takes the name of something the kernel registers (a queueing discipline, a congestion
 * control algorithm): the names mainline Linux 6.18 registers. A module or a BPF program may register others,
 * so another name is a warning, not an error.
 */
export interface Names {
  /** What a name names, in words: "queueing discipline". */
  readonly of: string;
  readonly known: readonly string[];
  /** The value is a space-separated list of names. */
  readonly list?: boolean;
  /** The prefix of the modules that provide them (`sch_` for sch_fq_codel): people write the module's name. */
  readonly modulePrefix?: string;
}

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
  /** Where the accepted range was established: "probe 6.18.44 fresh netns", or the source table. */
  readonly bounds?: string;
  /** Where removal / introduction versions came from (commit subject or release). */
  readonly history?: string;
}

export interface KeyEntry {
  /**
   * Full dotted name. Per-instance keys are templates with a placeholder for one segment:
   * `net.ipv4.conf.<iface>.rp_filter` (any interface name plus `all` and `default`),
   * `net.ipv6.neigh.<iface>.gc_stale_time` (any interface name plus `default`, no `all`),
   * `net.netfilter.nf_log.<n>` (a number; see PLACEHOLDERS in catalogue.ts).
   */
  readonly key: string;
  readonly type: ValueType;
  /** For `vector`: how many integers. */
  readonly length?: number;
  /** The default as it reads in sysctl.conf (vectors space-separated), or null where it is computed. */
  readonly default: string | null;
  /** Why there is no fixed default (sized from memory at boot, depends on CONFIG_HZ, ...). */
  readonly defaultNote?: string;
  /**
   * For templates: instances whose default differs from `default` (which is the `default` instance's and
   * every new interface's), e.g. `{"all": "0"}` for accept_source_route, `{"lo": "1"}` for disable_policy.
   */
  readonly instanceDefaults?: Readonly<Record<string, string>>;
  /** Inclusive bounds the kernel enforces on writes (for vectors: on each element). */
  readonly min?: number;
  readonly max?: number;
  /** An upper bound the kernel takes from the running system, in a few words ("the interface's device MTU"); no `max` then. */
  readonly maxNote?: string;
  readonly constraints?: readonly Constraint[];
  /** For `string`: the longest value (in bytes) the kernel accepts. */
  readonly maxLength?: number;
  readonly names?: Names;
  /** Meaning of each accepted value (enum) or bit (bitmask). */
  readonly values?: readonly ValueMeaning[];
  readonly unit?: Unit;
  readonly scope: Scope;
  readonly readOnly?: boolean;
  /** The module or build option the key needs; absent when every 6.18 kernel has it. */
  readonly requires?: Requirement;
  /** For `net.ipv4.conf.<iface>.*` and `net.ipv6.conf.<iface>.*` keys: how `all` and the interface's value combine. */
  readonly combine?: Combine;
  /**
   * A net.ipv4 key the kernel also reads for IPv6 sockets or packets (TCP, UDP, local ports, IPVS): there is
   * no net.ipv6 key of this name, and the net.ipv4 one covers both families.
   */
  readonly coversIpv6?: boolean;
  readonly counterpart?: Counterpart;
  readonly status: Status;
  /** Kernel version (X.Y) that introduced the key, when it is recent enough to matter (>= 4.0). */
  readonly since?: string;
  /** Kernel version (X.Y) that removed the key or made it a no-op. */
  readonly removedIn?: string;
  /**
   * The key that took over this one's job. For a removed key the value carries over as it is; for a deprecated
   * one the two may count differently (the unit, or `replacementValues`).
   */
  readonly replacement?: string;
  /** For a deprecated key: each of its values as the replacement writes it (`{"0": "kernel"}`), where they map one to one. */
  readonly replacementValues?: Readonly<Record<string, string>>;
  readonly alternative?: Alternative;
  readonly related?: readonly string[];
  /** One line, for completion lists and `keys` output. */
  readonly summary: string;
  /** What it does, when to change it, what goes wrong: in our own words, plain text, paragraphs split by \n\n. */
  readonly description: string;
  readonly sources: Sources;
}
