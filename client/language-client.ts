/** Starts the language server the first time a sysctl document is open, never during activation itself. */
import * as vscode from "vscode";
import type * as languageClient from "vscode-languageclient/node";

export const LANGUAGE_ID = "sysctl";
/** The files sysctl --system applies, wherever a workspace holds them. */
export const SYSCTL_FILES_GLOB = "**/{sysctl.conf,sysctl.d/*.conf}";

export class LazyLanguageClient {
  private client: languageClient.LanguageClient | undefined;
  private readonly listener: vscode.Disposable;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.listener = vscode.workspace.onDidOpenTextDocument((doc) => this.startIfSysctl(doc));
    vscode.workspace.textDocuments.forEach((doc) => this.startIfSysctl(doc));
  }

  private startIfSysctl(doc: vscode.TextDocument): void {
    if (this.client || doc.languageId !== LANGUAGE_ID) return;
    // Loaded here, not at the top: the library is most of the bundle, and activation (any plain-text file)
    // should not pay for it until a sysctl file is open.
    const { LanguageClient, TransportKind } = require("vscode-languageclient/node") as typeof languageClient;
    const module = this.context.asAbsolutePath("dist/server.js");
    const serverOptions: languageClient.ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6010"] } },
    };
    const clientOptions: languageClient.LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }],
      synchronize: {
        configurationSection: "socketDoctor",
        // Cross-file findings depend on sibling files that may change on disk while closed.
        fileEvents: this.watch(SYSCTL_FILES_GLOB),
      },
    };
    this.client = new LanguageClient("socketDoctor", "Socket Doctor", serverOptions, clientOptions);
    this.listener.dispose();
    void this.client.start().catch((err: unknown) => {
      void vscode.window.showErrorMessage(`Socket Doctor: the language server did not start: ${String(err)}`);
    });
  }

  private watch(glob: string): vscode.FileSystemWatcher {
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    this.context.subscriptions.push(watcher);
    return watcher;
  }

  async dispose(): Promise<void> {
    this.listener.dispose();
    await this.client?.stop();
  }
}
