/**
 * `socket-doctor lint --format sarif`: SARIF 2.1.0 for code scanning (GitHub's upload-sarif and other
 * readers). One rule object per rule code, with docs/rules.md's section as its help; results with exact
 * regions (1-based lines, UTF-16 columns, the end column exclusive, as SARIF counts them).
 */
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, Rule, Severity } from "../core/rules/types";
import { jsonText } from "./output";
import { STDIN } from "./read-text";
import type { LintWriter } from "./lint-format";
import RULES_DOC from "../docs/rules.md";

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

type Level = "error" | "warning" | "note";
const LEVEL: Record<Severity, Level> = { error: "error", warning: "warning", information: "note", hint: "note" };

/** `duplicate-key` → `DuplicateKey`: SARIF's rule name, an identifier a person can read. */
function ruleName(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

/** A rule's section of docs/rules.md, without its heading. */
export function ruleSection(doc: string, code: string): string {
  return (doc.split(`\n## ${code}\n`)[1] ?? "").split("\n## ")[0]?.trim() ?? "";
}

/** Markdown's emphasis and code marks dropped, for SARIF's plain-text fields. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*|`/g, "");
}

export function sarifRule(rule: Rule, doc = RULES_DOC) {
  const section = ruleSection(doc, rule.code);
  // The section opens with "**Default: warning.** What the rule finds ..." (that paragraph, less the default) or
  // with "**Default: error** when ..." (the level then starts the sentence).
  // A lead that announces a list ("... survive:") takes the list with it.
  const [first = "", second = ""] = section.split(/\n\s*\n/);
  const lead = (first.trimEnd().endsWith(":") ? `${first} ${second}` : first)
    .replace(/^\*\*Default: [a-z]+\.\*\*\s*/, "")
    .replace(/^\*\*Default: ([a-z])([a-z]*)\*\*/, (_m, first: string, rest: string) => first.toUpperCase() + rest)
    .replace(/\s*\n\s*/g, " ");
  return {
    id: rule.code,
    name: ruleName(rule.code),
    shortDescription: { text: rule.description },
    fullDescription: { text: plain(lead) || rule.description },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    help: { text: plain(section) || rule.description, markdown: section || rule.description },
    properties: { tags: ["sysctl"] },
  };
}

/** A path as an artifact URI: relative paths stay relative (code scanning resolves them from the repository). */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(/[\\/]/).map(encodeURIComponent).join("/");
}

/**
 * Where a result's file is. SARIF requires a URI here (§3.4.3: without an index into run.artifacts, uri SHALL be
 * present), and a relative one would name a file of the repository ("-", "stdin"): standard input is the absolute
 * file:///dev/stdin, the name Linux and macOS give it, with a description a viewer can show.
 */
export function artifactLocation(path: string): { uri: string; description?: { text: string } } {
  if (path === STDIN) return { uri: "file:///dev/stdin", description: { text: "standard input" } };
  return { uri: artifactUri(path) };
}

/**
 * The log is written in three parts around the results array, so results stream out as they are found; the
 * invocation (with the inputs that could not be read) closes the run.
 */
export function sarifWriter(rules: readonly Rule[], version: string): LintWriter {
  const index = new Map(rules.map((r, i) => [r.code, i]));
  /** Each file's artifactLocation, as JSON text. */
  const locations = new Map<string, string>();
  let first = true;
  /** One result, written by hand (JSON.stringify of a nested object per finding is the slow part of a big file). */
  const result = (location: string, f: Finding) => {
    const { start, end } = f.range;
    const region = `{"startLine":${start.line + 1},"startColumn":${start.character + 1},"endLine":${end.line + 1},"endColumn":${end.character + 1}}`;
    return (
      `{"ruleId":${jsonText(f.code)},"ruleIndex":${index.get(f.code) ?? -1},"level":"${LEVEL[f.severity]}","message":{"text":${jsonText(f.message)}},` +
      `"locations":[{"physicalLocation":{"artifactLocation":${location},"region":${region}}}]}`
    );
  };
  return {
    start() {
      const head = {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [{ tool: { driver: { name: "socket-doctor", semanticVersion: version, rules: rules.map((r) => sarifRule(r)) } }, columnKind: "utf16CodeUnits", results: [] }],
      };
      // Everything up to the results array's opening bracket.
      const text = jsonText(head);
      return text.slice(0, text.lastIndexOf('"results":[') + '"results":['.length);
    },
    findings(file, findings) {
      let location = locations.get(file);
      if (location === undefined) locations.set(file, (location = jsonText(artifactLocation(file))));
      const out: string[] = [];
      for (const f of findings) {
        out.push(`${first ? "" : ","}\n${result(location, f)}`);
        first = false;
      }
      return out.join("");
    },
    end({ errors }) {
      const invocation = {
        executionSuccessful: errors.length === 0,
        toolExecutionNotifications: errors.map((e) => ({ level: "error", message: { text: e } })),
      };
      return `\n],"invocations":[${jsonText(invocation)}]}]}\n`;
    },
  };
}
