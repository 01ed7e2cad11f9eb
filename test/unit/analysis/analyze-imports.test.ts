/**
 * The analysis loads neither the sysctl catalogue nor the lint rules: the modules `socket-doctor analyze` and
 * the panel import (statically, types aside) reach no module of core/catalogue but version.ts, of core/rules,
 * core/language or core/sysctl. The CLI's lint, explain and keys commands are required when they run.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "../netstat/fixtures";

/** The project's modules reachable from `entry` by value imports and re-exports. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [join(ROOT, entry)];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^(?:import|export) (?!type )(?:[^"';]*? from )?"(\.[^"]+)"/gm)) {
      const spec = (m[1] as string).replace(/\.js$/, "");
      const target = [".ts", "/index.ts", ""].map((ext) => join(dirname(file), spec) + ext).find((p) => existsSync(p) && p.endsWith(".ts"));
      if (target !== undefined) todo.push(target);
    }
  }
  return [...seen].map((f) => relative(ROOT, f)).sort();
}

const FORBIDDEN = /^core\/(?:catalogue\/(?!version\.ts)|rules\/|language\/|sysctl\/)/;

describe("the analysis path", () => {
  it("the walk sees the catalogue and the rules where they are imported", () => {
    assert.ok(reachable("cli/sysctl-commands.ts").some((m) => FORBIDDEN.test(m)));
  });

  for (const entry of ["cli/main.ts", "webview/main.ts", "client/analysis-run.ts"]) {
    it(`${entry} reaches no catalogue data, no rules`, () => {
      const modules = reachable(entry);
      assert.ok(modules.includes("core/analysis/analyze.ts") || modules.includes("webview/analyse-slices.ts"), modules.join("\n"));
      assert.deepEqual(modules.filter((m) => FORBIDDEN.test(m)), []);
    });
  }
});
