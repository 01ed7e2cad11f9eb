/**
 * One description of a key, as structured blocks; `render.ts` turns it into hover markdown, CLI text
 * or webview HTML, so the three can never drift apart.
 */
import { docUrl } from "../catalogue/doc-url";
import type { KeyEntry } from "../catalogue/types";

export type Block =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "facts"; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: "values"; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: "link"; readonly label: string; readonly url: string };

export interface EntryContext {
  /** The key as the user wrote it (an interface name in place of `<iface>`). */
  readonly name?: string;
  /** The value this machine's /proc/sys holds now. */
  readonly liveValue?: string;
  /** The value the file being edited assigns. */
  readonly fileValue?: string;
}

const TYPE_NAMES: Record<KeyEntry["type"], string> = {
  boolean: "boolean (0 or 1)",
  integer: "integer",
  enum: "one of the values below",
  bitmask: "bitmask (add up the bits below)",
  vector: "vector",
  string: "text",
  "port-range": "port range `LOW HIGH`",
  "port-list": "comma-separated ports and `LOW-HIGH` ranges",
};

export function typeText(e: KeyEntry): string {
  return e.type === "vector" ? `vector of ${e.length ?? "?"} integers` : TYPE_NAMES[e.type];
}

function defaultText(e: KeyEntry): string {
  if (e.default === null) return e.defaultNote ?? "computed by the kernel";
  const shown = e.default === "" ? "(empty)" : `\`${e.default}\``;
  return e.defaultNote ? `${shown} (${e.defaultNote})` : shown;
}

function rangeText(e: KeyEntry): string | undefined {
  if (e.min === undefined && e.max === undefined) return undefined;
  return `${e.min ?? "…"} to ${e.max ?? "…"}`;
}

function historyText(e: KeyEntry): string | undefined {
  const parts: string[] = [];
  if (e.since) parts.push(`added in Linux ${e.since}`);
  if (e.status === "removed") parts.push(`removed in Linux ${e.removedIn ?? "?"}`);
  if (e.status === "no-op") parts.push(`no effect since Linux ${e.removedIn ?? "?"}`);
  if (e.status === "deprecated") parts.push("deprecated");
  if (e.replacement) parts.push(`use \`${e.replacement}\` instead`);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

function sourcesText(e: KeyEntry): string {
  const s = e.sources;
  return [s.doc && `doc: ${s.doc}`, s.source && `source: ${s.source}`, s.default && `default: ${s.default}`, s.history && `history: ${s.history}`]
    .filter(Boolean)
    .join("; ");
}

export function entryBlocks(e: KeyEntry, ctx: EntryContext = {}, withSources = false): Block[] {
  const rows: [string, string][] = [["Type", typeText(e)], ["Default", defaultText(e)]];
  const range = rangeText(e);
  if (range) rows.push(["Accepts", range]);
  if (e.unit) rows.push(["Unit", e.unit]);
  rows.push(["Scope", e.scope === "netns" ? "per network namespace" : "global (whole host)"]);
  if (e.readOnly) rows.push(["Access", "read-only"]);
  const history = historyText(e);
  if (history) rows.push(["Status", history]);
  if (ctx.liveValue !== undefined) {
    const notes: string[] = [];
    if (ctx.fileValue !== undefined && normalize(ctx.fileValue) !== normalize(ctx.liveValue)) notes.push("differs from this file");
    if (e.default !== null && normalize(e.default) !== normalize(ctx.liveValue)) notes.push("differs from the default");
    rows.push(["Live value", `\`${ctx.liveValue}\`${notes.length ? ` (${notes.join(", ")})` : ""}`]);
  }
  if (e.related?.length) rows.push(["Related", e.related.map((r) => `\`${r}\``).join(", ")]);
  if (withSources) rows.push(["Sources", sourcesText(e)]);

  const blocks: Block[] = [{ kind: "title", text: ctx.name ?? e.key }, { kind: "paragraph", text: e.summary + "." }];
  blocks.push({ kind: "facts", rows });
  if (e.values?.length) {
    blocks.push({ kind: "values", rows: e.values.map((v) => [v.value, v.meaning] as const) });
  }
  for (const p of e.description.split(/\n\n+/)) blocks.push({ kind: "paragraph", text: p });
  const url = docUrl(e);
  if (url) blocks.push({ kind: "link", label: "Kernel documentation", url });
  return blocks;
}

/** Vectors read back from /proc/sys with tabs; compare them by their numbers. */
function normalize(v: string): string {
  return v.trim().split(/\s+/).join(" ");
}

/** What Socket Doctor says of a key of a family it knows but does not catalogue key by key. */
export function familyNote(family: string): string {
  return `A key of ${family}; Socket Doctor does not describe these one by one.`;
}
