/**
 * Where vetted settings from the analysis panel go: a sysctl document the user picks (an open one, one in the
 * workspace, or a new untitled 99-socket-doctor.conf). The change is a WorkspaceEdit the user reviews and saves;
 * Preview shows it as a diff first.
 */
import * as vscode from "vscode";
import { planInsertion } from "../core/advice/insert";
import { profile } from "../core/advice/profiles";
import { parseSysctl } from "../core/sysctl/parse";
import { applyEdits } from "../core/text/edits";
import { insertProfile, NEW_FILE_NAME, newSysctlDocument } from "./insert-settings";
import { LANGUAGE_ID, SYSCTL_FILES_GLOB } from "./language-client";

export const PREVIEW_SCHEME = "socket-doctor-preview";
const previews = new Map<string, string>();

export const previewProvider: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => previews.get(uri.query) ?? "",
};

interface Target extends vscode.QuickPickItem {
  readonly uri?: vscode.Uri;
}

async function pickTarget(): Promise<vscode.TextDocument | undefined> {
  const open = vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID && !d.isClosed);
  const openKeys = new Set(open.map((d) => d.uri.toString()));
  const found = await vscode.workspace.findFiles(SYSCTL_FILES_GLOB, "**/node_modules/**", 50);
  const items: Target[] = [
    ...open.map((d) => ({ label: vscode.workspace.asRelativePath(d.uri), description: d.isUntitled ? "unsaved" : "open", uri: d.uri })),
    ...found.filter((u) => !openKeys.has(u.toString())).map((u) => ({ label: vscode.workspace.asRelativePath(u), description: "workspace", uri: u })),
    { label: `$(new-file) New file ${NEW_FILE_NAME}`, description: "untitled" },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: "Insert vetted settings into…", placeHolder: "A sysctl file: nothing is saved until you save it" });
  if (!picked) return undefined;
  if (!picked.uri) return newSysctlDocument();
  return vscode.workspace.openTextDocument(picked.uri);
}

export async function insertVettedSettings(profileId: string, preview: boolean): Promise<{ level: "info" | "error"; message: string } | undefined> {
  const p = profile(profileId);
  if (!p) return { level: "error", message: `Unknown settings group "${profileId}".` };
  const doc = await pickTarget();
  if (!doc) return undefined;
  if (preview) {
    const after = applyEdits(doc.getText(), planInsertion(parseSysctl(doc.getText()), p).edits);
    const key = `${Date.now()}`;
    // Keep only recent previews: each is a whole file's text.
    if (previews.size > 20) previews.delete(previews.keys().next().value as string);
    previews.set(key, after);
    const right = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${doc.uri.path.split("/").pop() ?? NEW_FILE_NAME}`, query: key });
    await vscode.commands.executeCommand("vscode.diff", doc.uri, right, `${p.title}: preview`);
    return { level: "info", message: "Showing the change as a diff; use Insert settings to apply it." };
  }
  await vscode.window.showTextDocument(doc, { preview: false });
  return { level: "info", message: await insertProfile(doc, p) };
}
