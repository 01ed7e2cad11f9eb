/** The palette commands and the CodeLens that open the analysis panel. */
import { existsSync } from "node:fs";
import { platform } from "node:os";
import * as vscode from "vscode";
import { parseSockets } from "../core/netstat/parse";
import { PROC_NET_TCP_TABLES } from "../core/netstat/proc-net-tcp";
import { analyzeTextInSlices, withProgress } from "./analysis-run";
import { livePortOptions } from "../cli/live-ports";
import { AnalysisPanel, VIEW_TYPE, type Refresh } from "./analysis-panel";
import { captureThisMachine } from "./live-capture";
import { PREVIEW_SCHEME, previewProvider } from "./insert-target";
import { showError } from "./show-error";

export const COMMANDS = {
  analyzeNetstat: "socketDoctor.analyzeNetstat",
  analyzeCurrentFile: "socketDoctor.analyzeCurrentFile",
  captureLive: "socketDoctor.captureLive",
} as const;

/** Enough of a listing to tell whether a text holds sockets, without reading all of a large file. */
const SNIFF = 64 * 1024;

export function looksLikeListing(text: string): boolean {
  return parseSockets(text.slice(0, SNIFF)).summary.records >= 2;
}

async function analyzeNetstat(context: vscode.ExtensionContext): Promise<void> {
  const panel = AnalysisPanel.show("paste", "Analyze netstat output", context.extensionUri);
  const editor = vscode.window.activeTextEditor;
  const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : "";
  if (selection && looksLikeListing(selection)) return panel.post({ type: "offer", text: selection, origin: "selection" });
  const clip = await vscode.env.clipboard.readText();
  if (clip && looksLikeListing(clip)) panel.post({ type: "offer", text: clip, origin: "clipboard" });
}

async function analyzeCurrentFile(context: vscode.ExtensionContext, uri?: vscode.Uri): Promise<void> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage("Socket Doctor: open a saved netstat or ss capture first.");
    return;
  }
  const label = vscode.workspace.asRelativePath(doc.uri);
  const analysis = await withProgress(`Analyzing ${label}`, (token, report) => analyzeTextInSlices(doc.getText(), {}, token, report));
  if (!analysis) return;
  AnalysisPanel.show(`file:${doc.uri.toString()}`, `Sockets: ${label.split("/").pop()}`, context.extensionUri).post({ type: "show", analysis, source: { kind: "file", label } });
}

/**
 * This machine: its kernel counters sampled twice, its limits, and its sockets read with its own port range and
 * reserved ports. Only reads /proc (live-capture.ts); runs no command.
 */
const readLive: Refresh = async () => {
  const analysis = await captureThisMachine(livePortOptions());
  return analysis && { analysis, source: { kind: "live", label: `this machine, ${new Date().toLocaleTimeString()}` } };
};

async function captureLive(context: vscode.ExtensionContext): Promise<void> {
  if (platform() !== "linux" || !PROC_NET_TCP_TABLES.some((p) => existsSync(p))) {
    void vscode.window.showInformationMessage("Socket Doctor: capturing socket states reads /proc/net/tcp, which only Linux has.");
    return;
  }
  const live = await readLive();
  if (live) AnalysisPanel.show("live", "Sockets: this machine", context.extensionUri, readLive).post({ type: "show", ...live });
}

/** "Analyze with Socket Doctor" at the top of a text file that holds a socket listing. */
class CaptureLens implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!looksLikeListing(doc.getText(new vscode.Range(0, 0, 2000, 0)))) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: "Analyze socket states with Socket Doctor", command: COMMANDS.analyzeCurrentFile, arguments: [doc.uri] })];
  }
}

export function registerAnalysis(context: vscode.ExtensionContext): void {
  const safe =
    <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
    (...args: A) =>
      fn(...args).catch(showError);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.analyzeNetstat, safe(() => analyzeNetstat(context))),
    vscode.commands.registerCommand(COMMANDS.analyzeCurrentFile, safe((uri?: vscode.Uri) => analyzeCurrentFile(context, uri))),
    vscode.commands.registerCommand(COMMANDS.captureLive, safe(() => captureLive(context))),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => void AnalysisPanel.revive(panel, state, context.extensionUri, readLive),
    }),
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previewProvider),
    vscode.languages.registerCodeLensProvider([{ language: "plaintext" }, { language: "log" }, { pattern: "**/*.{txt,out,log}" }], new CaptureLens()),
  );
}
