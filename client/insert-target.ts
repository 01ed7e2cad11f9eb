/**
 * Where vetted settings from the analysis panel go: a sysctl document the user picks (an open one, one in the
 * workspace, or a new file placed with a save dialog). Each choice says what the planner would do there, so a
 * file that a later one overrides is never a blind pick. Insert applies a WorkspaceEdit the user reviews and
 * saves; Preview shows the change as a diff and offers Apply.
 */
import * as vscode from "vscode";
import { planInsertion, type InsertionPlan } from "../core/advice/insert";
import { profile } from "../core/advice/profiles";
import { overridingFiles, summarize } from "../core/advice/summary";
import type { Profile } from "../core/advice/types";
import { applyEdits } from "../core/text/edits";
import { fileName, pathOf } from "../core/text/file-name";
import { announce, documentName, insertProfile, planFor } from "./insert-settings";
import { LANGUAGE_ID, SYSCTL_FILES_GLOB } from "./language-client";
import { NEW_FILE_NAME, newFileDocument } from "./new-file";
import { showError } from "./show-error";
import { insertionTargetOnDisk, planOptions } from "./sysctl-set";

export const PREVIEW_SCHEME = "socket-doctor-preview";
const previews = new Map<string, string>();

export const previewProvider: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => previews.get(uri.query) ?? "",
};

type Status = { level: "info" | "error"; message: string };

interface Target extends vscode.QuickPickItem {
  readonly uri?: vscode.Uri;
}

/** What inserting would do in a file, for its line in the picker. */
function note(plan: InsertionPlan | undefined): string | undefined {
  if (!plan) return undefined;
  if (plan.maskedBy !== undefined) return `never applied: ${pathOf(plan.maskedBy)} has the same name and masks it`;
  const over = overridingFiles(plan);
  const changes = plan.outcomes.filter((o) => o.kind === "added" || o.kind === "updated").length;
  const parts = [changes === 0 ? "nothing to change" : `changes ${changes} setting(s)`];
  for (const o of over) parts.push(`${fileName(o.uri)}, applied later, overrides ${o.keys.join(", ")}`);
  return parts.join("; ");
}

async function pickTarget(p: Profile, keys: readonly string[]): Promise<vscode.TextDocument | undefined> {
  const open = vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID && !d.isClosed);
  const openKeys = new Set(open.map((d) => d.uri.toString()));
  const found = (await vscode.workspace.findFiles(SYSCTL_FILES_GLOB, "**/node_modules/**", 50)).filter((u) => !openKeys.has(u.toString()));
  const detail = (plan: InsertionPlan | undefined) => {
    const n = note(plan);
    return n === undefined ? {} : { detail: n };
  };
  const diskPlan = (u: vscode.Uri) => {
    const target = insertionTargetOnDisk(u);
    return target && planInsertion(p, target, planOptions(undefined, keys));
  };
  const items: Target[] = [
    ...open.map((d) => ({ label: documentName(d), description: d.isUntitled ? "unsaved" : "open", uri: d.uri, ...detail(planFor(d, p, keys)) })),
    ...found.map((u) => ({ label: vscode.workspace.asRelativePath(u), description: "workspace", uri: u, ...detail(diskPlan(u)) })),
    { label: `$(new-file) New file (${NEW_FILE_NAME})…`, description: "choose where; saved only when you save it" },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Insert "${p.title}" into…`, placeHolder: "A sysctl file: nothing is saved until you save it", matchOnDetail: false });
  if (!picked) return undefined;
  if (!picked.uri) return newFileDocument();
  return vscode.workspace.openTextDocument(picked.uri);
}

/** The change as a diff editor (the file against the file with the settings), then a message that offers Apply. */
async function preview(doc: vscode.TextDocument, p: Profile, keys: readonly string[]): Promise<Status> {
  const plan = planFor(doc, p, keys);
  const message = summarize(plan, documentName(doc));
  if (plan.edits.length === 0) return { level: "info", message: `Nothing to change: ${message}` };
  const key = `${Date.now()}`;
  // Keep only recent previews: each is a whole file's text.
  if (previews.size > 20) previews.delete(previews.keys().next().value as string);
  previews.set(key, applyEdits(doc.getText(), plan.edits));
  const right = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${fileName(doc.uri.path) || NEW_FILE_NAME}`, query: key });
  await vscode.commands.executeCommand("vscode.diff", doc.uri, right, `${p.title}: preview`);
  void vscode.window.showInformationMessage(`Socket Doctor preview: ${message}`, "Apply").then(async (choice) => {
    if (choice !== "Apply") return;
    await vscode.window.showTextDocument(doc, { preview: false });
    await announce(await insertProfile(doc, p, keys));
  }).then(undefined, showError);
  return { level: "info", message: `Showing the change as a diff: ${message} Apply it from the message, or with Insert settings.` };
}

/** Inserts `keys` of a profile: the settings the finding's card listed. */
export async function insertVettedSettings(profileId: string, wantPreview: boolean, keys: readonly string[]): Promise<Status | undefined> {
  const p = profile(profileId);
  if (!p) return { level: "error", message: `Unknown settings group "${profileId}".` };
  const unknown = keys.find((k) => !p.settings.some((s) => s.key === k));
  if (unknown !== undefined || keys.length === 0) return { level: "error", message: `"${p.title}" has no setting ${unknown ?? "to insert"}.` };
  const doc = await pickTarget(p, keys);
  if (!doc) return undefined;
  if (wantPreview) return preview(doc, p, keys);
  await vscode.window.showTextDocument(doc, { preview: false });
  const result = await insertProfile(doc, p, keys);
  void announce(result).catch(showError);
  return { level: "info", message: result.message };
}
