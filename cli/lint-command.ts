/** `socket-doctor lint FILE... [--format text|json|sarif] [--fail-on LEVEL] [--kernel X.Y] [--live]` */
import { NEWEST_KNOWN_KERNEL } from "../core/catalogue/version";
import { lintWindows } from "../core/rules/lint";
import { RULES } from "../core/rules/registry";
import { loadCatalogue } from "../server/catalogue-file";
import type { Severity, SysctlFile } from "../core/rules/types";
import { fileSetOf, loadOrder } from "../core/sysctl/load-order";
import { parseSysctl } from "../core/sysctl/parse";
import { jsonWriter, textWriter, type LintFormat, type LintWriter, type SeverityCounts } from "./lint-format";
import { paint, type Output } from "./output";
import { eachOnce, InputError, readText, STDIN } from "./read-text";

/** The least severe finding that makes the exit status 1. */
export const FAIL_ON = ["error", "warning", "information"] as const;
export type FailOn = (typeof FAIL_ON)[number];
const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export interface LintCliOptions {
  readonly format: LintFormat;
  readonly failOn: FailOn;
  readonly kernel?: string;
  /**
   * This machine's /proc/sys values (`--live`): the files are taken to be this machine's, so values that differ
   * from the running ones are reported (live-value-differs), and rules such as tw-buckets-lowered compare.
   */
  readonly live?: (name: string) => string | undefined;
  readonly color: boolean;
  readonly version: string;
}

/** The SARIF writer embeds docs/rules.md (a bundle-time import): loaded only when SARIF is asked for. */
async function writerFor(opts: LintCliOptions): Promise<LintWriter> {
  if (opts.format === "json") return jsonWriter();
  if (opts.format === "sarif") return (await import("./sarif.js")).sarifWriter(RULES, opts.version);
  return textWriter(paint(opts.color));
}

/**
 * Lints the files and writes the findings as they are made, a window of lines at a time (memory holds the
 * parsed files, not their findings). `warn` gets one line per input that cannot be read, before any output.
 * Returns the exit status: 2 when an input could not be read, 1 when a finding reaches `failOn`, else 0.
 *
 * No file at all comes from a script (`xargs` with empty input, a `git ls-files` that matched nothing): the
 * report is written, empty, so its reader (code scanning) still gets a valid one. Standard input is read only
 * when `-` names it: a CI job's standard input can be a pipe that never closes.
 */
export async function runLint(names: readonly string[], opts: LintCliOptions, out: Output, warn: (line: string) => void): Promise<number> {
  if (names.length === 0) warn("no file given, so nothing is checked (- reads standard input)");
  const files = eachOnce(names, warn);
  const errors: string[] = [];
  const parsed = new Map<string, SysctlFile>();
  for (const file of files) {
    try {
      parsed.set(file, { uri: file, doc: parseSysctl(readText(file)) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors.push(err.message);
      warn(err.message);
    }
  }
  // Files that sysctl --system applies together are linted as one set, so cross-file rules see each other.
  const order = loadOrder([...parsed.keys()].filter((f) => f !== STDIN));
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  const writer = await writerFor(opts);
  await out.write(writer.start());
  for (const [file, entry] of parsed) {
    const set = fileSetOf(file, order).map((f) => parsed.get(f) as SysctlFile);
    const windows = lintWindows(entry.doc, {
      catalogue: loadCatalogue(),
      uri: file,
      files: set,
      kernel: opts.kernel ?? NEWEST_KNOWN_KERNEL,
      ...(opts.live ? { live: opts.live, compareLive: true } : {}),
    });
    for (const findings of windows) {
      for (const f of findings) counts[f.severity]++;
      await out.write(writer.findings(file, findings));
    }
  }
  await out.write(writer.end({ files: files.length, read: parsed.size, errors, counts }));
  if (errors.length > 0) return 2;
  return (Object.keys(counts) as Severity[]).some((s) => counts[s] > 0 && RANK[s] >= RANK[opts.failOn]) ? 1 : 0;
}
