/**
 * The slots of an open-addressing hash table whose rows live elsewhere (names.ts, tally.ts): one u32 per
 * slot, the row + 1 (0: empty), probed linearly from the row's hash. A table doubles its slots when half are
 * used and places every row again.
 */

/** Zeroed slots for a table of `mask` + 1 slots (a power of two). */
export function newSlots(mask: u32): usize {
  const bytes = usize(mask + 1) << 2;
  const p = heap.alloc(bytes);
  memory.fill(p, 0, bytes);
  return p;
}

/** Puts `row` into the first free slot from its hash `h`. */
export function place(slots: usize, mask: u32, row: u32, h: u32): void {
  let i = h & mask;
  while (load<u32>(slots + (usize(i) << 2)) != 0) i = (i + 1) & mask;
  store<u32>(slots + (usize(i) << 2), row + 1);
}
