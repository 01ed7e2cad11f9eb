/**
 * Completion of keys one segment at a time (`net.` → `ipv4.` → `tcp_…`) and of values after `=`.
 */
import { fixedInstances, IFACE, inNewestKernel, type Catalogue } from "../catalogue/catalogue";
import { PLACEHOLDER, validInstance } from "../catalogue/instances";
import type { KeyEntry } from "../catalogue/types";
import { entryBlocks, typeText } from "../render/entry-view";
import { toMarkdown } from "../render/render";
import { normalizeKey } from "../sysctl/parse";
import { lineRange, type Position, type Range } from "../text/range";

export type CompletionKind = "key" | "branch" | "value";

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail: string;
  readonly documentation?: string;
  /** Replaces `range`; differs from the label when a leaf key also gets ` = `. */
  readonly insertText: string;
  readonly range: Range;
  readonly deprecated?: boolean;
  /** Ask the editor to complete again right away (after a branch or ` = `). */
  readonly retrigger?: boolean;
}

export interface CompleteOptions {
  readonly catalogue: Catalogue;
  /** Interface names offered for `<iface>` besides `all` and `default` (from the live machine). */
  readonly interfaces?: readonly string[];
}

export function complete(lineText: string, pos: Position, options: CompleteOptions): CompletionEntry[] {
  const before = lineText.slice(0, pos.character);
  const lead = /^[\s\uFEFF]*-?\s*/.exec(before)?.[0] ?? "";
  if (/^[\s\uFEFF]*[#;]/.test(before)) return [];
  const eq = lineText.indexOf("=");
  if (eq !== -1 && eq < pos.character) return completeValue(lineText, lead.length, eq, pos, options.catalogue);
  const typed = before.slice(lead.length);
  if (/\s/.test(typed)) return [];
  return completeKey(typed, lead.length, eq === -1, pos, options);
}

function completeKey(typed: string, keyStart: number, needsEquals: boolean, pos: Position, options: CompleteOptions): CompletionEntry[] {
  const slash = /^[^./]*\//.test(typed);
  const segments = normalizeKey(typed).split(".");
  const partial = segments.pop() ?? "";
  const range = lineRange(pos.line, keyStart + typed.length - partial.length, pos.character);
  const seen = new Map<string, CompletionEntry>();
  for (const entry of options.catalogue.entries) {
    if (!inNewestKernel(entry)) continue;
    const parts = entry.key.split(".");
    if (parts.length <= segments.length || !segments.every((s, i) => parts[i] === s || (PLACEHOLDER.test(parts[i] as string) && validInstance(entry.key, s)))) continue;
    const next = parts[segments.length] as string;
    const leaf = segments.length === parts.length - 1;
    const names = PLACEHOLDER.test(next) ? instanceNames(entry, options.interfaces) : [next];
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.set(name, leaf ? leafItem(entry, name, range, needsEquals) : branchItem(name, range, slash));
    }
  }
  // `all` and `default` first, then the live interfaces; other segments alphabetically.
  const isIface = (e: CompletionEntry) => e.label === "all" || e.label === "default";
  return [...seen.values()].sort((a, b) => Number(isIface(b)) - Number(isIface(a)) || (isIface(a) ? 0 : a.label.localeCompare(b.label, undefined, { numeric: true })));
}

/** The fixed instances (`all`, `default`, nf_log's families), then this machine's interfaces for `<iface>`. */
function instanceNames(entry: KeyEntry, live: readonly string[] = []): string[] {
  const fixed = fixedInstances(entry.key);
  return entry.key.includes(IFACE) ? [...fixed, ...live.filter((n) => !fixed.includes(n))] : [...fixed];
}

/** Hover-style docs by entry: completion offers up to a few hundred keys per request, and entries never change. */
const docs = new WeakMap<KeyEntry, string>();

function docOf(entry: KeyEntry): string {
  let doc = docs.get(entry);
  if (doc === undefined) docs.set(entry, (doc = toMarkdown(entryBlocks(entry))));
  return doc;
}

function leafItem(entry: KeyEntry, name: string, range: Range, needsEquals: boolean): CompletionEntry {
  return {
    label: name,
    kind: "key",
    detail: entry.summary,
    documentation: docOf(entry),
    insertText: needsEquals ? `${name} = ` : name,
    range,
    deprecated: entry.status !== "active",
    retrigger: needsEquals,
  };
}

function branchItem(name: string, range: Range, slash: boolean): CompletionEntry {
  const sep = slash ? "/" : ".";
  return { label: name, kind: "branch", detail: "", insertText: name + sep, range, retrigger: true };
}

/** `keyStart`: where the key starts, after leading blanks and a `-`. */
function completeValue(lineText: string, keyStart: number, eq: number, pos: Position, cat: Catalogue): CompletionEntry[] {
  const keyText = lineText.slice(keyStart, eq).trim();
  const resolved = cat.resolve(normalizeKey(keyText));
  if (!resolved || resolved.entry.readOnly) return [];
  const entry = resolved.entry;
  const valueStart = eq + 1 + (/^\s*/.exec(lineText.slice(eq + 1))?.[0].length ?? 0);
  const range = lineRange(pos.line, Math.min(valueStart, pos.character), pos.character);
  const items: CompletionEntry[] = [];
  const isDefault = (v: string) => entry.default !== null && v === entry.default;
  if (entry.type === "enum" || entry.type === "boolean") {
    const values = entry.values ?? [
      { value: "0", meaning: "off" },
      { value: "1", meaning: "on" },
    ];
    for (const v of values) {
      items.push({
        label: v.value,
        kind: "value",
        detail: isDefault(v.value) ? `${v.meaning} (default)` : v.meaning,
        insertText: v.value,
        range,
      });
    }
  } else if (entry.default !== null && entry.default !== "") {
    items.push({ label: entry.default, kind: "value", detail: `default (${typeText(entry)})`, insertText: entry.default, range });
  }
  return items;
}
