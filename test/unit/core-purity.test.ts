/** core/ stays pure: it may import only other core/ modules and its JSON data, never Node, DOM or LSP code. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, it } from "node:test";

const CORE = join(__dirname, "..", "..", "..", "core");

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

describe("core purity", () => {
  it("imports nothing from outside core/", () => {
    const bad: string[] = [];
    for (const file of sources(CORE)) {
      for (const m of readFileSync(file, "utf8").matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']/g)) {
        const spec = (m[1] ?? m[2] ?? m[3]) as string;
        const inside = spec.startsWith(".") && !relative(CORE, resolve(file, "..", spec)).startsWith("..");
        if (!inside) bad.push(`${relative(CORE, file)}: ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it("uses no Node or DOM globals", () => {
    const bad: string[] = [];
    for (const file of sources(CORE)) {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const g of ["process.", "Buffer.", "require(", "__dirname", "window.", "document."]) {
        if (text.includes(g)) bad.push(`${relative(CORE, file)}: ${g}`);
      }
    }
    assert.deepEqual(bad, []);
  });
});
