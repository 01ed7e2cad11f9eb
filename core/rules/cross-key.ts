/**
 * Limits between two keys that the kernel's handlers enforce (Constraint at-most, at-least, refused-while:
 * net.sctp.rto_min no higher than rto_max, ip_local_port_range from ip_unprivileged_port_start up), checked
 * as sysctl applies the file set: line by line, against the other key's value at that moment (an earlier
 * line's, else its default). A refused line leaves the value as it was, so a later line is judged without it.
 */
import { instanceDefault, type Catalogue } from "../catalogue/catalogue";
import type { Constraint } from "../catalogue/types";
import { appliedValue, parseInts, sameValue } from "../catalogue/values";
import type { Assignment } from "../sysctl/parse";
import { isWritable } from "./context-values";
import type { Located, RuleContext } from "./types";

type CrossKey = Extract<Constraint, { readonly key: string }>;
const isCrossKey = (c: Constraint): c is CrossKey => "key" in c;

/** A value of a key when a line is applied, and the line that set it (none: the default). */
interface Current {
  readonly text: string;
  readonly at?: Located;
}

/** The keys with limits on another key, and every key those limits involve, per catalogue. */
const involved = new WeakMap<Catalogue, { readonly limited: ReadonlySet<string>; readonly names: readonly string[] }>();

function involvedKeys(cat: Catalogue): { readonly limited: ReadonlySet<string>; readonly names: readonly string[] } {
  let found = involved.get(cat);
  if (!found) {
    const limited = new Set<string>();
    const names = new Set<string>();
    for (const e of cat.entries) {
      const cross = (e.constraints ?? []).filter(isCrossKey);
      if (cross.length === 0) continue;
      limited.add(e.key);
      names.add(e.key);
      for (const c of cross) names.add(c.key);
    }
    involved.set(cat, (found = { limited, names: [...names] }));
  }
  return found;
}

const ORDINALS = ["first", "second", "third", "fourth"];

function where(ctx: RuleContext, l: Located): string {
  const line = `line ${l.assignment.line + 1}`;
  return l.file === ctx.file ? line : `${l.file.uri} ${line}`;
}

/** `net.sctp.rto_max (60000, its default)`, `the first number of net.ipv4.ip_local_port_range (1024)`. */
function named(key: string, index: number | undefined, value: number, source = ""): string {
  const what = `${key} (${value}${source})`;
  return index === undefined ? what : `the ${ORDINALS[index] as string} number of ${what}`;
}

/** Writes of keys with limits on another key that the kernel refuses, with why; made once per lint. */
export function crossKeyRefusals(ctx: RuleContext): ReadonlyMap<Assignment, string> {
  return ctx.once(crossKeyRefusals, () => simulate(ctx));
}

function simulate(ctx: RuleContext): Map<Assignment, string> {
  const refused = new Map<Assignment, string>();
  const { limited, names } = involvedKeys(ctx.catalogue);
  const lines = names.flatMap((n) => ctx.assignmentsOf(n));
  if (!lines.some((l) => limited.has(l.assignment.key.name))) return refused;
  const order = new Map(ctx.files.map((f, i) => [f, i]));
  lines.sort((x, y) => (order.get(x.file) ?? 0) - (order.get(y.file) ?? 0) || x.assignment.line - y.assignment.line);
  const now = new Map<string, Current>();
  const current = (key: string): Current | undefined => {
    const set = now.get(key);
    if (set) return set;
    const r = ctx.catalogue.resolve(key);
    const def = r && instanceDefault(r.entry, r.instance);
    return def === null || def === undefined ? undefined : { text: def };
  };
  lines.forEach((l, i) => {
    const name = l.assignment.key.name;
    const e = ctx.catalogue.resolve(name)?.entry;
    const applied = e && isWritable(e, ctx.kernel) ? appliedValue(e, l.assignment.value.text) : undefined;
    // Keys the kernel lacks, read-only ones and refused values are other rules' findings.
    if (!e || applied === undefined) return;
    for (const c of (e.constraints ?? []).filter(isCrossKey)) {
      const why = broken(ctx, c, name, applied, current(c.key), lines.slice(i + 1));
      if (why) {
        refused.set(l.assignment, why);
        return;
      }
    }
    now.set(name, { text: applied, at: l });
  });
  return refused;
}

/** Why the write breaks the limit, in sentences; undefined when it holds or cannot be told. */
function broken(ctx: RuleContext, c: CrossKey, name: string, applied: string, other: Current | undefined, after: readonly Located[]): string | undefined {
  if (!other) return undefined;
  const source = other.at ? `, set on ${where(ctx, other.at)}` : ", its default";
  if (c.kind === "refused-while") {
    if (!c.values.some((v) => sameValue(v, other.text))) return undefined;
    return `The kernel refuses every write of ${name} while ${c.key} is ${other.text} (${source.slice(2)}).`;
  }
  const mine = parseInts(applied)?.[c.index ?? 0];
  const theirs = parseInts(other.text)?.[c.otherIndex ?? 0];
  if (mine === undefined || theirs === undefined) return undefined;
  const holds = (v: number) => (c.kind === "at-most" ? mine <= v : mine >= v);
  if (holds(theirs)) return undefined;
  const side = c.kind === "at-most" ? "above" : "below";
  const subject = named(name, c.index, mine).replace(/^the /, "The ");
  const rejects = `${subject} cannot be ${side} ${named(c.key, c.otherIndex, theirs, source)}, so the kernel rejects the write and keeps the current value.`;
  // Set as needed, but only further down: the order is the fix.
  const later = after.find((l) => l.assignment.key.name === c.key && holds(parseInts(l.assignment.value.text)?.[c.otherIndex ?? 0] ?? Number.NaN));
  return later ? `${rejects} ${c.key} only becomes ${later.assignment.value.text} on ${where(ctx, later)}, after this line: set it first.` : rejects;
}
