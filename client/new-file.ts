/**
 * A new sysctl file for vetted settings: the user places it with a save dialog (in the workspace's sysctl.d
 * folder, else /etc/sysctl.d), and gets an untitled document for that path in the sysctl language. Nothing is
 * written until the user saves; an existing file picked in the dialog is opened and edited, never replaced.
 */
import * as vscode from "vscode";
import { LANGUAGE_ID } from "./language-client";

export const NEW_FILE_NAME = "99-socket-doctor.conf";
const SYSTEM_FOLDER = "/etc/sysctl.d";

/** Paths of new files this session created: they stay sysctl documents once saved, whatever their name. */
const created = new Set<string>();

/** The first sysctl.d folder in the workspace (by path), else /etc/sysctl.d: where the dialog starts. */
async function defaultUri(): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles("**/sysctl.d/*.conf", "**/node_modules/**", 100);
  const first = found.map((u) => vscode.Uri.joinPath(u, "..")).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))[0];
  return vscode.Uri.joinPath(first ?? vscode.Uri.file(SYSTEM_FOLDER), NEW_FILE_NAME);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function newFileDocument(): Promise<vscode.TextDocument | undefined> {
  const uri = await vscode.window.showSaveDialog({
    title: "New sysctl file for the vetted settings",
    defaultUri: await defaultUri(),
    filters: { "sysctl files": ["conf"] },
    saveLabel: "Use this file",
  });
  if (!uri) return undefined;
  if (await exists(uri)) return vscode.workspace.openTextDocument(uri);
  created.add(uri.fsPath);
  const doc = await vscode.workspace.openTextDocument(uri.with({ scheme: "untitled" }));
  return doc.languageId === LANGUAGE_ID ? doc : vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

/** Saving an untitled document opens it again as a file, with the language its name suggests: keep sysctl. */
export function keepNewFilesSysctl(): vscode.Disposable {
  return vscode.workspace.onDidOpenTextDocument((doc) => {
    if (doc.uri.scheme === "file" && created.has(doc.uri.fsPath) && doc.languageId !== LANGUAGE_ID) {
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }
  });
}
