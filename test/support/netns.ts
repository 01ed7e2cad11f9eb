/**
 * Reads and writes /proc/sys inside a throw-away network namespace, never on the host.
 *
 * Being root inside a plain `unshare -n` is not enough: root keeps the host's uid, and the kernel lets the
 * host's root write host-wide keys (vm.*, kernel.*) from any namespace. So the child first drops to an
 * unprivileged uid and then makes its own user namespace (`setpriv` + `unshare -Urn`): it is root only over
 * the new network namespace. Host-wide keys then refuse the write, and per-namespace keys whose data the
 * kernel keeps host-wide are read-only there (sysctl_core_net_init and friends clear their write bits).
 * As a last line, `probeWrites` compares the host's values of every probed key before and after.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The unprivileged uid/gid the child runs as before it makes its own user namespace. */
const NOBODY = "65534";

export interface WriteCase {
  readonly path: string;
  readonly value: string;
}

export interface WriteResult extends WriteCase {
  /** The kernel took the write. */
  readonly accepted: boolean;
  /** The error code when it did not (EINVAL, EPERM, ENOENT, ...). */
  readonly code?: string;
  /** What the file reads after the write. */
  readonly after?: string;
}

/**
 * The child script: one JSON argument in, one JSON document out. After each accepted write it puts the
 * key's fresh value back, so no case sees what an earlier one wrote.
 */
const CHILD = `
const fs = require("fs");
const input = JSON.parse(process.argv[1]);
const out = { values: {}, writes: [] };
const read = (p) => { try { return fs.readFileSync(p, "utf8"); } catch { return undefined; } };
for (const p of input.read) { const v = read(p); if (v !== undefined) out.values[p] = v; }
for (const c of input.write) {
  const fresh = read(c.path);
  const r = { path: c.path, value: c.value, accepted: false };
  try { fs.writeFileSync(c.path, c.value + "\\n"); r.accepted = true; } catch (e) { r.code = e.code; }
  const after = read(c.path);
  if (after !== undefined) r.after = after.trim();
  if (r.accepted && fresh !== undefined) { try { fs.writeFileSync(c.path, fresh); } catch {} }
  out.writes.push(r);
}
process.stdout.write(JSON.stringify(out));
`;

/** Why namespaces cannot be made here, or undefined when they can. */
export function namespaceUnavailable(): string | undefined {
  const r = spawnSync("setpriv", [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "unshare", "-Urn", "true"], { encoding: "utf8" });
  if (r.error) return `setpriv/unshare cannot run here: ${r.error.message}`;
  if (r.status !== 0) return `cannot create a user and network namespace here: ${r.stderr.trim()}`;
  return undefined;
}

function runChild(read: readonly string[], write: readonly WriteCase[]): { values: Record<string, string>; writes: WriteResult[] } {
  const args = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "unshare", "-Urn", process.execPath, "-e", CHILD, JSON.stringify({ read, write })];
  const r = spawnSync("setpriv", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`namespace child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as { values: Record<string, string>; writes: WriteResult[] };
}

/** The values a fresh network namespace reads; absent paths are missing from the map. */
export function readFresh(paths: readonly string[]): Map<string, string> {
  return new Map(Object.entries(runChild(paths, []).values));
}

function hostValue(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Tries each write in one fresh namespace, restoring the key after each, and reports whether the kernel
 * took it. Throws if a host value changed meanwhile, naming the key.
 */
export function probeWrites(cases: readonly WriteCase[]): WriteResult[] {
  const paths = [...new Set(cases.map((c) => c.path))];
  const before = new Map(paths.map((p) => [p, hostValue(p)]));
  const results = runChild([], cases).writes;
  const changed = paths.filter((p) => hostValue(p) !== before.get(p));
  if (changed.length > 0) throw new Error(`host values changed during the probe (not per-namespace?): ${changed.join(", ")}`);
  return results;
}
