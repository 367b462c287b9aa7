import { describe, expect, it } from "vitest";
import { reasonTextNl, recommendedAudits, type LastAudit } from "../../api/domain/audits/frequency.ts";
import { independenceMessage, independenceProblems } from "../../api/domain/audits/independence.ts";
import { auditFlags, reportDueOn } from "../../api/domain/audits/flags.ts";

const clean = (year: number): LastAudit => ({ year, reported: true, majorNc: 0, minorNc: 0 });
const rec = (riskWeight: number, lastAudit: LastAudit | null) => recommendedAudits({ year: 2026, riskWeight, lastAudit }).count;

describe("audit frequency: weighted by risk and by the last audit's result", () => {
  it("audits a high-risk process twice a year, whatever the last audit found", () => {
    expect(rec(3, null)).toBe(2);
    expect(rec(3, clean(2025))).toBe(2);
  });

  it("audits twice a year after a major NC in the last audit, even at low or medium risk", () => {
    expect(rec(1, { ...clean(2025), majorNc: 1 })).toBe(2);
    expect(rec(2, { ...clean(2024), majorNc: 2 })).toBe(2);
    const major = recommendedAudits({ year: 2026, riskWeight: 1, lastAudit: { ...clean(2025), majorNc: 1 } });
    expect(major).toEqual({ count: 2, reason: "last_major", year: 2025 });
    expect(reasonTextNl(major)).toBe("Ernstige afwijking (major) bij de laatste audit (2025): twee audits per jaar.");
  });

  it("audits a medium-risk process once a year, also after a clean audit", () => {
    expect(rec(2, clean(2025))).toBe(1);
    expect(rec(2, null)).toBe(1);
  });

  it("audits a low-risk process yearly while the last audit found minor NCs", () => {
    expect(rec(1, { ...clean(2025), minorNc: 1 })).toBe(1);
  });

  it("audits a low-risk process with a clean record once every two years", () => {
    expect(rec(1, clean(2025))).toBe(0); // audited last year: not this year
    expect(rec(1, clean(2024))).toBe(1); // audited two years ago: due
    expect(rec(1, null)).toBe(1); // not audited in the two previous years
  });

  it("does not relax for a last audit whose result was not reported yet", () => {
    expect(rec(1, { ...clean(2025), reported: false })).toBe(1);
  });
});

describe("auditor independence", () => {
  const process = { ownerIds: ["owner"] };

  it("accepts auditors who neither own the process nor are audited", () => {
    expect(independenceProblems({ auditorIds: ["a"], auditeeIds: ["owner", "b"] }, process)).toEqual([]);
  });

  it("refuses the process owner as auditor", () => {
    expect(independenceProblems({ auditorIds: ["a", "owner"], auditeeIds: [] }, process)).toEqual([
      { rule: "process_owner", auditorId: "owner" },
    ]);
  });

  it("refuses an auditor who is also an auditee", () => {
    expect(independenceProblems({ auditorIds: ["a"], auditeeIds: ["a", "b"] }, process)).toEqual([{ rule: "auditee", auditorId: "a" }]);
  });

  it("names the person and the rule in Dutch", () => {
    const problems = independenceProblems({ auditorIds: ["owner"], auditeeIds: ["owner"] }, process);
    expect(problems.map((p) => p.rule)).toEqual(["process_owner", "auditee"]);
    const message = independenceMessage(problems, () => "Marloes", "Casusoverleg");
    expect(message).toContain("Marloes is eigenaar van het proces 'Casusoverleg'");
    expect(message).toContain("zowel bij de auditoren als bij de geauditeerden");
  });
});

describe("late and report-late flags", () => {
  const planned = { status: "gepland" as const, plannedOn: "2026-05-01", actualOn: null, reportedOn: null };

  it("marks an audit late once the planned day has passed without it being carried out", () => {
    expect(auditFlags(planned, "2026-05-01").late).toBe(false);
    expect(auditFlags(planned, "2026-05-02").late).toBe(true);
    expect(auditFlags({ ...planned, status: "geannuleerd" }, "2026-06-01").late).toBe(false);
    expect(auditFlags({ ...planned, status: "uitgevoerd", actualOn: "2026-05-20" }, "2026-06-01").late).toBe(false);
  });

  it("marks a report late after 30 days, reported or not", () => {
    const done = { ...planned, status: "uitgevoerd" as const, actualOn: "2026-05-01" };
    expect(reportDueOn("2026-05-01")).toBe("2026-05-31");
    expect(auditFlags(done, "2026-05-31").reportLate).toBe(false);
    expect(auditFlags(done, "2026-06-01").reportLate).toBe(true);
    expect(auditFlags({ ...done, status: "gerapporteerd", reportedOn: "2026-05-31" }, "2026-09-01").reportLate).toBe(false);
    expect(auditFlags({ ...done, status: "gerapporteerd", reportedOn: "2026-06-01" }, "2026-09-01").reportLate).toBe(true);
  });
});
