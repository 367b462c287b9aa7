import { describe, expect, it } from "vitest";
import { conferenceMetrics } from "../../api/domain/registry/metrics.ts";
import { followUpState } from "../../api/domain/registry/registry.elements.ts";
import { notesDue, notesExpireOn } from "../../api/domain/registry/retention.ts";
import { quantile } from "../../api/domain/stats/quantile.ts";
import { buildMunicipalityReport, previousPeriod } from "../../api/domain/report/report.build.ts";
import { fixtureNames, registryFixture as data, TODAY } from "../fixtures/registry.ts";

const pick = <T extends { share: number | null; count: number; n: number }>(s: T) => [s.count, s.n];

describe("case-conference metrics on a fixture with known answers", () => {
  const all = conferenceMetrics(data, {}, TODAY);

  it("counts conferences and the shares of the recorded elements", () => {
    expect(all.conferences).toBe(3);
    expect(pick(all.directorAssigned)).toEqual([2, 3]);
    expect(pick(all.allElementsRecorded)).toEqual([2, 3]); // k2 lacks aanpak and a casusregisseur
    expect(pick(all.rolesExplained)).toEqual([2, 3]);
    expect(all.directorAssigned.ci!.low).toBeLessThan(2 / 3);
    expect(all.directorAssigned.ci!.high).toBeGreaterThan(2 / 3);
  });

  it("counts conferences per municipality of the cases discussed, once per conference", () => {
    expect(all.conferencesByMunicipality).toEqual([
      { municipalityId: "alkmaar", conferences: 2 },
      { municipalityId: "bergen", conferences: 1 },
      { municipalityId: "den-helder", conferences: 1 },
    ]);
    expect(conferenceMetrics(data, { branchId: "den-helder" }, TODAY).conferencesByMunicipality).toEqual([
      { municipalityId: "den-helder", conferences: 1 },
    ]);
    // Filtered on one municipality, a shared conference does not report the others.
    expect(conferenceMetrics(data, { municipalityId: "bergen" }, TODAY).conferencesByMunicipality).toEqual([
      { municipalityId: "bergen", conferences: 1 },
    ]);
  });

  it("counts attendance per partner", () => {
    const vt = all.attendance.find((a) => a.organisationId === "VT")!;
    expect([vt.invited, vt.aanwezig, vt.informatie_aangeleverd, vt.afwezig]).toEqual([3, 1, 1, 1]);
    expect(pick(vt.contributed)).toEqual([2, 3]);
    expect(all.attendance.find((a) => a.organisationId === "R")!.telefonisch_video).toBe(1);
  });

  it("finds overdue follow-up agreements", () => {
    expect(all.followUps).toEqual({ total: 3, onTime: 1, late: 0, open: 1, overdue: 1 });
    expect(followUpState({ dueOn: "2026-02-01", doneOn: "2026-02-02" }, TODAY)).toBe("te_laat");
  });

  it("counts cases by theme and municipality", () => {
    expect(all.cases.registered).toBe(4);
    expect(Object.fromEntries(all.cases.byTheme.map((t) => [t.themeId, t.cases]))).toEqual({ hg: 2, verward: 2, pga: 1 });
    expect(all.cases.byThemeAndMunicipality).toContainEqual({ themeId: "verward", municipalityId: "bergen", cases: 1 });
  });

  it("computes lead times (median and p90, linear interpolation)", () => {
    // first conference after 10 (c1), 31 (c2), 9 (c3) and 23 (c4) days; closure after 55 (c1) and 19 (c3) days
    expect(all.leadTimeDays.toFirstConference).toEqual({ n: 4, median: 16.5, p90: 28.6 });
    expect(all.leadTimeDays.toClosure.median).toBe(37);
    expect(all.leadTimeDays.toClosure.p90).toBeCloseTo(51.4, 10);
  });

  it("computes hours and cost per municipality, case and theme", () => {
    expect(all.hours.total).toEqual({ hours: 8, cost: 550 });
    expect(all.hours.unpricedHours).toBe(2);
    const byTheme = Object.fromEntries(all.hours.byTheme.map((t) => [t.id, [t.hours, t.cost]]));
    expect(byTheme).toEqual({ hg: [2.5, 225], verward: [0.5, 25], pga: [3, 300], zonder_thema: [2, 0] });
    expect(all.hours.byMunicipality.find((m) => m.id === "alkmaar")).toEqual({ id: "alkmaar", hours: 3, cost: 250 });
    expect(all.hours.byCase.find((c) => c.id === "c4")).toEqual({ id: "c4", hours: 3, cost: 300 });
  });

  it("filters by municipality, theme, branch and period", () => {
    const alkmaar = conferenceMetrics(data, { municipalityId: "alkmaar" }, TODAY);
    expect([alkmaar.conferences, alkmaar.cases.registered, alkmaar.hours.total.cost]).toEqual([2, 2, 250]);
    expect(alkmaar.followUps).toEqual({ total: 2, onTime: 1, late: 0, open: 0, overdue: 1 });
    expect(conferenceMetrics(data, { themeId: "verward" }, TODAY).conferences).toBe(1);
    const dh = conferenceMetrics(data, { branchId: "den-helder" }, TODAY);
    expect([dh.conferences, dh.hours.total.hours]).toEqual([1, 3]);
    const feb = conferenceMetrics(data, { from: "2026-02-01", to: "2026-02-28" }, TODAY);
    expect([feb.conferences, feb.cases.registered]).toEqual([2, 1]);
    expect(feb.byMonth.map((m) => [m.month, m.conferences, m.hours, m.cost, m.followUpsOverdue])).toEqual([["2026-02", 2, 6, 350, 1]]);
  });

  it("returns empty shares, not zeros, when nothing matches", () => {
    const none = conferenceMetrics(data, { from: "2030-01-01" }, TODAY);
    expect(none.directorAssigned).toEqual({ count: 0, n: 0, share: null, ci: null });
    expect(none.leadTimeDays.toFirstConference).toEqual({ n: 0, median: null, p90: null });
  });
});

describe("quantile", () => {
  it("matches R's type 7 / NumPy's default", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([15, 20, 35, 40, 50], 0.9)).toBe(46);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe("retention of working notes", () => {
  it("keeps notes until the retention period after the last case closed", () => {
    expect(notesExpireOn(["2026-03-01", "2026-02-01"], 90)).toBe("2026-05-30");
    expect(notesDue(["2026-03-01"], 90, "2026-05-29")).toBe(false);
    expect(notesDue(["2026-03-01"], 90, "2026-05-30")).toBe(true);
    expect(notesDue(["2026-03-01", null], 90, "2030-01-01")).toBe(false); // a case still runs
  });
});

describe("municipality report data", () => {
  const input = {
    organisation: "ZVH NHN",
    generatedAt: "2026-03-15T09:00:00.000Z",
    today: TODAY,
    names: { ...fixtureNames, alkmaar: "Alkmaar" },
  };

  it("compares a calendar quarter, month or year with the one before, and other periods with the same number of days", () => {
    expect(previousPeriod({ from: "2026-01-01", to: "2026-03-31" })).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(previousPeriod({ from: "2026-07-01", to: "2026-09-30" })).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousPeriod({ from: "2025-01-01", to: "2025-12-31" })).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(previousPeriod({ from: "2026-03-10", to: "2026-03-19" })).toEqual({ from: "2026-02-28", to: "2026-03-09" });
  });

  it("holds this municipality's figures and never another municipality's case codes", () => {
    const r = buildMunicipalityReport(data, {
      ...input,
      municipality: { id: "alkmaar", name: "Alkmaar", branch: "Alkmaar" },
      period: { from: "2026-01-01", to: "2026-03-31" },
    });
    expect(r.current).toEqual({ cases: 2, newCases: 2, closedCases: 1, conferences: 2, hours: 3, cost: 250 });
    expect(r.previous.conferences).toBe(0);
    expect(r.conferences.map((c) => c.caseCodes)).toEqual([["ALK-2026-0001"], ["ALK-2026-0001", "ALK-2026-0002"]]);
    expect(JSON.stringify(r)).not.toContain("ALK-2026-0003"); // Bergen's case at the same table
    expect(JSON.stringify(r)).not.toContain("DHR-");
    expect(r.followUps).toEqual({ total: 2, onTime: 1, late: 0, open: 0, overdue: 1 });
    expect(r.byTheme.find((t) => t.theme === "Huiselijk geweld")).toEqual({
      theme: "Huiselijk geweld",
      cases: 2,
      conferences: 2,
      previousCases: 0,
    });
    expect(r.hoursByActivity.find((h) => h.kind === "voorbereiding")).toEqual({ kind: "voorbereiding", hours: 1, cost: 50 });
    expect(r.monthly.map((m) => [m.month, m.conferences])).toEqual([
      ["2026-01", 1],
      ["2026-02", 1],
      ["2026-03", 0],
    ]);
    // "Actieve casussen" per month: both cases ran through February, and the first closed on 1 March (new ones only: 2, 0, 0).
    expect(r.monthly.map((m) => m.cases)).toEqual([2, 2, 2]);
  });
});

describe("ISO weeks for the hours week view", () => {
  it("runs Monday to Sunday and names the ISO week year across the turn of the year", async () => {
    const { isoWeekOf, weekTotals } = await import("../../api/domain/registry/week.ts");
    expect(isoWeekOf("2026-01-01")).toMatchObject({ week: "2026-W01", from: "2025-12-29", to: "2026-01-04" });
    expect(isoWeekOf("2027-01-01")).toMatchObject({ week: "2026-W53", from: "2026-12-28", to: "2027-01-03" });
    expect(isoWeekOf("2026-07-12").dates).toHaveLength(7);
    const w = weekTotals(isoWeekOf("2026-07-09").dates, [
      { performedOn: "2026-07-06", hours: 0.25, cost: 22 },
      { performedOn: "2026-07-06", hours: 0.5, cost: 44.005 },
    ]);
    expect(w).toMatchObject({ totalHours: 0.75, totalCost: 66.01 });
    expect(w.days[0]).toEqual({ date: "2026-07-06", hours: 0.75, cost: 66.01 });
  });
});
