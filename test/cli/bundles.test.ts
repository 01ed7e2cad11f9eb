/**
 * The catalogue ships as dist/catalogue.json, read when a sysctl feature first needs it: the JSON must hold
 * exactly the shipped data, and no bundle that starts without it (the extension, the panel, the analyze
 * path of the CLI) may carry the data itself.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ENTRIES } from "../../core/catalogue/data";
import { ROOT } from "../support/run-cli";

const dist = (name: string) => readFileSync(join(ROOT, "dist", name), "utf8");

describe("the built catalogue", () => {
  it("holds every shipped entry, unchanged", () => {
    const built = JSON.parse(dist("catalogue.json")) as { key: string }[];
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    assert.deepEqual([...built].sort(byKey), [...ENTRIES].sort(byKey));
  });

  it("stays out of the bundles", () => {
    // A sentence from one description of each of three families: none may be compiled into a bundle.
    const samples = ["vm.swappiness", "net.ipv6.conf.<iface>.accept_ra", "net.ipv4.tcp_fin_timeout"].map(
      (k) => (ENTRIES.find((e) => e.key === k)?.description ?? "").slice(0, 60),
    );
    for (const bundle of ["extension.js", "webview.js", "server.js", "cli.js"]) {
      const text = dist(bundle);
      for (const s of samples) assert.ok(s.length > 20 && !text.includes(JSON.stringify(s).slice(1, -1)), `${bundle} contains catalogue text`);
    }
  });
});
