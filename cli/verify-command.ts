/**
 * `socket-doctor verify [FILE...] [--json]`: what `sysctl --system` would set against /proc/sys now (core's
 * verifyFiles does the comparing). Without FILE, this machine's configured set in the order `sysctl --system`
 * applies it; FILEs that form such a set are put in that order too, the others follow as given. Nothing is
 * ever written.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import type { Catalogue } from "../core/catalogue/catalogue";
import { globToRegExp } from "../core/catalogue/glob";
import type { SysctlFile } from "../core/rules/types";
import { FOLDERS, loadOrder } from "../core/sysctl/load-order";
import { parseSysctl } from "../core/sysctl/parse";
import { isFailure, verifyFiles, type LiveRead, type Verified, type VerifyHost, type VerifyStatus } from "../core/sysctl/verify";
import { loadCatalogue } from "../server/catalogue-file";
import { procPath } from "../server/live";
import { escapeControls, jsonText, paint as painter, type Output } from "./output";
import { eachOnce, InputError, readText, STDIN } from "./read-text";

const PROC_SYS = "/proc/sys";

/** The files `sysctl --system` reads here: every sysctl.d folder's `*.conf`, then /etc/sysctl.conf. */
export function configuredFiles(): string[] {
  const found: string[] = [];
  for (const folder of FOLDERS) {
    const dir = `/${folder}/sysctl.d`;
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith(".conf"));
    } catch {
      continue; // a folder this system does not have
    }
    found.push(...names.map((n) => `${dir}/${n}`));
  }
  if (existsSync("/etc/sysctl.conf") && statSync("/etc/sysctl.conf").isFile()) found.push("/etc/sysctl.conf");
  return found;
}

/**
 * The files in application order: those that form a sysctl --system set in its order (a file masked by one of
 * the same name in a stronger folder is left out, as sysctl leaves it), then the others as given. A file
 * reached twice through a link (Debian's 99-sysctl.conf → ../sysctl.conf) counts at its last application.
 */
export function applicationOrder(paths: readonly string[], note: (line: string) => void): string[] {
  const real = (p: string) => {
    try {
      return p === STDIN ? p : realpathSync(p);
    } catch {
      return p;
    }
  };
  const order = loadOrder(paths.filter((p) => p !== STDIN));
  // /lib/sysctl.d is often /usr/lib/sysctl.d by another name: masking a file by itself is not news.
  for (const m of order.masked) if (real(m.path) !== real(m.by)) note(`${m.path} is not applied: ${m.by} has its name in a folder that comes first`);
  const loose = paths.filter((p) => p === STDIN || order.loose.includes(p));
  const all = [...order.groups.flat(), ...loose];
  const reals = all.map(real);
  return all.filter((_p, i) => reals.lastIndexOf(reals[i] as string) === i);
}

/** /proc/sys, read only. */
export const procHost: VerifyHost = {
  read(key: string): LiveRead {
    try {
      return { value: readFileSync(procPath(key), "utf8").trim().split(/\s+/).join(" ") };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { error: code === "ENOENT" || code === "ENOTDIR" ? "absent" : "unreadable" };
    }
  },
  expand(pattern: string): string[] {
    // One segment at a time, as systemd-sysctl's glob does; a dot inside a name (eth0.100) is `/` in a key.
    let found = [{ key: "", dir: PROC_SYS }];
    for (const segment of pattern.split(".")) {
      const re = globToRegExp(segment);
      found = found.flatMap(({ key, dir }) => {
        let names: string[] = [];
        try {
          names = readdirSync(dir).sort();
        } catch {
          return [];
        }
        return names.filter((n) => re.test(n.replace(/\./g, "/"))).map((n) => ({ key: key ? `${key}.${n.replace(/\./g, "/")}` : n.replace(/\./g, "/"), dir: `${dir}/${n}` }));
      });
    }
    return found.filter(({ dir }) => statSync(dir, { throwIfNoEntry: false })?.isFile() === true).map(({ key }) => key);
  },
};

/** Why a key is absent, from the catalogue: removed, a module's, or unknown to Linux 6.18. */
function absentReason(cat: Catalogue, key: string): string {
  const entry = cat.resolve(key)?.entry;
  if (entry?.removedIn && entry.status === "removed") return `Linux removed it in ${entry.removedIn}`;
  if (entry?.requires?.module) return `it exists only while the ${entry.requires.module} module is loaded`;
  if (entry?.requires?.config) return `this kernel was built without ${entry.requires.config}`;
  if (entry?.requires?.note) return `it needs ${entry.requires.note}`;
  if (entry) return "this kernel does not have it";
  return cat.covers(key) ? "no kernel has such a key (a typo?)" : "no such key here (a module that is not loaded, or a typo)";
}

const STATUSES: readonly VerifyStatus[] = ["match", "differs", "absent", "unreadable", "overridden"];

type Unmatched = Verified & { readonly status: Exclude<VerifyStatus, "match"> };

function explain(cat: Catalogue, r: Unmatched): string {
  const set = `${r.key} = ${r.expected}`;
  const from = r.glob !== undefined && r.glob !== r.key ? ` (from ${r.glob})` : "";
  switch (r.status) {
    case "differs":
      return `${set}${from}, but this machine has ${r.live}`;
    case "absent":
      return r.glob !== undefined
        ? `${r.key} matches no key on this machine, so it sets nothing`
        : `${r.key}: absent: ${absentReason(cat, r.key)}${r.ignoreFailure ? " (the leading - lets sysctl skip it)" : ""}`;
    case "unreadable":
      return `${set}${from}: /proc/sys cannot be read for this key (write-only, or permission denied), so it cannot be compared`;
    case "overridden":
      return `${set}${from}: no effect, ${r.winner?.file}:${r.winner?.line} sets it later`;
  }
}

export interface VerifyCliOptions {
  readonly json?: boolean;
  readonly color: boolean;
}

/** Returns the exit status: 1 when a setting differs or is absent (see isFailure), 2 when a file cannot be read. */
export async function runVerify(names: readonly string[], opts: VerifyCliOptions, out: Output, warn: (line: string) => void, host = procHost): Promise<number> {
  const paths = applicationOrder(names.length > 0 ? eachOnce(names, warn) : configuredFiles(), warn);
  const files: SysctlFile[] = [];
  let unreadable = false;
  for (const p of paths) {
    try {
      files.push({ uri: p, doc: parseSysctl(readText(p)) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      warn(err.message);
      unreadable = true;
    }
  }
  const rows = verifyFiles(files, host);
  if (opts.json) {
    await out.write(jsonText(rows.map(({ key, file, line, expected, live, status }) => ({ key, file, line, expected, live, status })), 2) + "\n");
  } else {
    const cat = loadCatalogue();
    const paint = painter(opts.color);
    const style = { differs: "red", absent: "yellow", unreadable: "yellow", overridden: "dim" } as const;
    const lines = rows
      .filter((r): r is Unmatched => r.status !== "match")
      .map((r) => `${paint("bold", escapeControls(`${r.file}:${r.line}:`))} ${paint(style[r.status], r.status)} ${escapeControls(explain(cat, r))}\n`);
    const count = (s: VerifyStatus) => rows.filter((r) => r.status === s).length;
    lines.push(`${files.length} file(s), ${rows.length} setting(s): ${STATUSES.map((s) => `${count(s)} ${s}`).join(", ")}\n`);
    if (count("differs") > 0) {
      lines.push("A value differs when something changed it after the files were applied (sysctl -w, a service, a container runtime), or when a file changed since.\n");
    }
    await out.write(lines.join(""));
  }
  if (unreadable) return 2;
  return rows.some(isFailure) ? 1 : 0;
}
