/**
 * "Socket Doctor: Insert Vetted Settings…": picks a profile and applies it to a sysctl document as a
 * WorkspaceEdit the user reviews and saves. Nothing is written to disk, and sysctl is never run.
 */
import * as vscode from "vscode";
import { planInsertion } from "../core/advice/insert";
import { PROFILES, profile } from "../core/advice/profiles";
import type { Profile } from "../core/advice/types";
import { parseSysctl } from "../core/sysctl/parse";
import { LANGUAGE_ID } from "./language-client";
import { showError } from "./show-error";

export const INSERT_COMMAND = "socketDoctor.insertVettedSettings";
export const NEW_FILE_NAME = "99-socket-doctor.conf";

async function pickProfile(): Promise<Profile | undefined> {
  const items = PROFILES.map((p) => ({ label: p.title, detail: p.situation, profile: p }));
  return (await vscode.window.showQuickPick(items, { title: "Insert vetted settings", matchOnDetail: true }))?.profile;
}

/** A new untitled 99-socket-doctor.conf in the sysctl language. */
export async function newSysctlDocument(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: "untitled", path: NEW_FILE_NAME }));
  return vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

/** The active sysctl editor's document, or a new untitled 99-socket-doctor.conf. */
async function targetDocument(): Promise<vscode.TextDocument> {
  const active = vscode.window.activeTextEditor?.document;
  return active?.languageId === LANGUAGE_ID ? active : newSysctlDocument();
}

/** Applies a profile to a document; returns what changed, for the message the user sees. */
export async function insertProfile(doc: vscode.TextDocument, p: Profile): Promise<string> {
  const plan = planInsertion(parseSysctl(doc.getText()), p);
  if (plan.edits.length === 0) return `${doc.fileName} already has every setting of "${p.title}".`;
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) {
    const r = e.range;
    edit.replace(doc.uri, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), e.newText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${doc.fileName}`);
  const parts = [plan.added.length && `added ${plan.added.length}`, plan.updated.length && `updated ${plan.updated.length}`].filter(Boolean);
  return `Socket Doctor ${parts.join(" and ")} setting(s) of "${p.title}" in ${doc.fileName}. Review and save the file; apply it with sysctl --system.`;
}

export function registerInsertCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(INSERT_COMMAND, async (profileId?: unknown) => {
      const p = typeof profileId === "string" ? profile(profileId) : await pickProfile();
      if (!p) return undefined;
      const doc = await targetDocument();
      await vscode.window.showTextDocument(doc);
      try {
        const message = await insertProfile(doc, p);
        void vscode.window.showInformationMessage(message);
        return doc.uri.toString();
      } catch (err) {
        showError(err);
        return undefined;
      }
    }),
  );
}
