/** UTF-8 by hand, for the few short strings (addresses) that cross into the scanner's memory and back. */

/** Writes `s` as UTF-8 into `out` from `at`; returns the end. `out` must have room for 3 bytes per unit. */
export function encodeUtf8(s: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[at++] = c;
      continue;
    }
    if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
    } else {
      const next = s.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[at++] = 0xf0 | (c >> 18);
        out[at++] = 0x80 | ((c >> 12) & 63);
      } else {
        out[at++] = 0xe0 | (c >> 12);
      }
      out[at++] = 0x80 | ((c >> 6) & 63);
    }
    out[at++] = 0x80 | (c & 63);
  }
  return at;
}

/** The text of UTF-8 bytes that encodeUtf8 wrote (or ASCII). */
export function decodeUtf8(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    let cp: number;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else if (c < 0xe0) {
      cp = ((c & 31) << 6) | ((b[i + 1] as number) & 63);
      i += 2;
    } else if (c < 0xf0) {
      cp = ((c & 15) << 12) | (((b[i + 1] as number) & 63) << 6) | ((b[i + 2] as number) & 63);
      i += 3;
    } else {
      cp = ((c & 7) << 18) | (((b[i + 1] as number) & 63) << 12) | (((b[i + 2] as number) & 63) << 6) | ((b[i + 3] as number) & 63);
      i += 4;
    }
    s += String.fromCodePoint(cp);
  }
  return s;
}
