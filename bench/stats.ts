/** Timing helpers: warm up, then report the median and the 95th percentile in milliseconds. */
export interface Timing {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

export async function measure(runs: number, fn: () => unknown | Promise<unknown>): Promise<Timing> {
  // Warm up (JIT, caches) unless a single cold run is what is asked for.
  for (let i = 0; runs > 1 && i < Math.min(20, runs); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export function line(name: string, t: Timing, target?: number): string {
  const verdict = target === undefined ? "" : t.median <= target ? `  ok (target ≤ ${target} ms)` : `  OVER TARGET (≤ ${target} ms)`;
  return `${name.padEnd(62)} median ${t.median.toFixed(3).padStart(8)} ms   p95 ${t.p95.toFixed(3).padStart(8)} ms   (${t.runs} runs)${verdict}`;
}
