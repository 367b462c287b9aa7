import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_MATRIX, LEVELS, matrixProblems, riskLevel, riskScore, type Level } from "../../api/domain/risks/matrix.ts";
import { diffSnapshots, withChanges } from "../../api/domain/risks/history.ts";
import { heatmaps, nextReviewOn, residualExceedsInherent, residualMovement, reviewOverdue } from "../../api/domain/risks/register.ts";

const m = DEFAULT_RISK_MATRIX;
const grid = () => DEFAULT_RISK_MATRIX.grid.map((row) => [...row]) as string[][];

describe("riskLevel on the default grid", () => {
  it("looks the level up per cell", () => {
    expect(riskLevel(m, 1, 1)).toBe("laag");
    expect(riskLevel(m, 3, 3)).toBe("middel");
    expect(riskLevel(m, 4, 3)).toBe("hoog");
    expect(riskLevel(m, 4, 4)).toBe("kritiek");
    expect(riskLevel(m, 5, 5)).toBe("kritiek");
  });

  it("weighs impact heavier than likelihood: the same product gives different levels", () => {
    expect(riskScore(1, 5)).toBe(riskScore(5, 1));
    expect(riskLevel(m, 1, 5)).toBe("hoog"); // near-impossible but very serious
    expect(riskLevel(m, 5, 1)).toBe("middel"); // near-certain but negligible
    expect(riskScore(2, 2)).toBe(riskScore(1, 4));
    expect(riskLevel(m, 2, 2)).toBe("laag");
    expect(riskLevel(m, 1, 4)).toBe("middel");
  });

  it("refuses steps outside 1–5", () => {
    expect(() => riskLevel(m, 0, 3)).toThrow(RangeError);
    expect(() => riskLevel(m, 3, 6)).toThrow(RangeError);
    expect(() => riskLevel(m, 2.5, 3)).toThrow(RangeError);
  });

  it("has Dutch labels for the five likelihood and impact steps and every level", () => {
    expect(m.likelihood).toEqual(["zeer onwaarschijnlijk", "onwaarschijnlijk", "mogelijk", "waarschijnlijk", "vrijwel zeker"]);
    expect(m.impact[0]).toBe("verwaarloosbaar");
    expect(m.impact[4]).toBe("zeer ernstig");
    expect(Object.keys(m.levels)).toEqual([...LEVELS]);
  });
});

describe("matrix validation", () => {
  it("accepts the default grid", () => {
    expect(matrixProblems(m.grid)).toEqual([]);
  });

  it("refuses a grid that is not 5×5", () => {
    expect(matrixProblems(grid().slice(0, 4))[0].code).toBe("matrix_shape");
    const short = grid();
    short[2] = short[2].slice(0, 4);
    expect(matrixProblems(short)[0].code).toBe("matrix_shape");
    expect(matrixProblems("laag")[0].code).toBe("matrix_shape");
    expect(matrixProblems([...grid(), grid()[0]])[0].message).toMatch(/precies 5 rijen/);
  });

  it("refuses an unknown level and names the cell", () => {
    const g = grid();
    g[1][3] = "rood";
    const problems = matrixProblems(g);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "unknown_level", likelihood: 2, impact: 4 });
    expect(problems[0].message).toMatch(/Onbekend niveau 'rood'/);
  });

  it("refuses a grid where more likelihood or impact gives a lower level", () => {
    const downRight = grid();
    downRight[4][4] = "hoog"; // below 'kritiek' at 5×4 and 4×5
    const problems = matrixProblems(downRight);
    expect(problems.map((p) => p.code)).toEqual(["matrix_cell_lower"]);
    expect(problems[0]).toMatchObject({ likelihood: 5, impact: 5 });
    expect(problems[0].message).toMatch(/nooit een lager niveau/);

    const raised = grid();
    raised[2][0] = "hoog"; // 3×1 'hoog' now outranks 4×1 'middel' and 3×2 'middel'
    expect(matrixProblems(raised).map((p) => [p.likelihood, p.impact])).toEqual([
      [3, 2],
      [4, 1],
    ]);
  });

  it("accepts any other monotone grid, e.g. one driven by the product", () => {
    const byProduct = Array.from({ length: 5 }, (_, l) =>
      Array.from({ length: 5 }, (_, i): Level => {
        const p = (l + 1) * (i + 1);
        return p >= 15 ? "kritiek" : p >= 8 ? "hoog" : p >= 4 ? "middel" : "laag";
      }),
    );
    expect(matrixProblems(byProduct)).toEqual([]);
    expect(riskLevel({ ...m, grid: byProduct }, 1, 5)).toBe("middel");
  });
});

describe("history diff", () => {
  const v1 = {
    ref: "R-001",
    kind: "risk",
    title: "Uitval",
    residualLikelihood: 4,
    residualImpact: 4,
    closedOn: null,
    lastReviewedOn: "2025-03-01",
  };

  it("lists every field as set from null for the first version", () => {
    const changes = diffSnapshots(null, v1);
    expect(changes.map((c) => c.field)).toEqual(["ref", "kind", "title", "residualLikelihood", "residualImpact", "lastReviewedOn"]);
    expect(changes.every((c) => c.from === null)).toBe(true);
  });

  it("names only the fields that changed, with Dutch labels, and ignores the note", () => {
    const v2 = { ...v1, residualLikelihood: 2, lastReviewedOn: "2025-09-01", note: "Casusregie nu vast agendapunt" };
    expect(diffSnapshots(v1, v2)).toEqual([
      { field: "residualLikelihood", label: "Kans (restrisico)", from: 4, to: 2 },
      { field: "lastReviewedOn", label: "Laatst beoordeeld", from: "2025-03-01", to: "2025-09-01" },
    ]);
    expect(diffSnapshots(v2, { ...v2, note: "andere toelichting" })).toEqual([]);
  });

  it("reports a field that appears or disappears", () => {
    expect(diffSnapshots(v1, { ...v1, closedOn: "2026-01-10" })).toEqual([
      { field: "closedOn", label: "Afgesloten op", from: null, to: "2026-01-10" },
    ]);
    expect(diffSnapshots({ ...v1, extra: 1 }, v1)).toEqual([{ field: "extra", label: "extra", from: 1, to: null }]);
  });

  it("pairs consecutive versions whatever order they arrive in", () => {
    const rows = [
      { version: 2, snapshot: { ...v1, title: "Uitval procesregisseurs" } },
      { version: 1, snapshot: v1 },
    ];
    const out = withChanges(rows);
    expect(out.map((r) => r.version)).toEqual([1, 2]);
    expect(out[1].changes).toEqual([{ field: "title", label: "Titel", from: "Uitval", to: "Uitval procesregisseurs" }]);
  });
});

describe("register rules", () => {
  const scores = { inherentLikelihood: 4, inherentImpact: 4, residualLikelihood: 3, residualImpact: 4 };

  it("refuses a residual risk above the inherent one, per axis", () => {
    expect(residualExceedsInherent(scores)).toBeNull();
    expect(residualExceedsInherent({ ...scores, residualImpact: 5 })).toMatch(/impact \(5 > 4\)/);
    expect(residualExceedsInherent({ ...scores, residualLikelihood: 5, residualImpact: 5 })).toMatch(/kans .* en de impact/);
  });

  it("flags a review the day after it was due, and never for a closed risk", () => {
    const r = { lastReviewedOn: "2026-01-31", reviewIntervalDays: 30, closedOn: null };
    expect(nextReviewOn(r.lastReviewedOn, r.reviewIntervalDays)).toBe("2026-03-02");
    expect(reviewOverdue(r, "2026-03-02")).toBe(false);
    expect(reviewOverdue(r, "2026-03-03")).toBe(true);
    expect(reviewOverdue({ ...r, closedOn: "2026-02-01" }, "2026-12-31")).toBe(false);
  });

  it("counts open risks per cell", () => {
    const h = heatmaps([
      { ...scores, closedOn: null },
      { ...scores, closedOn: null },
      { ...scores, closedOn: "2026-01-01" },
    ]);
    expect(h.inherent[3][3]).toBe(2);
    expect(h.residual[2][3]).toBe(2);
    expect(h.residual.flat().reduce((a, b) => a + b)).toBe(2);
  });

  it("compares the residual risk with the version in force 90 days ago, or the first", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const history = [
      { version: 1, changedAt: new Date("2025-06-01T09:00:00Z"), snapshot: { residualLikelihood: 4, residualImpact: 4 } },
      { version: 2, changedAt: new Date("2026-01-15T09:00:00Z"), snapshot: { residualLikelihood: 3, residualImpact: 4 } },
      { version: 3, changedAt: new Date("2026-05-01T09:00:00Z"), snapshot: { residualLikelihood: 2, residualImpact: 3 } },
    ];
    const mv = residualMovement(m, history, { ...scores, residualLikelihood: 2, residualImpact: 3 }, now)!;
    expect(mv).toMatchObject({ sinceVersion: 2, since: "2026-01-15", direction: "omlaag" });
    expect(mv.previous).toEqual({ likelihood: 3, impact: 4, score: 12, level: "hoog" });
    expect(mv.current.level).toBe("middel");

    const young = residualMovement(m, history.slice(2), { ...scores, residualLikelihood: 2, residualImpact: 3 }, now)!;
    expect(young).toMatchObject({ sinceVersion: 3, direction: "gelijk" });
    const worse = residualMovement(m, history, { ...scores, residualLikelihood: 4, residualImpact: 4 }, now)!;
    expect(worse.direction).toBe("omhoog");
    expect(residualMovement(m, [], scores, now)).toBeNull();
  });
});
