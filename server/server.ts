/**
 * The language server: a thin adapter from LSP requests to core functions. It takes the connection
 * as a parameter so tests can drive it with any transport.
 */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  MessageType,
  ShowMessageNotification,
  SymbolKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Catalogue } from "../core/catalogue/catalogue";
import { NEWEST_KNOWN_KERNEL } from "../core/catalogue/version";
import { loadCatalogue } from "./catalogue-file";
import { kernelDefaults } from "../core/advice/kernel-defaults";
import { complete } from "../core/language/complete";
import { hover } from "../core/language/hover";
import { documentSymbols } from "../core/language/symbols";
import { lintDocument } from "../core/rules/lint";
import { parseLine, parseSysctl, type SysctlDocument, type SysctlLine } from "../core/sysctl/parse";
import { cappedDiagnostics, toCodeActions, toCompletionItem } from "./convert";
import { DiskFiles, fileSetFor, readByThisMachine, sysctlSetOf } from "./file-set";
import { INSERT_PROFILE_KIND, profileActions } from "./profile-actions";
import { liveInterfaces, liveValue, runningKernel } from "./live";
import { DEFAULT_SETTINGS, targetKernel, validateSettings, type Settings } from "./settings";

/** One line of a document, without its line break. */
function lineText(text: TextDocument, line: number): string {
  return text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, "");
}

export class SysctlServer {
  private readonly documents = new TextDocuments(TextDocument);
  /** Parsed documents by URI, reused while the version is unchanged (hover and completion come in bursts). */
  private readonly parsed = new Map<string, { version: number; doc: SysctlDocument }>();
  /** Files of sysctl --system sets that are not open, parsed from disk. */
  private readonly diskFiles = new DiskFiles();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  /** Settings problems already shown, so several open files do not repeat the same warning. */
  private readonly reported = new Set<string>();
  private supportsConfiguration = false;
  private pushDiagnostics = false;
  /** Read on the first request that needs it, not when the server starts. */
  private get catalogue(): Catalogue {
    return loadCatalogue();
  }

  /** The kernel default of a key, for the planner's "at least" and "widen" decisions and its comments. */
  private readonly kernelDefault = (key: string): string | undefined => kernelDefaults(this.catalogue)(key);

  constructor(private readonly connection: Connection) {}

  register(): void {
    const c = this.connection;
    c.onInitialize((params) => {
      this.supportsConfiguration = params.capabilities.workspace?.configuration === true;
      // Clients that cannot pull diagnostics (Emacs' eglot) get them pushed on every change instead.
      this.pushDiagnostics = params.capabilities.textDocument?.diagnostic === undefined;
      return this.capabilities();
    });
    this.documents.onDidChangeContent((e) => {
      if (this.pushDiagnostics) void this.publish(e.document.uri);
    });
    // Another file of a sysctl --system set changed on disk: findings that depend on it may change.
    c.onDidChangeWatchedFiles(() => this.refresh());
    c.onDidChangeConfiguration(() => {
      this.settingsCache.clear();
      this.reported.clear();
      this.refresh();
    });
    this.documents.onDidClose((e) => {
      this.parsed.delete(e.document.uri);
      this.settingsCache.delete(e.document.uri);
    });
    c.languages.diagnostics.on(async (params) => ({ kind: DocumentDiagnosticReportKind.Full, items: await this.diagnostics(params.textDocument.uri) }));
    c.onHover((params) => {
      // Only the line under the cursor: hovering in a huge file must not wait for the whole file to parse.
      const doc = this.lineDoc(params.textDocument.uri, params.position.line);
      const h = doc && hover(doc, params.position, { catalogue: this.catalogue, liveValue });
      return h ? { contents: { kind: "markdown", value: h.markdown }, range: h.range } : null;
    });
    c.onCompletion((params) => {
      const text = this.documents.get(params.textDocument.uri);
      if (!text) return [];
      const line = lineText(text, params.position.line);
      const items = complete(line, params.position, { catalogue: this.catalogue, interfaces: liveInterfaces() });
      return items.map(toCompletionItem);
    });
    c.onDocumentSymbol((params) => {
      const doc = this.doc(params.textDocument.uri);
      return (doc ? documentSymbols(doc) : []).map((s) => ({ ...s, kind: SymbolKind.Property }));
    });
    c.onCodeAction((params) => {
      const fixes = params.context.diagnostics.flatMap((d) => toCodeActions(d, params.textDocument.uri));
      const uri = params.textDocument.uri;
      const doc = this.doc(uri);
      if (!doc) return fixes;
      const target = { uri, doc, ...sysctlSetOf(uri, doc, (u) => this.doc(u), this.diskFiles) };
      return [...fixes, ...profileActions(params, target, { kernelDefault: this.kernelDefault })];
    });
    this.documents.listen(c);
  }

  capabilities(): InitializeResult {
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        // Findings depend on the other files sysctl --system applies with a document.
        diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [".", "/", "=", " "] },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, INSERT_PROFILE_KIND] },
      },
      serverInfo: { name: "socket-doctor" },
    };
  }

  /** A document holding just one line of `uri`, at its place. */
  private lineDoc(uri: string, line: number): SysctlDocument | undefined {
    const text = this.documents.get(uri);
    if (!text || line >= text.lineCount) return undefined;
    const node = parseLine(lineText(text, line), line);
    const lines: SysctlLine[] = [];
    lines[line] = node;
    return { lines, assignments: node.kind === "assignment" ? [node] : [] };
  }

  private doc(uri: string): SysctlDocument | undefined {
    const text = this.documents.get(uri);
    if (!text) return undefined;
    const cached = this.parsed.get(uri);
    if (cached?.version === text.version) return cached.doc;
    const doc = parseSysctl(text.getText());
    this.parsed.set(uri, { version: text.version, doc });
    return doc;
  }

  private settings(uri: string): Promise<Settings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.settingsCache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: "socketDoctor" }).then((raw) => {
        const { settings, problems } = validateSettings(raw);
        this.report(problems);
        return settings;
      });
      this.settingsCache.set(uri, s);
    }
    return s;
  }

  private async diagnostics(uri: string): Promise<Diagnostic[]> {
    const doc = this.doc(uri);
    if (!doc) return [];
    const settings = await this.settings(uri);
    const findings = lintDocument(doc, {
      catalogue: this.catalogue,
      uri,
      files: fileSetFor(uri, doc, (u) => this.doc(u), this.diskFiles),
      kernel: targetKernel(settings, runningKernel(), NEWEST_KNOWN_KERNEL),
      severities: settings.rules,
      live: liveValue,
      compareLive: readByThisMachine(uri),
    });
    return cappedDiagnostics(findings, uri, doc);
  }

  private async publish(uri: string): Promise<void> {
    const version = this.documents.get(uri)?.version;
    const diagnostics = await this.diagnostics(uri);
    // A newer edit has its own publish on the way.
    if (this.documents.get(uri)?.version === version) await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Asks the client to pull diagnostics again (or pushes them anew); a client without refresh support re-pulls on its own schedule. */
  private refresh(): void {
    if (this.pushDiagnostics) for (const d of this.documents.all()) void this.publish(d.uri);
    else this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  private report(problems: readonly string[]): void {
    for (const p of problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      // A notification, not a request: nothing to wait for, nothing to fail if the client cannot show it.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Socket Doctor: ${p}` });
    }
  }
}
