/**
 * Sample quantile with linear interpolation between order statistics (Hyndman & Fan
 * type 7, the default of R and NumPy), so that our medians match what an analyst gets.
 */
export function quantile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

export interface Spread {
  n: number;
  median: number | null;
  p90: number | null;
}

/** Median and p90, to one decimal: lead times in days need no more. */
export function spread(values: number[]): Spread {
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return { n: values.length, median: round(quantile(values, 0.5)), p90: round(quantile(values, 0.9)) };
}
