/** Starts the language server the first time a sysctl document is open, never during activation itself. */
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

export const LANGUAGE_ID = "sysctl";

export class LazyLanguageClient {
  private client: LanguageClient | undefined;
  private readonly listener: vscode.Disposable;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.listener = vscode.workspace.onDidOpenTextDocument((doc) => this.startIfSysctl(doc));
    vscode.workspace.textDocuments.forEach((doc) => this.startIfSysctl(doc));
  }

  private startIfSysctl(doc: vscode.TextDocument): void {
    if (this.client || doc.languageId !== LANGUAGE_ID) return;
    const module = this.context.asAbsolutePath("dist/server.js");
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6010"] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }],
      synchronize: {
        configurationSection: "socketDoctor",
        // Cross-file findings depend on sibling files that may change on disk while closed.
        fileEvents: this.watch("**/{sysctl.conf,sysctl.d/*.conf}"),
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
