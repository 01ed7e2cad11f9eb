/**
 * Remote hosts, counted exactly without a table per host: each socket's host goes into an append-only log,
 * its key (the IPv4 address, or an interned address's id) and its state, IPv4 hosts and interned ones apart
 * (the latter sort after every IPv4 host). Past LOG_CAP entries the logs are compacted: radix-sorted and folded
 * into counted runs of values (tag << 36) | (key << 4) | state, which are merged with the runs so far; so
 * memory follows the distinct (host, state) pairs, not the input's length, and every count stays exact. At the
 * end the logs are sorted, and they, the runs and the hosts of the outgoing sockets (summed from the
 * destinations table: they never enter the logs) are walked once in host order for the top, per state over all
 * of them and over the logged sockets alone (the clients); no socket costs more for the latter.
 */

/** Entries logged before a compaction: 5 MiB of log (virtual until written). */
const LOG_CAP: u32 = 1 << 20;
const S: u32 = 12;

/**
 * A log's header: the address of its keys (u32) and of its states (u8), each allocated for LOG_CAP entries
 * (virtual until written), and its length.
 */
const V4 = memory.data(12, 4);
const NAMES = memory.data(12, 4);
let logLimit: u32 = LOG_CAP;

// @ts-ignore: decorator
@inline
function keysOf(log: usize): usize {
  return load<u32>(log);
}

// @ts-ignore: decorator
@inline
function statesOf(log: usize): usize {
  return load<u32>(log + 4);
}

// @ts-ignore: decorator
@inline
function lengthOf(log: usize): u32 {
  return load<u32>(log + 8);
}

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
  if (lengthOf(V4) + lengthOf(NAMES) >= logLimit) compact();
  const log = tag == 0 ? V4 : NAMES;
  let n = lengthOf(log);
  if (keysOf(log) == 0) {
    store<u32>(log, u32(heap.alloc(usize(LOG_CAP) << 2)));
    store<u32>(log + 4, u32(heap.alloc(usize(LOG_CAP))));
  }
  store<u32>(keysOf(log) + (usize(n) << 2), key);
  store<u8>(statesOf(log) + usize(n), u8(state));
  store<u32>(log + 8, n + 1);
}

/**
 * Sorts n keys K at `a` (with payloads P at `pa` unless it is 0) by their 39 low bits, least significant digit
 * first (stable); `b` and `pb` are scratch of the same sizes. Returns 0 when the result is in a, 1 in b.
 */
function radixSort<K, P>(a: usize, b: usize, pa: usize, pb: usize, n: u32): u32 {
  memory.fill(HIST, 0, 3 * 8192 * 4);
  for (let i: u32 = 0; i < n; i++) {
    const v = u64(load<K>(a + usize(i) * sizeof<K>()));
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
      const v = load<K>(src + usize(i) * sizeof<K>());
      const h = hist + (usize((u64(v) >> shift) & 8191) << 2);
      const j = load<u32>(h);
      store<u32>(h, j + 1);
      store<K>(dst + usize(j) * sizeof<K>(), v);
      if (pa != 0) store<P>(pdst + usize(j) * sizeof<P>(), load<P>(psrc + usize(i) * sizeof<P>()));
    }
    inB ^= 1;
  }
  return inB;
}

/** Sorts a log by key, its states along (the sorted buffers become the log's; the others are freed). */
function sortLog(log: usize): void {
  const n = lengthOf(log);
  if (n == 0) return;
  const keys = heap.alloc(usize(LOG_CAP) << 2);
  const states = heap.alloc(usize(LOG_CAP));
  const sorted = radixSort<u32, u8>(keysOf(log), keys, statesOf(log), states, n);
  heap.free(sorted ? keysOf(log) : keys);
  heap.free(sorted ? statesOf(log) : states);
  if (sorted) {
    store<u32>(log, u32(keys));
    store<u32>(log + 4, u32(states));
  }
}

/** Adds entries [i, ...) of a sorted log that have `key` into ROW; returns the first entry of another key. */
function takeLog(log: usize, i: u32, key: u32): u32 {
  const n = lengthOf(log);
  const keys = keysOf(log);
  while (i < n && load<u32>(keys + (usize(i) << 2)) == key) {
    const row = ROW + usize(load<u8>(statesOf(log) + usize(i))) * 8;
    store<f64>(row, load<f64>(row) + 1);
    i++;
  }
  return i;
}

/** Folds a sorted log into counted values from `at` of `values`, `counts`, and empties it; returns the next place. */
function fold(log: usize, tag: u64, values: usize, counts: usize, at: u32): u32 {
  for (let i: u32 = 0; i < lengthOf(log); ) {
    const key = load<u32>(keysOf(log) + (usize(i) << 2));
    memory.fill(ROW, 0, S * 8);
    i = takeLog(log, i, key);
    for (let s: u32 = 0; s < S; s++) {
      const c = load<f64>(ROW + usize(s) * 8);
      if (c == 0) continue;
      store<u64>(values + (usize(at) << 3), (tag << 36) | (u64(key) << 4) | u64(s));
      store<f64>(counts + (usize(at) << 3), c);
      at++;
    }
  }
  store<u32>(log + 8, 0);
  return at;
}

/** Sorts the logs and folds them into the runs, merged in from the back. */
function compact(): void {
  const n = lengthOf(V4) + lengthOf(NAMES);
  if (n == 0) return;
  sortLog(V4);
  sortLog(NAMES);
  const values = heap.alloc(usize(n) << 3);
  const counts = heap.alloc(usize(n) << 3);
  const m = fold(NAMES, 1, values, counts, fold(V4, 0, values, counts, 0));
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
  heap.free(counts);
  heap.free(values);
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
/** Per state: the distinct hosts with a socket in it. */
const STATE_DISTINCT = memory.data(S * 8, 8);
/** Per state: the STATE_TOP_N hosts with the most sockets in it, as (host, count) pairs; count 0 ends a list. */
const STATE_TOP_N: u32 = 3;
const STATE_TOP = memory.data(S * STATE_TOP_N * 16, 8);
/**
 * The same two over the logged sockets only (those counted by local port: clients of this host's services),
 * so that a finding can name the clients behind a local port, which the outgoing sockets' hosts would hide.
 */
const LOGGED_DISTINCT = memory.data(S * 8, 8);
const LOGGED_TOP = memory.data(S * STATE_TOP_N * 16, 8);

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

/** Counts the host whose counts are in ROW into each state's distinct hosts and top (ties: first walked). */
function offerByState(host: u64, distinctByState: usize, tops: usize): void {
  for (let s: u32 = 0; s < S; s++) {
    const c = load<f64>(ROW + usize(s) * 8);
    if (c == 0) continue;
    store<f64>(distinctByState + usize(s) * 8, load<f64>(distinctByState + usize(s) * 8) + 1);
    const list = tops + usize(s * STATE_TOP_N) * 16;
    let i = STATE_TOP_N;
    while (i > 0 && load<f64>(list + usize(i - 1) * 16 + 8) < c) i--;
    if (i == STATE_TOP_N) continue;
    memory.copy(list + usize(i + 1) * 16, list + usize(i) * 16, usize(STATE_TOP_N - 1 - i) * 16);
    store<f64>(list + usize(i) * 16, f64(host));
    store<f64>(list + usize(i) * 16 + 8, c);
  }
}

/** Adds runs [i, end) of values `v` with counts `c` that belong to `host` into ROW; returns the first run of another host. */
function take(v: usize, c: usize, i: u32, end: u32, host: u64): u32 {
  while (i < end) {
    const value = load<u64>(v + (usize(i) << 3));
    if (value >> 4 != host) break;
    const row = ROW + usize(value & 15) * 8;
    store<f64>(row, load<f64>(row) + load<f64>(c + (usize(i) << 3)));
    i++;
  }
  return i;
}

/**
 * The `n` hosts with the most sockets (ties in host order: IPv4 addresses by value, then other addresses in
 * the order they came), from the runs, the logs (sorted here, not folded) and the outgoing sockets, given as
 * `m` (value, count) pairs at `ov`, `oc` (values as in the runs). Results: topPtr, topLength, distinctHosts, and
 * per state stateDistinctPtr, stateTopPtr, and for the logged sockets alone loggedDistinctPtr, loggedTopPtr.
 */
export function topHosts(n: u32, ov: usize, oc: usize, m: u32): void {
  topN = min(n, TOP_MAX);
  topLen = 0;
  distinct = 0;
  memory.fill(STATE_DISTINCT, 0, S * 8);
  memory.fill(STATE_TOP, 0, S * STATE_TOP_N * 16);
  memory.fill(LOGGED_DISTINCT, 0, S * 8);
  memory.fill(LOGGED_TOP, 0, S * STATE_TOP_N * 16);
  sortLog(V4);
  sortLog(NAMES);
  const v4N = lengthOf(V4);
  const namesN = lengthOf(NAMES);
  let ovs = ov;
  let ocs = oc;
  if (m > 0) {
    const sv = heap.alloc(usize(m) << 3);
    const sc = heap.alloc(usize(m) << 3);
    if (radixSort<u64, f64>(ov, sv, oc, sc, m)) {
      ovs = sv;
      ocs = sc;
    }
  }
  let i: u32 = 0;
  let j: u32 = 0;
  let k: u32 = 0;
  let l: u32 = 0;
  while (i < runN || j < m || k < v4N || l < namesN) {
    const a = i < runN ? load<u64>(runV + (usize(i) << 3)) >> 4 : u64.MAX_VALUE;
    const b = j < m ? load<u64>(ovs + (usize(j) << 3)) >> 4 : u64.MAX_VALUE;
    const c = k < v4N ? u64(load<u32>(keysOf(V4) + (usize(k) << 2))) : u64.MAX_VALUE;
    const d = l < namesN ? (u64(1) << 32) | u64(load<u32>(keysOf(NAMES) + (usize(l) << 2))) : u64.MAX_VALUE;
    const ab = a < b ? a : b;
    const cd = c < d ? c : d;
    const host = ab < cd ? ab : cd;
    memory.fill(ROW, 0, S * 8);
    // The logged sockets first, offered on their own; then the outgoing ones are added.
    i = take(runV, runC, i, runN, host);
    if (host >> 32 == 0) k = takeLog(V4, k, u32(host));
    else l = takeLog(NAMES, l, u32(host));
    offerByState(host, LOGGED_DISTINCT, LOGGED_TOP);
    j = take(ovs, ocs, j, m, host);
    let total: f64 = 0;
    for (let s: u32 = 0; s < S; s++) total += load<f64>(ROW + usize(s) * 8);
    distinct++;
    if (topN > 0) offer(host, total);
    offerByState(host, STATE_DISTINCT, STATE_TOP);
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

export function stateDistinctPtr(): usize {
  return STATE_DISTINCT;
}

export function stateTopPtr(): usize {
  return STATE_TOP;
}

export function loggedDistinctPtr(): usize {
  return LOGGED_DISTINCT;
}

export function loggedTopPtr(): usize {
  return LOGGED_TOP;
}
