/** The aggregator's tables: per-state counts in typed arrays, keyed by int triples, with caps. */
import { mix } from "./interner";

/** Counts per row: one per TCP state. */
export const S = 12;

/** Rows allocated at first, and past which an array jumps straight to its cap (see growRows). */
const FIRST_ROWS = 1024;
const JUMP_ROWS = 16384;

/**
 * The next row capacity of an array that must hold `rows` rows and holds `have`: doubling while small (a pasted
 * listing), then at once all `cap` rows (untouched memory costs nothing), so that a large table is copied once.
 */
export function growRows(rows: number, have: number, cap: number): number {
  let next = Math.max(have * 2, FIRST_ROWS);
  while (next < rows) next *= 2;
  if (next > JUMP_ROWS && Number.isFinite(cap) && cap >= rows) next = Math.max(next, cap);
  return next;
}

/** `width` int32s per row, grown by growRows. */
export class IntRows {
  data: Int32Array;

  constructor(
    private readonly width: number,
    private readonly cap: number,
  ) {
    this.data = new Int32Array(width * Math.min(FIRST_ROWS, Number.isFinite(cap) ? Math.max(1, cap) : FIRST_ROWS));
  }

  /** Makes room for row `row`. */
  ensure(row: number): void {
    if ((row + 1) * this.width <= this.data.length) return;
    const d = new Int32Array(this.width * growRows(row + 1, this.data.length / this.width, this.cap));
    d.set(this.data);
    this.data = d;
  }
}

/** An int32 per row. */
export class Column extends IntRows {
  constructor(cap: number) {
    super(1, cap);
  }

  set(row: number, v: number): void {
    this.ensure(row);
    this.data[row] = v;
  }

  at(row: number): number {
    return this.data[row] as number;
  }
}

/** Ints appended in fixed chunks (never copied while growing). */
export class IntLog {
  private readonly chunks: Int32Array[] = [];
  length = 0;

  push(v: number): void {
    const c = this.length >> 16;
    if (c === this.chunks.length) this.chunks.push(new Int32Array(1 << 16));
    (this.chunks[c] as Int32Array)[this.length & 0xffff] = v;
    this.length++;
  }

  export(): Int32Array {
    const out = new Int32Array(this.length);
    for (let i = 0; i < this.chunks.length; i++) out.set((this.chunks[i] as Int32Array).subarray(0, Math.min(1 << 16, this.length - (i << 16))), i << 16);
    return out;
  }
}

/** Ints per slot of a KeyTable: three key ints and the row + 1 (0: empty). */
const W = 4;
/** A count that reaches this moves to KeyTable.high (counts are exact whatever the input's size). */
export const SPILL = 0x7fffffff;
/** Tables start this small (a pasted listing)… */
const FIRST_SLOTS = 1 << 10;
/** …and past this many slots jump straight to the size their cap needs: one large reallocation at most. */
const JUMP_SLOTS = 1 << 14;

function pow2AtLeast(n: number): number {
  let p = FIRST_SLOTS;
  while (p < n) p *= 2;
  return p;
}

/** A table for exportState(): keys and counts by row. */
export interface TableState {
  rows: number;
  ka: Int32Array;
  kb: Int32Array;
  kc: Int32Array;
  /** 12 per row; parts beyond int32 in `high`, as [index, value]. */
  counts: Int32Array;
  high: [number, number][];
  untracked: number;
}

/**
 * Per-state counts keyed by three int32s, rows numbered in the order keys came, at most `maxKeys` of them.
 * Keys live in an open-addressing hash table of 16-byte slots; the counts are int32 rows by row number.
 */
export class KeyTable {
  slots = new Int32Array(W * FIRST_SLOTS);
  mask = FIRST_SLOTS - 1;
  private used = 0;
  /** Rows' counts: 12 per row. */
  private readonly countRows: IntRows;
  counts: Int32Array;
  /** Rows so far. */
  rows = 0;
  /** The slot of each row (moved along when the table grows): a row's key, for reports and exports. */
  private readonly slotOf: Column;
  untracked = 0;
  /** Multiples of SPILL by row * 12 + state. */
  high: Map<number, number> | undefined;
  /** Slots for a full table (at most half used). */
  private readonly fullSlots: number;

  constructor(readonly maxKeys: number) {
    this.fullSlots = Number.isFinite(maxKeys) ? pow2AtLeast(2 * maxKeys) : Infinity;
    this.full = maxKeys <= 0;
    this.countRows = new IntRows(S, maxKeys);
    this.slotOf = new Column(maxKeys);
    this.counts = this.countRows.data;
  }

  /** No row is left for a new key. */
  full = false;

  /** The row of key (a, b, c), or -1. */
  find(a: number, b: number, c: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = mix(a, b, c) & mask;
    for (;;) {
      const j = i * W;
      const v = slots[j + 3] as number;
      if (v === 0) return -1;
      if (slots[j] === a && slots[j + 1] === b && slots[j + 2] === c) return v - 1;
      i = (i + 1) & mask;
    }
  }

  /** A new row for key (a, b, c), not in the table. */
  insert(a: number, b: number, c: number): number {
    if ((this.used + 1) * 2 > this.mask + 1) this.grow();
    const row = this.rows++;
    this.full = this.rows >= this.maxKeys;
    this.countRows.ensure(row);
    this.counts = this.countRows.data;
    // A store first: a row may start a fresh page (see the file comment).
    this.counts[row * S] = 0;
    this.counts[row * S + S - 1] = 0;
    this.place(a, b, c, row + 1);
    this.used++;
    return row;
  }

  private place(a: number, b: number, c: number, v: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let i = mix(a, b, c) & mask;
    while (slots[i * W + 3] !== 0) i = (i + 1) & mask;
    const j = i * W;
    slots[j] = a;
    slots[j + 1] = b;
    slots[j + 2] = c;
    slots[j + 3] = v;
    this.slotOf.set(v - 1, j);
  }

  /** Row `row`'s key ints. */
  ka(row: number): number {
    return this.slots[this.slotOf.at(row)] as number;
  }

  kb(row: number): number {
    return this.slots[this.slotOf.at(row) + 1] as number;
  }

  kc(row: number): number {
    return this.slots[this.slotOf.at(row) + 2] as number;
  }

  private grow(): void {
    const old = this.slots;
    const n = old.length / W;
    const next = n * 2 > JUMP_SLOTS ? Math.max(n * 2, Math.min(this.fullSlots, n * 64)) : n * 2;
    this.slots = new Int32Array(next * W);
    // Written once in order: probes would read the fresh pages first, at random.
    this.slots.fill(0);
    this.mask = next - 1;
    for (let j = 0; j < old.length; j += W) if (old[j + 3] !== 0) this.place(old[j] as number, old[j + 1] as number, old[j + 2] as number, old[j + 3] as number);
  }

  /** Counts one socket in state `s` for `row`. */
  inc(row: number, s: number): void {
    if (++(this.counts[row * S + s] as number) === SPILL) this.spill(row * S + s);
  }

  /** Moves a count that reached SPILL out of counts[k]. */
  spill(k: number): void {
    this.high ??= new Map();
    this.high.set(k, (this.high.get(k) ?? 0) + SPILL);
    this.counts[k] = 0;
  }

  /** Adds `n` sockets in state `s` to `row`. */
  addTo(row: number, s: number, n: number): void {
    const k = row * S + s;
    while (n > 0) {
      const step = Math.min(n, SPILL - (this.counts[k] as number));
      this.counts[k] += step;
      n -= step;
      if (this.counts[k] === SPILL) this.spill(k);
    }
  }

  total(row: number): number {
    const c = this.counts;
    let t = 0;
    for (let i = row * S; i < row * S + S; i++) t += c[i] as number;
    if (this.high !== undefined) for (let i = row * S; i < row * S + S; i++) t += this.high.get(i) ?? 0;
    return t;
  }

  row(row: number): number[] {
    const out: number[] = [];
    for (let i = row * S; i < row * S + S; i++) out.push((this.counts[i] as number) + (this.high?.get(i) ?? 0));
    return out;
  }

  /** The key of every row. */
  keys(): { ka: Int32Array; kb: Int32Array; kc: Int32Array } {
    const n = this.rows;
    const ka = new Int32Array(n);
    const kb = new Int32Array(n);
    const kc = new Int32Array(n);
    const slots = this.slots;
    const at = this.slotOf.data;
    for (let r = 0; r < n; r++) {
      const j = at[r] as number;
      ka[r] = slots[j] as number;
      kb[r] = slots[j + 1] as number;
      kc[r] = slots[j + 2] as number;
    }
    return { ka, kb, kc };
  }

  /** For exportState() (views: the table must not be used afterwards). */
  export(): TableState {
    const n = this.rows;
    return { rows: n, ...this.keys(), counts: this.counts.subarray(0, n * S), high: this.high ? [...this.high] : [], untracked: this.untracked };
  }
}

/** A small growable table of per-state counts keyed by string (processes: the string parsers only). */
export class Counts {
  data = new Float64Array(16 * S);
  n = 0;

  add(): number {
    if ((this.n + 1) * S > this.data.length) {
      const d = new Float64Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    return this.n++;
  }

  total(row: number): number {
    let t = 0;
    for (let i = row * S; i < row * S + S; i++) t += this.data[i] as number;
    return t;
  }

  row(row: number): number[] {
    return Array.from(this.data.subarray(row * S, row * S + S));
  }

  export(): Float64Array {
    return this.data.slice(0, this.n * S);
  }
}

export interface TopRow<K> {
  readonly key: K;
  readonly counts: number[];
}

/**
 * The `n` rows with the largest totals, largest first; rows with equal totals in `before` order (row order
 * when none is given): what a stable sort of all rows, then a cut to `n`, gives.
 */
export function top(count: number, n: number, total: (row: number) => number, before?: (a: number, b: number) => boolean): number[] {
  const best: number[] = [];
  const totals: number[] = [];
  for (let r = 0; r < count; r++) {
    const t = total(r);
    if (best.length === n) {
      const lastT = totals[n - 1] as number;
      if (t < lastT || (t === lastT && (before === undefined || !before(r, best[n - 1] as number)))) continue;
    }
    let i = best.length;
    while (i > 0) {
      const pt = totals[i - 1] as number;
      if (pt > t || (pt === t && (before === undefined || !before(r, best[i - 1] as number)))) break;
      i--;
    }
    best.splice(i, 0, r);
    totals.splice(i, 0, t);
    if (best.length > n) {
      best.pop();
      totals.pop();
    }
  }
  return best;
}
