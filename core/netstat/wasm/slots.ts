/**
 * The slots of an open-addressing hash table whose rows live elsewhere (names.ts, tally.ts): per slot, the
 * row + 1 (0: empty) and the row's hash, so that a probe compares hashes before it reads a row; probed
 * linearly. A table is a header of two u32, its slots' address and their mask; it doubles its slots when half
 * are used and places every row again by the hash its slot keeps.
 */

/** Makes the slots of table `t` on first use. */
export function ensureSlots(t: usize): void {
  if (load<u32>(t) == 0) newSlots(t, 255);
}

function newSlots(t: usize, mask: u32): void {
  const bytes = usize(mask + 1) << 3;
  const slots = heap.alloc(bytes);
  memory.fill(slots, 0, bytes);
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
  return load<u32>(usize(load<u32>(t)) + (usize(i) << 3));
}

/** The hash of the row in slot `i`. */
// @ts-ignore: decorator
@inline
export function slotHash(t: usize, i: u32): u32 {
  return load<u32>(usize(load<u32>(t)) + (usize(i) << 3) + 4);
}

function setSlot(t: usize, i: u32, row: u32, h: u32): void {
  const p = usize(load<u32>(t)) + (usize(i) << 3);
  store<u32>(p, row + 1);
  store<u32>(p + 4, h);
}

/**
 * Records `row` with hash `h`, the table's last (it has `rows` now), at slot `i`, where its probe found no key;
 * when that fills half the slots, doubles them and places every row again.
 */
export function addRow(t: usize, i: u32, row: u32, h: u32, rows: u32): void {
  setSlot(t, i, row, h);
  const mask = load<u32>(t + 4);
  if (rows * 2 <= mask + 1) return;
  const old = usize(load<u32>(t));
  newSlots(t, (mask << 1) | 1);
  for (let k: u32 = 0; k <= mask; k++) {
    const v = load<u32>(old + (usize(k) << 3));
    if (v == 0) continue;
    const hk = load<u32>(old + (usize(k) << 3) + 4);
    let j = firstSlot(t, hk);
    while (slotAt(t, j) != 0) j = nextSlot(t, j);
    setSlot(t, j, v - 1, hk);
  }
  heap.free(old);
}
