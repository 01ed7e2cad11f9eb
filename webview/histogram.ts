/**
 * The TCP state histogram as a small SVG element tree, built by a pure function: the page turns the tree into
 * DOM nodes (dom.ts, createElementNS + textContent), `toSvgString` turns it into the file "Save chart as SVG"
 * writes, and node tests check both without a browser.
 *
 * Nothing here sets a colour or a style: every element carries classes, and the stylesheet
 * (webview/styles/) maps them to VS Code theme variables (the page's CSP allows no inline styles). The
 * exported file gets the same rules in a <style> element, with fallback colours for viewers outside VS Code.
 */
import type { StateCounts } from "../core/analysis/types";
import { TCP_STATES, type TcpState } from "../core/netstat/types";
import { fmt, num, share } from "./format";

export interface SvgNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly SvgNode[];
  readonly text?: string;
}

export const SVG_NS = "http://www.w3.org/2000/svg";

/** VS Code's chart palette (the `--vscode-charts-*` variables), with Light+ values for standalone files. */
export const CHART_COLOURS = {
  green: "#388a34",
  yellow: "#bf8803",
  orange: "#d18616",
  purple: "#652d90",
  blue: "#1a85ff",
  red: "#e51400",
  foreground: "#616161",
} as const;
export type ChartColour = keyof typeof CHART_COLOURS;

/**
 * One colour per state, the same everywhere: families share a hue (opening, closing, leaking) and the
 * second state of a family is drawn lighter. Colour is never the only cue: every bar has its label.
 */
export const STATE_SWATCHES: Readonly<Record<TcpState, { readonly colour: ChartColour; readonly light: boolean }>> = {
  ESTABLISHED: { colour: "green", light: false },
  SYN_SENT: { colour: "yellow", light: false },
  SYN_RECV: { colour: "orange", light: false },
  FIN_WAIT1: { colour: "purple", light: false },
  FIN_WAIT2: { colour: "purple", light: true },
  TIME_WAIT: { colour: "blue", light: false },
  CLOSE: { colour: "foreground", light: false },
  CLOSE_WAIT: { colour: "red", light: false },
  LAST_ACK: { colour: "orange", light: true },
  LISTEN: { colour: "blue", light: true },
  CLOSING: { colour: "red", light: true },
  UNKNOWN: { colour: "foreground", light: true },
};

/** The class that colours a state: `s-time-wait`. */
export function stateClass(state: TcpState): string {
  return `s-${state.toLowerCase().replace(/_/g, "-")}`;
}

/** Geometry in SVG user units; the page scales the whole drawing to its width. */
export const LAYOUT = { width: 440, labelX: 4, barX: 96, barMax: 210, valueGap: 6, rowHeight: 22, barHeight: 14, top: 8 } as const;

export interface Bar {
  readonly state: TcpState;
  readonly count: number;
  /** "39.3%" of the total. */
  readonly share: string;
}

/** The states to draw: the fixed TCP_STATES order, states with no socket left out (as in the data table and report). */
export function histogramBars(states: Partial<StateCounts>, total: number): Bar[] {
  const counts = TCP_STATES.map((state) => ({ state, count: num(states[state]) })).filter((b) => b.count > 0);
  const whole = total > 0 ? total : counts.reduce((t, b) => t + b.count, 0);
  return counts.map((b) => ({ ...b, share: share(b.count, whole) }));
}

const node = (tag: string, attrs: Record<string, string>, children: SvgNode[] = [], text?: string): SvgNode =>
  text === undefined ? { tag, attrs, children } : { tag, attrs, children, text };

/** The chart for these counts. `total` is the sockets counted (the shares' denominator). */
export function histogramTree(states: Partial<StateCounts>, total: number): SvgNode {
  const bars = histogramBars(states, total);
  const sockets = total > 0 ? total : bars.reduce((t, b) => t + b.count, 0);
  const L = LAYOUT;
  const height = L.top * 2 + Math.max(1, bars.length) * L.rowHeight;
  const max = bars.reduce((m, b) => Math.max(m, b.count), 0);
  const title = `TCP socket states (${fmt(sockets)} socket${sockets === 1 ? "" : "s"})`;
  const label =
    bars.length === 0 ? "TCP socket states: no TCP sockets" : `TCP socket states of ${fmt(sockets)} sockets: ${bars.map((b) => `${b.state} ${fmt(b.count)} (${b.share})`).join(", ")}`;
  const rows = bars.map((b, i) => {
    const y = L.top + i * L.rowHeight;
    const textY = String(y + L.barHeight / 2 + 4);
    const width = Math.max(1, Math.round((b.count / max) * L.barMax * 10) / 10);
    const swatch = STATE_SWATCHES[b.state];
    return node("g", { class: "hist-row", "data-state": b.state, "data-count": String(b.count) }, [
      node("text", { class: "hist-label hist-state", x: String(L.labelX), y: textY }, [], b.state),
      node("rect", { class: `hist-bar ${stateClass(b.state)}${swatch.light ? " tone-light" : ""}`, x: String(L.barX), y: String(y), width: String(width), height: String(L.barHeight), rx: "2" }),
      node("text", { class: "hist-label hist-value", x: String(L.barX + width + L.valueGap), y: textY }, [], `${fmt(b.count)} (${b.share})`),
    ]);
  });
  const empty = bars.length === 0 ? [node("text", { class: "hist-label hist-empty", x: String(L.labelX), y: String(L.top + 15) }, [], "No TCP sockets")] : [];
  return node(
    "svg",
    {
      xmlns: SVG_NS,
      class: "histogram",
      viewBox: `0 0 ${L.width} ${height}`,
      width: String(L.width),
      height: String(height),
      role: "img",
      "aria-label": label,
    },
    [node("title", {}, [], title), ...rows, ...empty],
  );
}

/** The style rules the exported file carries (the page gets the same from the stylesheet). */
export function exportCss(): string {
  const rules = [
    `.hist-label{font-family:var(--vscode-editor-font-family,monospace);font-size:12px;fill:var(--vscode-editor-foreground,#333333)}`,
    `.hist-value{fill:var(--vscode-descriptionForeground,#616161)}`,
    `.tone-light{fill-opacity:0.55}`,
    ...TCP_STATES.map((s) => {
      const c = STATE_SWATCHES[s].colour;
      return `.${stateClass(s)}{fill:var(--vscode-charts-${c},${CHART_COLOURS[c]})}`;
    }),
  ];
  return rules.join("");
}

/** The tree as a standalone file: the same drawing plus its style rules. */
export function exportTree(tree: SvgNode): SvgNode {
  const [title, ...rest] = tree.children;
  return { ...tree, children: [...(title ? [title] : []), node("style", {}, [], exportCss()), ...rest] };
}

const NAME = /^[A-Za-z][A-Za-z0-9_.:-]*$/;
/** Characters XML 1.0 does not allow at all. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const TEXT_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const ATTR_ENTITIES: Record<string, string> = { ...TEXT_ENTITIES, '"': "&quot;", "'": "&#39;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

export function escapeText(s: string): string {
  return s.replace(INVALID_XML, "").replace(/[&<>]/g, (c) => TEXT_ENTITIES[c] as string);
}

export function escapeAttribute(s: string): string {
  return s.replace(INVALID_XML, "").replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ENTITIES[c] as string);
}

/** The tree as SVG markup; every text and attribute value escaped, element and attribute names checked. */
export function toSvgString(n: SvgNode): string {
  if (!NAME.test(n.tag)) throw new Error(`Invalid SVG element name: ${JSON.stringify(n.tag)}`);
  let out = `<${n.tag}`;
  for (const [name, value] of Object.entries(n.attrs)) {
    if (!NAME.test(name)) throw new Error(`Invalid SVG attribute name: ${JSON.stringify(name)}`);
    out += ` ${name}="${escapeAttribute(value)}"`;
  }
  if (n.text === undefined && n.children.length === 0) return `${out}/>`;
  out += ">";
  if (n.text !== undefined) out += escapeText(n.text);
  for (const c of n.children) out += toSvgString(c);
  return `${out}</${n.tag}>`;
}
