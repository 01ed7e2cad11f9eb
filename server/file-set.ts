/**
 * The files `sysctl --system` applies together with a document: its siblings in the sysctl.d folders of the
 * same tree (the real /etc and /usr/lib on a host, or a mirrored tree in a workspace) and that tree's
 * sysctl.conf. Open documents come from the editor, the others from disk, parsed once while the file's
 * modification time and size stay the same (the pull runs on every keystroke; /etc is usually outside the
 * workspace, so no file event would say a file changed).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SysctlFile } from "../core/rules/types";
import { fileSetOf, FOLDER_PATTERN, FOLDERS, loadOrder, maskOf } from "../core/sysctl/load-order";
import { parseSysctl, type SysctlDocument } from "../core/sysctl/parse";

const SYSCTL_D = FOLDERS.map((f) => `${f}/sysctl.d`);
const IN_TREE = new RegExp(`^(.*?)\\/(?:(?:${FOLDER_PATTERN})\\/sysctl\\.d\\/[^/]+|etc\\/sysctl\\.conf)$`);
/** Larger files are not sysctl configuration; skip them rather than stall the server. */
const MAX_BYTES = 1 << 20;

/** The tree a sysctl file belongs to: `/` for `/etc/sysctl.d/x.conf`, `/ws/host1` for `/ws/host1/etc/sysctl.conf`. */
function treeOf(path: string): { root: string; bare: boolean } | undefined {
  const m = IN_TREE.exec(path);
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

/**
 * Whether this machine's sysctl --system reads the file (`/etc/sysctl.d/x.conf`, `/usr/lib/sysctl.d/y.conf`,
 * `/etc/sysctl.conf`), as opposed to a copy in a workspace: its values can be compared with the running ones.
 */
export function readByThisMachine(uri: string): boolean {
  if (!uri.startsWith("file:")) return false;
  const tree = treeOf(fileURLToPath(uri));
  return tree !== undefined && !tree.bare && tree.root === "/";
}

/** Paths of every file in the same tree that sysctl --system would consider, the document included. */
export function candidatePaths(path: string): string[] {
  const tree = treeOf(path);
  if (!tree) return [path];
  const dirs = tree.bare ? ["sysctl.d"] : SYSCTL_D;
  const conf = join(tree.root, tree.bare ? "sysctl.conf" : "etc/sysctl.conf");
  const found = dirs.flatMap((d) => confFiles(join(tree.root, d)));
  if (exists(conf)) found.push(conf);
  return found.includes(path) ? found : [...found, path];
}

/** Disk files of sets, parsed, with the modification time and size they were read at. */
export class DiskFiles {
  private readonly parsed = new Map<string, { mtimeMs: number; size: number; doc: SysctlDocument }>();

  /** The file parsed; undefined when it cannot be read or is too large to be configuration. */
  get(path: string): SysctlDocument | undefined {
    try {
      const { mtimeMs, size } = statSync(path);
      if (size > MAX_BYTES) return undefined;
      const known = this.parsed.get(path);
      if (known?.mtimeMs === mtimeMs && known.size === size) return known.doc;
      const doc = parseSysctl(readFileSync(path, "utf8"));
      this.parsed.set(path, { mtimeMs, size, doc });
      return doc;
    } catch {
      this.parsed.delete(path);
      return undefined;
    }
  }
}

/**
 * The set for a document, in application order. `openDoc` gives the editor's parsed document for open
 * documents (by URI), so unsaved edits count; `disk` reads the others.
 */
export function fileSetFor(
  uri: string,
  doc: SysctlDocument,
  openDoc: (uri: string) => SysctlDocument | undefined,
  disk: DiskFiles,
): SysctlFile[] {
  return sysctlSetOf(uri, doc, openDoc, disk).files;
}

/**
 * The set for a document, and the file that masks it (one of the same name in a stronger folder), if any:
 * what the vetted-settings planner needs to write only where a line takes effect.
 */
export function sysctlSetOf(
  uri: string,
  doc: SysctlDocument,
  openDoc: (uri: string) => SysctlDocument | undefined,
  disk: DiskFiles,
): { files: SysctlFile[]; maskedBy?: string } {
  if (!uri.startsWith("file:")) return { files: [{ uri, doc }] };
  const path = fileURLToPath(uri);
  const order = loadOrder(candidatePaths(path));
  const files: SysctlFile[] = [];
  for (const p of fileSetOf(path, order)) {
    if (p === path) {
      files.push({ uri, doc });
      continue;
    }
    const siblingUri = pathToFileURL(p).href;
    const sibling = openDoc(siblingUri) ?? disk.get(p);
    if (sibling !== undefined) files.push({ uri: siblingUri, doc: sibling });
  }
  const masker = maskOf(path, order);
  return masker === undefined ? { files } : { files, maskedBy: pathToFileURL(masker).href };
}
