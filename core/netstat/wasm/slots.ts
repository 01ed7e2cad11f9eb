/**
 * The slots of an open-addressing hash table whose rows live elsewhere (names.ts, tally.ts): one u32 per
 * slot, the row + 1 (0: empty), probed linearly from the row's hash. A table is a header of two u32, its
 * slots' address and their mask; it doubles its slots when half are used and places every row again.
 */

/** Makes the slots of table `t` on first use. */
export function ensureSlots(t: usize): void {
  if (load<u32>(t) == 0) grow(t, 255);
}

function grow(t: usize, mask: u32): void {
  const bytes = usize(mask + 1) << 2;
  const slots = heap.alloc(bytes);
  memory.fill(slots, 0, bytes);
  if (load<u32>(t) != 0) heap.free(load<u32>(t));
  store<u32>(t, u32(slots));
  store<u32>(t + 4, mask);
}

/** The first slot probed for hash `h`. */
// @ts-ignore: decorator
@inline
export function firstSlot(t: usize, h: u32): u32 {
  return h & load<u32>(t + 4);
}

/** The slot after `i`. */
// @ts-ignore: decorator
@inline
export function nextSlot(t: usize, i: u32): u32 {
  return (i + 1) & load<u32>(t + 4);
}

/** What slot `i` holds: a row + 1, or 0. */
// @ts-ignore: decorator
@inline
export function slotAt(t: usize, i: u32): u32 {
  return load<u32>(usize(load<u32>(t)) + (usize(i) << 2));
}

function setSlot(t: usize, i: u32, row: u32): void {
  store<u32>(usize(load<u32>(t)) + (usize(i) << 2), row + 1);
}

/**
 * Records `row`, the table's last (it has `rows` now), at slot `i`, where its probe found no key; when that
 * fills half the slots, doubles them and places every row again by its hash.
 */
export function addRow(t: usize, i: u32, row: u32, rows: u32, hashOf: (row: u32) => u32): void {
  const mask = load<u32>(t + 4);
  if (rows * 2 <= mask + 1) {
    setSlot(t, i, row);
    return;
  }
  grow(t, (mask << 1) | 1);
  for (let r: u32 = 0; r < rows; r++) {
    let j = firstSlot(t, hashOf(r));
    while (slotAt(t, j) != 0) j = nextSlot(t, j);
    setSlot(t, j, r);
  }
}
