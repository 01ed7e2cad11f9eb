/** Addresses as the aggregator keys them: IPv4 as 32-bit values, other addresses interned to ids. */

/**
 * Keys are slices of the parser's input chunks; a slice kept in a table would keep its whole chunk alive.
 * Concatenating and slicing again makes V8 copy the characters into a string of their own.
 */
export function detach(s: string): string {
  return (s + " ").slice(0, -1);
}

/** The int32 value of a canonical dotted quad ("10.0.0.5": no leading zeros, no spaces), or NaN. */
export function v4Value(s: string): number {
  const n = s.length;
  if (n < 7 || n > 15) return NaN;
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
      if (digits === 0 || digits > 3 || octet > 255 || (lead0 && digits > 1)) return NaN;
      ip = ip * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else return NaN;
  }
  return dots === 4 ? ip | 0 : NaN;
}

export function dotted(ip: number): string {
  return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** ASCII bytes as a string (the fast path hands over ASCII only). */
export function ascii(b: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

export function mix(a: number, b: number, c: number): number {
  const h = Math.imul(a ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35), 0x9e3779b1);
  return h ^ (h >>> 15);
}

/**
 * Addresses other than IPv4 (IPv6, names), numbered: text in, id out. Kept as UTF-16 units so that an ASCII
 * address can be found from the bytes it is written in, without making a string. Only addresses some table
 * keeps are interned (so memory stays bounded).
 */
export class Interner {
  private pool = new Uint16Array(4096);
  private poolUsed = 0;
  private starts = new Int32Array(256);
  private lengths = new Int32Array(256);
  private hashes = new Int32Array(256);
  private readonly strings: (string | undefined)[] = [];
  /** id + 1 per slot. */
  private slots = new Int32Array(512);
  private mask = 511;
  size = 0;
  /** The hash of the last text looked up. */
  private lastHash = 0;

  findBytes(b: Uint8Array, a: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = a; i < e; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
    this.lastHash = h;
    const len = e - a;
    let i = h & this.mask;
    for (;;) {
      const v = this.slots[i] as number;
      if (v === 0) return -1;
      const id = v - 1;
      if (this.hashes[id] === h && this.lengths[id] === len) {
        const o = (this.starts[id] as number) - a;
        let k = a;
        while (k < e && this.pool[o + k] === b[k]) k++;
        if (k === e) return id;
      }
      i = (i + 1) & this.mask;
    }
  }

  findText(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    this.lastHash = h;
    let i = h & this.mask;
    for (;;) {
      const v = this.slots[i] as number;
      if (v === 0) return -1;
      const id = v - 1;
      if (this.hashes[id] === h && this.text(id) === s) return id;
      i = (i + 1) & this.mask;
    }
  }

  /** Adds `s`, which findText() (the last lookup) did not find. */
  add(s: string): number {
    const id = this.size++;
    if (id === this.starts.length) {
      const grow = (x: Int32Array) => {
        const y = new Int32Array(x.length * 2);
        y.set(x);
        return y;
      };
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.hashes = grow(this.hashes);
    }
    if (this.poolUsed + s.length > this.pool.length) {
      const p = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + s.length));
      p.set(this.pool.subarray(0, this.poolUsed));
      this.pool = p;
    }
    for (let i = 0; i < s.length; i++) this.pool[this.poolUsed + i] = s.charCodeAt(i);
    this.starts[id] = this.poolUsed;
    this.lengths[id] = s.length;
    this.hashes[id] = this.lastHash;
    this.poolUsed += s.length;
    this.strings[id] = s;
    if (this.size * 2 > this.mask + 1) {
      this.slots = new Int32Array(this.slots.length * 2);
      this.mask = this.slots.length - 1;
      for (let k = 0; k < this.size; k++) this.place(k);
    } else this.place(id);
    return id;
  }

  private place(id: number): void {
    let i = (this.hashes[id] as number) & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.slots[i] = id + 1;
  }

  text(id: number): string {
    let s = this.strings[id];
    if (s === undefined) {
      const o = this.starts[id] as number;
      s = String.fromCharCode.apply(null, this.pool.subarray(o, o + (this.lengths[id] as number)) as unknown as number[]);
      this.strings[id] = s;
    }
    return s;
  }

  all(): string[] {
    const out: string[] = [];
    for (let id = 0; id < this.size; id++) out.push(this.text(id));
    return out;
  }
}

/**
 * An address as the tables key it: `v` the IPv4 value (tag 0) or the interned id (tag 1; -1 while the address
 * is in no table yet, `text` then holding it).
 */
export interface Addr {
  v: number;
  tag: number;
  text: string | undefined;
}

/** Interns `a` if it is not yet (it is about to be kept in a table). */
export function internAddr(names: Interner, a: Addr): void {
  if (a.tag === 1 && a.v < 0) {
    const id = names.findText(a.text as string);
    a.v = id >= 0 ? id : names.add(a.text as string);
  }
}

/**
 * `a` looked up again if it was not interned: another table may have interned the same text since (the local
 * and remote addresses of a socket are often the same, "::1").
 */
export function refreshAddr(names: Interner, a: Addr): void {
  if (a.tag === 1 && a.v < 0) a.v = names.findText(a.text as string);
}
