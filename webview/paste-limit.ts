/** How big a paste the panel takes: sizes in UTF-8 bytes, measured without copying the text. */
import { MAX_PASTE_BYTES } from "./protocol";
import { megabytes } from "./format";

/** UTF-8 length of s[start, end), counting stops as soon as it passes `limit`. */
export function utf8Length(s: string, start = 0, end = s.length, limit = Infinity): number {
  let bytes = 0;
  for (let i = start; i < end && bytes <= limit; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Whether text made of these pieces is over the limit. A UTF-16 unit takes 1 to 3 bytes (a surrogate pair 4
 * for 2 units), so most answers need only the lengths; only text between limit/3 and limit characters is counted.
 */
export function exceedsLimit(pieces: readonly (readonly [string, number, number])[], limit = MAX_PASTE_BYTES): boolean {
  const units = pieces.reduce((t, [, a, b]) => t + (b - a), 0);
  if (units > limit) return true;
  if (units * 3 <= limit) return false;
  let bytes = 0;
  for (const [s, a, b] of pieces) {
    bytes += utf8Length(s, a, b, limit - bytes);
    if (bytes > limit) return true;
  }
  return false;
}

export function isTooLarge(text: string, limit = MAX_PASTE_BYTES): boolean {
  return exceedsLimit([[text, 0, text.length]], limit);
}

/** What the panel says when it refuses text: how big, the limit, and where large captures belong. */
export function tooLargeMessage(units: number, limit = MAX_PASTE_BYTES): string {
  const size = units >= limit * 1.1 ? ` (about ${megabytes(units)})` : "";
  return (
    `This text${size} is larger than the ${megabytes(limit)} the panel analyzes, so it was not taken. ` +
    `Save the capture to a file, open it and run "Socket Doctor: Analyze Current File", or use the command line: socket-doctor analyze FILE.`
  );
}
