/** Runs every rule over a sysctl document: text in, findings out. */
import type { Catalogue } from "../catalogue/catalogue";
import { NEWEST_KNOWN_KERNEL, type KernelVersion } from "../catalogue/version";
import { parseSysctl, type KeyPart, type SysctlDocument } from "../sysctl/parse";
import { RULES } from "./registry";
import type { Finding, KeyResolution, Located, RuleContext, SeverityOverride, SysctlFile } from "./types";

export interface LintOptions {
  readonly kernel?: KernelVersion;
  /** Per-rule severity overrides; `off` drops the rule's findings. */
  readonly severities?: Readonly<Record<string, SeverityOverride>>;
  readonly catalogue: Catalogue;
  /** The document's URI (or path), used to tell it apart in `files`. */
  readonly uri?: string;
  /** The files applied together with this one, in application order, this one included (see load-order.ts). */
  readonly files?: readonly SysctlFile[];
  readonly live?: (name: string) => string | undefined;
  /** The file is meant for this machine: report values that differ from `live` (live-value-differs). */
  readonly compareLive?: boolean;
}

/** Lines checked at a time by lintWindows: findings are held for one window only. */
export const WINDOW_LINES = 1024;

function resolveName(cat: Catalogue, name: string, glob: boolean): KeyResolution {
  if (glob) return { kind: "glob", matches: cat.matchGlob(name).length };
  const resolved = cat.resolve(name);
  if (resolved) return { kind: "key", resolved };
  if (!cat.covers(name)) return { kind: "unchecked" };
  const misplacement = cat.misplaced(name);
  return misplacement ? { kind: "misplaced", misplacement } : { kind: "unknown" };
}

/** Resolutions by key name, per catalogue: the server lints the same keys on every keystroke. */
const resolutions = new WeakMap<Catalogue, Map<string, KeyResolution>>();
const MAX_REMEMBERED = 50_000;

export function resolveKey(cat: Catalogue, a: { readonly key: KeyPart }): KeyResolution {
  let known = resolutions.get(cat);
  if (!known) resolutions.set(cat, (known = new Map()));
  const id = a.key.glob ? `glob:${a.key.name}` : a.key.name;
  let r = known.get(id);
  if (!r) {
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.set(id, (r = resolveName(cat, a.key.name, a.key.glob)));
  }
  return r;
}

/** What every window of one lint shares: the file set, this file in it, and the set's assignments by key. */
type Shared = Pick<RuleContext, "uri" | "files" | "file" | "catalogue" | "kernel" | "live" | "compareLive" | "assignmentsOf" | "finalValue" | "once">;

function share(doc: SysctlDocument, options: LintOptions): Shared {
  const uri = options.uri ?? "";
  const files = options.files?.some((f) => f.doc === doc) ? options.files : [{ uri, doc }];
  let byName: Map<string, Located[]> | undefined;
  const assignmentsOf = (name: string): readonly Located[] => {
    if (!byName) {
      byName = new Map();
      for (const file of files) {
        for (const assignment of file.doc.assignments) {
          if (assignment.key.glob) continue;
          let list = byName.get(assignment.key.name);
          if (!list) byName.set(assignment.key.name, (list = []));
          list.push({ file, assignment });
        }
      }
    }
    return byName.get(name) ?? [];
  };
  const made = new Map<object, unknown>();
  return {
    uri,
    files,
    file: files.find((f) => f.doc === doc) as SysctlFile,
    catalogue: options.catalogue,
    kernel: options.kernel ?? NEWEST_KNOWN_KERNEL,
    ...(options.live ? { live: options.live } : {}),
    compareLive: options.compareLive === true && options.live !== undefined,
    assignmentsOf,
    finalValue: (name) => assignmentsOf(name).at(-1),
    once<T>(key: object, make: () => T): T {
      if (!made.has(key)) made.set(key, make());
      return made.get(key) as T;
    },
  };
}

/** A finding at another severity; its fields read one by one, since a rule may make them when asked (getters). */
function withSeverity(f: Finding, severity: Finding["severity"]): Finding {
  return {
    code: f.code,
    severity,
    range: f.range,
    message: f.message,
    ...(f.tags ? { tags: f.tags } : {}),
    ...(f.related ? { related: f.related } : {}),
    ...(f.fixes ? { fixes: f.fixes } : {}),
    ...(f.voidsLine ? { voidsLine: f.voidsLine } : {}),
  };
}

/** Codes of the rules whose findings say what an applied value does. */
const AFTER_WRITE = new Set(RULES.filter((r) => r.afterWrite).map((r) => r.code));
/** Codes of the rules whose findings yield to any other finding about the same line. */
const DEFERS = new Set(RULES.filter((r) => r.defers).map((r) => r.code));

/** Runs the rules over `lines` (the whole document or a window of it); findings sorted by position. */
function check(lines: SysctlDocument, shared: Shared, options: LintOptions): Finding[] {
  const cat = shared.catalogue;
  const resolved = lines.assignments.map((a) => resolveKey(cat, a));
  const first = lines.assignments[0]?.index ?? 0;
  const ctx: RuleContext = {
    ...shared,
    doc: lines,
    // Rules ask about each assignment several times: the checked ones are resolved once, by position.
    resolution: (a) => (lines.assignments[a.index - first] === a ? (resolved[a.index - first] as KeyResolution) : resolveKey(cat, a)),
  };
  const findings: Finding[] = [];
  const voided = new Set<number>();
  for (const rule of RULES) {
    const override = options.severities?.[rule.code];
    if (override === "off") continue;
    for (const f of rule.check(ctx)) {
      findings.push(override ? withSeverity(f, override) : f);
      if (f.voidsLine) voided.add(f.range.start.line);
    }
  }
  // One line, one story: what a value would do is moot where it is refused or overwritten, and "this line
  // could go" is moot where the line is part of another finding (a gc_thresh3 in an out-of-order triple).
  const told = voided.size === 0 ? findings : findings.filter((f) => !AFTER_WRITE.has(f.code) || !voided.has(f.range.start.line));
  return byPosition(withoutDeferred(told));
}

/** Drops findings of deferring rules on lines that other findings are about. */
function withoutDeferred(findings: Finding[]): Finding[] {
  const lines = new Set<number>();
  for (const f of findings) if (DEFERS.has(f.code)) lines.add(f.range.start.line);
  if (lines.size === 0) return findings;
  const about = new Set<number>();
  for (const f of findings) {
    if (DEFERS.has(f.code)) continue;
    const line = f.range.start.line;
    if (lines.has(line)) about.add(line);
    // Only a finding of several lines names the others; read them only where it may matter.
    for (const r of f.related ?? []) if (r.uri === undefined && lines.has(r.range.start.line)) about.add(r.range.start.line);
  }
  return about.size === 0 ? findings : findings.filter((f) => !DEFERS.has(f.code) || !about.has(f.range.start.line));
}

/** Sorted by where they start; each range read once (a rule may make it when asked). */
function byPosition(findings: Finding[]): Finding[] {
  const at = findings.map((f, i) => {
    const { line, character } = f.range.start;
    return { f, line, character, i };
  });
  at.sort((a, b) => a.line - b.line || a.character - b.character || a.i - b.i);
  return at.map((x) => x.f);
}

export function lintDocument(doc: SysctlDocument, options: LintOptions): Finding[] {
  return check(doc, share(doc, options), options);
}

/**
 * The same findings as lintDocument, a window of `windowLines` lines at a time, in order: each window's
 * findings can be written out and dropped before the next one is made, so a file of a million lines never
 * holds more than one window's findings. The rules still see the whole file set through the context.
 */
export function* lintWindows(doc: SysctlDocument, options: LintOptions, windowLines = WINDOW_LINES): Generator<Finding[]> {
  const shared = share(doc, options);
  let from = 0;
  for (let start = 0; start < doc.lines.length; start += windowLines) {
    const end = Math.min(start + windowLines, doc.lines.length);
    let to = from;
    while (to < doc.assignments.length && (doc.assignments[to]?.line ?? end) < end) to++;
    yield check({ lines: doc.lines.slice(start, end), assignments: doc.assignments.slice(from, to) }, shared, options);
    from = to;
  }
}

export function lintText(text: string, options: LintOptions): Finding[] {
  return lintDocument(parseSysctl(text), options);
}
