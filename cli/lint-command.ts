/** `socket-doctor lint FILE... [--json] [--kernel X.Y]` */
import { NEWEST_KNOWN_KERNEL } from "../core/catalogue/version";
import { lintText } from "../core/rules/lint";
import type { Finding } from "../core/rules/types";
import { InputError, readText } from "./read-text";

export interface LintRow {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Finding["severity"];
  readonly code: string;
  readonly message: string;
}

/** Findings with 1-based lines and columns, as the JSON output and the text output show them. */
export function toRow(file: string, f: Finding): LintRow {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  };
}

export interface LintResult {
  readonly output: string;
  /** One line per file that could not be read. */
  readonly errors: readonly string[];
  /** 2 when a file could not be read, 1 when any finding is an error, else 0. */
  readonly exitCode: number;
}

export function runLint(files: readonly string[], opts: { json?: boolean; kernel?: string }): LintResult {
  const rows: LintRow[] = [];
  const errors: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors.push(err.message);
      continue;
    }
    for (const f of lintText(text, { kernel: opts.kernel ?? NEWEST_KNOWN_KERNEL })) rows.push(toRow(file, f));
  }
  const exitCode = errors.length > 0 ? 2 : rows.some((r) => r.severity === "error") ? 1 : 0;
  if (opts.json) return { output: JSON.stringify(rows, null, 2) + "\n", errors, exitCode };
  const lines = rows.map((r) => `${r.file}:${r.line}:${r.column}: ${r.severity} [${r.code}] ${r.message}`);
  const count = (s: string) => rows.filter((r) => r.severity === s).length;
  lines.push(`${files.length} file(s): ${count("error")} error(s), ${count("warning")} warning(s), ${count("information") + count("hint")} note(s)`);
  return { output: lines.join("\n") + "\n", errors, exitCode };
}
