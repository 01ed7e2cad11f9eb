/**
 * Remote hosts, counted exactly without a table per host: each socket's host goes into an append-only log
 * as one u64, (tag << 36) | (key << 4) | state, with tag 0 for an IPv4 address (key: its 32 bits) and 1 for
 * an interned address (key: its id). Past LOG_CAP entries the log is compacted: radix-sorted and folded into
 * counted runs, which are merged with the runs so far; so memory follows the distinct (host, state) pairs, not
 * the input's length, and every count stays exact. At the end the log is sorted, and it, the runs and the hosts
 * of the outgoing sockets (summed from the destinations table: they never enter the log) are walked once in
 * host order for the top.
 */

/** Entries logged before a compaction: 8 MiB of log (virtual until written). */
const LOG_CAP: u32 = 1 << 20;
const S: u32 = 12;

let log: usize = 0;
let logN: u32 = 0;
let logLimit: u32 = LOG_CAP;

/** Compacts after `n` entries (at most LOG_CAP) from now on: tests use small ones. */
export function setLogLimit(n: u32): void {
  logLimit = max(1, min(n, LOG_CAP));
}
/** Sorted distinct values and their counts. */
let runV: usize = 0;
let runC: usize = 0;
let runN: u32 = 0;
let runCap: u32 = 0;

/** Counts of one radix digit (13 bits), three digits. */
const HIST = memory.data(3 * 8192 * 4, 4);

/** One socket of `state` with the remote host (tag, key). */
// @ts-ignore: decorator
@inline
export function logHost(tag: u32, key: u32, state: u32): void {
  if (logN >= logLimit) compact();
  if (log == 0) log = heap.alloc(usize(LOG_CAP) << 3);
  store<u64>(log + (usize(logN) << 3), (u64(tag) << 36) | (u64(key) << 4) | u64(state));
  logN++;
}

/**
 * Sorts n u64 values at `a` (with f64 payloads at `pa` unless it is 0) by their 39 low bits, least significant
 * digit first (stable); `b` and `pb` are scratch of the same sizes. Returns 0 when the result is in a, 1 in b.
 */
function radixSort(a: usize, b: usize, pa: usize, pb: usize, n: u32): u32 {
  memory.fill(HIST, 0, 3 * 8192 * 4);
  for (let i: u32 = 0; i < n; i++) {
    const v = load<u64>(a + (usize(i) << 3));
    const d0 = HIST + (usize(v & 8191) << 2);
    const d1 = HIST + 32768 + (usize((v >> 13) & 8191) << 2);
    const d2 = HIST + 65536 + (usize((v >> 26) & 8191) << 2);
    store<u32>(d0, load<u32>(d0) + 1);
    store<u32>(d1, load<u32>(d1) + 1);
    store<u32>(d2, load<u32>(d2) + 1);
  }
  let inB: u32 = 0;
  for (let pass: u32 = 0; pass < 3; pass++) {
    const hist = HIST + usize(pass) * 32768;
    const shift = u64(pass * 13);
    // A digit all values share: nothing to move.
    let sum: u32 = 0;
    let all = false;
    for (let d: u32 = 0; d < 8192; d++) {
      const c = load<u32>(hist + (usize(d) << 2));
      if (c == n) all = true;
      store<u32>(hist + (usize(d) << 2), sum);
      sum += c;
    }
    if (all) continue;
    const src = inB ? b : a;
    const dst = inB ? a : b;
    const psrc = inB ? pb : pa;
    const pdst = inB ? pa : pb;
    for (let i: u32 = 0; i < n; i++) {
      const v = load<u64>(src + (usize(i) << 3));
      const h = hist + (usize((v >> shift) & 8191) << 2);
      const j = load<u32>(h);
      store<u32>(h, j + 1);
      store<u64>(dst + (usize(j) << 3), v);
      if (pa != 0) store<f64>(pdst + (usize(j) << 3), load<f64>(psrc + (usize(i) << 3)));
    }
    inB ^= 1;
  }
  return inB;
}

/**
 * Sorts the log and folds it into the runs, in the memory it has: the sorted values are folded in place, their
 * counts written over the other buffer, and merged into the runs from the back.
 */
function compact(): void {
  if (logN == 0) return;
  const n = logN;
  const scratch = heap.alloc(usize(n) << 3);
  const inScratch = radixSort(log, scratch, 0, 0, n);
  const values = inScratch ? scratch : log;
  const counts = inScratch ? log : scratch;
  let m: u32 = 0;
  for (let i: u32 = 0; i < n; ) {
    const v = load<u64>(values + (usize(i) << 3));
    let j = i + 1;
    while (j < n && load<u64>(values + (usize(j) << 3)) == v) j++;
    store<u64>(values + (usize(m) << 3), v);
    store<f64>(counts + (usize(m) << 3), f64(j - i));
    m++;
    i = j;
  }
  if (runN + m > runCap) {
    runCap = max(runCap << 1, runN + m);
    runV = runV == 0 ? heap.alloc(usize(runCap) << 3) : heap.realloc(runV, usize(runCap) << 3);
    runC = runC == 0 ? heap.alloc(usize(runCap) << 3) : heap.realloc(runC, usize(runCap) << 3);
  }
  // From the back: a run present in both takes one place, so the merged runs may start after a gap.
  let i = i64(runN) - 1;
  let j = i64(m) - 1;
  let k = i64(runN + m) - 1;
  while (j >= 0) {
    const b = load<u64>(values + (usize(j) << 3));
    const a = i >= 0 ? load<u64>(runV + (usize(i) << 3)) : 0;
    if (i >= 0 && a >= b) {
      let c = load<f64>(runC + (usize(i) << 3));
      if (a == b) c += load<f64>(counts + (usize(j--) << 3));
      store<u64>(runV + (usize(k) << 3), a);
      store<f64>(runC + (usize(k) << 3), c);
      i--;
    } else {
      store<u64>(runV + (usize(k) << 3), b);
      store<f64>(runC + (usize(k) << 3), load<f64>(counts + (usize(j) << 3)));
      j--;
    }
    k--;
  }
  const total = u32(runN + m);
  const gap = u32(k - i);
  if (gap > 0) {
    const from = usize(k + 1) << 3;
    const to = usize(i + 1) << 3;
    const bytes = usize(total - u32(k + 1)) << 3;
    memory.copy(runV + to, runV + from, bytes);
    memory.copy(runC + to, runC + from, bytes);
  }
  runN = total - gap;
  heap.free(scratch);
  logN = 0;
}

// ---- The top hosts ----

/** Rows of the top: host (tag << 32 | key), total, counts by state. */
const TOP_MAX: u32 = 100;
const TOP_WIDTH: u32 = 2 + S;
const TOP = memory.data(TOP_MAX * TOP_WIDTH * 8, 8);
let topLen: u32 = 0;
let topN: u32 = 0;
let distinct: f64 = 0;
const ROW = memory.data(S * 8, 8);

/** Offers the host whose counts are in ROW: kept if it has more sockets than the last row (ties: first walked). */
function offer(host: u64, total: f64): void {
  if (topLen == topN && total <= load<f64>(TOP + usize((topN - 1) * TOP_WIDTH + 1) * 8)) return;
  let i = topLen < topN ? topLen++ : topN - 1;
  while (i > 0 && load<f64>(TOP + usize((i - 1) * TOP_WIDTH + 1) * 8) < total) {
    memory.copy(TOP + usize(i * TOP_WIDTH) * 8, TOP + usize((i - 1) * TOP_WIDTH) * 8, TOP_WIDTH * 8);
    i--;
  }
  const row = TOP + usize(i * TOP_WIDTH) * 8;
  store<f64>(row, f64(host));
  store<f64>(row + 8, total);
  memory.copy(row + 16, ROW, S * 8);
}

/**
 * Sums runs [i, end) of values `v` with counts `c` (or, when `c` is 0, values counted once each) that belong
 * to `host` into ROW; returns the first run of another host.
 */
function take(v: usize, c: usize, i: u32, end: u32, host: u64): u32 {
  while (i < end) {
    const value = load<u64>(v + (usize(i) << 3));
    if (value >> 4 != host) break;
    const row = ROW + usize(value & 15) * 8;
    store<f64>(row, load<f64>(row) + (c == 0 ? 1 : load<f64>(c + (usize(i) << 3))));
    i++;
  }
  return i;
}

/**
 * The `n` hosts with the most sockets (ties in host order: IPv4 addresses by value, then other addresses in
 * the order they came), from the runs, the log (sorted here, not folded: nothing more is written) and the
 * outgoing sockets, given as `m` (value, count) pairs at `ov`, `oc` (a value as in the log). Results: topPtr,
 * topLength, distinctHosts.
 */
export function topHosts(n: u32, ov: usize, oc: usize, m: u32): void {
  topN = min(n, TOP_MAX);
  topLen = 0;
  distinct = 0;
  let lv = log;
  if (logN > 0) {
    const scratch = heap.alloc(usize(logN) << 3);
    if (radixSort(log, scratch, 0, 0, logN)) lv = scratch;
  }
  let ovs = ov;
  let ocs = oc;
  if (m > 0) {
    const sv = heap.alloc(usize(m) << 3);
    const sc = heap.alloc(usize(m) << 3);
    if (radixSort(ov, sv, oc, sc, m)) {
      ovs = sv;
      ocs = sc;
    }
  }
  let i: u32 = 0;
  let j: u32 = 0;
  let k: u32 = 0;
  while (topN > 0 && (i < runN || j < m || k < logN)) {
    const a = i < runN ? load<u64>(runV + (usize(i) << 3)) >> 4 : u64.MAX_VALUE;
    const b = j < m ? load<u64>(ovs + (usize(j) << 3)) >> 4 : u64.MAX_VALUE;
    const c = k < logN ? load<u64>(lv + (usize(k) << 3)) >> 4 : u64.MAX_VALUE;
    const ab = a < b ? a : b;
    const host = ab < c ? ab : c;
    memory.fill(ROW, 0, S * 8);
    i = take(runV, runC, i, runN, host);
    j = take(ovs, ocs, j, m, host);
    k = take(lv, 0, k, logN, host);
    let total: f64 = 0;
    for (let s: u32 = 0; s < S; s++) total += load<f64>(ROW + usize(s) * 8);
    distinct++;
    offer(host, total);
  }
}

export function topPtr(): usize {
  return TOP;
}

export function topLength(): u32 {
  return topLen;
}

export function distinctHosts(): f64 {
  return distinct;
}
