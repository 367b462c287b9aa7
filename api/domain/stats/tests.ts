import tCdf from "@stdlib/stats-base-dists-t-cdf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

/** A test of a difference: statistic, two-sided p and whether it passes α = 0.05. */
export interface TestResult {
  test: "welch" | "two_proportion" | "fisher";
  statistic: number;
  df?: number;
  p: number;
  significant: boolean;
}

const ALPHA = 0.05;

/**
 * Welch's t-test from two summaries (mean, sample sd, n): no equal-variance assumption,
 * which suits survey waves of different size and spread.
 */
export function welch(m1: number, s1: number, n1: number, m2: number, s2: number, n2: number): TestResult | null {
  if (n1 < 2 || n2 < 2) return null;
  const v1 = (s1 * s1) / n1,
    v2 = (s2 * s2) / n2;
  if (v1 + v2 === 0) return null;
  const t = (m1 - m2) / Math.sqrt(v1 + v2);
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1));
  const p = 2 * (1 - tCdf(Math.abs(t), df));
  return { test: "welch", statistic: t, df, p, significant: p < ALPHA };
}

/** Pooled two-proportion z-test. */
export function twoProportion(x1: number, n1: number, x2: number, n2: number): TestResult | null {
  if (!n1 || !n2) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return null;
  const z = (x1 / n1 - x2 / n2) / se;
  const p = 2 * (1 - normalCdf(Math.abs(z), 0, 1));
  return { test: "two_proportion", statistic: z, p, significant: p < ALPHA };
}

const logFactorial = (() => {
  const cache = [0];
  return (n: number) => {
    for (let i = cache.length; i <= n; i++) cache[i] = cache[i - 1] + Math.log(i);
    return cache[n];
  };
})();

/** Fisher's exact test (two-sided: all tables at most as likely as the observed one). */
export function fisher(x1: number, n1: number, x2: number, n2: number): TestResult {
  const k = x1 + x2,
    n = n1 + n2;
  const prob = (a: number) =>
    Math.exp(
      logFactorial(k) +
        logFactorial(n - k) +
        logFactorial(n1) +
        logFactorial(n2) -
        logFactorial(a) -
        logFactorial(k - a) -
        logFactorial(n1 - a) -
        logFactorial(n2 - k + a) -
        logFactorial(n),
    );
  const observed = prob(x1);
  let p = 0;
  for (let a = Math.max(0, k - n2); a <= Math.min(k, n1); a++) {
    const q = prob(a);
    if (q <= observed * (1 + 1e-7)) p += q;
  }
  p = Math.min(1, p);
  return { test: "fisher", statistic: observed, p, significant: p < ALPHA };
}

/** Shares compared with Fisher's exact test when a cell is expected under 5, else the z-test. */
export function compareShares(x1: number, n1: number, x2: number, n2: number): TestResult | null {
  if (!n1 || !n2) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const smallest = Math.min(n1, n2) * Math.min(pooled, 1 - pooled);
  return smallest < 5 ? fisher(x1, n1, x2, n2) : twoProportion(x1, n1, x2, n2);
}

/**
 * Difference between two NPS values: z = (NPS₁ − NPS₂) / √(var₁/n₁ + var₂/n₂), with
 * var = p + d − (p − d)² per respondent (domain README, statistics conventions).
 */
export function npsDifference(
  a: { promoters: number; detractors: number; n: number },
  b: { promoters: number; detractors: number; n: number },
): TestResult | null {
  if (!a.n || !b.n) return null;
  const v = (x: typeof a) => {
    const p = x.promoters / x.n,
      d = x.detractors / x.n;
    return { score: p - d, variance: p + d - (p - d) ** 2 };
  };
  const [va, vb] = [v(a), v(b)];
  const se = Math.sqrt(va.variance / a.n + vb.variance / b.n);
  if (se === 0) return null;
  const z = (va.score - vb.score) / se;
  const p = 2 * (1 - normalCdf(Math.abs(z), 0, 1));
  return { test: "two_proportion", statistic: z, p, significant: p < ALPHA };
}
