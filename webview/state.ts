/**
 * The page's link to VS Code: `acquireVsCodeApi()` once, every outgoing message checked against the protocol,
 * and the panel state (getState/setState) validated on the way in and trimmed on the way out.
 */
import type { Analysis } from "../core/analysis/types";
import { isAnalysis, isPanelMessage, isSource, MAX_STATE_TEXT, readChoices, type FormChoices, type PanelMessage, type PanelState, type Source } from "./protocol";

export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState<T>(state: T): T;
}

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

/** VS Code's API, or an in-memory stand-in when the page is opened outside a webview (the page still works). */
export function vsCodeApi(): VsCodeApi {
  if (typeof acquireVsCodeApi === "function") return acquireVsCodeApi();
  let state: unknown;
  return { postMessage: () => undefined, getState: () => state, setState: (s) => (state = s) };
}

/** Sends a message the host will accept, or throws: a message the host would drop is a bug here. */
export function post(api: VsCodeApi, message: PanelMessage): void {
  if (!isPanelMessage(message)) throw new Error(`Not a panel message: ${JSON.stringify(message).slice(0, 200)}`);
  api.postMessage(message);
}

/** The saved state, if it has the shape the page relies on; anything else reads as an empty panel. */
export function readState(api: VsCodeApi): PanelState {
  const s: unknown = api.getState();
  if (typeof s !== "object" || s === null) return {};
  const { analysis, source, text, choices } = s as Record<string, unknown>;
  const out: { analysis?: Analysis; source?: Source; text?: string; choices?: FormChoices } = { choices: readChoices(choices) };
  if (isAnalysis(analysis) && isSource(source)) {
    out.analysis = analysis;
    out.source = source;
  }
  if (typeof text === "string" && text.length < MAX_STATE_TEXT) out.text = text;
  return out;
}

/** Saves what a reload needs; the paste only when it is small enough to keep in webview state. */
export function writeState(api: VsCodeApi, state: PanelState): void {
  const out: { analysis?: Analysis; source?: Source; text?: string; choices?: FormChoices } = {};
  if (state.choices) out.choices = readChoices(state.choices);
  if (state.analysis && state.source) {
    out.analysis = state.analysis;
    out.source = state.source;
  }
  if (state.text !== undefined && state.text.length > 0 && state.text.length < MAX_STATE_TEXT) out.text = state.text;
  api.setState(out);
}
