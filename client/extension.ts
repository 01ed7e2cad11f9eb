/** The extension's entry point (dist/extension.js). */
import type * as vscode from "vscode";
import { registerAnalysis } from "./analysis-commands";
import { registerInsertCommand } from "./insert-settings";
import { LazyLanguageClient } from "./language-client";

let languageClient: LazyLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  languageClient = new LazyLanguageClient(context);
  registerInsertCommand(context);
  registerAnalysis(context);
}

export async function deactivate(): Promise<void> {
  await languageClient?.dispose();
}
