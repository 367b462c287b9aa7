import { describe, expect, it } from "vitest";
import { compareShares, fisher, twoProportion, welch } from "../../api/domain/stats/tests.ts";

describe("significance tests against known values (SciPy)", () => {
  it("Welch's t-test: Wikipedia's example 1", () => {
    // A: 19.8 20.4 … (n 10), B: 28.2 26.6 … (n 20); scipy.stats.ttest_ind(a, b, equal_var=False)
    const r = welch(19.37, 1.2037441588643325, 10, 21.59, 4.123475794954901, 20)!;
    expect(r.statistic).toBeCloseTo(-2.2255, 4);
    expect(r.df).toBeCloseTo(24.5246, 3);
    expect(r.p).toBeCloseTo(0.035485, 5);
    expect(r.significant).toBe(true);
  });

  it("two-proportion z-test: 45/60 against 30/60", () => {
    const r = twoProportion(45, 60, 30, 60)!;
    expect(r.statistic).toBeCloseTo(2.828427, 5);
    expect(r.p).toBeCloseTo(0.0046777, 6);
  });

  it("Fisher's exact test: the same table", () => {
    expect(fisher(45, 60, 30, 60).p).toBeCloseTo(0.0079533, 6);
    expect(fisher(3, 4, 1, 4).p).toBeCloseTo(0.4857143, 6); // the lady tasting tea, two-sided
  });

  it("chooses Fisher for small expected counts, and says nothing without data", () => {
    expect(compareShares(3, 4, 1, 4)!.test).toBe("fisher");
    expect(compareShares(45, 60, 30, 60)!.test).toBe("two_proportion");
    expect(compareShares(1, 0, 1, 4)).toBeNull();
    expect(welch(3, 1, 1, 4, 1, 10)).toBeNull();
  });
});
