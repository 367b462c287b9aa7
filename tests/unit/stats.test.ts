import { describe, expect, it } from "vitest";
import { fpc, mean, meanInterval, nps, npsWaldHalfWidth, sd, wilson } from "../../api/domain/stats/intervals.ts";

describe("Wilson interval", () => {
  it("matches textbook values", () => {
    const ci = wilson(81, 263)!;
    expect(ci.low).toBeCloseTo(0.2553, 4);
    expect(ci.high).toBeCloseTo(0.3662, 4);
  });
  it("stays inside [0, 1] at the edges", () => {
    expect(wilson(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilson(10, 10)!.low).toBeCloseTo(0.7225, 4);
    expect(wilson(10, 10)!.high).toBeCloseTo(1, 10);
    expect(wilson(0, 0)).toBeNull();
  });
  it("narrows with the finite-population correction", () => {
    const plain = wilson(40, 100)!,
      corrected = wilson(40, 100, 150)!;
    expect(corrected.high - corrected.low).toBeLessThan(plain.high - plain.low);
  });
});

describe("mean and its t-interval", () => {
  it("computes sample mean and standard deviation", () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.13809, 5);
    expect(sd([3])).toBe(0);
  });
  it("uses Student's t: n=10, mean 5, sd 2 gives 5 ± 1.4307", () => {
    const ci = meanInterval(5, 2, 10)!;
    expect(ci.low).toBeCloseTo(3.5693, 4);
    expect(ci.high).toBeCloseTo(6.4307, 4);
  });
  it("has no interval for n < 2 and shrinks to a point when everyone answered", () => {
    expect(meanInterval(5, 0, 1)).toBeNull();
    const all = meanInterval(4, 1, 20, 20)!;
    expect(all.high - all.low).toBe(0);
  });
  it("applies FPC √((N−n)/(N−1))", () => {
    expect(fpc(150, 400)).toBeCloseTo(Math.sqrt(250 / 399), 10);
    expect(fpc(10)).toBe(1);
    expect(fpc(400, 400)).toBe(0);
  });
});

describe("Net Promoter Score", () => {
  it("matches the worked example: p=0.4, d=0.2, n=150 → NPS 20 ± about 12, ±9.5 with FPC for N=400", () => {
    expect(npsWaldHalfWidth(0.4, 0.2, 150)).toBeCloseTo(11.98, 1);
    expect(npsWaldHalfWidth(0.4, 0.2, 150, 400)).toBeCloseTo(9.48, 1);
    expect(nps(60, 60, 30).nps).toBeCloseTo(20, 10);
  });
  it("gives an adjusted-Wald interval around the estimate, within [−100, 100]", () => {
    const r = nps(60, 60, 30);
    expect(r.n).toBe(150);
    expect(r.interval!.low).toBeLessThan(20);
    expect(r.interval!.high).toBeGreaterThan(20);
    expect(r.interval!.high - r.interval!.low).toBeCloseTo(2 * 11.9, 0);
    const extreme = nps(3, 0, 0);
    expect(extreme.nps).toBe(100);
    expect(extreme.interval!.high).toBeLessThanOrEqual(100);
    expect(extreme.interval!.low).toBeGreaterThan(-100);
  });
  it("has no interval without answers", () => {
    expect(nps(0, 0, 0)).toMatchObject({ n: 0, interval: null });
  });
});
