/**
 * Look-ups over the catalogue: exact keys, per-instance templates (`net.ipv4.conf.<iface>.rp_filter`,
 * `net.netfilter.nf_log.<n>`), the families it covers key by key, typos and keys written under the wrong
 * family. The entries come from the caller (see shipped.ts for tests, server/catalogue-file.ts for bundles).
 */
import { closest } from "./edit-distance";
import { globToRegExp } from "./glob";
import { validInstance, fixedInstances, IFACE, PLACEHOLDER } from "./instances";
import type { Counterpart, KeyEntry } from "./types";
import { compareKernel, NEWEST_KNOWN_KERNEL } from "./version";

export { fixedInstances, IFACE, validInterfaceName } from "./instances";

export interface Resolved {
  readonly entry: KeyEntry;
  /** The instance a template matched (`eth0`, `all`, `default`, `2`). */
  readonly instance?: string;
}

/** The default of the instance the user wrote (`conf.all` may differ from `conf.default`). */
export function instanceDefault(e: KeyEntry, instance: string | undefined): string | null {
  return (instance !== undefined ? e.instanceDefaults?.[instance] : undefined) ?? e.default;
}

/**
 * Families whose every key the catalogue describes: a name there that matches nothing is a typo (the write
 * fails). Keys elsewhere (vendor modules, `dev.raid`) are outside the catalogue and only noted.
 */
const COVERED_PREFIXES: readonly string[] = [
  "net.ipv4.",
  "net.ipv6.",
  "net.core.",
  "net.unix.",
  "net.netfilter.",
  "net.mptcp.",
  "net.bridge.",
  "net.mpls.",
  "net.smc.",
  "net.sctp.",
  "net.tipc.",
  "net.appletalk.",
  "kernel.",
  "vm.",
  "fs.",
  "user.",
  "abi.",
  "debug.",
  "dev.tty.",
  "sunrpc.",
  "crypto.",
  "xen.",
];

/**
 * Whether the kernel the catalogue describes has the key, for suggestions and completion: a key removed after
 * it (AppleTalk's, gone in 7.2) still counts.
 */
export function inNewestKernel(e: KeyEntry): boolean {
  return e.status !== "removed" || (e.removedIn !== undefined && compareKernel(NEWEST_KNOWN_KERNEL, e.removedIn) < 0);
}

/** The family a key belongs to for suggestions: `net.ipv6`, `net.core`, `vm`, `kernel`. */
export function familyOf(name: string): string {
  const parts = name.split(".");
  return parts[0] === "net" && parts.length > 2 ? `net.${parts[1]}` : (parts[0] as string);
}

const IP_FAMILIES: ReadonlySet<string> = new Set(["net.ipv4", "net.ipv6"]);

/** What a name written under the wrong family stands for (Catalogue.misplaced). */
export type Misplacement =
  /** The setting lives elsewhere under the same name: `net.ipv4.somaxconn` is `net.core.somaxconn`. */
  | { readonly why: "moved"; readonly key: string }
  /** A setting IPv4 and IPv6 share, written under net.ipv6: it lives under net.ipv4 (`net.ipv6.tcp_tw_reuse`). */
  | { readonly why: "shared"; readonly key: string }
  /** An interface name with a dot, which sysctl.conf writes with `/`: `key` is the name as it should be written. */
  | { readonly why: "dotted-interface"; readonly key: string; readonly iface: string }
  /** `key` is the other IP family's setting; `counterpart` is this family's key for the same job, if there is one. */
  | { readonly why: "other-family"; readonly key: string; readonly counterpart?: Counterpart };

/** The key to write instead of a misplaced name: one that does the same job in the name's family, if any. */
export function writeInstead(m: Misplacement): string | undefined {
  if (m.why !== "other-family") return m.key;
  return m.counterpart && m.counterpart.differs === undefined ? m.counterpart.key : undefined;
}

interface Template {
  /** Everything before the placeholder segment: "net.ipv4.conf.". */
  readonly prefix: string;
  readonly placeholder: string;
}

export class Catalogue {
  private readonly byKey = new Map<string, KeyEntry>();
  private readonly templates: Template[] = [];
  private readonly suggestions = new Map<string, string[]>();
  private groups: Map<string, string[]> | undefined;
  private byLastSegment: Map<string, KeyEntry[]> | undefined;

  constructor(readonly entries: readonly KeyEntry[]) {
    for (const entry of entries) {
      this.byKey.set(entry.key, entry);
      const placeholder = PLACEHOLDER.exec(entry.key)?.[0];
      if (!placeholder) continue;
      const prefix = entry.key.slice(0, entry.key.indexOf(placeholder));
      if (!this.templates.some((t) => t.prefix === prefix)) this.templates.push({ prefix, placeholder });
    }
  }

  /** The entry for a dotted key name, instantiating templates for any valid instance name. */
  resolve(name: string): Resolved | undefined {
    const exact = this.byKey.get(name);
    if (exact) return { entry: exact };
    for (const t of this.templates) {
      if (!name.startsWith(t.prefix)) continue;
      const rest = name.slice(t.prefix.length);
      const dot = rest.indexOf(".");
      const instance = dot === -1 ? rest : rest.slice(0, dot);
      if (!validInstance(t.prefix + t.placeholder, instance)) continue;
      const entry = this.byKey.get(t.prefix + t.placeholder + (dot === -1 ? "" : rest.slice(dot)));
      if (entry) return { entry, instance };
    }
    return undefined;
  }

  /**
   * The template a name would match but for its instance (`net.ipv4.conf.//.forwarding`, `neigh.all.X`):
   * the instance segment is not one the kernel can have. Undefined when anything else is wrong.
   */
  badInstance(name: string): { readonly template: string; readonly instance: string } | undefined {
    for (const t of this.templates) {
      if (!name.startsWith(t.prefix)) continue;
      const rest = name.slice(t.prefix.length);
      const dot = rest.indexOf(".");
      const instance = dot === -1 ? rest : rest.slice(0, dot);
      const template = t.prefix + t.placeholder + (dot === -1 ? "" : rest.slice(dot));
      if (this.byKey.has(template) && !validInstance(template, instance)) return { template, instance };
    }
    return undefined;
  }

  /** Whether the catalogue describes every key under this name's family, so an unknown name is a typo. */
  covers(name: string): boolean {
    // `net.X` alone: only net.nf_conntrack_max lives there, so `net.somaxconn` is a misplaced key, not a module's.
    return COVERED_PREFIXES.some((p) => name.startsWith(p)) || /^net\.[^.]+$/.test(name);
  }

  /**
   * What a name written under the wrong family stands for: `net.ipv4.somaxconn` is `net.core.somaxconn`,
   * `net.ipv6.tcp_tw_reuse` is `net.ipv4.tcp_tw_reuse` (IPv6 sockets use it too), `net.ipv6.icmp_ratelimit` is
   * IPv4's, whose IPv6 counterpart is `net.ipv6.icmp.ratelimit`. Undefined when no key has the name's last segment.
   */
  misplaced(name: string): Misplacement | undefined {
    if (!this.covers(name) || this.badInstance(name)) return undefined;
    const dotted = this.dottedInterface(name);
    if (dotted) return dotted;
    const candidates = this.lastSegments().get(name.slice(name.lastIndexOf(".") + 1));
    if (!candidates) return undefined;
    const family = familyOf(name);
    const root = name.slice(0, name.indexOf("."));
    // The name's own family first, then its own tree (net.* over sunrpc.*); the longer name is the canonical
    // one (net.netfilter.nf_conntrack_max over the net.nf_conntrack_max alias).
    const rank = (e: KeyEntry) => (familyOf(e.key) === family ? 2 : 0) + (e.key.startsWith(`${root}.`) ? 1 : 0);
    const best = [...candidates].sort((a, b) => rank(b) - rank(a) || b.key.length - a.key.length)[0] as KeyEntry;
    const parts = name.split(".");
    const key = instantiate(best.key, parts);
    if (key === name) return undefined;
    const theirs = familyOf(best.key);
    if (theirs === family || !IP_FAMILIES.has(family) || !IP_FAMILIES.has(theirs)) return { why: "moved", key };
    // IPv4 and IPv6 meet: only a setting both share moves as it is; otherwise say whose it is.
    if (best.coversIpv6) return { why: "shared", key };
    const cp = best.counterpart;
    return { why: "other-family", key, ...(cp ? { counterpart: { ...cp, key: instantiate(cp.key, parts) } } : {}) };
  }

  /** Current entries by the last segment of their key. */
  private lastSegments(): Map<string, KeyEntry[]> {
    if (!this.byLastSegment) {
      this.byLastSegment = new Map();
      for (const e of this.entries) {
        if (!inNewestKernel(e)) continue;
        const seg = e.key.slice(e.key.lastIndexOf(".") + 1);
        const list = this.byLastSegment.get(seg) ?? [];
        list.push(e);
        this.byLastSegment.set(seg, list);
      }
    }
    return this.byLastSegment;
  }

  /**
   * `net.ipv4.conf.eth0.100.rp_filter`: sysctl takes every dot for a separator, so an interface whose name has a
   * dot (a VLAN, `bond0.10`) is written with `/` (`conf.eth0/100.rp_filter`), as procps and systemd-sysctl read it.
   */
  private dottedInterface(name: string): Misplacement | undefined {
    for (const t of this.templates) {
      if (t.placeholder !== IFACE || !name.startsWith(t.prefix)) continue;
      const segs = name.slice(t.prefix.length).split(".");
      const setting = segs.pop() as string;
      const template = `${t.prefix}${t.placeholder}.${setting}`;
      if (segs.length < 2 || !this.byKey.has(template) || fixedInstances(template).includes(segs[0] as string)) continue;
      const written = segs.join("/");
      if (validInstance(template, written)) return { why: "dotted-interface", key: `${t.prefix}${written}.${setting}`, iface: segs.join(".") };
    }
    return undefined;
  }

  /**
   * Keys a glob pattern could set, as systemd-sysctl resolves it (`*`, `?`, `[...]`, each within one
   * segment): a template's placeholder segment matches when the pattern's segment matches one of its fixed
   * instances (`all`, `default`) or could match an interface name.
   */
  matchGlob(pattern: string): KeyEntry[] {
    const parts = pattern.split(".");
    const res = parts.map((p) => globToRegExp(p));
    return this.entries.filter((e) => {
      const segs = e.key.split(".");
      if (segs.length !== parts.length) return false;
      return segs.every((s, i) => {
        const re = res[i] as RegExp;
        if (!PLACEHOLDER.test(s)) return re.test(s);
        const part = parts[i] as string;
        return fixedInstances(e.key).some((f) => re.test(f)) || (/[*?[]/.test(part) ? true : validInstance(e.key, part));
      });
    });
  }

  /** Keys to offer instead of an unknown one, closest first, always real keys of the name's own family. */
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
    // Only when the prefix itself is unknown is the typo elsewhere: then compare whole keys of the family.
    const family = familyOf(name);
    const parts = name.split(".");
    const keys = this.entries.filter((e) => inNewestKernel(e) && familyOf(e.key) === family).map((e) => instantiate(e.key, parts));
    return closest(name, keys).slice(0, limit);
  }

  /** Last segments of the current keys under a prefix ("net.ipv4.", "net.ipv4.conf.eth0."). */
  private siblings(prefix: string): readonly string[] | undefined {
    if (!this.groups) {
      this.groups = new Map();
      for (const e of this.entries) {
        if (!inNewestKernel(e)) continue;
        const dot = e.key.lastIndexOf(".");
        const group = this.groups.get(e.key.slice(0, dot + 1)) ?? [];
        group.push(e.key.slice(dot + 1));
        this.groups.set(e.key.slice(0, dot + 1), group);
      }
    }
    const exact = this.groups.get(prefix);
    if (exact) return exact;
    for (const t of this.templates) {
      if (!prefix.startsWith(t.prefix)) continue;
      const instance = prefix.slice(t.prefix.length, -1);
      if (instance.includes(".") || !validInstance(t.prefix + t.placeholder, instance)) continue;
      const group = this.groups.get(t.prefix + t.placeholder + ".");
      if (group) return group;
    }
    return undefined;
  }
}

/**
 * A template with the instance the user wrote, where the name has the template's shape (`conf.<iface>.X`) and
 * that instance is valid for it; else its first fixed one.
 */
function instantiate(template: string, parts: readonly string[]): string {
  const segs = template.split(".");
  const at = segs.findIndex((s) => PLACEHOLDER.test(s));
  if (at === -1) return template;
  const written = parts.length === segs.length && parts[at - 1] === segs[at - 1] ? parts[at] : undefined;
  const instance = written !== undefined && validInstance(template, written) ? written : (fixedInstances(template)[0] ?? "0");
  segs[at] = instance;
  return segs.join(".");
}
