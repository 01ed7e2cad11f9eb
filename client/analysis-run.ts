/**
 * Runs an analysis in the extension host without blocking it: the text or stream goes through the analyser in
 * slices, yielding to the event loop between them, with progress and cancellation.
 */
import * as vscode from "vscode";
import { createAnalyzer, type AnalyzeOptions } from "../core/analysis/analyze";
import type { Analysis } from "../core/analysis/types";
import "../cli/scanner-node";

const SLICE = 1 << 20;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function analyzeTextInSlices(text: string, options: AnalyzeOptions, token: vscode.CancellationToken, report: (pct: number) => void): Promise<Analysis | undefined> {
  const analyzer = createAnalyzer(options);
  for (let at = 0; at < text.length; at += SLICE) {
    if (token.isCancellationRequested) return undefined;
    analyzer.push(text.slice(at, at + SLICE));
    report(Math.min(100, Math.round(((at + SLICE) / text.length) * 100)));
    await yieldToEventLoop();
  }
  return analyzer.end();
}

export function withProgress<T>(title: string, task: (token: vscode.CancellationToken, report: (pct: number) => void) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    let last = 0;
    return task(token, (pct) => {
      progress.report({ increment: pct - last, message: `${pct}%` });
      last = pct;
    });
  });
}
