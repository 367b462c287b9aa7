import { describe, expect, it } from "vitest";
import { evalText, judge, toScale, type Criterion } from "../../api/domain/quality/criterion.ts";
import { closingProblems, reviewerProblem, type ClosingState } from "../../api/domain/quality/closing.ts";
import { digestText, type Digest } from "../../api/quality/digest.service.ts";
import { errorText, type ErrorCode, type ErrorParams } from "../../api/lib/error-text.ts";
import { evaluationLines } from "../../api/domain/packs/evaluation.ts";

const dim = (target: number, scale: "5" | "10" = "5"): Criterion => ({
  kind: "survey_dimension",
  text: "rolduidelijkheid",
  dimension: "rolduidelijkheid",
  comparator: ">=",
  target,
  scale,
});

describe("judging an effectiveness criterion", () => {
  const base = { label: "KTO 2024", value: 2.8, n: 40, sd: 0.8, ci: { low: 2.55, high: 3.05 } };
  const result = { label: "KTO 2026", value: 3.9, n: 45, sd: 0.7, ci: { low: 3.69, high: 4.11 } };

  it("says met, with baseline → result and a significant Welch test", () => {
    const e = judge(dim(3.5), base, result);
    expect(e.status).toBe("gehaald");
    expect(e.change).toMatchObject({ test: "welch", significant: true });
    expect(e.caveats).toEqual([]);
    // By code with raw numbers and a nested verdict: Dutch "2,8", English "2.8", each from the catalog.
    expect(e.explanation).toEqual({
      code: "eval_outcome_change",
      params: {
        result: 3.9,
        resultLabel: "KTO 2026",
        comparator: "≥",
        target: 3.5,
        verdict: { code: "eval_met" },
        baseline: 2.8,
        baselineLabel: "KTO 2024",
      },
      message: "2,8 (KTO 2024) → 3,9 (KTO 2026); doel ≥ 3,5: gehaald.",
    });
    expect(errorText("en", e.explanation.code, e.explanation.params as ErrorParams)).toBe(
      "2.8 (KTO 2024) → 3.9 (KTO 2026); target ≥ 3.5: met.",
    );
    const missed = judge(dim(4), null, { ...result, value: 3.3779 });
    expect(missed.explanation.message).toBe("3,38 (KTO 2026); doel ≥ 4: niet gehaald.");
    expect(errorText("en", missed.explanation.code, missed.explanation.params as ErrorParams)).toBe(
      "3.38 (KTO 2026); target ≥ 4: not met.",
    );
  });

  it("converts 1–5 scores to a 1–10 target linearly", () => {
    expect(toScale(result, "10").value).toBeCloseTo(7.525, 10);
    expect(judge(dim(7.5, "10"), base, result).status).toBe("gehaald");
    expect(judge(dim(7.6, "10"), base, result).status).toBe("niet_gehaald");
  });

  it("warns when n is small, the target lies inside the interval, or the change is noise", () => {
    const small = { label: "KTO 2026", value: 3.6, n: 9, sd: 1.1, ci: { low: 2.75, high: 4.45 } };
    const e = judge(dim(3.5), { ...base, value: 3.3 }, small);
    expect(e.status).toBe("gehaald");
    expect(e.caveats).toHaveLength(3);
    // By catalog code, so each reads in the reader's language; the Dutch text beside it.
    const coded = e.caveats as { code: ErrorCode; params?: ErrorParams; message: string }[];
    expect(coded.map((c) => c.code)).toEqual(["eval_small_n", "eval_target_in_ci", "eval_not_significant"]);
    expect(coded[0].message).toBe("Kleine aantallen (n = 9): het resultaat is onzeker.");
    expect(coded.map((c) => errorText("en", c.code, c.params))).toEqual([
      "Small numbers (n = 9): the result is uncertain.",
      "The target (3.5) lies within the 95% confidence interval (2.75 – 4.45): whether it was met is not statistically certain.",
      expect.stringMatching(/^The difference from the baseline is not significant \(p = 0\.\d{1,2}\)\.$/),
    ]);
  });

  it("is pending without a result and manual for a manual criterion", () => {
    const pending = judge(dim(3.5), base, null, evalText("eval_pending_no_result", { wave: "KTO 2026" }));
    expect(pending).toMatchObject({
      status: "nog_niet_meetbaar",
      explanation: { code: "eval_pending_no_result", params: { wave: "KTO 2026" }, message: expect.stringContaining("In KTO 2026 is") },
    });
    expect(errorText("en", pending.explanation.code, pending.explanation.params as ErrorParams)).toBe(
      "KTO 2026 has no result (or too small a one) for this item.",
    );
    expect(judge(dim(3.5), base, null).explanation.code).toBe("eval_pending_no_measurement");
    const manual = judge({ kind: "manual", text: "steekproef" }, null, null);
    expect(manual.status).toBe("handmatig");
    expect(errorText("en", manual.explanation.code)).toBe("The reviewer judges this criterion, with evidence.");
  });

  it("compares shares of a conference metric with a share test", () => {
    const c: Criterion = {
      kind: "conference_metric",
      text: "≥ 95 %",
      metric: "directorAssigned",
      comparator: ">=",
      target: 95,
      from: "2026-07-01",
      to: "2026-09-30",
    };
    const e = judge(c, { label: "Q2", value: 70, n: 60, count: 42, ci: null }, { label: "Q3", value: 96.7, n: 60, count: 58, ci: null });
    expect(e.status).toBe("gehaald");
    expect(e.change?.significant).toBe(true);
    // A share reads as a Dutch percentage with one decimal, not as "70,00".
    expect(e.explanation.message.replace(/\s/g, " ")).toBe("70 % (Q2) → 96,7 % (Q3); doel ≥ 95 %: gehaald.");
    expect(errorText("en", e.explanation.code, e.explanation.params as ErrorParams)).toBe("70% (Q2) → 96.7% (Q3); target ≥ 95%: met.");
    // A period label goes by code too, nested in the explanation, its days spelled out in the reader's language.
    const period = evalText("eval_period", { from: "2026-07-01", to: "2026-09-30" });
    const q3 = judge(c, null, { label: period, value: 93.33, n: 60, count: 56, ci: null });
    expect(q3.explanation.message.replace(/\s/g, " ")).toBe("93,3 % (1 juli 2026 t/m 30 september 2026); doel ≥ 95 %: niet gehaald.");
    expect(errorText("en", q3.explanation.code, q3.explanation.params as ErrorParams)).toBe(
      "93.3% (1 July 2026 to 30 September 2026); target ≥ 95%: not met.",
    );
    // A share's interval around the target is said in percent, in either language.
    const near = judge(c, null, { label: "Q3", value: 96.7, n: 60, count: 58, ci: { low: 88.6, high: 99.1 } });
    const [inCi] = near.caveats as { code: ErrorCode; params?: ErrorParams; message: string }[];
    // As the shared formatting module writes a percentage: "95 %" (non-breaking space) in Dutch, "95%" in English.
    expect(inCi.message).toContain("Het doel (95\u00a0%) ligt binnen het 95%-betrouwbaarheidsinterval (88,6\u00a0% – 99,1\u00a0%)");
    expect(errorText("en", inCi.code, inCi.params)).toContain("The target (95%) lies within the 95% confidence interval (88.6% – 99.1%)");
  });
});

describe("closing rules", () => {
  const nc: ClosingState = {
    classification: "minor_nc",
    correction: "hersteld",
    rootCause: "formulier",
    rootCauseAnalysis: { method: "five_whys" },
    similarElsewhere: "nagelopen",
    closedAt: null,
    actions: [{ ownerId: "eva", status: "gereed" }],
    reviews: [{ reviewerId: "piet", effective: true, evidenceCount: 1 }],
  };
  const codes = (s: Partial<ClosingState>) => closingProblems({ ...nc, ...s }).map((p) => p.code);

  it("closes a complete nonconformity", () => expect(codes({})).toEqual([]));
  it("refuses without root cause", () => expect(codes({ rootCause: null })).toEqual(["root_cause_missing"]));
  it("refuses with open actions", () =>
    expect(codes({ actions: [{ ownerId: "eva", status: "in_uitvoering" }] })).toEqual(["actions_open", "no_finished_action"]));
  it("refuses a review by the action owner", () => {
    expect(codes({ reviews: [{ reviewerId: "eva", effective: true, evidenceCount: 2 }] })).toEqual(["review_by_owner"]);
    expect(reviewerProblem("eva", ["eva"])?.code).toBe("reviewer_is_owner");
  });
  it("refuses a review without evidence or that found the action ineffective", () => {
    expect(codes({ reviews: [{ reviewerId: "piet", effective: true, evidenceCount: 0 }] })).toEqual(["review_not_effective"]);
    expect(codes({ reviews: [{ reviewerId: "piet", effective: false, evidenceCount: 1 }] })).toEqual(["review_not_effective"]);
  });
  it("asks less of an observation: only that its actions are finished", () => {
    expect(codes({ classification: "observation", rootCause: null, reviews: [], actions: [] })).toEqual([]);
  });
});

describe("the weekly digest text", () => {
  it("lists what needs attention in Dutch", () => {
    const d = {
      generatedOn: "2026-11-23",
      total: 2,
      reviewsDue: [],
      withoutActions: [],
      lateAudits: [],
      overdueActions: [
        { id: "1", ref: "ACT-2026-004", title: "Rollen toelichten", dueOn: "2026-11-01", owner: "Kim", status: "in_uitvoering" },
      ],
      risksDue: [{ id: "2", ref: "R-2026-003", title: "Uitval", lastReviewedOn: "2026-01-10" }],
    } as unknown as Digest;
    const text = digestText(d, "https://ks.example/");
    expect(text).toContain("2 punt(en) vragen aandacht");
    expect(text).toContain("ACT-2026-004 Rollen toelichten (Kim, deadline 1 november 2026)");
    expect(text).toContain("Kwaliteitsoverzicht van 23 november 2026");
    expect(text).toContain("R-2026-003 Uitval (laatst 10 januari 2026)");
    expect(text).toContain("Risico's niet tijdig beoordeeld (1)");
    expect(text).not.toContain("Interne audits te laat");
  });
});

describe("the evidence pack's line for a stored evaluation", () => {
  it("renders a coded evaluation in the catalog's Dutch and an older stored one as it was stored", () => {
    const e = judge(
      dim(3.5),
      { label: "KTO 2024", value: 2.8, n: 40, sd: 0.8, ci: null },
      { label: "KTO 2026", value: 3.6, n: 9, sd: 1.1, ci: null },
    );
    const stored = JSON.parse(JSON.stringify([{ ...e, actionId: "a", ref: "ACT-2026-001" }]));
    expect(evaluationLines(stored)).toBe(
      "ACT-2026-001 – gehaald: 2,8 (KTO 2024) → 3,6 (KTO 2026); doel ≥ 3,5: gehaald. Kleine aantallen (n = 9): het resultaat is onzeker. Het verschil met de nulmeting is niet significant (p = 0,07).",
    );
    const old = [{ ref: "ACT-2025-004", status: "nog_niet_meetbaar", caveats: [], explanation: "Er is nog geen nieuwe meting gesloten." }];
    expect(evaluationLines(old)).toBe("ACT-2025-004 – nog niet meetbaar: Er is nog geen nieuwe meting gesloten.");
    expect(evaluationLines(null)).toBe("–");
  });
});
