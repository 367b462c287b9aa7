import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export interface Interval {
  low: number;
  high: number;
}

const Z95 = 1.959963984540054;

/**
 * Finite-population correction √((N−n)/(N−1)): a wave that reached a large share of the
 * invited partners knows more than the same n drawn from an endless population.
 */
export function fpc(n: number, population?: number): number {
  if (!population || population <= 1 || n >= population) return population && n >= population ? 0 : 1;
  return Math.sqrt((population - n) / (population - 1));
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n − 1). */
export function sd(values: number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

/** 95 % t-interval for a mean from its summary, with FPC when the invited N is known. */
export function meanInterval(m: number, s: number, n: number, population?: number): Interval | null {
  if (n < 2) return null;
  const half = tQuantile(0.975, n - 1) * (s / Math.sqrt(n)) * fpc(n, population);
  return { low: m - half, high: m + half };
}

/** Wilson score interval for a proportion (95 %). */
export function wilson(successes: number, n: number, population?: number): Interval | null {
  if (n === 0) return null;
  const p = successes / n,
    z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = ((Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n)) * fpc(n, population);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface NpsResult {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number;
  interval: Interval | null;
}

/**
 * Net Promoter Score with an adjusted-Wald interval: add 3 to n and ¾ to promoters and
 * detractors, then var = [p + d − (p − d)²]/n (domain README, statistics conventions).
 */
export function nps(promoters: number, passives: number, detractors: number, population?: number): NpsResult {
  const n = promoters + passives + detractors;
  const score = n ? (100 * (promoters - detractors)) / n : 0;
  if (n === 0) return { n, promoters, passives, detractors, nps: score, interval: null };
  const na = n + 3,
    p = (promoters + 0.75) / na,
    d = (detractors + 0.75) / na;
  const se = Math.sqrt((p + d - (p - d) ** 2) / na) * fpc(n, population);
  const centre = 100 * (p - d);
  return {
    n,
    promoters,
    passives,
    detractors,
    nps: score,
    interval: { low: Math.max(-100, centre - 100 * Z95 * se), high: Math.min(100, centre + 100 * Z95 * se) },
  };
}

/** Same formula without adjustment, for checking against the worked example. */
export function npsWaldHalfWidth(p: number, d: number, n: number, population?: number): number {
  return 100 * Z95 * Math.sqrt((p + d - (p - d) ** 2) / n) * fpc(n, population);
}
