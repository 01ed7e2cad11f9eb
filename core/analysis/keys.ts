/** What the counts are keyed by: IPv4 addresses as numbers, and text cut to a bounded length. */

/** Longest address or process name counted as it is: a longer one is counted under its cut form. */
export const MAX_KEY = 200;
/** Ends a cut key. */
export const CUT_MARK = "…";

/** `s`, or its first MAX_KEY characters and the mark when it is longer. */
export function boundedKey(s: string): string {
  return s.length <= MAX_KEY ? s : s.slice(0, MAX_KEY) + CUT_MARK;
}

/** The value (unsigned) of a canonical dotted quad ("10.0.0.5": no leading zeros, no spaces), or -1. */
export function v4Value(s: string): number {
  const n = s.length;
  if (n < 7 || n > 15) return -1;
  let ip = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  let lead0 = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      if (digits === 0) lead0 = c === 48;
      octet = octet * 10 + (c - 48);
      digits++;
    } else if (c === 46) {
      if (digits === 0 || digits > 3 || octet > 255 || (lead0 && digits > 1)) return -1;
      ip = ip * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  return dots === 4 ? ip : -1;
}

export function dotted(ip: number): string {
  return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}
