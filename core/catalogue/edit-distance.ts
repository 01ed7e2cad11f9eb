/** Edit distance for "did you mean": the closest names to a typo. */

/** Rows reused across calls: suggestions compare hundreds of pairs per typo. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau-Levenshtein (optimal string alignment) distance, giving up once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** Candidates within an edit distance that grows with the length, closest first. */
export function closest(target: string, candidates: readonly string[]): string[] {
  const scored: { key: string; d: number }[] = [];
  for (const c of candidates) {
    const max = Math.max(2, Math.floor(Math.max(c.length, target.length) / 6));
    if (Math.abs(c.length - target.length) > max) continue;
    const d = editDistance(target, c, max);
    if (d <= max && d > 0) scored.push({ key: c, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return scored.map((s) => s.key);
}
