/** Keys that rules reason about by name. */
export const KEY = {
  finTimeout: "net.ipv4.tcp_fin_timeout",
  maxTwBuckets: "net.ipv4.tcp_max_tw_buckets",
  twReuse: "net.ipv4.tcp_tw_reuse",
  timestamps: "net.ipv4.tcp_timestamps",
  syncookies: "net.ipv4.tcp_syncookies",
  portRange: "net.ipv4.ip_local_port_range",
  reservedPorts: "net.ipv4.ip_local_reserved_ports",
} as const;

/** The keepalive timers: they only apply to sockets whose application turned SO_KEEPALIVE on. */
export const KEEPALIVE_KEYS = ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"];

/** Memory vectors read as `min pressure max` (or `min default max`): each value must not be below the one before. */
export const ORDERED_VECTORS = ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem", "net.ipv4.tcp_mem", "net.ipv4.udp_mem"];
