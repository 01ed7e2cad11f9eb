import * as vscode from "vscode";

/** An error from a command, shown to the user. */
export function showError(err: unknown): void {
  void vscode.window.showErrorMessage(`Socket Doctor: ${err instanceof Error ? err.message : String(err)}`);
}
