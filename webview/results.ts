/** The results of an analysis: summary, findings, kernel counters, the state chart beside its table, port pressure, breakdowns, exports. */
import type { Analysis } from "../core/analysis/types";
import { breakdownsSection } from "./breakdowns-view";
import { countersSection } from "./counters-view";
import { h, pastedText, svgElement, uid } from "./dom";
import { findingsSection, type FindingHandlers } from "./findings-view";
import { fmt, list, num, str } from "./format";
import { histogramTree, type SvgNode } from "./histogram";
import { pressureSection } from "./pressure-view";
import type { Source } from "./protocol";
import { stateTable } from "./tables";

export interface ResultHandlers extends FindingHandlers {
  copyMarkdown(): void;
  /** Save the chart: the handler gets the tree that is on screen. */
  saveSvg(tree: SvgNode): void;
  /** Read this machine's sockets again (live captures only). */
  refresh(): void;
}

const SOURCE_KIND: Record<Source["kind"], string> = { paste: "pasted", file: "file", live: "this machine, live" };

function summary(a: Analysis): HTMLElement[] {
  const lines = num(a.lines);
  const unparsed = num(a.unparsed);
  const formats = list(a.formats).map(str);
  const total = num(a.total);
  const out: HTMLElement[] = [
    h(
      "p",
      { class: "summary" },
      h("strong", {}, `${fmt(total)} TCP socket${total === 1 ? "" : "s"}`),
      ` in ${fmt(lines)} line${lines === 1 ? "" : "s"}`,
      formats.length > 0 ? [" (", ...formats.flatMap((f, i) => [i > 0 ? " + " : "", h("code", {}, f)]), ")."] : ` (${str(a.format) || "no format recognised"}).`,
      unparsed > 0 ? ` ${fmt(unparsed)} line${unparsed === 1 ? "" : "s"} could not be read.` : "",
    ),
  ];
  const examples = list(a.unparsedExamples);
  if (unparsed > 0 && examples.length > 0) {
    out.push(
      h(
        "details",
        { class: "unparsed" },
        h("summary", {}, examples.length < unparsed ? `The first ${examples.length} unreadable lines` : unparsed === 1 ? "The unreadable line" : "The unreadable lines"),
        h(
          "ol",
          { class: "unparsed-list" },
          examples.map((e) =>
            h(
              "li",
              {},
              h("span", { class: "line-no" }, `Line ${fmt(e?.line)}`),
              h("code", { class: "unparsed-text" }, pastedText(str(e?.text))),
              e?.reason !== undefined ? h("span", { class: "muted" }, ` ${str(e.reason)}`) : "",
            ),
          ),
        ),
      ),
    );
  }
  return out;
}

/** Renders into `container`. */
export function renderResults(container: HTMLElement, a: Analysis, source: Source, handlers: ResultHandlers): void {
  const tree = histogramTree(a.states ?? {}, num(a.total));
  const copy = h("button", { type: "button", class: "secondary", "data-action": "copy-markdown" }, "Copy report as Markdown");
  const save = h("button", { type: "button", class: "secondary", "data-action": "save-svg" }, "Save chart as SVG");
  copy.addEventListener("click", () => handlers.copyMarkdown());
  save.addEventListener("click", () => handlers.saveSvg(tree));
  const refresh = source.kind === "live" && h("button", { type: "button", class: "primary", "data-action": "refresh" }, "Refresh");
  if (refresh) refresh.addEventListener("click", () => handlers.refresh());
  const resultsId = uid("heading");
  const statesId = uid("heading");
  container.replaceChildren(
    h(
      "section",
      { class: "overview", "aria-labelledby": resultsId },
      h(
        "div",
        { class: "results-header" },
        h(
          "div",
          { class: "results-title" },
          h("h2", { id: resultsId }, "Results"),
          h("p", { class: "source", "data-source-kind": source.kind }, h("span", { class: "source-label" }, pastedText(str(source.label))), h("span", { class: "source-kind" }, ` (${SOURCE_KIND[source.kind] ?? "unknown"})`)),
        ),
        h("div", { class: "buttons export" }, refresh, copy, save),
      ),
      summary(a),
    ),
    findingsSection(list(a.findings), handlers),
    ...countersSection(a),
    h(
      "section",
      { class: "states", "aria-labelledby": statesId },
      h("h2", { id: statesId }, "TCP states"),
      h("div", { class: "chart-grid" }, h("figure", { class: "chart" }, svgElement(tree)), stateTable(a.states ?? {}, num(a.total))),
    ),
    pressureSection(a.portPressure),
    breakdownsSection(a),
  );
}
