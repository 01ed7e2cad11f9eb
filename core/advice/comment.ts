/**
 * The comment above each line the planner writes: the real before → after (never the profile's nominal
 * change), why, and at what cost, wrapped at 100 characters.
 */
import { wrapWords } from "../text/wrap";
import { fileName } from "../text/file-name";
import { rangeSize } from "./intent";
import type { Current } from "./plan-types";
import type { VettedSetting } from "./types";

export const COMMENT_WIDTH = 100;

/** `# `-prefixed lines of at most COMMENT_WIDTH characters (a single longer word excepted). */
export function commentLines(text: string): string[] {
  return wrapWords(text, COMMENT_WIDTH - 2).map((l) => `# ${l}`);
}

function was(before: Current): string {
  const s = before.source;
  if (s.kind === "default") return before.value === undefined ? "Not set before (the kernel's own default applied)" : `Was ${before.value} (the kernel default)`;
  return s.kind === "line" ? `Was ${before.value}` : `Was ${before.value} (from ${fileName(s.uri)})`;
}

/** The ports (or other values) a range change gives, counted from the real before and after. */
function rangeEffect(s: VettedSetting, before: Current, after: string): string {
  const n = rangeSize(after);
  const m = rangeSize(before.value);
  if (n === undefined) return "";
  const what = s.key.endsWith("ip_local_port_range") ? "local ports for each destination (address and port)" : "values";
  return m === undefined ? ` ${n} ${what}.` : ` ${n} ${what} instead of ${m}.`;
}

/** The profile's reason where it holds for this change (types.ts: a limit's `why` compares with the default). */
function reason(s: VettedSetting, before: Current, after: string): string {
  switch (s.intent) {
    case "exactly":
      return ` ${s.why}`;
    case "at-least":
    case "at-most":
      return before.source.kind === "default" ? ` ${s.why}` : "";
    case "cover":
      return rangeEffect(s, before, after);
  }
}

/** The comment for a line set to `after` where `before` applied; a range's effect is counted, not quoted. */
export function settingComment(s: VettedSetting, before: Current, after: string): string[] {
  const why = reason(s, before, after);
  return commentLines(`${was(before)}, now ${after}.${why} Trade-off: ${s.tradeoff}`);
}
