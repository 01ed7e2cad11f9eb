/** `socket-doctor explain KEY... [--json]` and `socket-doctor keys [--json]`. */
import { loadCatalogue } from "../server/catalogue-file";
import { docUrl } from "../core/catalogue/doc-url";
import type { KeyEntry } from "../core/catalogue/types";
import { instanceDefault } from "../core/catalogue/catalogue";
import { entryBlocks, UNCHECKED_NOTE } from "../core/render/entry-view";
import { toText } from "../core/render/render";
import { normalizeKey } from "../core/sysctl/parse";
import { escapeControls, jsonText } from "./output";

/** The `explain --json` shape: every field present, `null` where it does not apply. */
export interface Explanation {
  readonly key: string;
  readonly known: boolean;
  readonly type: KeyEntry["type"] | null;
  readonly default: string | null;
  readonly unit: string | null;
  readonly scope: KeyEntry["scope"] | null;
  readonly readOnly: boolean | null;
  readonly requires: KeyEntry["requires"] | null;
  readonly status: KeyEntry["status"] | null;
  readonly since: string | null;
  readonly removedIn: string | null;
  readonly replacement: string | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly values: readonly { value: string; meaning: string }[] | null;
  readonly summary: string | null;
  readonly docUrl: string | null;
}

export function explanation(key: string, e: KeyEntry | undefined, instance?: string): Explanation {
  return {
    key,
    known: e !== undefined,
    type: e?.type ?? null,
    default: e ? instanceDefault(e, instance) : null,
    unit: e?.unit ?? null,
    scope: e?.scope ?? null,
    readOnly: e ? (e.readOnly ?? false) : null,
    requires: e?.requires ?? null,
    status: e?.status ?? null,
    since: e?.since ?? null,
    removedIn: e?.removedIn ?? null,
    replacement: e?.replacement ?? null,
    min: e?.min ?? null,
    max: e?.max ?? null,
    values: e?.values ? e.values.map((v) => ({ value: v.value, meaning: v.meaning })) : null,
    summary: e?.summary ?? null,
    docUrl: e ? docUrl(e) : null,
  };
}

export interface CommandResult {
  readonly output: string;
  readonly exitCode: number;
}

/** Exit 1 when any key is unknown, like grep when it finds nothing. */
export function runExplain(keys: readonly string[], opts: { json?: boolean }): CommandResult {
  const cat = loadCatalogue();
  const found = keys.map((k) => {
    const key = normalizeKey(k.trim());
    const resolved = cat.resolve(key);
    return { key, entry: resolved?.entry, instance: resolved?.instance };
  });
  const exitCode = found.every((f) => f.entry) ? 0 : 1;
  if (opts.json) return { output: jsonText(found.map((f) => explanation(f.key, f.entry, f.instance)), 2) + "\n", exitCode };
  const texts = found.map(({ key, entry, instance }) => {
    if (entry) return toText(entryBlocks(entry, { name: key, ...(instance !== undefined ? { instance } : {}) }, true));
    if (!cat.covers(key)) return `${key}\n\n${UNCHECKED_NOTE}`;
    const suggestions = cat.suggest(key);
    return `${key}: unknown key.${suggestions.length ? ` Did you mean ${suggestions.join(", ")}?` : ""}`;
  });
  // The keys are the arguments as given: shown, never obeyed by the terminal.
  return { output: escapeControls(texts.join("\n\n" + "-".repeat(60) + "\n\n")) + "\n", exitCode };
}

export function runKeys(opts: { json?: boolean }): CommandResult {
  const entries = [...loadCatalogue().entries].sort((a, b) => a.key.localeCompare(b.key));
  if (opts.json) {
    const full = entries.map((e) => ({ ...explanation(e.key, e), ...e }));
    return { output: JSON.stringify(full, null, 2) + "\n", exitCode: 0 };
  }
  const width = Math.max(...entries.map((e) => e.key.length)) + 2;
  return { output: entries.map((e) => `${e.key.padEnd(width)}${e.summary}`).join("\n") + "\n", exitCode: 0 };
}
