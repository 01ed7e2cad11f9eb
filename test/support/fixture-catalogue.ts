/**
 * A small catalogue for rule and language tests, so they do not depend on the shipped data changing.
 * Its entries follow real keys; tests of the shipped data live in catalogue-*.test.ts.
 */
import { Catalogue } from "../../core/catalogue/catalogue";
import type { KeyEntry } from "../../core/catalogue/types";

const base = { scope: "netns", status: "active", sources: { doc: "networking/ip-sysctl.rst#TCP variables" } } as const;

export const FIXTURE_ENTRIES: KeyEntry[] = [
  { ...base, key: "net.ipv4.tcp_fin_timeout", type: "integer", default: "60", min: 0, unit: "seconds", summary: "How long an orphaned socket waits in FIN_WAIT2", description: "Only orphans.\n\nNot TIME_WAIT." },
  { ...base, key: "net.ipv4.tcp_keepalive_time", type: "integer", default: "7200", min: 1, unit: "seconds", summary: "Idle time before keepalive probes", description: "Keepalive." },
  { ...base, key: "net.ipv4.tcp_tw_reuse", type: "enum", default: "2", min: 0, max: 2, summary: "Reuse TIME_WAIT sockets for outgoing connections", description: "Reuse.", values: [
    { value: "0", meaning: "never" }, { value: "1", meaning: "always" }, { value: "2", meaning: "loopback only" } ] },
  { ...base, key: "net.ipv4.tcp_sack", type: "boolean", default: "1", min: 0, max: 1, summary: "Selective acknowledgements", description: "SACK." },
  { ...base, key: "net.ipv4.tcp_rmem", type: "vector", length: 3, default: "4096 131072 6291456", min: 4096, unit: "bytes", summary: "Receive buffer sizes", description: "Buffers." },
  { ...base, key: "net.ipv4.ip_local_port_range", type: "port-range", default: "32768 60999", min: 1, max: 65535, constraints: [{ kind: "at-least", key: "net.ipv4.ip_unprivileged_port_start", index: 0 }], summary: "Ephemeral ports", description: "Ports." },
  { ...base, key: "net.ipv4.ip_local_reserved_ports", type: "port-list", default: "", summary: "Ports kept out of the ephemeral range", description: "Reserved." },
  { ...base, key: "net.ipv4.tcp_congestion_control", type: "string", default: "cubic", summary: "Congestion control", description: "CC." },
  { ...base, key: "net.ipv4.tcp_low_latency", type: "boolean", default: "0", status: "no-op", removedIn: "4.14", summary: "Formerly preferred latency", description: "No-op." },
  { ...base, key: "net.ipv4.tcp_tw_recycle", type: "boolean", default: "0", status: "removed", removedIn: "4.12", summary: "Fast TIME_WAIT recycling that broke clients behind NAT", description: "Gone." },
  { ...base, key: "net.ipv4.netfilter.ip_conntrack_max", type: "integer", default: null, defaultNote: "sized from memory", status: "removed", removedIn: "4.4", replacement: "net.netfilter.nf_conntrack_max", summary: "Old name of the conntrack table size", description: "Renamed." },
  { ...base, key: "net.netfilter.nf_conntrack_max", type: "integer", default: null, defaultNote: "sized from memory", summary: "Conntrack table size", description: "Size." },
  { ...base, key: "net.ipv4.tcp_migrate_req", type: "boolean", default: "0", since: "5.14", summary: "Migrate requests between listeners", description: "Migrate." },
  { ...base, key: "net.ipv4.tcp_available_congestion_control", type: "string", default: null, defaultNote: "loaded modules", readOnly: true, summary: "Loaded congestion control algorithms", description: "Read-only." },
  { ...base, key: "net.ipv4.conf.<iface>.rp_filter", type: "enum", default: "0", summary: "Reverse path filtering", description: "RPF.", values: [
    { value: "0", meaning: "off" }, { value: "1", meaning: "strict" }, { value: "2", meaning: "loose" } ] },
  { ...base, key: "net.ipv4.neigh.<iface>.gc_stale_time", type: "integer", default: "60", unit: "seconds", summary: "Stale neighbour check", description: "Neigh." },
  { ...base, key: "net.core.somaxconn", type: "integer", default: "4096", min: 0, summary: "Accept queue limit", description: "Backlog." },
  { ...base, key: "net.core.rmem_max", type: "integer", default: "4194304", min: 2304, unit: "bytes", scope: "global", summary: "Largest SO_RCVBUF", description: "Receive limit." },
  { ...base, key: "net.core.wmem_max", type: "integer", default: "4194304", min: 4608, unit: "bytes", scope: "global", summary: "Largest SO_SNDBUF", description: "Send limit." },
  { ...base, key: "net.ipv4.tcp_syncookies", type: "enum", default: "1", min: 0, max: 255, summary: "SYN cookies", description: "Cookies.", values: [
    { value: "0", meaning: "never" }, { value: "1", meaning: "when a queue is full" }, { value: "2", meaning: "always" } ] },
  { ...base, key: "net.ipv4.tcp_timestamps", type: "enum", default: "1", min: 0, max: 255, summary: "TCP timestamps", description: "Timestamps.", values: [
    { value: "0", meaning: "off" }, { value: "1", meaning: "random offset" }, { value: "2", meaning: "no offset" } ] },
  { ...base, key: "net.ipv4.tcp_ecn", type: "enum", default: "2", min: 0, max: 2, summary: "ECN", description: "ECN.", values: [
    { value: "0", meaning: "off" }, { value: "1", meaning: "request" }, { value: "2", meaning: "accept" } ] },
  { ...base, key: "net.ipv4.tcp_window_scaling", type: "boolean", default: "1", min: 0, max: 255, summary: "Window scaling", description: "Scaling." },
  { ...base, key: "net.ipv4.ip_nonlocal_bind", type: "boolean", default: "0", min: 0, max: 255, summary: "Bind to foreign addresses", description: "Nonlocal." },
  { ...base, key: "net.ipv4.tcp_abort_on_overflow", type: "boolean", default: "0", min: 0, max: 255, summary: "Reset on a full accept queue", description: "Abort." },
  { ...base, key: "net.ipv4.tcp_retries2", type: "integer", default: "15", min: 0, max: 255, summary: "Retransmissions before giving up", description: "Retries." },
  { ...base, key: "net.ipv4.tcp_max_tw_buckets", type: "integer", default: null, defaultNote: "sized from memory", min: 0, summary: "TIME_WAIT limit", description: "Buckets." },
  { ...base, key: "net.ipv4.tcp_fastopen_key", type: "string", default: null, defaultNote: "none until set", summary: "Fast Open keys", description: "Keys." },
  { ...base, key: "net.ipv4.ip_unprivileged_port_start", type: "integer", default: "1024", min: 0, max: 65535, constraints: [{ kind: "at-most", key: "net.ipv4.ip_local_port_range", otherIndex: 0 }], summary: "First unprivileged port", description: "Ports." },
  { ...base, key: "net.ipv4.conf.<iface>.accept_source_route", type: "boolean", default: "1", instanceDefaults: { all: "0" }, combine: "and", summary: "Source routing", description: "SRR." },
  { ...base, key: "net.ipv4.neigh.default.gc_thresh1", type: "integer", default: "128", min: 0, scope: "global", summary: "GC floor", description: "Thresh1." },
  { ...base, key: "net.ipv4.neigh.default.gc_thresh2", type: "integer", default: "512", min: 0, scope: "global", summary: "GC soft limit", description: "Thresh2." },
  { ...base, key: "net.ipv4.neigh.default.gc_thresh3", type: "integer", default: "1024", min: 0, scope: "global", summary: "GC hard limit", description: "Thresh3." },
  { ...base, key: "net.core.default_qdisc", type: "string", default: "pfifo_fast", maxLength: 15, scope: "global", summary: "Default qdisc", description: "Qdisc." },
];

export const fixtureCatalogue = new Catalogue(FIXTURE_ENTRIES);
