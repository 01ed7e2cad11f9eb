/** Number and share formatting shared by the chart, the tables and the cards (the same rules as the Markdown report). */
import { percent, thousands } from "../core/text/numbers";

/** A count as the report prints it: 12,345. Anything that is not a finite number reads as 0. */
export function fmt(n: unknown): string {
  return thousands(num(n));
}

/** part / whole as a percentage with one decimal; "<0.1%" and ">99.9%" for shares rounding would misstate, "0.0%" of nothing. */
export function share(part: number, whole: number): string {
  return percent(part, whole, 1);
}

/** A finite number or 0: analyses come from our own code, but the page never trusts a message's shape. */
export function num(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

/** A string or "": the same caution for text fields. */
export function str(v: unknown): string {
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
}

/** An array or []. */
export function list<T>(v: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(v) ? v : [];
}


/** About how many megabytes, for messages. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}
