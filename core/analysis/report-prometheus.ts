/**
 * The analysis in Prometheus' text exposition format, as node_exporter's textfile collector reads it: every
 * family with HELP and TYPE, names by Prometheus' conventions (`socket_doctor_` prefix, `_ratio` for
 * fractions, `_total` for counters). The families are a table: each says how to read its samples out of the
 * analysis, so a new figure of the analysis is one more row. A family whose figure the input lacks (no
 * counters, no limits) has no samples.
 */
import { SOFTNET_COUNTERS } from "../counters/softnet-tally";
import { MEANINGS } from "../counters/summary";
import type { Gauge } from "../counters/types";
import { TCP_STATES } from "../netstat/types";
import type { Analysis, Destination } from "./types";

export interface Sample {
  readonly labels?: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: "gauge" | "counter";
  samples(a: Analysis): readonly Sample[];
}

const destinationLabels = (d: Destination) => ({ local_address: d.localAddress, remote_address: d.remoteAddress, remote_port: String(d.remotePort) });

/**
 * A gauge of the analysis (core/counters/types.ts) as a fraction of its limit, or of the level `of` picks;
 * no sample when the input lacks the gauge or that level is 0 (a ratio to 0 is no number).
 */
function usage(id: Gauge["id"], of: (g: Gauge) => number | null = (g) => g.limit): (a: Analysis) => Sample[] {
  return (a) =>
    a.gauges.flatMap((g) => {
      const level = g.id === id ? of(g) : null;
      return level !== null && level > 0 ? [{ value: g.used / level }] : [];
    });
}

/**
 * The counters meanings.json explains, as Prometheus counters: only totals (since boot or since the namespace
 * was created) go up like one; nstat's increments, or nstat output that may be either, give none.
 */
function counterTotals(a: Analysis): Sample[] {
  if (a.sampling?.basis !== "totals") return [];
  return MEANINGS.flatMap(({ name }) => {
    const value = a.counters[name];
    return value === undefined ? [] : [{ labels: { name }, value }];
  });
}

export const METRICS: readonly MetricFamily[] = [
  {
    name: "socket_doctor_tcp_sockets",
    help: "TCP sockets by state.",
    type: "gauge",
    samples: (a) => TCP_STATES.map((state) => ({ labels: { state }, value: a.states[state] })),
  },
  {
    name: "socket_doctor_unparsed_lines",
    help: "Lines of the input that were not read as sockets (headers, prompts, other output).",
    type: "gauge",
    samples: (a) => [{ value: a.unparsed }],
  },
  {
    name: "socket_doctor_local_port_range_ports",
    help: "Ports in the local port range (net.ipv4.ip_local_port_range) the figures are measured against.",
    type: "gauge",
    samples: (a) => [{ value: a.portPressure.range.size }],
  },
  {
    name: "socket_doctor_destination_local_ports",
    help: "Local ports held by sockets to one destination (local address, remote address and port), busiest destinations first.",
    type: "gauge",
    samples: (a) => a.portPressure.destinations.map((d) => ({ labels: destinationLabels(d), value: d.held })),
  },
  {
    name: "socket_doctor_destination_local_port_usage_ratio",
    help: "Local ports held by sockets to one destination, as a fraction of the local port range.",
    type: "gauge",
    samples: (a) => a.portPressure.destinations.map((d) => ({ labels: destinationLabels(d), value: d.fraction })),
  },
  {
    name: "socket_doctor_destination_time_wait_sockets",
    help: "TIME_WAIT sockets to one destination.",
    type: "gauge",
    samples: (a) => a.portPressure.destinations.map((d) => ({ labels: destinationLabels(d), value: d.timeWait })),
  },
  {
    name: "socket_doctor_tcp_time_wait_buckets_usage_ratio",
    help: "TIME_WAIT entries of the network namespace (sockstat tw) as a fraction of net.ipv4.tcp_max_tw_buckets; at 1 closing connections skip TIME_WAIT.",
    type: "gauge",
    samples: usage("time-wait"),
  },
  {
    name: "socket_doctor_tcp_orphans_usage_ratio",
    help: "Orphaned TCP sockets of the host (sockstat orphan) as a fraction of net.ipv4.tcp_max_orphans; past 1 orphans are reset.",
    type: "gauge",
    samples: usage("orphans"),
  },
  {
    name: "socket_doctor_tcp_memory_usage_ratio",
    help: "Memory of the host's TCP sockets (sockstat mem, pages) as a fraction of the third value of net.ipv4.tcp_mem; past 1 TCP refuses buffer memory beyond a minimum.",
    type: "gauge",
    samples: usage("tcp-memory"),
  },
  {
    name: "socket_doctor_tcp_memory_pressure_usage_ratio",
    help: "Memory of the host's TCP sockets (sockstat mem, pages) as a fraction of the second value of net.ipv4.tcp_mem; past 1 TCP is under memory pressure.",
    type: "gauge",
    samples: usage("tcp-memory", (g) => g.threshold),
  },
  {
    name: "socket_doctor_conntrack_usage_ratio",
    help: "Connection-tracking entries (nf_conntrack_count) as a fraction of net.netfilter.nf_conntrack_max; at 1 a new flow evicts an entry not yet assured, or is dropped.",
    type: "gauge",
    samples: usage("conntrack"),
  },
  {
    name: "socket_doctor_kernel_snmp_total",
    help: "The kernel counters docs/counters.md explains, by nstat's name: totals since boot or since the network namespace was created. Only from totals, never from nstat's increments.",
    type: "counter",
    samples: counterTotals,
  },
  {
    name: "socket_doctor_softnet_total",
    help: "Counts of /proc/net/softnet_stat summed over the host's CPUs, by the kernel's column name (processed, dropped, time_squeeze, received_rps, flow_limit_count). Each CPU's count is 32 bits and wraps around, which rate() takes for a reset.",
    type: "counter",
    samples: (a) => SOFTNET_COUNTERS.flatMap((name) => {
      const value = a.softnet?.totals[name];
      return value === undefined ? [] : [{ labels: { name }, value }];
    }),
  },
  {
    name: "socket_doctor_findings",
    help: "Findings of the analysis by id and severity (docs/analysis.md and docs/counters.md describe each id); 1 while present.",
    type: "gauge",
    samples: (a) => a.findings.map((f) => ({ labels: { id: f.id, severity: f.severity }, value: 1 })),
  },
];

/** HELP text: a backslash and a line feed escaped. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/**
 * A label value: backslash, double quote and line feed escaped as the format wants; other control characters
 * (from a pasted listing) become U+FFFD, so that neither a parser nor a terminal acts on them.
 */
export function escapeLabelValue(value: string): string {
  return value
    .replace(/[\\"\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`))
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
}

function sampleLine(name: string, s: Sample): string {
  const labels = Object.entries(s.labels ?? {});
  const set = labels.length === 0 ? "" : `{${labels.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(",")}}`;
  return `${name}${set} ${Number.isFinite(s.value) ? String(s.value) : "NaN"}`;
}

export function reportPrometheus(a: Analysis, metrics: readonly MetricFamily[] = METRICS): string {
  const out: string[] = [];
  for (const m of metrics) {
    out.push(`# HELP ${m.name} ${escapeHelp(m.help)}`, `# TYPE ${m.name} ${m.type}`);
    for (const s of m.samples(a)) out.push(sampleLine(m.name, s));
  }
  return out.join("\n") + "\n";
}
