/**
 * Tables: the data table beside the chart, and sortable tables for the breakdowns and port pressure. A click
 * on a column header sorts by that column (numbers most first, text A to Z), a second click reverses, and
 * the header's aria-sort tells screen readers which way.
 */
import type { StateCounts } from "../core/analysis/types";
import type { TcpState } from "../core/netstat/types";
import { h, replace, uid, type Child } from "./dom";
import { fmt } from "./format";
import { histogramBars } from "./histogram";

export type SortDirection = "ascending" | "descending";

export interface Column<T> {
  readonly id: string;
  readonly label: string;
  /** Right-aligned, compared as numbers, and sorted most first on the first click. */
  readonly numeric?: boolean;
  /** The value sorted on. */
  readonly value: (row: T) => number | string;
  /** The cell's content; the value as text by default. */
  readonly cell?: (row: T) => Child | readonly Child[];
}

export interface SortState {
  readonly column: string;
  readonly direction: SortDirection;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** A stable sort: rows that compare equal keep their order (the analysis's own ranking). */
export function sortRows<T>(rows: readonly T[], column: Column<T>, direction: SortDirection): T[] {
  const keyed = rows.map((row, index) => ({ row, index, value: column.value(row) }));
  keyed.sort((a, b) => {
    const c = typeof a.value === "number" && typeof b.value === "number" ? a.value - b.value : collator.compare(String(a.value), String(b.value));
    return (direction === "descending" ? -c : c) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** The next sort after a click on `column`: the other direction on the same column, else that column's first direction. */
export function nextSort<T>(current: SortState | undefined, column: Column<T>): SortState {
  if (current?.column === column.id) return { column: column.id, direction: current.direction === "ascending" ? "descending" : "ascending" };
  return { column: column.id, direction: column.numeric ? "descending" : "ascending" };
}

export interface SortableTableOptions<T> {
  readonly caption: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  /** The order the rows arrive in, shown as the current sort. */
  readonly initial?: SortState;
  readonly className?: string;
}

/** A scrollable, keyboard-reachable table whose headers sort it. */
export function sortableTable<T>(options: SortableTableOptions<T>): HTMLElement {
  const { columns, rows } = options;
  let sort = options.initial;
  const captionId = uid("caption");
  const tbody = h("tbody");
  const headers = columns.map((col) => {
    const indicator = h("span", { class: "sort-indicator", "aria-hidden": "true" });
    const button = h("button", { type: "button", class: "sort-button", "data-column": col.id }, col.label, indicator);
    const th = h("th", { scope: "col", class: col.numeric ? "num" : undefined }, button);
    button.addEventListener("click", () => {
      sort = nextSort(sort, col);
      render();
    });
    return { col, th, indicator };
  });

  function render(): void {
    const col = sort ? columns.find((c) => c.id === sort?.column) : undefined;
    const ordered = col && sort ? sortRows(rows, col, sort.direction) : [...rows];
    for (const { col: c, th, indicator } of headers) {
      const active = sort !== undefined && c.id === sort.column;
      if (active && sort) th.setAttribute("aria-sort", sort.direction);
      else th.removeAttribute("aria-sort");
      indicator.textContent = active ? (sort?.direction === "ascending" ? "▲" : "▼") : "";
    }
    replace(
      tbody,
      ordered.map((row) =>
        h(
          "tr",
          {},
          columns.map((c, i) => {
            const content = c.cell ? c.cell(row) : c.value(row);
            const attrs = { class: c.numeric ? "num" : undefined };
            const parts = Array.isArray(content) ? content : [content as Child];
            return i === 0 ? h("th", { ...attrs, scope: "row" }, parts) : h("td", attrs, parts);
          }),
        ),
      ),
    );
  }
  render();
  const table = h(
    "table",
    { class: `data sortable${options.className ? ` ${options.className}` : ""}` },
    h("caption", { id: captionId }, options.caption),
    h("thead", {}, h("tr", {}, headers.map((x) => x.th))),
    tbody,
  );
  return h("div", { class: "table-wrap", role: "region", "aria-labelledby": captionId, tabindex: "0" }, table);
}

/** The chart's numbers as a table (same states, same order, same shares): for screen readers and copying. */
export function stateTable(states: Partial<StateCounts>, total: number): HTMLElement {
  const bars = histogramBars(states, total);
  const captionId = uid("caption");
  return h(
    "div",
    { class: "table-wrap", role: "region", "aria-labelledby": captionId, tabindex: "0" },
    h(
      "table",
      { class: "data state-table" },
      h("caption", { id: captionId }, "Sockets by state"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "State"), h("th", { scope: "col", class: "num" }, "Count"), h("th", { scope: "col", class: "num" }, "Share"))),
      h(
        "tbody",
        {},
        bars.length === 0
          ? h("tr", {}, h("td", { colspan: "3" }, "No TCP sockets"))
          : bars.map((b) =>
              h("tr", { "data-state": b.state }, h("th", { scope: "row" }, b.state), h("td", { class: "num" }, fmt(b.count)), h("td", { class: "num" }, b.share)),
            ),
      ),
    ),
  );
}

/** Columns for a few states' counts (the most common states of the analysis). */
export function stateColumns<T extends { readonly states: StateCounts }>(states: readonly TcpState[]): Column<T>[] {
  return states.map((s) => ({ id: s, label: s, numeric: true, value: (r: T) => (typeof r.states?.[s] === "number" ? r.states[s] : 0), cell: (r: T) => fmt(r.states?.[s]) }));
}
