/**
 * "Socket Doctor: Insert Vetted Settings…": picks a profile and applies it to a sysctl document as a
 * WorkspaceEdit the user reviews and saves. Nothing is written to disk, and sysctl is never run. After an
 * insert a message says what changed, and offers the file that overrides (or masks) the target for the keys
 * a line here could not set.
 */
import * as vscode from "vscode";
import { planInsertion, type InsertionPlan } from "../core/advice/insert";
import { PROFILES, profile } from "../core/advice/profiles";
import { overridingFiles, summarize } from "../core/advice/summary";
import type { Profile } from "../core/advice/types";
import { fileName } from "../core/text/file-name";
import { keepNewFilesSysctl, newFileDocument } from "./new-file";
import { LANGUAGE_ID } from "./language-client";
import { showError } from "./show-error";
import { documentAt, insertionTarget, planOptions } from "./sysctl-set";

export const INSERT_COMMAND = "socketDoctor.insertVettedSettings";

async function pickProfile(): Promise<Profile | undefined> {
  const items = PROFILES.map((p) => ({ label: p.title, detail: p.situation, profile: p }));
  return (await vscode.window.showQuickPick(items, { title: "Insert vetted settings", matchOnDetail: true }))?.profile;
}

/** The plan of a profile for a document, seen with the rest of its sysctl --system set. */
export function planFor(doc: vscode.TextDocument, p: Profile, keys?: readonly string[]): InsertionPlan {
  return planInsertion(p, insertionTarget(doc), planOptions(doc, keys));
}

export function documentName(doc: vscode.TextDocument): string {
  return doc.isUntitled ? fileName(doc.uri.path) : vscode.workspace.asRelativePath(doc.uri);
}

async function applyPlan(doc: vscode.TextDocument, plan: InsertionPlan): Promise<void> {
  if (plan.edits.length === 0) return;
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) {
    const r = e.range;
    edit.replace(doc.uri, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), e.newText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${documentName(doc)}`);
}

export interface Inserted {
  readonly doc: vscode.TextDocument;
  readonly plan: InsertionPlan;
  /** What changed, in a sentence or two. */
  readonly message: string;
}

/** Applies a profile (or some of its keys) to a document and says what changed. */
export async function insertProfile(doc: vscode.TextDocument, p: Profile, keys?: readonly string[]): Promise<Inserted> {
  const plan = planFor(doc, p, keys);
  await applyPlan(doc, plan);
  const saveHint = plan.edits.length > 0 ? " Review and save the file; sysctl --system applies it." : "";
  return { doc, plan, message: `Socket Doctor: ${summarize(plan, documentName(doc))}${saveHint}` };
}

/** The information message after an insert, with a button per file that overrides keys the target could not take. */
export async function announce(result: Inserted): Promise<void> {
  const offers = overridingFiles(result.plan).map((o) => ({ title: `Insert into ${fileName(o.uri)}`, ...o }));
  const picked = await vscode.window.showInformationMessage(result.message, ...offers);
  if (!picked) return;
  const doc = await documentAt(picked.uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  // A masking file takes the whole profile; an overriding one only the keys it overrides.
  const next = await insertProfile(doc, result.plan.profile, result.plan.maskedBy === undefined ? picked.keys : undefined);
  await announce(next);
}

/** The active sysctl editor's document, or a new file the user places. */
async function targetDocument(): Promise<vscode.TextDocument | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  return active?.languageId === LANGUAGE_ID ? active : newFileDocument();
}

export function registerInsertCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    keepNewFilesSysctl(),
    vscode.commands.registerCommand(INSERT_COMMAND, async (profileId?: unknown) => {
      try {
        const p = typeof profileId === "string" ? profile(profileId) : await pickProfile();
        if (!p) return undefined;
        const doc = await targetDocument();
        if (!doc) return undefined;
        await vscode.window.showTextDocument(doc, { preview: false });
        const result = await insertProfile(doc, p);
        void announce(result).catch(showError);
        return doc.uri.toString();
      } catch (err) {
        showError(err);
        return undefined;
      }
    }),
  );
}
