/**
 * The order in which `sysctl --system` and systemd-sysctl apply files: every `*.conf` of the sysctl.d folders
 * sorted by file name (a name in an earlier folder masks the same name in later ones), then
 * `/etc/sysctl.conf`. Later assignments win. Workspaces often mirror several hosts' trees, so files are
 * grouped by the folder that holds their `etc/` (or their bare `sysctl.d/`): each group is one host.
 */

/**
 * The folders that hold a sysctl.d, by precedence for files of the same name: the first one wins and masks
 * the others.
 */
export const FOLDERS = ["etc", "run", "usr/local/lib", "usr/lib", "lib"];
/** FOLDERS as a regular-expression alternation. */
export const FOLDER_PATTERN = FOLDERS.map((f) => f.replace(/\//g, "\\/")).join("|");
const IN_SYSCTL_D = new RegExp(`^(.*?)\\/?(?:(${FOLDER_PATTERN})\\/)?sysctl\\.d\\/([^/]+\\.conf)$`);

interface Placed {
  readonly path: string;
  readonly root: string;
  readonly name: string;
  /** Index in FOLDERS; sysctl.conf comes after every sysctl.d file. */
  readonly folder: number;
  readonly isSysctlConf: boolean;
}

function place(path: string): Placed | undefined {
  const p = path.replace(/\\/g, "/");
  const inD = IN_SYSCTL_D.exec(p);
  if (inD) return { path, root: inD[1] ?? "", name: inD[3] as string, folder: FOLDERS.indexOf(inD[2] ?? "etc"), isSysctlConf: false };
  const conf = /^(.*?)\/?(?:etc\/)?sysctl\.conf$/.exec(p);
  if (conf) return { path, root: conf[1] ?? "", name: "sysctl.conf", folder: 0, isSysctlConf: true };
  return undefined;
}

export interface LoadOrder {
  /** Each host's files in the order they are applied. */
  readonly groups: readonly (readonly string[])[];
  /** Files that are never applied because a file of the same name in a stronger folder masks them. */
  readonly masked: readonly { readonly path: string; readonly by: string }[];
  /** Files that are not part of any sysctl --system set (not in a sysctl.d folder, not sysctl.conf). */
  readonly loose: readonly string[];
}

export function loadOrder(paths: readonly string[]): LoadOrder {
  const byRoot = new Map<string, Placed[]>();
  const loose: string[] = [];
  for (const path of paths) {
    const p = place(path);
    if (!p) loose.push(path);
    else {
      let group = byRoot.get(p.root);
      if (!group) byRoot.set(p.root, (group = []));
      group.push(p);
    }
  }
  const groups: string[][] = [];
  const masked: { path: string; by: string }[] = [];
  for (const files of byRoot.values()) {
    const winners = new Map<string, Placed>();
    for (const f of files.sort((a, b) => a.folder - b.folder)) {
      const key = f.isSysctlConf ? "\0sysctl.conf" : f.name;
      const w = winners.get(key);
      if (w) masked.push({ path: f.path, by: w.path });
      else winners.set(key, f);
    }
    const ordered = [...winners.values()].sort(
      (a, b) => Number(a.isSysctlConf) - Number(b.isSysctlConf) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    groups.push(ordered.map((f) => f.path));
  }
  return { groups, masked, loose };
}

/** The files applied together with `path`, in order (just `path` itself when it is loose or masked). */
export function fileSetOf(path: string, order: LoadOrder): readonly string[] {
  return order.groups.find((g) => g.includes(path)) ?? [path];
}

/** The file of the same name in a stronger folder that keeps `path` from being applied, if any. */
export function maskOf(path: string, order: LoadOrder): string | undefined {
  return order.masked.find((m) => m.path === path)?.by;
}
