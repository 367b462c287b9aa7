/** Small timing helpers: wall-clock milliseconds and order statistics of a sample. */

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** Nearest-rank percentile (p in 0..100) of an unsorted sample. */
export function percentile(sample: number[], p: number): number {
  if (!sample.length) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** Median, averaging the two middle values of an even sample. */
export function median(sample: number[]): number {
  if (!sample.length) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const p90 = (sample: number[]) => percentile(sample, 90);

export interface Summary {
  median: number;
  p90: number;
  min: number;
  runs: number;
}

export function summarise(sample: number[]): Summary {
  return { median: median(sample), p90: p90(sample), min: Math.min(...sample), runs: sample.length };
}
