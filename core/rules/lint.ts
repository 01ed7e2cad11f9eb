/** Runs every rule over a sysctl document: text in, findings out. */
import { catalogue as defaultCatalogue, type Catalogue } from "../catalogue/catalogue";
import { NEWEST_KNOWN_KERNEL, type KernelVersion } from "../catalogue/version";
import { parseSysctl, type Assignment, type SysctlDocument } from "../sysctl/parse";
import { RULES } from "./registry";
import type { Finding, KeyResolution, RuleContext, SeverityOverride } from "./types";

export interface LintOptions {
  readonly kernel?: KernelVersion;
  /** Per-rule severity overrides; `off` drops the rule's findings. */
  readonly severities?: Readonly<Record<string, SeverityOverride>>;
  readonly catalogue?: Catalogue;
}

export function resolveKey(cat: Catalogue, a: Assignment | { key: Assignment["key"] }): KeyResolution {
  const name = a.key.name;
  if (a.key.glob) return { kind: "glob", matches: cat.matchGlob(name).length };
  const resolved = cat.resolve(name);
  if (resolved) return { kind: "key", resolved };
  const family = cat.family(name);
  return family ? { kind: "family", family } : { kind: "unknown" };
}

export function lintDocument(doc: SysctlDocument, options: LintOptions = {}): Finding[] {
  const cat = options.catalogue ?? defaultCatalogue();
  const cache = new Map<Assignment, KeyResolution>();
  const ctx: RuleContext = {
    doc,
    catalogue: cat,
    kernel: options.kernel ?? NEWEST_KNOWN_KERNEL,
    resolution(a) {
      let r = cache.get(a);
      if (!r) cache.set(a, (r = resolveKey(cat, a)));
      return r;
    },
  };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const override = options.severities?.[rule.code];
    if (override === "off") continue;
    for (const f of rule.check(ctx)) findings.push(override ? { ...f, severity: override } : f);
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function lintText(text: string, options: LintOptions = {}): Finding[] {
  return lintDocument(parseSysctl(text), options);
}
