import { describe, expect, it } from "vitest";
import * as schema from "../../db/schema.ts";
import { messages } from "../../i18n/messages.ts";
import { DELIVERY_STATUSES } from "../../api/reports/reports.schemas.ts";

/**
 * Stored enum values are lowercase ASCII snake_case codes, never shown to users; their words
 * come from the catalog (docs/glossary.md, "Stored values"). Each enum names the catalog
 * prefix of its labels.
 */
const LABELS: Record<string, string> = {
  organisation_type: "org",
  role: "role",
  case_status: "status",
  attendance: "attendance",
  activity_kind: "report.activity",
  finding_source: "source",
  finding_class: "class",
  root_cause_method: "rootCause",
  action_status: "actionStatus",
  pdca_phase: "pdca",
  internal_audit_status: "auditStatus",
  risk_kind: "risks",
  management_review_status: "mr",
};

const CODE = /^[a-z][a-z0-9_]*$/;
const enums = Object.values(schema).filter(
  (v): v is typeof v & { enumName: string; enumValues: string[] } => typeof v === "function" && "enumName" in v && "enumValues" in v,
);

describe("stored enum values", () => {
  it("finds every pgEnum, and each one has a label prefix here", () => {
    expect(enums.length).toBeGreaterThanOrEqual(13);
    expect(enums.map((e) => e.enumName).sort()).toEqual(Object.keys(LABELS).sort());
  });

  it("are lowercase snake_case codes with a label in Dutch and English", () => {
    const nl = messages.nl as Record<string, string>;
    const en = messages.en as Record<string, string>;
    const bad: string[] = [];
    for (const e of enums) {
      for (const value of e.enumValues) {
        if (!CODE.test(value)) bad.push(`${e.enumName}: '${value}' is not snake_case`);
        const key = `${LABELS[e.enumName]}.${value}`;
        if (!nl[key] || !en[key]) bad.push(`${e.enumName}: no label ${key}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("holds for the text columns with enum-like values too (report delivery status)", () => {
    for (const s of DELIVERY_STATUSES) {
      expect(s).toMatch(CODE);
      expect((messages.nl as Record<string, string>)[`uitdraai.status.${s}`]).toBeTruthy();
      expect((messages.en as Record<string, string>)[`uitdraai.status.${s}`]).toBeTruthy();
    }
  });
});
