/**
 * In-place scanning over `s` between two offsets. The line parsers read a line where it lies in the
 * pushed chunk, so the per-line path allocates nothing but the strings a record keeps. Every search
 * here is bounded by the line's end: the chunk holds other lines after it.
 */

export const SPACE = 32;
export const TAB = 9;

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The first offset at or after `i` that is not a space or tab (or `end`). */
export function skipBlanks(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c !== SPACE && c !== TAB) break;
    i++;
  }
  return i;
}

/** The end of the token that starts at `i`: the next space or tab (or `end`). */
export function tokenEnd(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === SPACE || c === TAB) break;
    i++;
  }
  return i;
}

/**
 * The next space at or after `i`, or `end`: native search, for columns separated by spaces only.
 * (`indexOf` may look past `end` into the next line; the next space is never far.)
 */
export function spaceAfter(s: string, i: number, end: number): number {
  const j = s.indexOf(" ", i);
  return j === -1 || j > end ? end : j;
}

/** The value of a run of decimal digits filling `[start, end)`, or -1 (empty, other characters, too long). */
export function digitsValue(s: string, start: number, end: number): number {
  if (start >= end || end - start > 15) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Where the last trailingPort call found the colon (or -1): a second result without an allocation. */
export const found = { colon: -1 };

/**
 * The decimal port after the last colon of `[start, end)`, read in one backward pass; -1 when
 * it is not digits (a `*`, a service name), with found.colon still set for portAt to read the rest.
 */
export function trailingPort(s: string, start: number, end: number): number {
  let value = 0;
  let scale = 1;
  let i = end - 1;
  for (; i > start; i--) {
    const c = s.charCodeAt(i);
    if (c === 58) break;
    const d = c - 48;
    if (d < 0 || d > 9 || scale > 10000) {
      found.colon = lastIndexIn(s, 58, start, i);
      return -1;
    }
    value += d * scale;
    scale *= 10;
  }
  found.colon = i > start ? i : -1;
  return i > start && scale > 1 && value <= 65535 ? value : -1;
}

/** Hex digit values by character code, -1 for other characters. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX[i < 10 ? 48 + i : 55 + i] = i;
  if (i >= 10) HEX[87 + i] = i;
}

/** The value of hex digits filling `[start, end)` (at most 8), or -1. */
export function hexValue(s: string, start: number, end: number): number {
  if (start >= end || end - start > 8) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? (HEX[c] as number) : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** The last offset of character code `c` in `[start, end)`, or -1. */
export function lastIndexIn(s: string, c: number, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (s.charCodeAt(i) === c) return i;
  return -1;
}

/** The first offset of character code `c` in `[start, end)`, or -1. */
export function indexIn(s: string, c: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === c) return i;
  return -1;
}

/** `end` moved back over trailing spaces, tabs and carriage returns. */
export function trimEnd(s: string, start: number, end: number): number {
  while (end > start) {
    const c = s.charCodeAt(end - 1);
    if (c !== SPACE && c !== TAB && c !== 13) break;
    end--;
  }
  return end;
}

/**
 * `s.slice(start, end)` as a compact string of its own. V8 keeps a slice of 13 or more characters
 * as a view into the whole string it came from; the summary keeps example lines for the whole
 * run, and they must not pin 64 KiB chunks. (Records' fields are plain slices: the copy would cost
 * a third of the per-line time, and a record is usually dropped or folded into a key right away.)
 */
export function cut(s: string, start: number, end: number): string {
  const t = s.slice(start, end);
  return t.length < 13 ? t : (" " + t).slice(1);
}

/** `s` with the IPv6 part before any `%zone` in lower case (zone names are case-sensitive). */
export function lowerV6(addr: string): string {
  for (let i = 0; i < addr.length; i++) {
    const c = addr.charCodeAt(i);
    if (c === 37) break; // %
    if (c >= 65 && c <= 90) {
      const zone = addr.indexOf("%");
      return zone === -1 ? addr.toLowerCase() : addr.slice(0, zone).toLowerCase() + addr.slice(zone);
    }
  }
  return addr;
}
