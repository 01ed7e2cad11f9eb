/** Local port use per destination: how much of the ephemeral range each (from, to) pair holds. */
import type { Destination, PortPressure } from "../core/analysis/types";
import { h, pastedText, uid } from "./dom";
import { endpoint } from "../core/text/endpoint";
import { fmt, list, num, share, str } from "./format";
import { sortableTable, type Column } from "./tables";
import { THRESHOLDS, TIME_WAIT_SECONDS } from "../core/analysis/thresholds";

export function pressureSection(p: PortPressure): HTMLElement {
  const headingId = uid("heading");
  const low = num(p?.range?.low);
  const high = num(p?.range?.high);
  const size = num(p?.range?.size) || Math.max(0, high - low + 1);
  /** The ports each destination may take: the range less its reserved ports. */
  const available = num(p?.range?.available) || size;
  const destinations = list(p?.destinations);
  const columns: Column<Destination>[] = [
    { id: "from", label: "From", value: (d) => str(d.localAddress), cell: (d) => pastedText(str(d.localAddress)) },
    { id: "to", label: "To", value: (d) => endpoint(str(d.remoteAddress), num(d.remotePort)), cell: (d) => pastedText(endpoint(str(d.remoteAddress), num(d.remotePort))) },
    { id: "held", label: "Ports held", numeric: true, value: (d) => num(d.held), cell: (d) => `${fmt(d.held)} / ${fmt(available)}` },
    {
      id: "share",
      label: "Share of range",
      numeric: true,
      value: (d) => num(d.fraction),
      cell: (d) => [
        h("meter", {
          class: "share-meter",
          min: "0",
          max: "1",
          low: String(THRESHOLDS.portPressureWarning),
          high: String(THRESHOLDS.portPressureError),
          optimum: "0",
          value: String(Math.min(1, num(d.fraction))),
          "aria-hidden": "true",
        }),
        h("span", { class: "meter-text" }, share(num(d.held), available)),
      ],
    },
    { id: "timeWait", label: "TIME_WAIT", numeric: true, value: (d) => num(d.timeWait), cell: (d) => fmt(d.timeWait) },
    { id: "rate", label: "Sustainable rate", numeric: true, value: (d) => num(d.sustainableRate), cell: (d) => `${fmt(d.sustainableRate)}/s` },
  ];
  return h(
    "section",
    { class: "pressure", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "Local port use per destination"),
    h(
      "p",
      { class: "range-note" },
      `Local port range ${low}–${high} (${fmt(size)} ports${num(p?.range?.reserved) > 0 ? `, ${fmt(p.range.reserved)} of them reserved` : ""}, ${str(p?.rangeSource) || "the kernel default"}). `,
      `Each destination (local address, remote address and port) has the whole range to itself; a port stays in TIME_WAIT for ${TIME_WAIT_SECONDS} seconds after its connection closes.`,
    ),
    destinations.length === 0
      ? h("p", { class: "muted" }, "No outgoing connections from the local port range in this listing.")
      : sortableTable({ caption: "Outgoing connections by destination", columns, rows: destinations, initial: { column: "held", direction: "descending" }, className: "pressure-table" }),
  );
}
