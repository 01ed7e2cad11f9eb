/**
 * Capture from This Machine: the kernel's counters sampled twice, socketDoctor.liveInterval seconds apart, its
 * limits and its sockets, read from /proc by cli/live-sample.ts (no shell, no command). Progress shows in a
 * notification, which can cancel; the extension host never blocks.
 */
import { createReadStream } from "node:fs";
import * as vscode from "vscode";
import { createAnalyzer, type Analyzer, type AnalyzeOptions } from "../core/analysis/analyze";
import type { Analysis } from "../core/analysis/types";
import { sampleLive } from "../cli/live-sample";
import "../cli/scanner-node";

/** Seconds between the two samples (`socket-doctor analyze --live --interval`); 5 by default, as the CLI. */
function liveInterval(): number {
  const v = vscode.workspace.getConfiguration("socketDoctor").get<number>("liveInterval", 5);
  return Number.isFinite(v) ? Math.min(60, Math.max(0, v)) : 5;
}

const SLICE = 1 << 20;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A file (such as /proc/net/tcp, whose size is not known in advance) streamed into the analyser. */
async function readInto(analyzer: Analyzer, path: string, token: vscode.CancellationToken): Promise<void> {
  const decoder = new TextDecoder();
  for await (const chunk of createReadStream(path, { highWaterMark: SLICE })) {
    if (token.isCancellationRequested) return;
    analyzer.push(decoder.decode(chunk as Buffer, { stream: true }));
    await yieldToEventLoop();
  }
  analyzer.push(decoder.decode());
}

/** Waits `seconds`, reporting the time left each second; false as soon as the user cancels. */
function waitCancellable(seconds: number, token: vscode.CancellationToken, report: (left: number, done: number) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const started = performance.now();
    const tick = () => {
      const elapsed = (performance.now() - started) / 1000;
      if (token.isCancellationRequested) return finish(false);
      if (elapsed >= seconds) return finish(true);
      report(Math.ceil(seconds - elapsed), elapsed / seconds);
      timer = setTimeout(tick, Math.min(1000, (seconds - elapsed) * 1000));
    };
    const cancel = token.onCancellationRequested(() => finish(false));
    let timer: NodeJS.Timeout | undefined;
    const finish = (ok: boolean) => {
      if (timer !== undefined) clearTimeout(timer);
      cancel.dispose();
      resolve(ok);
    };
    tick();
  });
}

/** The live analysis, or undefined when cancelled. */
export function captureThisMachine(options: AnalyzeOptions): Thenable<Analysis | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: "Sampling this machine's kernel counters", cancellable: true }, async (progress, token) => {
    const analyzer = createAnalyzer(options);
    let shown = 0;
    const report = (left: number, done: number) => {
      progress.report({ increment: Math.round(done * 100) - shown, message: `${left} s left` });
      shown = Math.round(done * 100);
    };
    const done = await sampleLive(
      { file: (path) => readInto(analyzer, path, token), text: (t) => analyzer.push(t), mark: (s) => analyzer.mark(s) },
      { interval: liveInterval(), wait: (s) => waitCancellable(s, token, report) },
    );
    return done && !token.isCancellationRequested ? analyzer.end() : undefined;
  });
}
