/**
 * Real sysctl files from distributions, Kubernetes and vendors (test/fixtures/sysctl/clean) must lint with no
 * warning or error; real files with known mistakes (dirty/) must give exactly the findings listed in
 * dirty/expected.json (reviewed against dirty/README.md).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { lintText } from "../../core/rules/lint";
import { shippedCatalogue } from "../../core/catalogue/shipped";

const DIR = join(__dirname, "..", "..", "..", "test", "fixtures", "sysctl");
const serious = (text: string) => lintText(text, { catalogue: shippedCatalogue() }).filter((f) => f.severity === "error" || f.severity === "warning");

describe("clean real-world sysctl files", () => {
  for (const file of readdirSync(join(DIR, "clean"))) {
    it(file, () => assert.deepEqual(serious(readFileSync(join(DIR, "clean", file), "utf8")).map((f) => `${f.range.start.line + 1} ${f.code}: ${f.message}`), []));
  }
});

describe("dirty real-world sysctl files", () => {
  const expected = JSON.parse(readFileSync(join(DIR, "dirty", "expected.json"), "utf8")) as Record<string, string[]>;
  for (const file of readdirSync(join(DIR, "dirty")).filter((f) => f.endsWith(".conf"))) {
    it(file, () => assert.deepEqual(serious(readFileSync(join(DIR, "dirty", file), "utf8")).map((f) => `${f.range.start.line + 1} ${f.code}`), expected[file]));
  }
});
