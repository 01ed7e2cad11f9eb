/** Source actions that insert a vetted profile into the document (Source Action… menu, or `editor.codeActionsOnSave`-style triggers). */
import { CodeActionKind, type CodeAction, type CodeActionParams } from "vscode-languageserver";
import { planInsertion } from "../core/advice/insert";
import { PROFILES } from "../core/advice/profiles";
import type { SysctlDocument } from "../core/sysctl/parse";

export const INSERT_PROFILE_KIND = `${CodeActionKind.Source}.insertVettedSettings`;

function wanted(params: CodeActionParams): boolean {
  const only = params.context.only;
  return !only || only.some((k) => INSERT_PROFILE_KIND === k || INSERT_PROFILE_KIND.startsWith(`${k}.`));
}

export function profileActions(params: CodeActionParams, doc: SysctlDocument): CodeAction[] {
  if (!wanted(params)) return [];
  const uri = params.textDocument.uri;
  return PROFILES.flatMap((p) => {
    const plan = planInsertion(doc, p);
    if (plan.edits.length === 0) return [];
    return [{ title: `Insert vetted settings: ${p.title}`, kind: INSERT_PROFILE_KIND, edit: { changes: { [uri]: [...plan.edits] } } }];
  });
}
