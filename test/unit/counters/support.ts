/** Helpers the counter tests share: the fixtures captured in namespaces, and small pastes made to measure. */
import "../../support/scanner";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeText } from "../../../core/analysis/analyze";
import type { Analysis } from "../../../core/analysis/types";

/** out/test/unit/counters → the repository root. */
const ROOT = join(__dirname, "..", "..", "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures", "counters");

/** The scenarios captured by test/fixtures/counters/capture.py. */
export function scenarios(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function hasCapture(scenario: string, file: string): boolean {
  return readdirSync(join(FIXTURES, scenario)).includes(`${file}.txt`);
}

export function capture(scenario: string, file: string): string {
  return readFileSync(join(FIXTURES, scenario, `${file}.txt`), "utf8");
}

/** The captures pasted together, in this order where the scenario has them. */
const PASTE = ["listing", "two-snapshots", "nstat", "sockstat", "sysctl", "conntrack-count", "conntrack-max", "conntrack-S", "conntrack-L"];

/** A scenario's captures pasted together as an SRE would: the listing, the counters, the totals, the limits, conntrack's figures. */
export function paste(scenario: string): string {
  // One snapshot of nstat is enough where two were taken.
  const files = PASTE.filter((f) => hasCapture(scenario, f) && !(f === "nstat" && hasCapture(scenario, "two-snapshots")));
  return files.map((f) => capture(scenario, f)).join("");
}

export function analyse(text: string): Analysis {
  return analyzeText(text);
}

/** nstat's output for these counters, under its command line. */
export function nstat(counters: Readonly<Record<string, number>>, command = "nstat -az"): string {
  const rows = Object.entries(counters).map(([k, v]) => `${k.padEnd(32)}${String(v).padEnd(16)}   0.0`);
  return [`$ ${command}`, "#kernel", ...rows, ""].join("\n");
}

/** `id:severity` of each finding. */
export function ids(a: Analysis): string[] {
  return a.findings.map((f) => `${f.id}:${f.severity}`);
}

export function finding(a: Analysis, id: string) {
  const f = a.findings.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no ${id} finding in ${ids(a).join(", ") || "(none)"}`);
  return f;
}
