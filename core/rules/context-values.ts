/** Reading values out of the file set, falling back to the kernel's default. */
import { instanceDefault } from "../catalogue/catalogue";
import type { KeyEntry } from "../catalogue/types";
import { appliedValue, parseInts, parseKernelInt } from "../catalogue/values";
import { compareKernel, type KernelVersion } from "../catalogue/version";
import type { Assignment } from "../sysctl/parse";
import type { RuleContext } from "./types";

/** The integer a key ends up with after the file set is applied, else its default; undefined if unknown. */
export function finalInt(ctx: RuleContext, name: string): number | undefined {
  const final = ctx.finalValue(name);
  if (final) return intsOf(ctx, final.assignment)?.[0];
  const resolved = ctx.catalogue.resolve(name);
  const text = resolved && instanceDefault(resolved.entry, resolved.instance);
  return text === undefined || text === null ? undefined : parseKernelInt(text.trim());
}

/** The checked lines' assignments of one key. */
export function assignmentsHere(ctx: RuleContext, name: string): Assignment[] {
  return ctx.doc.assignments.filter((a) => a.key.name === name);
}

/**
 * The assignment's value as the kernel applies it: without what it ignores after the numbers it reads (a
 * comment, an extra number). Undefined when the key is not in the catalogue or the kernel refuses the value.
 */
export function appliedText(ctx: RuleContext, a: Assignment): string | undefined {
  const r = ctx.resolution(a);
  return r.kind === "key" ? appliedValue(r.resolved.entry, a.value.text) : undefined;
}

/** The applied value's integers, or undefined when it is not a list of integers. */
export function intsOf(ctx: RuleContext, a: Assignment): number[] | undefined {
  const text = appliedText(ctx, a);
  return text === undefined ? undefined : parseInts(text);
}

/** An assignment of a key the catalogue knows, with the key's entry and the instance a template matched. */
export interface Known {
  readonly a: Assignment;
  readonly e: KeyEntry;
  readonly instance: string | undefined;
}

/** This document's assignments whose key the catalogue knows (computed once per lint). */
export function knownAssignments(ctx: RuleContext): readonly Known[] {
  let known = cache.get(ctx);
  if (!known) {
    known = [];
    for (const a of ctx.doc.assignments) {
      const r = ctx.resolution(a);
      if (r.kind === "key") known.push({ a, e: r.resolved.entry, instance: r.resolved.instance });
    }
    cache.set(ctx, known);
  }
  return known;
}

const cache = new WeakMap<RuleContext, Known[]>();

/** The key no longer works on the target kernel (older kernels still have it). */
export function isGone(e: KeyEntry, kernel: KernelVersion): boolean {
  return !e.removedIn || compareKernel(kernel, e.removedIn) >= 0;
}

/**
 * This document's unknown keys that this machine has anyway (a vendor build's own keys), computed once per
 * lint. Each check reads a file, so only the first MAX_LIVE_CHECKS unknown keys are looked up.
 */
export function liveUnknownKeys(ctx: RuleContext): ReadonlySet<Assignment> {
  let found = liveUnknown.get(ctx);
  if (!found) {
    found = new Set();
    // The cap holds for the whole file, however many windows it is linted in.
    const checked = ctx.once(liveUnknownKeys, () => ({ count: 0 }));
    for (const a of ctx.doc.assignments) {
      if (!ctx.live || checked.count >= MAX_LIVE_CHECKS) break;
      if (ctx.resolution(a).kind !== "unknown") continue;
      checked.count++;
      if (ctx.live(a.key.name) !== undefined) found.add(a);
    }
    liveUnknown.set(ctx, found);
  }
  return found;
}

const MAX_LIVE_CHECKS = 1000;
const liveUnknown = new WeakMap<RuleContext, Set<Assignment>>();

/**
 * The target kernel has the key and lets it be written: not read-only, not removed (removed-key, renamed-key)
 * and not newer than the target (key-too-new). Other rules leave the lines of other keys to those rules.
 */
export function isWritable(e: KeyEntry, kernel: KernelVersion): boolean {
  if (e.readOnly || (e.status === "removed" && isGone(e, kernel))) return false;
  return !e.since || compareKernel(kernel, e.since) >= 0;
}
