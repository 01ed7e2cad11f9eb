/**
 * Look-ups over the catalogue: exact keys, per-interface templates (`net.ipv4.conf.<iface>.rp_filter`),
 * and families we know exist but do not describe key by key (IPVS).
 */
import { ENTRIES } from "./data";
import type { KeyEntry } from "./types";

export const IFACE = "<iface>";

export interface Resolved {
  readonly entry: KeyEntry;
  /** The interface name a template matched (`eth0`, `all`, `default`). */
  readonly iface?: string;
}

/** Families that exist in the kernel but are outside the catalogue's key-by-key scope. */
export const KNOWN_FAMILIES: readonly { readonly prefix: string; readonly name: string }[] = [
  { prefix: "net.ipv4.vs.", name: "IPVS (IP Virtual Server, the ip_vs module)" },
];

interface Template {
  readonly prefix: string; // "net.ipv4.conf."
  readonly allowsAll: boolean; // neigh has no `all` directory
}

export class Catalogue {
  private readonly byKey = new Map<string, KeyEntry>();
  private readonly templates: Template[] = [];

  constructor(readonly entries: readonly KeyEntry[]) {
    for (const entry of entries) {
      this.byKey.set(entry.key, entry);
      const at = entry.key.indexOf(IFACE);
      if (at === -1) continue;
      const prefix = entry.key.slice(0, at);
      if (!this.templates.some((t) => t.prefix === prefix)) {
        this.templates.push({ prefix, allowsAll: !prefix.includes(".neigh.") });
      }
    }
  }

  /** The entry for a dotted key name, instantiating templates for any interface name. */
  resolve(name: string): Resolved | undefined {
    const exact = this.byKey.get(name);
    if (exact) return { entry: exact };
    for (const t of this.templates) {
      if (!name.startsWith(t.prefix)) continue;
      const rest = name.slice(t.prefix.length);
      const dot = rest.indexOf(".");
      if (dot <= 0) continue;
      const iface = rest.slice(0, dot);
      if (iface === "all" && !t.allowsAll) continue;
      const entry = this.byKey.get(t.prefix + IFACE + rest.slice(dot));
      if (entry) return { entry, iface };
    }
    return undefined;
  }

  family(name: string): string | undefined {
    return KNOWN_FAMILIES.find((f) => name.startsWith(f.prefix))?.name;
  }

  /**
   * Keys a glob pattern (systemd-sysctl: `*`, `?`, `[...]`, never crossing a `.`) could match:
   * templates count as matching any interface name.
   */
  matchGlob(pattern: string): KeyEntry[] {
    const re = globToRegExp(pattern);
    return this.entries.filter((e) => re.test(e.key) || re.test(e.key.replace(IFACE, "eth0")));
  }

  /** Keys to offer instead of an unknown one, closest first. */
  suggest(name: string, limit = 3): string[] {
    const scored: { key: string; d: number }[] = [];
    const parts = name.split(".");
    for (const e of this.entries) {
      if (e.status === "removed") continue;
      // Compare templates with the user's own interface name in place, so `conf.eth0.rp_filtr` finds rp_filter.
      const candidate = instantiate(e.key, parts);
      const max = Math.max(2, Math.floor(candidate.length / 8));
      if (Math.abs(candidate.length - name.length) > max) continue;
      const d = editDistance(name, candidate, max);
      if (d <= max) scored.push({ key: candidate, d });
    }
    scored.sort((a, b) => a.d - b.d || a.key.localeCompare(b.key));
    return scored.slice(0, limit).map((s) => s.key);
  }
}

function instantiate(template: string, parts: readonly string[]): string {
  const at = template.split(".").indexOf(IFACE);
  if (at === -1) return template;
  const iface = parts[at] ?? "default";
  return template.replace(IFACE, iface);
}

export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*") re += "[^.]*";
    else if (c === "?") re += "[^.]";
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close === -1) re += "\\[";
      else {
        const body = pattern.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return /$^/; // an unreadable class matches nothing
  }
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}

let shared: Catalogue | undefined;

/** The catalogue built from the shipped data, created once. */
export function catalogue(): Catalogue {
  shared ??= new Catalogue(ENTRIES);
  return shared;
}
