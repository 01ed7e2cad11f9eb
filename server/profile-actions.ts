/** Source actions that insert a vetted profile into the document (Source Action… menu, or `editor.codeActionsOnSave`-style triggers). */
import { CodeActionKind, type CodeAction, type CodeActionParams } from "vscode-languageserver";
import { planInsertion, type InsertionPlan } from "../core/advice/insert";
import { PROFILES } from "../core/advice/profiles";
import type { SysctlDocument } from "../core/sysctl/parse";

export const INSERT_PROFILE_KIND = `${CodeActionKind.Source}.insertVettedSettings`;

function wanted(params: CodeActionParams): boolean {
  const only = params.context.only;
  return !only || only.some((k) => INSERT_PROFILE_KIND === k || INSERT_PROFILE_KIND.startsWith(`${k}.`));
}

/**
 * Each profile's plan by parsed document (the server keeps one per version): code actions are asked for on
 * every cursor move, and planning reads the whole document.
 */
const plans = new WeakMap<SysctlDocument, readonly InsertionPlan[]>();

function plansFor(doc: SysctlDocument): readonly InsertionPlan[] {
  let p = plans.get(doc);
  if (!p) plans.set(doc, (p = PROFILES.map((profile) => planInsertion(doc, profile))));
  return p;
}

export function profileActions(params: CodeActionParams, doc: SysctlDocument): CodeAction[] {
  if (!wanted(params)) return [];
  const uri = params.textDocument.uri;
  const docPlans = plansFor(doc);
  return PROFILES.flatMap((p, i) => {
    const plan = docPlans[i] as InsertionPlan;
    if (plan.edits.length === 0) return [];
    return [{ title: `Insert vetted settings: ${p.title}`, kind: INSERT_PROFILE_KIND, edit: { changes: { [uri]: [...plan.edits] } } }];
  });
}
