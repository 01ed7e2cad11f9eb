/** What an insertion plan changes, in words: the editor's message after an insert or a preview, the CLI's report. */
import { fileName, pathOf } from "../text/file-name";
import { intentPhrase } from "./intent";
import type { Current, InsertionPlan, Outcome } from "./plan-types";

function where(c: Current): string {
  const s = c.source;
  if (s.kind === "default") return "the kernel default";
  return s.kind === "line" ? `line ${s.line + 1}` : `${fileName(s.uri)}, line ${s.line + 1}`;
}

/** One outcome as a phrase: "added net.ipv4.tcp_tw_reuse = 1". */
export function describeOutcome(o: Outcome): string {
  const key = o.setting.key;
  switch (o.kind) {
    case "added":
      return o.before.source.kind === "file" ? `added ${key} = ${o.after} (was ${o.before.value} from ${where(o.before)})` : `added ${key} = ${o.after}`;
    case "updated":
      return `updated ${key}: ${o.before.value} → ${o.after}`;
    case "kept": {
      const phrase = intentPhrase(o.setting);
      const value = o.current.value ?? "its default";
      return `left ${key} = ${value} (${where(o.current)}): already ${phrase === o.setting.value ? "the vetted value" : phrase}`;
    }
    case "overridden":
      return `did not add ${key}: ${fileName(o.by.uri)} sets it to ${o.by.value} on line ${o.by.line + 1}, after this file, so it belongs there (${o.after})`;
  }
}

/** The files that override some of the plan's keys (or mask the target), each with the keys it overrides. */
export function overridingFiles(plan: InsertionPlan): { readonly uri: string; readonly keys: readonly string[] }[] {
  if (plan.maskedBy !== undefined) return [{ uri: plan.maskedBy, keys: plan.profile.settings.map((s) => s.key) }];
  const byFile = new Map<string, string[]>();
  for (const o of plan.outcomes) {
    if (o.kind !== "overridden") continue;
    const keys = byFile.get(o.by.uri) ?? [];
    byFile.set(o.by.uri, [...keys, o.setting.key]);
  }
  return [...byFile].map(([uri, keys]) => ({ uri, keys }));
}

/** The whole plan in a sentence or two, naming the target by `targetName`. */
export function summarize(plan: InsertionPlan, targetName: string): string {
  const title = `"${plan.profile.title}"`;
  if (plan.maskedBy !== undefined) {
    return `${targetName} is never applied: ${pathOf(plan.maskedBy)} has the same name in a folder sysctl --system reads first, so ${title} belongs there.`;
  }
  if (plan.outcomes.length === 0) return `${title}: nothing to plan in ${targetName}.`;
  const phrases = plan.outcomes.map(describeOutcome);
  return `${title} in ${targetName}: ${phrases.join("; ")}.`;
}
