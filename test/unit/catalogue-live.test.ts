/**
 * Checks the catalogue against the kernel this test runs on: every live net.ipv4 key must be described, and
 * every catalogue default must match what a fresh network namespace reads. Skips where /proc/sys or
 * `unshare` is unavailable (not Linux, not root).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { release } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { catalogue, IFACE } from "../../core/catalogue/catalogue";
import type { KeyEntry } from "../../core/catalogue/types";
import { compareKernel, parseKernelVersion } from "../../core/catalogue/version";

const PROC = "/proc/sys";
const hasProc = existsSync(join(PROC, "net", "ipv4"));
const running = parseKernelVersion(release()) ?? "0.0";

/** Dotted names of every file below a /proc/sys folder (a dot inside a name becomes `/`, as sysctl does). */
function walk(dir: string, prefix: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const dotted = `${prefix}.${name.replace(/\./g, "/")}`;
    if (statSync(path).isDirectory()) walk(path, dotted, out);
    else out.push(dotted);
  }
  return out;
}

/** Reads values inside a fresh network namespace; undefined when unshare is not possible here. */
function freshNamespaceValues(paths: readonly string[]): Map<string, string> | undefined {
  const script = `const fs=require("fs");const out={};for(const p of JSON.parse(process.argv[1])){try{out[p]=fs.readFileSync(p,"utf8")}catch{}}process.stdout.write(JSON.stringify(out))`;
  const r = spawnSync("unshare", ["-n", process.execPath, "-e", script, JSON.stringify(paths)], { encoding: "utf8" });
  if (r.status !== 0) return undefined;
  return new Map(Object.entries(JSON.parse(r.stdout) as Record<string, string>));
}

/** The /proc/sys file that holds an entry's value in a fresh namespace (templates: their `default`). */
function probePath(e: KeyEntry): string {
  const name = e.key.replace(IFACE, e.key.includes(".neigh.") ? "lo" : "default");
  return PROC + "/" + name.replace(/[./]/g, (c) => (c === "." ? "/" : "."));
}

const normalize = (v: string) => v.trim().split(/\s+/).join(" ");
const expectedLive = (e: KeyEntry) => e.status !== "removed" && !(e.since && compareKernel(e.since, running) > 0);

describe("catalogue against the live kernel", { skip: hasProc ? false : "no /proc/sys/net/ipv4 here (not Linux?)" }, () => {
  it("describes every key under /proc/sys/net/ipv4", () => {
    const cat = catalogue();
    const missing = walk(join(PROC, "net", "ipv4"), "net.ipv4").filter((k) => !cat.resolve(k) && !cat.family(k));
    assert.deepEqual(missing, []);
  });

  it("has no current key that this kernel lacks", () => {
    const absent = catalogue()
      .entries.filter((e) => expectedLive(e) && !e.key.startsWith("net.ipv4.neigh.default."))
      .filter((e) => !existsSync(probePath(e).replace("/neigh/lo/", "/neigh/default/")) && !existsSync(probePath(e)))
      .map((e) => e.key);
    assert.deepEqual(absent, []);
  });

  it("has the defaults a fresh network namespace reads", (t) => {
    const entries = catalogue().entries.filter((e) => e.scope === "netns" && e.default !== null && expectedLive(e) && !e.readOnly);
    const values = freshNamespaceValues(entries.map(probePath));
    if (!values) {
      t.skip("cannot create a network namespace here (unshare -n needs root)");
      return;
    }
    const wrong = entries
      .filter((e) => values.has(probePath(e)) && normalize(values.get(probePath(e)) as string) !== normalize(e.default as string))
      .map((e) => `${e.key}: catalogue ${JSON.stringify(e.default)}, kernel ${JSON.stringify(normalize(values.get(probePath(e)) as string))}`);
    assert.deepEqual(wrong, []);
    assert.ok(values.size > entries.length / 2, `only ${values.size} of ${entries.length} keys could be read`);
  });
});
