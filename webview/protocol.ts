/**
 * The messages between the analysis panel (webview/) and the extension host (client/analysis-panel.ts).
 * Both sides validate what they receive with the guards below: a webview is a browser page, and a message
 * is only data until checked.
 */
import type { Analysis } from "../core/analysis/types";
import { isFormatName, type FormatName } from "../core/netstat/types";

/** Where the listing came from, shown in the panel's title bar. */
export interface Source {
  readonly kind: "paste" | "file" | "live";
  readonly label: string;
}

/** The largest paste the panel analyses itself; bigger inputs belong in a file (Analyze Current File) or the CLI. */
export const MAX_PASTE_BYTES = 50 * 1024 * 1024;

export type HostMessage =
  /** An analysis to show (from a file, the live machine, or a restored panel). */
  | { readonly type: "show"; readonly analysis: Analysis; readonly source: Source; readonly text?: string }
  /** Put this text in the paste area (the editor's selection or the clipboard), without analysing it yet. */
  | { readonly type: "offer"; readonly text: string; readonly origin: "selection" | "clipboard" }
  /** The outcome of an action the panel asked for. */
  | { readonly type: "status"; readonly level: "info" | "error"; readonly message: string };

export type PanelMessage =
  /** The panel's script is running and listening: the host may post now. */
  | { readonly type: "ready" }
  /** The panel analysed a paste itself; the host keeps the analysis for exports and insertion. */
  | { readonly type: "analysed"; readonly analysis: Analysis; readonly source: Source }
  /** Insert the settings of a finding's action into a sysctl file the user picks (or preview the edit). */
  | { readonly type: "insertSettings"; readonly profile: string; readonly preview: boolean; readonly keys: readonly string[] }
  | { readonly type: "copyMarkdown" }
  /** Save the histogram; the host asks where. */
  | { readonly type: "saveSvg"; readonly svg: string }
  /** Read this machine's sockets again (a live capture's panel). */
  | { readonly type: "refresh" };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isString = (v: unknown): v is string => typeof v === "string";

export function isSource(v: unknown): v is Source {
  return isObject(v) && (v.kind === "paste" || v.kind === "file" || v.kind === "live") && isString(v.label);
}

/** Checks the shape the panel relies on; the analysis itself comes from our own code on either side. */
export function isAnalysis(v: unknown): v is Analysis {
  return isObject(v) && typeof v.total === "number" && isObject(v.states) && Array.isArray(v.findings) && isObject(v.breakdowns) && isObject(v.portPressure);
}

export function isHostMessage(m: unknown): m is HostMessage {
  if (!isObject(m)) return false;
  switch (m.type) {
    case "show":
      return isAnalysis(m.analysis) && isSource(m.source) && (m.text === undefined || isString(m.text));
    case "offer":
      return isString(m.text) && (m.origin === "selection" || m.origin === "clipboard");
    case "status":
      return (m.level === "info" || m.level === "error") && isString(m.message);
    default:
      return false;
  }
}

export function isPanelMessage(m: unknown): m is PanelMessage {
  if (!isObject(m)) return false;
  switch (m.type) {
    case "ready":
    case "copyMarkdown":
    case "refresh":
      return true;
    case "analysed":
      return isAnalysis(m.analysis) && isSource(m.source);
    case "insertSettings":
      return isString(m.profile) && typeof m.preview === "boolean" && Array.isArray(m.keys) && m.keys.length <= 100 && m.keys.every(isString);
    case "saveSvg":
      return isString(m.svg) && m.svg.length < 1_000_000 && m.svg.startsWith("<svg");
    default:
      return false;
  }
}

/** The paste form's choices, kept across reloads with the rest of the state. */
export interface FormChoices {
  readonly format?: FormatName;
  readonly portRange?: { readonly low: number; readonly high: number };
}

/** What the panel keeps with getState/setState, so a reload or a restored window shows the same thing. */
export interface PanelState {
  readonly analysis?: Analysis;
  readonly source?: Source;
  /** The paste, when it is small enough to keep (large ones are not stored in webview state). */
  readonly text?: string;
  readonly choices?: FormChoices;
}

const isPort = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 65535;

/** The choices a saved state holds, keeping only well-formed ones. */
export function readChoices(v: unknown): FormChoices {
  if (!isObject(v)) return {};
  const range = v.portRange;
  const portRange = isObject(range) && isPort(range.low) && isPort(range.high) && range.low <= range.high ? { low: range.low, high: range.high } : undefined;
  return { ...(isFormatName(v.format) ? { format: v.format } : {}), ...(portRange ? { portRange } : {}) };
}

export const MAX_STATE_TEXT = 1024 * 1024;
