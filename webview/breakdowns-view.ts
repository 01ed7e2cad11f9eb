/** The breakdown tables: remote endpoints, remote hosts, local ports (listeners marked) and processes. */
import type { Analysis, LocalPortRow, ProcessRow, RemoteEndpointRow, RemoteHostRow, Row } from "../core/analysis/types";
import { TCP_STATES, type TcpState } from "../core/netstat/types";
import { h, pastedText, uid } from "./dom";
import { endpoint } from "../core/text/endpoint";
import { fmt, list, num, str } from "./format";
import { sortableTable, stateColumns, type Column } from "./tables";

/** The states worth a column: the analysis's most common ones (at most four), in TCP_STATES order. */
export function keyStates(a: Analysis, max = 4): TcpState[] {
  const top = TCP_STATES.filter((s) => num(a.states?.[s]) > 0)
    .sort((x, y) => num(a.states[y]) - num(a.states[x]))
    .slice(0, max);
  return TCP_STATES.filter((s) => top.includes(s));
}

const INITIAL = { column: "total", direction: "descending" } as const;

function totalColumn<T extends Row>(): Column<T> {
  return { id: "total", label: "Sockets", numeric: true, value: (r) => num(r.total), cell: (r) => fmt(r.total) };
}

function table<T extends Row>(caption: string, first: readonly Column<T>[], rows: readonly T[], states: readonly TcpState[], empty: string): HTMLElement {
  if (rows.length === 0) return h("div", { class: "breakdown-empty" }, h("h3", {}, caption), h("p", { class: "muted" }, empty));
  return sortableTable<T>({ caption, columns: [...first, totalColumn<T>(), ...stateColumns<T>(states)], rows, initial: INITIAL, className: "breakdown" });
}

export function breakdownsSection(a: Analysis): HTMLElement {
  const b = a.breakdowns;
  const states = keyStates(a);
  const headingId = uid("heading");
  const truncated = num(b?.truncated);
  const outgoing = num(b?.outgoing?.total);
  return h(
    "section",
    { class: "breakdowns", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "Breakdowns"),
    h("p", { class: "muted" }, "The top rows of each table. Select a column header to sort by it; select it again to reverse."),
    outgoing > 0 && h("p", { class: "muted" }, `${fmt(outgoing)} outgoing sockets (from this host's ephemeral ports) are counted by destination: they are the remote endpoints here and the local port use below, not local port rows.`),
    truncated > 0 && h("p", { class: "muted" }, `${fmt(truncated)} sockets had an address or process name over 200 characters, counted under its first 200: their rows may join several names.`),
    h(
      "div",
      { class: "breakdown-grid" },
      table<RemoteEndpointRow>(
        "Remote endpoints (outgoing)",
        [{ id: "endpoint", label: "Endpoint", value: (r) => endpoint(str(r.host), num(r.port)), cell: (r) => pastedText(endpoint(str(r.host), num(r.port))) }],
        list(b?.remoteEndpoints),
        states,
        "No outgoing connections.",
      ),
      table<RemoteHostRow>("Remote hosts", [{ id: "host", label: "Host", value: (r) => str(r.host), cell: (r) => pastedText(str(r.host)) }], list(b?.remoteHosts), states, "No connected sockets."),
      table<LocalPortRow>(
        "Local ports",
        [
          { id: "port", label: "Port", numeric: true, value: (r) => num(r.port), cell: (r) => String(num(r.port)) },
          {
            id: "listening",
            label: "Listening",
            value: (r) => (r.listening ? "listening" : ""),
            cell: (r) => (r.listening ? h("span", { class: "listening-mark" }, h("span", { "aria-hidden": "true" }, "\u25CF "), "listening") : ""),
          },
        ],
        list(b?.localPorts),
        states,
        "No sockets.",
      ),
      table<ProcessRow>(
        "Processes",
        [{ id: "process", label: "Process", value: (r) => str(r.process), cell: (r) => pastedText(str(r.process)) }],
        list(b?.processes),
        states,
        "Not in this listing: `netstat -antp` or `ss -tanp` (as root) show the process of each socket.",
      ),
    ),
  );
}
