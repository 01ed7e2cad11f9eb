/**
 * Pasted text (a process name, an address, a line that could not be read) may hold bidirectional formatting
 * characters: a right-to-left override in a process name reverses whatever a report prints after it, so a
 * count of 30 reads "(03)". Reports show such characters as visible marks instead.
 */

/** ALM, LRM, RLM, the embeddings and overrides (LRE … RLO) and the isolates (LRI … PDI). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with every bidirectional formatting character written as a visible `<U+202E>`. */
export function visibleBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`);
}
