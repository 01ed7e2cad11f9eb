/**
 * A document as the vetted-settings planner sees it: the files `sysctl --system` applies with it (open
 * documents with their unsaved edits, the others from disk, as the language server reads them), the file that
 * masks it, the kernel defaults and its line breaks.
 */
import { pathToFileURL } from "node:url";
import * as vscode from "vscode";
import { kernelDefaults } from "../core/advice/kernel-defaults";
import type { InsertionTarget, PlanOptions } from "../core/advice/insert";
import { parseSysctl, type SysctlDocument } from "../core/sysctl/parse";
import { loadCatalogue } from "../server/catalogue-file";
import { DiskFiles, sysctlSetOf } from "../server/file-set";

const disk = new DiskFiles();

/** The path a document has or will have on disk: a file, or an untitled document created for a path. */
function pathOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme === "file") return uri.fsPath;
  return uri.scheme === "untitled" && uri.path.startsWith("/") ? vscode.Uri.file(uri.path).fsPath : undefined;
}

/** The URI the planner names a document by: file:// for anything with a path, so it matches its siblings. */
export function planUri(uri: vscode.Uri): string {
  const path = pathOf(uri);
  return path === undefined ? uri.toString() : pathToFileURL(path).href;
}

/** The open document that a planner URI names, if any. */
function openDocument(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && planUri(d.uri) === uri);
}

function openDoc(uri: string): SysctlDocument | undefined {
  const d = openDocument(uri);
  return d && parseSysctl(d.getText());
}

export function insertionTarget(doc: vscode.TextDocument): InsertionTarget {
  const uri = planUri(doc.uri);
  const parsed = parseSysctl(doc.getText());
  return { uri, doc: parsed, ...sysctlSetOf(uri, parsed, openDoc, disk) };
}

/** A file that is not open, as the planner sees it (for the target picker's notes). */
export function insertionTargetOnDisk(uri: vscode.Uri): InsertionTarget | undefined {
  const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());
  if (open) return insertionTarget(open);
  const doc = disk.get(uri.fsPath);
  const key = planUri(uri);
  return doc && { uri: key, doc, ...sysctlSetOf(key, doc, openDoc, disk) };
}

export function planOptions(doc: vscode.TextDocument | undefined, keys?: readonly string[]): PlanOptions {
  return {
    // dist/catalogue.json, read on the first insertion (never at activation).
    kernelDefault: (key) => kernelDefaults(loadCatalogue())(key),
    eol: doc?.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n",
    ...(keys ? { keys } : {}),
  };
}

/** The document a planner URI names: the open one, else the file opened. */
export async function documentAt(uri: string): Promise<vscode.TextDocument> {
  return openDocument(uri) ?? vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
}
