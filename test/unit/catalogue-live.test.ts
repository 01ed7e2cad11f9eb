/**
 * Holds the catalogue to the kernel this test runs on: every key under /proc/sys must be described, every
 * per-network-namespace default must be what a fresh namespace reads, and every per-namespace bound must be
 * what the kernel enforces, probed in a throw-away namespace (test/support/netns.ts: never on the host).
 * Skips where /proc/sys or namespaces are unavailable (not Linux, not root).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { release } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fixedInstances } from "../../core/catalogue/catalogue";
import { PLACEHOLDER } from "../../core/catalogue/instances";
import { shippedCatalogue as catalogue } from "../../core/catalogue/shipped";
import type { KeyEntry } from "../../core/catalogue/types";
import { compareKernel, parseKernelVersion } from "../../core/catalogue/version";
import { namespaceUnavailable, probeWrites, readFresh, type WriteCase } from "../support/netns";

const PROC = "/proc/sys";
const hasProc = existsSync(join(PROC, "net", "ipv4"));
const running = parseKernelVersion(release()) ?? "0.0";
const noNamespaces = hasProc ? namespaceUnavailable() : "no /proc/sys here";

/**
 * Keys that the machines this project is tested on have, but Linux 6.18 as released does not: this
 * vendor build's own patches (found in no upstream or Debian source tree). Checked to stay unknown.
 */
const VENDOR_KEYS = [/^kernel\.init_private/, /^kernel\.sched_vcpu_pack$/, /^vm\.shrink_inodes_with_pagecache$/, /^fs\.pipe-keep$/];

/** Upper bounds another key moves: the probe cannot reach them from a fresh namespace's defaults. */
const MOVING_MAX = new Map([["net.ipv4.ip_unprivileged_port_start", "must stay below the start of ip_local_port_range"]]);

/** Dotted names of every file below a /proc/sys folder (a dot inside a name becomes `/`, as sysctl does). */
function walk(dir: string, prefix: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const dotted = prefix ? `${prefix}.${name.replace(/\./g, "/")}` : name.replace(/\./g, "/");
    if (statSync(path).isDirectory()) walk(path, dotted, out);
    else out.push(dotted);
  }
  return out;
}

const procPath = (name: string) => PROC + "/" + name.replace(/[./]/g, (c) => (c === "." ? "/" : "."));

/** The instances of a template that a fresh namespace has: all/default/lo for conf, lo for neigh. */
function freshInstances(e: KeyEntry): string[] {
  if (!PLACEHOLDER.test(e.key)) return [""];
  if (e.key.includes(".neigh.")) return ["lo"];
  if (e.key.startsWith("net.mpls.")) return [];
  return [...fixedInstances(e.key), ...(e.key.includes("<n>") ? [] : ["lo"])];
}

const instantiate = (e: KeyEntry, instance: string) => (instance === "" ? e.key : e.key.replace(PLACEHOLDER, instance));
const normalize = (v: string) => v.trim().split(/\s+/).join(" ");
const expectedLive = (e: KeyEntry) => e.status !== "removed" && !(e.since && compareKernel(e.since, running) > 0) && !e.requires;
/** Keys holding uids or gids read differently inside the probe's own user namespace (unmapped ids). */
const ID_KEYS = new Set(["net.ipv4.ping_group_range"]);
const netnsEntries = () => catalogue().entries.filter((e) => e.scope === "netns" && expectedLive(e) && !e.readOnly && !ID_KEYS.has(e.key));

describe("catalogue against the live kernel", { skip: hasProc ? false : "no /proc/sys here (not Linux?)" }, () => {
  const live = hasProc ? walk(PROC, "") : [];

  it("describes every key under /proc/sys", () => {
    const cat = catalogue();
    const missing = live.filter((k) => !cat.resolve(k) && !VENDOR_KEYS.some((re) => re.test(k)));
    assert.deepEqual(missing, []);
  });

  it("leaves this vendor build's own keys unknown", () => {
    const cat = catalogue();
    assert.deepEqual(
      live.filter((k) => VENDOR_KEYS.some((re) => re.test(k)) && cat.resolve(k)),
      [],
    );
  });

  it("has no key that every 6.18 kernel has but this one lacks", () => {
    const absent = catalogue()
      .entries.filter((e) => expectedLive(e) && !e.key.startsWith("net.mpls."))
      .filter((e) => !freshInstances(e).concat(["default", "eth0", "lo"]).some((i) => existsSync(procPath(instantiate(e, i)))))
      .map((e) => e.key);
    assert.deepEqual(absent, []);
  });

  it("has the defaults a fresh network namespace reads", { skip: noNamespaces ?? false }, () => {
    const cases = netnsEntries()
      .filter((e) => e.default !== null)
      .flatMap((e) => freshInstances(e).map((i) => ({ e, i, path: procPath(instantiate(e, i)) })));
    const values = readFresh(cases.map((c) => c.path));
    const wrong = cases
      .filter(({ path }) => values.has(path))
      .map(({ e, i, path }) => ({ e, i, want: (i && e.instanceDefaults?.[i]) || (e.default as string), got: normalize(values.get(path) as string) }))
      .filter(({ want, got }) => normalize(want) !== got)
      .map(({ e, i, want, got }) => `${instantiate(e, i)}: catalogue ${JSON.stringify(want)}, kernel ${JSON.stringify(got)}`);
    assert.deepEqual(wrong, []);
    assert.ok(values.size > cases.length / 2, `only ${values.size} of ${cases.length} keys could be read`);
  });

  it("has the bounds the kernel enforces on per-namespace keys", { skip: noNamespaces ?? false }, () => {
    const numeric = new Set(["boolean", "integer", "enum", "bitmask", "vector"]);
    const cases: (WriteCase & { key: string; expect: boolean })[] = [];
    const fresh = readFresh(netnsEntries().map((e) => procPath(instantiate(e, freshInstances(e)[0] ?? ""))));
    for (const e of netnsEntries()) {
      if (!numeric.has(e.type)) continue;
      const instance = freshInstances(e).find((i) => i !== "all") ?? "";
      const path = procPath(instantiate(e, instance));
      const now = fresh.get(procPath(instantiate(e, freshInstances(e)[0] ?? "")));
      if (now === undefined) continue;
      // A vector's every element set to the bound: what the kernel checks element by element.
      const width = e.type === "vector" ? normalize(now).split(" ").length : 1;
      const value = (n: number) => Array(width).fill(String(n)).join(" ");
      if (e.min !== undefined) cases.push({ key: e.key, path, value: value(e.min), expect: true }, { key: e.key, path, value: value(e.min - 1), expect: false });
      if (e.max !== undefined && !MOVING_MAX.has(e.key) && Number.isSafeInteger(e.max + 1)) cases.push({ key: e.key, path, value: value(e.max), expect: true }, { key: e.key, path, value: value(e.max + 1), expect: false });
    }
    const results = probeWrites(cases);
    const wrong = results
      .map((r, i) => ({ r, c: cases[i] as (typeof cases)[number] }))
      .filter(({ r, c }) => r.accepted !== c.expect)
      .map(({ r, c }) => `${c.key} = ${c.value}: kernel ${r.accepted ? "took it" : `refused it (${r.code})`}, catalogue says it ${c.expect ? "takes" : "refuses"} it`);
    assert.deepEqual(wrong, []);
    assert.ok(cases.length > 100, `only ${cases.length} bounds probed`);
  });
});
