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

function resolveName(cat: Catalogue, name: string, glob: boolean): KeyResolution {
  if (glob) return { kind: "glob", matches: cat.matchGlob(name).length };
  const resolved = cat.resolve(name);
  if (resolved) return { kind: "key", resolved };
  if (!cat.covers(name)) return { kind: "unchecked" };
  const misplaced = cat.misplaced(name);
  return misplaced ? { kind: "misplaced", key: misplaced } : { kind: "unknown" };
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

/** Codes of the rules whose findings say what an applied value does. */
const AFTER_WRITE = new Set(RULES.filter((r) => r.afterWrite).map((r) => r.code));

export function lintDocument(doc: SysctlDocument, options: LintOptions): Finding[] {
  const cat = options.catalogue;
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
  const resolved = doc.assignments.map((a) => resolveKey(cat, a));
  const ctx: RuleContext = {
    doc,
    uri,
    files,
    catalogue: cat,
    kernel: options.kernel ?? NEWEST_KNOWN_KERNEL,
    ...(options.live ? { live: options.live } : {}),
    compareLive: options.compareLive === true && options.live !== undefined,
    // Rules ask about each assignment several times: this document's are resolved once, by position.
    resolution: (a) => (doc.assignments[a.index] === a ? (resolved[a.index] as KeyResolution) : resolveKey(cat, a)),
    assignmentsOf,
    finalValue: (name) => assignmentsOf(name).at(-1),
  };
  const findings: Finding[] = [];
  const voided = new Set<number>();
  for (const rule of RULES) {
    const override = options.severities?.[rule.code];
    if (override === "off") continue;
    for (const f of rule.check(ctx)) {
      findings.push(override ? { ...f, severity: override } : f);
      if (f.voidsLine) voided.add(f.range.start.line);
    }
  }
  // One line, one story: what a value would do is moot where it is refused or overwritten.
  const told = voided.size === 0 ? findings : findings.filter((f) => !AFTER_WRITE.has(f.code) || !voided.has(f.range.start.line));
  return told.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function lintText(text: string, options: LintOptions): Finding[] {
  return lintDocument(parseSysctl(text), options);
}
