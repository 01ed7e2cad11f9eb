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
