/**
 * One description of a key, as structured blocks; `render.ts` turns it into hover markdown, CLI text
 * or webview HTML, so the three can never drift apart.
 */
import { instanceDefault } from "../catalogue/catalogue";
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
  /** The instance a template matched (`all`, `lo`, `eth0`): its own default may differ. */
  readonly instance?: string;
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

const SCOPES: Record<KeyEntry["scope"], string> = {
  netns: "per network namespace",
  global: "global (whole host)",
  userns: "per user namespace",
  ipcns: "per IPC namespace",
  utsns: "per UTS namespace (host name)",
  pidns: "per PID namespace",
};


function shownValue(v: string): string {
  return v === "" ? "(empty)" : `\`${v}\``;
}

function defaultText(e: KeyEntry, instance: string | undefined): string {
  if (e.default === null) return e.defaultNote ?? "computed by the kernel";
  const own = instanceDefault(e, instance);
  const others = Object.entries(e.instanceDefaults ?? {}).filter(([name]) => name !== instance);
  const parts = [instance !== undefined && own !== e.default ? `${shownValue(own as string)} for \`${instance}\`; ${shownValue(e.default)} elsewhere` : shownValue(e.default)];
  if (instance === undefined || own === e.default) for (const [name, v] of others) parts.push(`${shownValue(v)} for \`${name}\``);
  const text = parts.join(", ");
  return e.defaultNote ? `${text} (${e.defaultNote})` : text;
}

function requiresText(e: KeyEntry): string | undefined {
  const r = e.requires;
  if (!r) return undefined;
  const parts = [r.module && `the \`${r.module}\` module loaded`, r.config && `a kernel built with ${r.config}`, r.note].filter(Boolean);
  return parts.length > 0 ? `exists only with ${parts.join("; ")}` : undefined;
}

/** Limits past 2^53 lose digits as JSON numbers: print the C limit they stand for. */
const LARGE_LIMITS = [2n ** 64n - 1n, 2n ** 63n - 1n, 2n ** 56n - 1n];

function boundText(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  const exact = LARGE_LIMITS.find((l) => Number(l) === Math.abs(n));
  return exact === undefined ? String(n) : `${n < 0 ? "-" : ""}${exact}`;
}

function rangeText(e: KeyEntry): string | undefined {
  if (e.min === undefined && e.max === undefined) return undefined;
  return `${e.min === undefined ? "…" : boundText(e.min)} to ${e.max === undefined ? (e.maxNote ?? "…") : boundText(e.max)}`;
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
  return [s.doc && `doc: ${s.doc}`, s.source && `source: ${s.source}`, s.default && `default: ${s.default}`, s.bounds && `bounds: ${s.bounds}`, s.history && `history: ${s.history}`]
    .filter(Boolean)
    .join("; ");
}

export function entryBlocks(e: KeyEntry, ctx: EntryContext = {}, withSources = false): Block[] {
  const rows: [string, string][] = [["Type", typeText(e)], ["Default", defaultText(e, ctx.instance)]];
  const range = rangeText(e);
  if (range) rows.push(["Accepts", range]);
  if (e.maxLength !== undefined) rows.push(["Length", `at most ${e.maxLength} characters`]);
  if (e.unit) rows.push(["Unit", e.unit]);
  rows.push(["Scope", SCOPES[e.scope]]);
  if (e.coversIpv6) rows.push(["IPv6", "applies to IPv6 too (there is no net.ipv6 twin)"]);
  const needs = requiresText(e);
  if (needs) rows.push(["Needs", needs]);
  if (e.readOnly) rows.push(["Access", "read-only"]);
  const history = historyText(e);
  if (history) rows.push(["Status", history]);
  if (ctx.liveValue !== undefined) {
    const notes: string[] = [];
    if (ctx.fileValue !== undefined && normalize(ctx.fileValue) !== normalize(ctx.liveValue)) notes.push("differs from this file");
    const own = instanceDefault(e, ctx.instance);
    if (own !== null && normalize(own) !== normalize(ctx.liveValue)) notes.push("differs from the default");
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

/** What Socket Doctor says of a key outside the families it describes key by key. */
export const UNCHECKED_NOTE = "Socket Doctor does not describe this key: it is outside the families it covers key by key (or a vendor addition), so its name and value are not checked.";
