/**
 * Addresses that are not IPv4 (IPv6, host names), numbered in the order they first come: bytes in, id out.
 * The scanner interns the address tokens of the rows it takes; the TypeScript side interns the addresses of
 * the records the per-format parsers make (as UTF-8, cut to a bounded length first), so one address gets one
 * id whichever way it came. Memory grows with the distinct addresses, never with the input.
 */
import { addRow, ensureSlots, firstSlot, nextSlot, slotAt, slotHash } from "./slots";

/** The ids' hash table (slots.ts). */
const TABLE = memory.data(8, 4);
/** Per id: offset in the pool, length (two u32). */
let ids: usize = 0;
let idCap: u32 = 0;
let count: u32 = 0;
let pool: usize = 0;
let poolUsed: u32 = 0;
let poolCap: u32 = 0;

function hashOf(p: usize, n: u32): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i: u32 = 0; i < n; i++) h = (h ^ u32(load<u8>(p + i))) * 0x01000193;
  return h;
}

/** The id of the bytes [p, p + n), added if they are new. */
/** The id of the bytes [p, p + n), added if they are new. */
export function intern(p: usize, n: u32): u32 {
  if (ids == 0) {
    ensureSlots(TABLE);
    idCap = 64;
    ids = heap.alloc(64 * 8);
    poolCap = 1024;
    pool = heap.alloc(1024);
  }
  const h = hashOf(p, n);
  let i = firstSlot(TABLE, h);
  for (;;) {
    const v = slotAt(TABLE, i);
    if (v == 0) break;
    if (slotHash(TABLE, i) == h) {
      const rec = ids + usize(v - 1) * 8;
      if (load<u32>(rec + 4) == n && memory.compare(pool + load<u32>(rec), p, n) == 0) return v - 1;
    }
    i = nextSlot(TABLE, i);
  }
  const id = count++;
  if (id == idCap) {
    idCap <<= 1;
    ids = heap.realloc(ids, usize(idCap) * 8);
  }
  if (poolUsed + n > poolCap) {
    while (poolUsed + n > poolCap) poolCap <<= 1;
    pool = heap.realloc(pool, poolCap);
  }
  memory.copy(pool + poolUsed, p, n);
  const rec = ids + usize(id) * 8;
  store<u32>(rec, poolUsed);
  store<u32>(rec + 4, n);
  poolUsed += n;
  addRow(TABLE, i, id, h, count);
  return id;
}

/** Where the bytes of address `id` are (valid until the next intern). */
export function nameAt(id: u32): usize {
  return pool + load<u32>(ids + usize(id) * 8);
}

export function nameLength(id: u32): u32 {
  return load<u32>(ids + usize(id) * 8 + 4);
}
