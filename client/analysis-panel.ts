/**
 * The "Analyze netstat output" panel on the extension-host side: one panel per analysis source, typed and
 * validated messages, exports, and insertion of vetted settings through the editor.
 */
import * as vscode from "vscode";
import { reportMarkdown } from "../core/analysis/report-markdown";
import type { Analysis } from "../core/analysis/types";
import { isPanelMessage, type HostMessage, type PanelMessage, type PanelState, type Source } from "../webview/protocol";
import { insertVettedSettings } from "./insert-target";
import { panelHtml } from "./panel-html";

export const VIEW_TYPE = "socketDoctor.analysis";

/** Reads the panel's source again (this machine's sockets); undefined when cancelled. */
export type Refresh = () => Promise<{ readonly analysis: Analysis; readonly source: Source } | undefined>;

export class AnalysisPanel {
  private static readonly open = new Map<string, AnalysisPanel>();
  private analysis: Analysis | undefined;
  private ready = false;
  private readonly queue: HostMessage[] = [];

  private constructor(
    readonly key: string,
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly refresh: Refresh | undefined,
    state?: PanelState,
  ) {
    this.analysis = state?.analysis;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist")] };
    panel.webview.html = panelHtml(panel.webview, extensionUri);
    panel.onDidDispose(() => AnalysisPanel.open.delete(key));
    panel.webview.onDidReceiveMessage((m: unknown) => {
      if (isPanelMessage(m)) void this.handle(m);
    });
    AnalysisPanel.open.set(key, this);
  }

  /**
   * The panel for a source (paste, a file, the live machine), created or brought to the front. A live panel
   * gets `refresh`, which its Refresh action calls.
   */
  static show(key: string, title: string, extensionUri: vscode.Uri, refresh?: Refresh): AnalysisPanel {
    const existing = AnalysisPanel.open.get(key);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, vscode.ViewColumn.Active, { enableScripts: true });
    return new AnalysisPanel(key, panel, extensionUri, refresh);
  }

  /** Brings a panel back after a reload, with the state its page saved; a live one can refresh again. */
  static revive(panel: vscode.WebviewPanel, state: unknown, extensionUri: vscode.Uri, refresh: Refresh): AnalysisPanel {
    const s = (typeof state === "object" && state !== null ? state : {}) as PanelState;
    const kind = s.source?.kind;
    const key = kind === "paste" || !s.source ? "paste" : kind === "live" ? "live" : `${kind}:${s.source.label}`;
    return new AnalysisPanel(AnalysisPanel.open.has(key) ? `${key}#${Date.now()}` : key, panel, extensionUri, kind === "live" ? refresh : undefined, s);
  }

  /** Messages wait until the page says it is ready, so none is lost while it loads. */
  post(message: HostMessage): void {
    if (message.type === "show") this.analysis = message.analysis;
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  private async handle(m: PanelMessage): Promise<void> {
    switch (m.type) {
      case "ready":
        this.ready = true;
        for (const q of this.queue.splice(0)) void this.panel.webview.postMessage(q);
        return;
      case "analysed":
        this.analysis = m.analysis;
        return;
      case "insertSettings":
        return this.status(await insertVettedSettings(m.profile, m.preview, m.keys));
      case "copyMarkdown":
        if (!this.analysis) return this.status({ level: "error", message: "Analyze a listing first." });
        await vscode.env.clipboard.writeText(reportMarkdown(this.analysis));
        return this.status({ level: "info", message: "Report copied as Markdown." });
      case "saveSvg":
        return this.status(await saveSvg(m.svg));
      case "refresh":
        return this.reread();
    }
  }

  private async reread(): Promise<void> {
    if (!this.refresh) return this.status({ level: "error", message: "Only a capture from this machine can be refreshed." });
    try {
      const fresh = await this.refresh();
      if (fresh) this.post({ type: "show", ...fresh });
      else this.status({ level: "info", message: "Refresh cancelled." });
    } catch (e) {
      this.status({ level: "error", message: `This machine's sockets could not be read: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private status(s: { level: "info" | "error"; message: string } | undefined): void {
    if (s) this.post({ type: "status", ...s });
  }
}

async function saveSvg(svg: string): Promise<{ level: "info" | "error"; message: string } | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: "Save the TCP state chart",
    filters: { "SVG image": ["svg"] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, "socket-states.svg") } : {}),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
  return { level: "info", message: `Chart saved to ${target.fsPath}.` };
}
