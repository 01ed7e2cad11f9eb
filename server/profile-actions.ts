/**
 * Source actions that insert a vetted profile (Source Action… menu). The plan sees the document's whole
 * `sysctl --system` set: keys that a later file overrides go into that file, in the same edit, and the title
 * says so; a file that another of the same name masks gets a disabled action that says why.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from "vscode-languageserver";
import { planInsertion, planOverriding, type InsertionPlan, type InsertionTarget, type PlanOptions } from "../core/advice/insert";
import { PROFILES } from "../core/advice/profiles";
import { summarize } from "../core/advice/summary";
import type { Profile } from "../core/advice/types";
import type { SysctlDocument } from "../core/sysctl/parse";
import { fileName } from "../core/text/file-name";

export const INSERT_PROFILE_KIND = `${CodeActionKind.Source}.insertVettedSettings`;

function wanted(params: CodeActionParams): boolean {
  const only = params.context.only;
  return !only || only.some((k) => INSERT_PROFILE_KIND === k || INSERT_PROFILE_KIND.startsWith(`${k}.`));
}

interface Planned {
  readonly profile: Profile;
  readonly plan: InsertionPlan;
  readonly others: readonly { readonly uri: string; readonly plan: InsertionPlan }[];
}

/**
 * The plans of the last set seen for each document (the server keeps one parsed document per version, and the
 * set's other files stay the same objects while unchanged): code actions are asked for on every cursor move.
 */
const cache = new WeakMap<SysctlDocument, { readonly docs: readonly SysctlDocument[]; readonly maskedBy?: string; readonly planned: readonly Planned[] }>();

function plan(target: InsertionTarget, options: PlanOptions): readonly Planned[] {
  const docs = (target.files ?? []).map((f) => f.doc);
  const hit = cache.get(target.doc);
  if (hit && hit.maskedBy === target.maskedBy && hit.docs.length === docs.length && hit.docs.every((d, i) => d === docs[i])) return hit.planned;
  const planned = PROFILES.map((profile) => {
    const plan = planInsertion(profile, target, options);
    return { profile, plan, others: planOverriding(plan, target, options) };
  });
  cache.set(target.doc, { docs, ...(target.maskedBy !== undefined ? { maskedBy: target.maskedBy } : {}), planned });
  return planned;
}

function action({ profile, plan, others }: Planned, target: InsertionTarget): CodeAction[] {
  const title = `Insert vetted settings: ${profile.title}`;
  if (plan.maskedBy !== undefined) return [{ title, kind: INSERT_PROFILE_KIND, disabled: { reason: summarize(plan, fileName(target.uri)) } }];
  const changes: Record<string, TextEdit[]> = {};
  for (const p of [{ uri: target.uri, plan }, ...others]) if (p.plan.edits.length > 0) changes[p.uri] = [...p.plan.edits];
  const elsewhere = Object.keys(changes).filter((u) => u !== target.uri);
  if (elsewhere.length === 0 && !changes[target.uri]) return [];
  const into = elsewhere.length > 0 ? ` (also into ${elsewhere.map(fileName).join(", ")}, which override${elsewhere.length === 1 ? "s" : ""} this file)` : "";
  return [{ title: title + into, kind: INSERT_PROFILE_KIND, edit: { changes } }];
}

export function profileActions(params: CodeActionParams, target: InsertionTarget, options: PlanOptions): CodeAction[] {
  if (!wanted(params)) return [];
  return plan(target, options).flatMap((p) => action(p, target));
}
