import { describe, expect, it } from "vitest";
import { extremes, quarterComparison, quarterPeriods, verdict } from "../../api/domain/overview/overview.ts";
import type { RegistryData } from "../../api/domain/registry/registry.types.ts";

describe("the start page's figures", () => {
  it("says a change in words only as far as the test allows", () => {
    expect(verdict(0.4, { significant: true })).toBe("significant_up");
    expect(verdict(-0.4, { significant: true })).toBe("significant_down");
    expect(verdict(-0.4, { significant: false })).toBe("not_significant");
    expect(verdict(0.4, null)).toBe("no_test");
  });

  it("ranks the dimensions without the mark and the recommendation question", () => {
    const d = (dimension: string, mean: number, n = 10) => ({ dimension, mean, n });
    const { weakest, strongest } = extremes([
      d("rapportcijfer", 7.4),
      d("nps", 7.9),
      d("rolduidelijkheid", 3.1),
      d("meerwaarde", 4.2),
      d("leeg", 1, 0),
    ]);
    expect(weakest?.dimension).toBe("rolduidelijkheid");
    expect(strongest?.dimension).toBe("meerwaarde");
    expect(extremes([d("nps", 8)])).toEqual({ weakest: null, strongest: null });
  });

  it("compares the quarter so far with the same days a year earlier", () => {
    expect(quarterPeriods("2026-11-20")).toEqual({
      current: { from: "2026-10-01", to: "2026-11-20" },
      lastYear: { from: "2025-10-01", to: "2025-11-20" },
    });
    expect(quarterPeriods("2028-02-29").lastYear).toEqual({ from: "2027-01-01", to: "2027-02-28" });
    expect(quarterPeriods("2026-03-31").current.from).toBe("2026-01-01");
  });

  it("counts per branch and names the municipalities that changed most", () => {
    const c = (id: string, municipalityId: string, branchId: string, registeredOn: string) => ({
      id,
      code: id,
      municipalityId,
      branchId,
      themeIds: [],
      referrerOrganisationId: null,
      status: "aangemeld" as const,
      registeredOn,
      closedOn: null,
      handledLocallyOn: null,
    });
    const data = {
      cases: [
        c("a1", "alkmaar", "alkmaar", "2026-10-02"),
        c("a2", "alkmaar", "alkmaar", "2026-10-03"),
        c("a3", "alkmaar", "alkmaar", "2026-10-04"),
        c("h1", "hoorn", "west-friesland", "2025-10-05"),
        c("h2", "hoorn", "west-friesland", "2025-10-06"),
        c("t1", "texel", "den-helder", "2026-10-07"),
        c("b1", "bergen", "alkmaar", "2025-12-30"), // after the same day last year: not counted
      ],
      conferences: [],
      activities: [
        {
          id: "x",
          municipalityId: "texel",
          caseId: null,
          kind: "advies",
          staffRole: "procesregisseur",
          performedOn: "2026-10-08",
          hours: 2,
        },
      ],
      rates: { procesregisseur: 80 },
      branchOf: { alkmaar: "alkmaar", bergen: "alkmaar", hoorn: "west-friesland", texel: "den-helder" },
    } as unknown as RegistryData;
    const q = quarterComparison(data, "2026-11-20", ["alkmaar", "den-helder", "west-friesland"]);
    expect(q.total.current).toEqual({ cases: 4, conferences: 0, hours: 2, cost: 160 });
    expect(q.total.previous.cases).toBe(2);
    expect(q.branches.map((b) => [b.branchId, b.current.cases, b.previous.cases])).toEqual([
      ["alkmaar", 3, 0],
      ["den-helder", 1, 0],
      ["west-friesland", 0, 2],
    ]);
    expect(q.municipalities.map((m) => [m.municipalityId, m.casesChange])).toEqual([
      ["alkmaar", 3],
      ["hoorn", -2],
      ["texel", 1],
    ]);
  });
});

describe("monthly shares with few conferences", () => {
  it("adds months up into quarters, counts first, when a month holds too few conferences", async () => {
    const { widenPeriods } = await import("../../dashboard/src/features/registry/api/periods.ts");
    const share = (count: number, n: number) => ({ count, n, share: n ? count / n : null, ci: null });
    const month = (m: string, count: number, n: number) => ({
      month: m,
      conferences: n,
      directorAssigned: share(count, n),
      allElementsRecorded: share(count, n),
      rolesExplained: share(count, n),
      followUpsOverdue: 0,
      hours: 1,
      cost: 10,
    });
    // Three conferences a month: 0 %, 100 %, 33 % by month; one share of 4/9 for the quarter.
    const few = widenPeriods([month("2026-01", 0, 3), month("2026-02", 3, 3), month("2026-03", 1, 3), month("2026-04", 2, 3)]);
    expect(few.quarterly).toBe(true);
    expect(few.rows.map((r) => [r.month, r.conferences, r.directorAssigned.count, r.directorAssigned.n, r.hours])).toEqual([
      ["2026-Q1", 9, 4, 9, 3],
      ["2026-Q2", 3, 2, 3, 1],
    ]);
    expect(few.rows[0].directorAssigned.share).toBeCloseTo(4 / 9, 10);
    const many = widenPeriods([month("2026-01", 10, 12), month("2026-02", 9, 11)]);
    expect(many).toMatchObject({ quarterly: false, rows: [{ month: "2026-01" }, { month: "2026-02" }] });
  });
});

describe("scatter labels", () => {
  it("gives close points different sides, and leaves a label out rather than overlap", async () => {
    const { placeLabels } = await import("../../dashboard/src/shared/chart/labels.ts");
    // Three municipalities with the same cases and nearly the same cost, one far away.
    const sides = placeLabels([
      { x: 4, y: 1000 },
      { x: 4, y: 1010 },
      { x: 4, y: 1020 },
      { x: 20, y: 5000 },
    ]);
    expect(sides[3]).toBe("top");
    const near = sides.slice(0, 3).filter((s) => s !== "none");
    expect(new Set(near).size).toBe(near.length);
    expect(near.length).toBeGreaterThanOrEqual(2);
  });
});
