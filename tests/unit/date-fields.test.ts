import { describe, expect, it } from "vitest";
import { isDateField, parseIsoDay } from "../../dashboard/src/shared/dateFields.ts";

describe("dashboard: dates by field, never by the shape of a string", () => {
  it("knows date fields by name", () => {
    for (const k of ["heldOn", "dueOn", "lastReviewedOn", "createdAt", "closesAt", "periodFrom", "periodTo"])
      expect(isDateField(k)).toBe(true);
    for (const k of ["title", "name", "description", "ref", "status", "reviewOverdue", "On", "text"]) expect(isDateField(k)).toBe(false);
  });
  it("parses real days only, so a title like 2025-13-01 can never throw while formatting", () => {
    expect(parseIsoDay("2025-12-01")?.toISOString()).toBe("2025-12-01T00:00:00.000Z");
    expect(parseIsoDay("2025-12-01T10:00:00Z")?.toISOString()).toBe("2025-12-01T00:00:00.000Z");
    for (const s of ["2025-13-01", "2025-02-30", "Risico 2025", "", "0000-00-00"]) expect(parseIsoDay(s)).toBeNull();
    const fmt = new Intl.DateTimeFormat("nl-NL", { timeZone: "UTC" });
    expect(() => fmt.format(new Date("2025-13-01T00:00:00Z"))).toThrow(RangeError); // what used to blank the page
  });
});
