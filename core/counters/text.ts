/** Small scanning helpers for the counter formats: a line is `s[start, end)`, as the socket parsers pass it. */
import { skipBlanks, tokenEnd } from "../netstat/scan";

export { skipBlanks, tokenEnd };

/**
 * The value of the decimal digits filling `[start, end)`, or -1. Counters are 64-bit: past 2^53 the value is
 * the nearest double, which is still right to 16 digits.
 */
export function countAt(s: string, start: number, end: number): number {
  if (start >= end || end - start > 20) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The value of the hex digits filling `[start, end)` (conntrack's per-CPU table), or -1. */
export function hexCountAt(s: string, start: number, end: number): number {
  if (start >= end || end - start > 16) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) | 0x20;
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** The blank-separated words of `[start, end)`. */
export function words(s: string, start: number, end: number): string[] {
  const out: string[] = [];
  for (let a = skipBlanks(s, start, end); a < end; ) {
    const e = tokenEnd(s, a, end);
    out.push(s.slice(a, e));
    a = skipBlanks(s, e, end);
  }
  return out;
}

/** Whether `[start, end)` is one or more decimal numbers separated by blanks (a /proc/sys value: "4096", "1 2 3"). */
export function isNumbers(s: string, start: number, end: number): boolean {
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 32 && c !== 9) return false;
  }
  return digits > 0;
}
