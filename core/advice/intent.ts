/**
 * What each intent (types.ts) makes of the value a key already has: the value to write so the key meets the
 * vetted setting, or nothing when it already does. Never lowers an `at-least`, never raises an `at-most`,
 * never narrows a `cover`.
 */
import { parseInts, sameValue } from "../catalogue/values";
import type { Intent, VettedSetting } from "./types";

/**
 * The value to write where the key is now `current`, or undefined when `current` already meets the setting.
 * `current` is undefined where nobody here knows it (a default the kernel computes at boot): the vetted value.
 * A current value that is not of the setting's shape (not numbers, a trailing comment) is one the kernel
 * rejects or misreads, so the vetted value replaces it.
 */
export function valueFor(s: VettedSetting, current: string | undefined): string | undefined {
  if (current === undefined) return s.value;
  switch (s.intent) {
    case "exactly":
      return sameValue(current, s.value) ? undefined : s.value;
    case "at-least":
      return bound(current, s.value, Math.max);
    case "at-most":
      return bound(current, s.value, Math.min);
    case "cover":
      return cover(current, s.value);
  }
}

/** Item by item for vectors: the larger (or smaller) of the two; ordered vectors stay ordered. */
function bound(current: string, wanted: string, pick: (a: number, b: number) => number): string | undefined {
  const have = parseInts(current);
  const want = parseInts(wanted) ?? [];
  if (!have || have.length !== want.length) return wanted;
  const out = want.map((w, i) => pick(w, have[i] as number));
  return out.every((v, i) => v === have[i]) ? undefined : out.join(" ");
}

function cover(current: string, wanted: string): string | undefined {
  const have = parseInts(current);
  const [lo, hi] = parseInts(wanted) as [number, number];
  if (!have || have.length !== 2 || (have[0] as number) > (have[1] as number)) return wanted;
  const [from, to] = have as [number, number];
  let low = Math.min(from, lo);
  let high = Math.max(to, hi);
  // Ends of different parity are better (ip-sysctl.rst: connect() and bind() split the range by parity). Give
  // up one port of what this widening added, never one the file already had.
  if ((high - low) % 2 === 0) {
    if (high > to) high -= 1;
    else if (low < from) low += 1;
  }
  return low === from && high === to ? undefined : `${low} ${high}`;
}

/** How a value meets a setting, for messages: "at least 16384", "covers 32768 65535". */
export function intentPhrase(s: VettedSetting): string {
  const words: Record<Intent, string> = { exactly: "", "at-least": "at least ", "at-most": "at most ", cover: "covers " };
  return `${words[s.intent]}${s.value}`;
}

/** How many values a `LOW HIGH` range holds; undefined when it is not one. */
export function rangeSize(value: string | undefined): number | undefined {
  const ends = value === undefined ? undefined : parseInts(value);
  return ends?.length === 2 && (ends[0] as number) <= (ends[1] as number) ? (ends[1] as number) - (ends[0] as number) + 1 : undefined;
}
