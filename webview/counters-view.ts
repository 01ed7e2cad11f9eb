/**
 * The "Kernel counters" section: how the counters were sampled, gauges of usage against the kernel's limits,
 * the counters that matter (non-zero first, each with its one-line meaning), and what a conntrack listing held.
 * The same choices as the CLI and Markdown reports (core/counters/summary.ts).
 */
import type { Analysis } from "../core/analysis/types";
import { gaugeText, notableCounters, samplingText, softnetText, type NotableCounter } from "../core/counters/summary";
import { COUNTER_THRESHOLDS } from "../core/counters/thresholds";
import type { ConntrackListing, Gauge, KernelSections } from "../core/counters/types";
import { endpoint } from "../core/text/endpoint";
import { h, pastedText, uid } from "./dom";
import { fmt, list, num, str } from "./format";
import { sortableTable, type Column } from "./tables";

/**
 * Where a gauge turns amber and red, as the findings judge it: tcp_mem's pressure level, orphans from a quarter
 * of tcp_max_orphans, conntrack from 80% and 95% of its table. TIME_WAIT has no early level: the kernel skips
 * TIME_WAIT once the count reaches the cap (inet_twsk_alloc), so only a full table is red.
 */
function levels(g: Gauge): { low: number; high: number } {
  const limit = num(g.limit);
  switch (g.id) {
    case "tcp-memory":
      return { low: num(g.threshold) || limit, high: limit };
    case "orphans":
      return { low: limit * COUNTER_THRESHOLDS.orphansWarning, high: limit * COUNTER_THRESHOLDS.orphansError };
    case "conntrack":
      return { low: limit * COUNTER_THRESHOLDS.conntrackWarning, high: limit * COUNTER_THRESHOLDS.conntrackError };
    default:
      return { low: limit - 0.5, high: limit - 0.5 };
  }
}

function gaugeRow(g: Gauge): HTMLElement {
  const limit = num(g.limit);
  const { low, high } = levels(g);
  return h(
    "li",
    { class: "gauge", "data-gauge": str(g.id) },
    h("span", { class: "gauge-label" }, str(g.label)),
    h("meter", { class: "gauge-meter", min: "0", max: String(limit), low: String(low), high: String(high), optimum: "0", value: String(Math.min(limit, num(g.used))), "aria-hidden": "true" }),
    h("span", { class: "gauge-text" }, gaugeText(g), " (", h("code", {}, str(g.setting)), ")"),
  );
}

function counterTable(rows: readonly NotableCounter[], withChange: boolean, caption: string): HTMLElement {
  const columns: Column<NotableCounter>[] = [
    { id: "name", label: "Counter", value: (r) => r.name, cell: (r) => h("code", {}, r.name) },
    { id: "value", label: "Value", numeric: true, value: (r) => r.value, cell: (r) => fmt(r.value) },
    ...(withChange ? [{ id: "change", label: "Change", numeric: true, value: (r: NotableCounter) => num(r.change), cell: (r: NotableCounter) => (num(r.change) > 0 ? `+${fmt(r.change)}` : "0") }] : []),
    { id: "meaning", label: "What it counts", value: (r) => r.meaning },
  ];
  return sortableTable({ caption, columns, rows, className: "counter-table" });
}

function countersPart(k: KernelSections): (HTMLElement | false)[] {
  const rows = notableCounters(k);
  if (rows.length === 0) return [];
  const withChange = rows.some((r) => r.change !== null);
  const moving = rows.filter((r) => r.value > 0 || num(r.change) > 0);
  const still = rows.filter((r) => !(r.value > 0 || num(r.change) > 0));
  return [
    moving.length > 0 ? counterTable(moving, withChange, "The counters that matter") : h("p", { class: "muted" }, "Every counter that matters here is 0."),
    still.length > 0 && h("details", { class: "zero-counters" }, h("summary", {}, `${still.length} more at 0`), counterTable(still, withChange, "The counters that matter, at 0")),
  ];
}

function sockstatPart(k: KernelSections): HTMLElement | false {
  const tcp = k.sockstat?.tcp;
  if (!tcp) return false;
  const parts = [
    ["in use", tcp.inuse],
    ["orphaned", tcp.orphan],
    ["in TIME_WAIT", tcp.tw],
    ["allocated", tcp.alloc],
  ].filter(([, v]) => v !== undefined);
  const mem = tcp.mem !== undefined ? `; their buffers hold ${fmt(tcp.mem)} pages` : "";
  return h("p", { class: "sockstat" }, `TCP sockets (sockstat): ${parts.map(([label, v]) => `${fmt(v)} ${label}`).join(", ")}${mem}.`);
}

function conntrackPart(listing: ConntrackListing | null | undefined): HTMLElement | false {
  if (!listing) return false;
  type Dest = ConntrackListing["destinations"][number];
  const columns: Column<Dest>[] = [
    { id: "protocol", label: "Protocol", value: (d) => str(d.protocol) },
    { id: "to", label: "Destination", value: (d) => (d.port !== null ? endpoint(str(d.address), num(d.port)) : str(d.address)), cell: (d) => pastedText(d.port !== null ? endpoint(str(d.address), num(d.port)) : str(d.address)) },
    { id: "entries", label: "Entries", numeric: true, value: (d) => num(d.entries), cell: (d) => fmt(d.entries) },
  ];
  const protocols = list(listing.protocols).map((p) => `${fmt(p.entries)} ${str(p.protocol)}`).join(", ");
  const states = list(listing.tcpStates).map((s) => `${fmt(s.entries)} ${str(s.state)}`).join(", ");
  return h(
    "div",
    { class: "conntrack-listing" },
    h("h3", {}, "Connection-tracking listing"),
    h("p", {}, `${fmt(listing.entries)} entries${protocols ? `: ${protocols}` : ""}. ${fmt(listing.unreplied)} not yet answered, ${fmt(listing.assured)} assured.`),
    states && h("p", {}, `TCP entries by state: ${states}.`),
    list(listing.destinations).length > 0 && sortableTable({ caption: "Busiest destinations", columns, rows: list(listing.destinations), initial: { column: "entries", direction: "descending" }, className: "conntrack-table" }),
  );
}

/** The section, or none when the input held none of the kernel's figures. */
export function countersSection(a: Analysis): HTMLElement[] {
  if (list(a.kernelFormats).length === 0) return [];
  const headingId = uid("heading");
  const gauges = list(a.gauges);
  const section = h(
    "section",
    { class: "counters", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "Kernel counters"),
    h("p", { class: "muted" }, `Read from ${list(a.kernelFormats).map(str).join(", ")}`, a.sampling ? `: ${samplingText(a.sampling)}.` : ".", a.softnet ? ` ${softnetText(a.softnet)}.` : ""),
    gauges.length > 0 && h("ul", { class: "gauges", "aria-label": "Usage against the kernel's limits" }, gauges.map(gaugeRow)),
    sockstatPart(a),
    ...countersPart(a),
    conntrackPart(a.conntrack?.listing),
  );
  return [section];
}
