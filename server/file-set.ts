/**
 * The files `sysctl --system` applies together with a document: its siblings in the sysctl.d folders of the
 * same tree (the real /etc and /usr/lib on a host, or a mirrored tree in a workspace) and that tree's
 * sysctl.conf. Open documents are read from the editor, the others from disk.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SysctlFile } from "../core/rules/types";
import { fileSetOf, loadOrder } from "../core/sysctl/load-order";
import { parseSysctl } from "../core/sysctl/parse";

const FOLDERS = ["etc/sysctl.d", "run/sysctl.d", "usr/local/lib/sysctl.d", "usr/lib/sysctl.d", "lib/sysctl.d"];
/** Larger files are not sysctl configuration; skip them rather than stall the server. */
const MAX_BYTES = 1 << 20;

/** The tree a sysctl file belongs to: `/` for `/etc/sysctl.d/x.conf`, `/ws/host1` for `/ws/host1/etc/sysctl.conf`. */
function treeOf(path: string): { root: string; bare: boolean } | undefined {
  const m = /^(.*?)\/(?:(?:etc|run|usr\/local\/lib|usr\/lib|lib)\/sysctl\.d\/[^/]+|etc\/sysctl\.conf)$/.exec(path);
  if (m) return { root: m[1] || "/", bare: false };
  const bare = /^(.*?)\/(?:sysctl\.d\/[^/]+|sysctl\.conf)$/.exec(path);
  return bare ? { root: bare[1] || "/", bare: true } : undefined;
}

function confFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith(".conf"))
      .map((n) => join(dir, n));
  } catch {
    return []; // the folder does not exist in this tree
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Paths of every file in the same tree that sysctl --system would consider, the document included. */
export function candidatePaths(path: string): string[] {
  const tree = treeOf(path);
  if (!tree) return [path];
  const dirs = tree.bare ? ["sysctl.d"] : FOLDERS;
  const conf = join(tree.root, tree.bare ? "sysctl.conf" : "etc/sysctl.conf");
  const found = dirs.flatMap((d) => confFiles(join(tree.root, d)));
  if (exists(conf)) found.push(conf);
  return found.includes(path) ? found : [...found, path];
}

/** Reads a file of the set; undefined when it cannot be read or is too large to be configuration. */
function readSibling(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_BYTES) return undefined;
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The set for a document, in application order. `openText` gives the editor's text for open documents
 * (by URI), so unsaved edits count.
 */
export function fileSetFor(uri: string, doc: SysctlFile["doc"], openText: (uri: string) => string | undefined): SysctlFile[] {
  if (!uri.startsWith("file:")) return [{ uri, doc }];
  const path = fileURLToPath(uri);
  const order = loadOrder(candidatePaths(path));
  const set: SysctlFile[] = [];
  for (const p of fileSetOf(path, order)) {
    if (p === path) {
      set.push({ uri, doc });
      continue;
    }
    const siblingUri = pathToFileURL(p).href;
    const text = openText(siblingUri) ?? readSibling(p);
    if (text !== undefined) set.push({ uri: siblingUri, doc: parseSysctl(text) });
  }
  return set;
}
