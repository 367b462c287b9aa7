import { describe, expect, it } from "vitest";
import { REVIEW_INPUTS, reviewInputLabel, type Decision, type StoredInput } from "../../api/domain/reviews/review.inputs.ts";
import { errorText } from "../../api/lib/error-text.ts";
import { messages } from "../../i18n/messages.ts";
import {
  completeness,
  correctionRule,
  decisionsNeedingAction,
  editRefusal,
  heldOnProblem,
  latestVersion,
  periodProblem,
  type Version,
} from "../../api/domain/reviews/review.rules.ts";

const TODAY = "2026-03-01";
const assessed = (except: string[] = []): StoredInput[] =>
  REVIEW_INPUTS.map((s) => ({
    key: s.key,
    data: s.prefilled ? { gaps: [] } : null,
    assessment: except.includes(s.key) ? "" : "Beoordeeld.",
  }));
const decision: Decision = { kind: "verbetering", text: "Casusregie vastleggen", ownerId: null, dueOn: null, actionId: null };

describe("the required inputs (9.3.2)", () => {
  it("lists all twelve, in the order of the standard, with unique keys", () => {
    expect(REVIEW_INPUTS.map((i) => i.key)).toEqual([
      "previous_actions",
      "context_changes",
      "satisfaction",
      "objectives",
      "process_performance",
      "nonconformities",
      "monitoring",
      "audit_results",
      "external_providers",
      "resources",
      "risk_actions",
      "improvement_opportunities",
    ]);
    expect(REVIEW_INPUTS.filter((i) => !i.prefilled).map((i) => i.key)).toEqual(["context_changes"]);
  });
});

describe("completeness rule", () => {
  it("is complete with every assessment, a past date and a decision", () => {
    const c = completeness({ heldOn: "2026-01-20", inputs: assessed(), decisions: [decision] }, TODAY);
    expect(c).toMatchObject({ complete: true, missing: [], missingAssessments: [] });
  });

  it("names exactly the inputs without an assessment; whitespace does not count", () => {
    const inputs = assessed(["satisfaction", "risk_actions"]);
    inputs.find((i) => i.key === "resources")!.assessment = "   ";
    const c = completeness({ heldOn: "2026-01-20", inputs, decisions: [decision] }, TODAY);
    expect(c.complete).toBe(false);
    expect(c.missingAssessments).toEqual(["satisfaction", "resources", "risk_actions"]);
    expect(c.missing.map((m) => m.key)).toEqual(["satisfaction", "resources", "risk_actions"]);
  });

  it("names each gap by catalog code, an input by a label ref to its title, and reads in either language", () => {
    const c = completeness({ heldOn: null, inputs: assessed(["audit_results"]), decisions: [] }, TODAY);
    expect(c.missing.map(({ key, code, params }) => ({ key, code, params }))).toEqual([
      { key: "audit_results", code: "review_assessment_missing", params: { input: { label: "reviewInput.audit_results" } } },
      { key: "heldOn", code: "review_held_on_missing", params: undefined },
      { key: "decisions", code: "review_no_decision", params: undefined },
    ]);
    expect(c.missing[0].message).toBe("Beoordeling ontbreekt: Auditresultaten.");
    expect(c.missing.map((m) => errorText("en", m.code, m.params))).toEqual([
      "Assessment missing: Audit results.",
      "The date on which the management review was held is missing.",
      "Record at least one decision (9.3.3).",
    ]);
    const future = completeness({ heldOn: "2026-03-02", inputs: assessed(), decisions: [decision] }, TODAY).missing[0];
    expect(errorText("en", future.code, future.params)).toBe("The management review is still in the future.");
  });

  it("has a Dutch and an English title in the catalog for every input, and no two alike", () => {
    for (const lang of ["nl", "en"] as const) {
      const titles = REVIEW_INPUTS.map((i) => (messages[lang] as Record<string, string>)[reviewInputLabel(i.key)]);
      expect(
        titles.every((t) => typeof t === "string" && t.length > 0),
        lang,
      ).toBe(true);
      expect(new Set(titles).size, lang).toBe(REVIEW_INPUTS.length);
    }
    expect(messages.en[reviewInputLabel("external_providers")]).toBe("Performance of external providers (chain partners)");
  });

  it("treats an input absent from the stored list as unassessed", () => {
    const inputs = assessed().filter((i) => i.key !== "audit_results");
    expect(completeness({ heldOn: "2026-01-20", inputs, decisions: [decision] }, TODAY).missingAssessments).toEqual(["audit_results"]);
  });

  it("needs the date it was held, not in the future", () => {
    expect(completeness({ heldOn: null, inputs: assessed(), decisions: [decision] }, TODAY).missing.map((m) => m.key)).toEqual(["heldOn"]);
    expect(completeness({ heldOn: "2026-03-02", inputs: assessed(), decisions: [decision] }, TODAY).missing.map((m) => m.key)).toEqual([
      "heldOn",
    ]);
    expect(completeness({ heldOn: TODAY, inputs: assessed(), decisions: [decision] }, TODAY).complete).toBe(true);
  });

  it("needs at least one decision", () => {
    const c = completeness({ heldOn: "2026-01-20", inputs: assessed(), decisions: [] }, TODAY);
    expect(c.complete).toBe(false);
    expect(c.missing.map((m) => m.key)).toEqual(["decisions"]);
  });

  it("reports pre-fills that found no data, without blocking", () => {
    const inputs = assessed();
    inputs.find((i) => i.key === "satisfaction")!.data = { gaps: ["Geen gesloten meting."] };
    const c = completeness({ heldOn: "2026-01-20", inputs, decisions: [decision] }, TODAY);
    expect(c.dataGaps).toEqual([{ key: "satisfaction", gaps: ["Geen gesloten meting."] }]);
    expect(c.complete).toBe(true);
  });
});

describe("period and date rules", () => {
  it("accepts up to two years, forward only", () => {
    expect(periodProblem("2025-01-01", "2025-12-31")).toBeNull();
    expect(periodProblem("2025-01-01", "2026-12-31")).toBeNull();
    expect(periodProblem("2025-01-01", "2027-01-01")).not.toBeNull();
    expect(periodProblem("2025-06-01", "2025-05-31")).not.toBeNull();
    expect(periodProblem("2025-06-01", "2025-06-01")).toBeNull();
  });

  it("refuses a meeting date before the period began", () => {
    expect(heldOnProblem("2024-12-31", "2025-01-01")).not.toBeNull();
    expect(heldOnProblem("2026-01-20", "2025-01-01")).toBeNull();
    expect(heldOnProblem(null, "2025-01-01")).toBeNull();
  });
});

describe("version rule", () => {
  const v1: Version = { id: "a", version: 1, status: "definitief" };
  const v2c: Version = { id: "b", version: 2, status: "concept" };
  const v2f: Version = { id: "b", version: 2, status: "definitief" };

  it("edits only a concept", () => {
    expect(editRefusal(v2c)).toBeNull();
    expect(editRefusal(v1)).toBe("review_final");
  });

  it("corrects the latest final version into version n+1", () => {
    expect(correctionRule(v1, [v1])).toEqual({ version: 2 });
    expect(correctionRule(v2f, [v1, v2f])).toEqual({ version: 3 });
  });

  it("refuses to correct a concept or an older version", () => {
    expect(correctionRule(v2c, [v1, v2c])).toHaveProperty("refusal");
    expect(correctionRule(v1, [v1, v2c])).toHaveProperty("refusal");
    expect(correctionRule(v1, [v1, v2f])).toHaveProperty("refusal");
  });

  it("finds the latest version regardless of order", () => {
    expect(latestVersion([v2f, v1]).version).toBe(2);
  });

  it("turns into actions only decisions with owner and due date that have none yet", () => {
    const owned = { ...decision, ownerId: "u", dueOn: "2026-06-01" };
    const carried = { ...owned, actionId: "act" };
    expect(decisionsNeedingAction([decision, owned, carried])).toEqual([owned]);
  });
});
