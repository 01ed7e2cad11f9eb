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
const KNOWN_FAMILIES: readonly { readonly prefix: string; readonly name: string }[] = [
  { prefix: "net.ipv4.vs.", name: "IPVS (IP Virtual Server, the ip_vs module)" },
];

interface Template {
  readonly prefix: string; // "net.ipv4.conf."
  readonly allowsAll: boolean; // neigh has no `all` directory
}

/**
 * The interface names every per-interface key takes besides the machine's own: `all` and `default`, except
 * under neigh, which has no `all` (net/core/neighbour.c registers only `default` and real devices).
 */
export function fixedInterfaces(key: string): readonly string[] {
  return key.includes(".neigh.") ? ["default"] : ["all", "default"];
}

export class Catalogue {
  private readonly byKey = new Map<string, KeyEntry>();
  private readonly templates: Template[] = [];
  private readonly suggestions = new Map<string, string[]>();
  private groups: Map<string, string[]> | undefined;
  private byLastSegment: Map<string, string> | undefined;

  constructor(readonly entries: readonly KeyEntry[]) {
    for (const entry of entries) {
      this.byKey.set(entry.key, entry);
      const at = entry.key.indexOf(IFACE);
      if (at === -1) continue;
      const prefix = entry.key.slice(0, at);
      if (!this.templates.some((t) => t.prefix === prefix)) {
        this.templates.push({ prefix, allowsAll: fixedInterfaces(prefix).includes("all") });
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

  /**
   * The real key for a name written under the wrong family: `net.ipv4.somaxconn` → `net.core.somaxconn`,
   * `net.ipv4.rp_filter` → `net.ipv4.conf.all.rp_filter`. Undefined when the last segment is nobody's.
   */
  misplaced(name: string): string | undefined {
    // Only families the catalogue covers: net.ipv6.conf.all.forwarding is a real key, not a misplaced IPv4 one.
    if (!/^(net\.(ipv4|core|netfilter)\.|fs\.|net\.[^.]+$)/.test(name)) return undefined;
    const last = name.slice(name.lastIndexOf(".") + 1);
    if (!this.byLastSegment) {
      this.byLastSegment = new Map();
      for (const e of this.entries) {
        if (e.status === "removed") continue;
        const seg = e.key.slice(e.key.lastIndexOf(".") + 1);
        const best = this.byLastSegment.get(seg);
        // The longer name is the canonical one (net.netfilter.nf_conntrack_max over the net.nf_conntrack_max alias).
        if (!best || e.key.length > best.length) this.byLastSegment.set(seg, e.key);
      }
    }
    const template = this.byLastSegment.get(last);
    // A per-interface key is offered for every interface: `all` (neigh has none, so `default`).
    const key = template?.replace(IFACE, fixedInterfaces(template)[0] as string);
    return key && key !== name ? key : undefined;
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

  /** Keys to offer instead of an unknown one, closest first. Memoized: the same typo is re-linted on every keystroke. */
  suggest(name: string, limit = 3): string[] {
    const key = `${limit}:${name}`;
    let found = this.suggestions.get(key);
    if (!found) {
      found = this.computeSuggestions(name, limit);
      if (this.suggestions.size >= 2000) this.suggestions.clear();
      this.suggestions.set(key, found);
    }
    return [...found];
  }

  private computeSuggestions(name: string, limit: number): string[] {
    // Most typos are in the last segment: compare it with the names that share the key's prefix.
    const dot = name.lastIndexOf(".");
    const prefix = name.slice(0, dot + 1);
    const siblings = this.siblings(prefix);
    if (siblings) return closest(name.slice(dot + 1), siblings).slice(0, limit).map((n) => prefix + n);
    // Only when the prefix itself is unknown is the typo elsewhere: then compare whole keys.
    const parts = name.split(".");
    const keys = this.entries.filter((e) => e.status !== "removed").map((e) => instantiate(e.key, parts));
    return closest(name, keys).slice(0, limit);
  }

  /** Last segments of the current keys under a prefix ("net.ipv4.", "net.ipv4.conf.eth0."). */
  private siblings(prefix: string): readonly string[] | undefined {
    if (!this.groups) {
      this.groups = new Map();
      for (const e of this.entries) {
        if (e.status === "removed") continue;
        const dot = e.key.lastIndexOf(".");
        const group = this.groups.get(e.key.slice(0, dot + 1)) ?? [];
        group.push(e.key.slice(dot + 1));
        this.groups.set(e.key.slice(0, dot + 1), group);
      }
    }
    const exact = this.groups.get(prefix);
    if (exact) return exact;
    for (const t of this.templates) {
      const rest = prefix.slice(t.prefix.length);
      if (prefix.startsWith(t.prefix) && /^[^.]+\.$/.test(rest)) return this.groups.get(t.prefix + IFACE + ".");
    }
    return undefined;
  }
}

/** Candidates within an edit distance that grows with the length, closest first. */
function closest(target: string, candidates: readonly string[]): string[] {
  const scored: { key: string; d: number }[] = [];
  for (const c of candidates) {
    const max = Math.max(2, Math.floor(Math.max(c.length, target.length) / 6));
    if (Math.abs(c.length - target.length) > max) continue;
    const d = editDistance(target, c, max);
    if (d <= max && d > 0) scored.push({ key: c, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return scored.map((s) => s.key);
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

/** Rows reused across calls: suggestions compare hundreds of pairs per typo. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau-Levenshtein (optimal string alignment) distance, giving up once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

let shared: Catalogue | undefined;

/** The catalogue built from the shipped data, created once. */
export function catalogue(): Catalogue {
  shared ??= new Catalogue(ENTRIES);
  return shared;
}
