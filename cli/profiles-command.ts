/**
 * `socket-doctor profiles [--json]` and `socket-doctor apply PROFILE FILE [--diff]`: the editor's vetted-settings
 * planner on the command line. apply prints the file as it would be (or a unified diff) and never writes it.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { kernelDefaults } from "../core/advice/kernel-defaults";
import { planInsertion, type InsertionTarget } from "../core/advice/insert";
import { PROFILES, profile } from "../core/advice/profiles";
import type { Intent } from "../core/advice/types";
import { describeOutcome, overridingFiles, summarize } from "../core/advice/summary";
import { parseSysctl } from "../core/sysctl/parse";
import { applyEdits } from "../core/text/edits";
import { pathOf } from "../core/text/file-name";
import { unifiedDiff } from "../core/text/unified-diff";
import { wrapWords } from "../core/text/wrap";
import { DiskFiles, sysctlSetOf } from "../server/file-set";
import { loadCatalogue } from "../server/catalogue-file";
import type { CommandResult } from "./explain-command";
import { InputError, readText } from "./read-text";

const USAGE_ERROR = 2;

const INTENT_WORDS: Record<Intent, string> = { exactly: "exactly", "at-least": "at least", "at-most": "at most", cover: "widened to cover" };

export function runProfiles(opts: { json?: boolean }): CommandResult {
  if (opts.json) return { output: JSON.stringify(PROFILES, null, 2) + "\n", exitCode: 0 };
  const blocks = PROFILES.map((p) => {
    const width = Math.max(...p.settings.map((s) => `${s.key} = ${s.value}`.length)) + 2;
    const settings = p.settings.map((s) => `    ${`${s.key} = ${s.value}`.padEnd(width)}${INTENT_WORDS[s.intent]}`);
    return [`${p.id}: ${p.title}`, ...wrapWords(p.situation, 94).map((l) => `  ${l}`), ...settings].join("\n");
  });
  return { output: blocks.join("\n\n") + `\n\nInsert one with: socket-doctor apply PROFILE FILE [--diff]\n`, exitCode: 0 };
}

export interface ApplyResult extends CommandResult {
  /** What the plan does, for standard error: the output itself is the file or the diff. */
  readonly report: string;
}

/** The target with the other files `sysctl --system` applies with it, read from disk ("-" stands alone). */
function targetOf(file: string, text: string): InsertionTarget {
  const doc = parseSysctl(text);
  if (file === "-") return { uri: "-", doc };
  const uri = pathToFileURL(resolve(file)).href;
  return { uri, doc, ...sysctlSetOf(uri, doc, () => undefined, new DiskFiles()) };
}

export function runApply(id: string, file: string, opts: { diff?: boolean }): ApplyResult {
  const p = profile(id);
  if (!p) {
    const known = PROFILES.map((x) => x.id).join(", ");
    return { output: "", report: `unknown profile "${id}" (known: ${known}; socket-doctor profiles lists them)`, exitCode: USAGE_ERROR };
  }
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { output: "", report: err.message, exitCode: USAGE_ERROR };
  }
  const name = file === "-" ? "standard input" : file;
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  const plan = planInsertion(p, targetOf(file, text), { kernelDefault: kernelDefaults(loadCatalogue()), eol });
  const after = applyEdits(text, plan.edits);
  const lines = plan.maskedBy !== undefined ? [summarize(plan, name)] : [`${p.title} in ${name}:`, ...plan.outcomes.map((o) => `  ${describeOutcome(o)}`)];
  for (const o of overridingFiles(plan)) lines.push(`  to take effect, apply it there: socket-doctor apply ${p.id} ${pathOf(o.uri)}`);
  return { output: opts.diff ? unifiedDiff(text, after, name, name) : after, report: lines.join("\n"), exitCode: 0 };
}
