/** Core's plain data → LSP shapes. Positions already have the LSP shape. */
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  DiagnosticTag,
  MarkupKind,
  type CompletionItem,
  type Diagnostic,
} from "vscode-languageserver";
import type { CompletionEntry } from "../core/language/complete";
import type { Finding, Fix, Severity } from "../core/rules/types";

export const SOURCE = "socket-doctor";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What travels in Diagnostic.data, so code actions need no server-side cache. */
export interface DiagnosticData {
  readonly fixes: readonly Fix[];
}

/**
 * At most this many diagnostics per document, as other language servers do: past it a file is broken as a
 * whole, and a huge list only slows the editor (and once no longer fit in one JSON string).
 */
export const MAX_DIAGNOSTICS = 1000;

/** The findings as diagnostics, most severe first when they must be cut, with a last one saying how many are left out. */
export function cappedDiagnostics(findings: readonly Finding[], uri: string, doc: { readonly lines: readonly unknown[] }): Diagnostic[] {
  if (findings.length <= MAX_DIAGNOSTICS) return findings.map((f) => toDiagnostic(f, uri));
  const rank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
  const kept = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, MAX_DIAGNOSTICS - 1);
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const last = Math.max(0, doc.lines.length - 1);
  return [
    ...kept.map((f) => toDiagnostic(f, uri)),
    {
      range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } },
      severity: DiagnosticSeverity.Information,
      code: "too-many-findings",
      source: SOURCE,
      message: `${findings.length - kept.length} more findings are not shown: this file has ${findings.length}, and Socket Doctor shows at most ${MAX_DIAGNOSTICS - 1} (the most severe). Run socket-doctor lint on it for the full list.`,
    },
  ];
}

export function toDiagnostic(f: Finding, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
  };
  if (f.tags?.length) d.tags = f.tags.map((t) => (t === "unnecessary" ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message }));
  if (f.fixes?.length) d.data = { fixes: f.fixes } satisfies DiagnosticData;
  return d;
}

export function toCodeActions(d: Diagnostic, uri: string): CodeAction[] {
  const data = d.data as DiagnosticData | undefined;
  if (d.source !== SOURCE || !data || !Array.isArray(data.fixes)) return [];
  return data.fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: fix.isPreferred === true,
    edit: { changes: { [uri]: [...fix.edits] } },
  }));
}

const KIND: Record<CompletionEntry["kind"], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  branch: CompletionItemKind.Module,
  value: CompletionItemKind.EnumMember,
};

export function toCompletionItem(c: CompletionEntry, index: number): CompletionItem {
  const item: CompletionItem = {
    label: c.label,
    kind: KIND[c.kind],
    detail: c.detail,
    sortText: String(index).padStart(5, "0"),
    textEdit: { range: c.range, newText: c.insertText },
  };
  if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
  if (c.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (c.retrigger) item.command = { title: "Suggest", command: "editor.action.triggerSuggest" };
  return item;
}
