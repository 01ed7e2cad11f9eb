/**
 * The output formats of `socket-doctor lint`, each written as the findings are made: a writer turns a
 * window of findings into text and keeps only what its closing lines need.
 */
import type { Finding, Severity } from "../core/rules/types";
import { escapeControls, jsonText, type Paint } from "./output";

export const LINT_FORMATS = ["text", "json", "sarif"] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export type SeverityCounts = Record<Severity, number>;

export interface LintSummary {
  /** Files named on the command line (standard input once). */
  readonly files: number;
  readonly read: number;
  /** One line per input that could not be read. */
  readonly errors: readonly string[];
  readonly counts: SeverityCounts;
}

export interface LintWriter {
  start(): string;
  /** Findings of one file, in order; called once per window. */
  findings(file: string, findings: readonly Finding[]): string;
  end(summary: LintSummary): string;
}

const SEVERITY_STYLE = { error: "red", warning: "yellow", information: "cyan", hint: "dim" } as const;

/** `file:line:column: severity [code] message`, compiler style, and a summary line. */
export function textWriter(paint: Paint): LintWriter {
  return {
    start: () => "",
    findings(file, findings) {
      const name = escapeControls(file);
      const lines: string[] = [];
      for (const f of findings) {
        const { line, character } = f.range.start;
        lines.push(`${paint("bold", `${name}:${line + 1}:${character + 1}:`)} ${paint(SEVERITY_STYLE[f.severity], f.severity)} ${paint("dim", `[${f.code}]`)} ${escapeControls(f.message)}\n`);
      }
      return lines.join("");
    },
    end({ files, read, errors, counts }) {
      const which = errors.length > 0 ? `${read} of ${files} file(s) read` : `${files} file(s)`;
      return `${which}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} note(s)\n`;
    },
  };
}

/**
 * One JSON array of rows `{file, line, column, endLine, endColumn, severity, code, message}` (1-based), exactly
 * as JSON.stringify(rows, null, 2) would print it, made a window at a time.
 */
export function jsonWriter(): LintWriter {
  let first = true;
  return {
    start: () => "[",
    findings(file, findings) {
      const name = jsonText(file);
      const rows: string[] = [];
      for (const f of findings) {
        const { start, end } = f.range;
        // A row's fields by hand, in the order above: JSON.stringify with an indent is the slow part of a big file.
        rows.push(
          `${first ? "" : ","}\n  {\n    "file": ${name},\n    "line": ${start.line + 1},\n    "column": ${start.character + 1},\n` +
            `    "endLine": ${end.line + 1},\n    "endColumn": ${end.character + 1},\n    "severity": "${f.severity}",\n` +
            `    "code": "${f.code}",\n    "message": ${jsonText(f.message)}\n  }`,
        );
        first = false;
      }
      return rows.join("");
    },
    end: () => (first ? "]\n" : "\n]\n"),
  };
}
