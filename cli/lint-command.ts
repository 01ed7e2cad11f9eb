/** `socket-doctor lint FILE... [--json] [--kernel X.Y]` */
import { NEWEST_KNOWN_KERNEL } from "../core/catalogue/version";
import { lintDocument } from "../core/rules/lint";
import { loadCatalogue } from "../server/catalogue-file";
import type { Finding, SysctlFile } from "../core/rules/types";
import { fileSetOf, loadOrder } from "../core/sysctl/load-order";
import { parseSysctl } from "../core/sysctl/parse";
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

export interface LintCliOptions {
  readonly json?: boolean;
  readonly kernel?: string;
  /**
   * This machine's /proc/sys values (`--live`): the files are taken to be this machine's, so values that differ
   * from the running ones are reported (live-value-differs), and rules such as tw-buckets-lowered compare.
   */
  readonly live?: (name: string) => string | undefined;
}

export function runLint(files: readonly string[], opts: LintCliOptions): LintResult {
  const errors: string[] = [];
  const parsed = new Map<string, SysctlFile>();
  for (const file of files) {
    try {
      parsed.set(file, { uri: file, doc: parseSysctl(readText(file)) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors.push(err.message);
    }
  }
  // Files that sysctl --system applies together are linted as one set, so cross-file rules see each other.
  const order = loadOrder([...parsed.keys()].filter((f) => f !== "-"));
  const rows: LintRow[] = [];
  for (const [file, entry] of parsed) {
    const set = fileSetOf(file, order).map((f) => parsed.get(f) as SysctlFile);
    const findings = lintDocument(entry.doc, {
      catalogue: loadCatalogue(),
      uri: file,
      files: set,
      kernel: opts.kernel ?? NEWEST_KNOWN_KERNEL,
      ...(opts.live ? { live: opts.live, compareLive: true } : {}),
    });
    for (const f of findings) rows.push(toRow(file, f));
  }
  const exitCode = errors.length > 0 ? 2 : rows.some((r) => r.severity === "error") ? 1 : 0;
  if (opts.json) return { output: JSON.stringify(rows, null, 2) + "\n", errors, exitCode };
  const lines = rows.map((r) => `${r.file}:${r.line}:${r.column}: ${r.severity} [${r.code}] ${r.message}`);
  const count = (s: string) => rows.filter((r) => r.severity === s).length;
  const read = errors.length > 0 ? `${parsed.size} of ${files.length} file(s) read` : `${files.length} file(s)`;
  lines.push(`${read}: ${count("error")} error(s), ${count("warning")} warning(s), ${count("information") + count("hint")} note(s)`);
  return { output: lines.join("\n") + "\n", errors, exitCode };
}
