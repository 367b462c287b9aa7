import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { count, testApp, type As } from "../helpers/app.ts";
import { findings, internalAudits, users, type Role } from "../../db/schema.ts";
import { verifyAuditChain } from "../../api/audit/audit.service.ts";
import { DEMO_USERS } from "../../db/seed/demo.ts";
import { seedAuditsDemo } from "../../db/seed/audits.ts";

type Person = { id: string; name: string };
type Audit = {
  id: string;
  ref: string;
  status: string;
  processId: string;
  plannedOn: string;
  actualOn: string | null;
  reportedOn: string | null;
  late: boolean;
  reportLate: boolean;
  auditors: Person[];
  findings: { id: string; ref: string; classification: string; title: string; clauses: string[] }[];
};
type ProgrammeRow = {
  processId: string;
  riskWeight: number;
  recommended: number;
  reason: string;
  reasonCode: string;
  reasonYear: number | null;
  planned: number;
  shortfall: boolean;
  audits: Audit[];
  previous: { audits: number; majorNc: number; minorNc: number; lastAudit: { ref: string; minorNc: number } | null };
};
type Programme = { year: number; processes: ProgrammeRow[]; totals: Record<string, number> };
type ApiError = { error: { code: string; message: string; details?: Record<string, unknown>[] } };

let t: Awaited<ReturnType<typeof testApp>>;
let ids: Record<Role, string>;
const START = new Date("2026-03-01T10:00:00Z");

beforeAll(async () => {
  t = await testApp({ now: START });
  const all = await t.db.select().from(users);
  ids = Object.fromEntries(all.map((u) => [u.role, u.id])) as Record<Role, string>;
  const res = await t.request("/api/processes/casusoverleg", { method: "PATCH", json: { ownerIds: [ids.management] } });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const send = (method: string, path: string, json: unknown, as?: As) => t.request(path, { method, json, as });
const newAudit = (extra: Record<string, unknown> = {}) => ({
  processId: "casusoverleg",
  year: 2026,
  scope: "Verslaglegging casusoverleg Alkmaar",
  criteria: ["8.5.1", "Werkinstructie casusoverleg"],
  auditorIds: [ids.kwaliteit],
  auditeeIds: [ids.medewerker],
  plannedOn: "2026-04-14",
  ...extra,
});
async function create(extra: Record<string, unknown> = {}) {
  const res = await send("POST", "/api/audits", newAudit(extra));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { audit: Audit }).audit;
}
const programme = async (year = 2026) => (await (await t.request(`/api/audits/programme?year=${year}`)).json()) as Programme;
const row = (p: Programme, processId: string) => p.processes.find((r) => r.processId === processId)!;
const report = (extra: Record<string, unknown> = {}) => ({
  strongPoints: "Goede voorbereiding door de voorzitter.",
  conclusion: "Werkt, casusregie vraagt aandacht.",
  reportedOn: "2026-03-01",
  findings: [],
  ...extra,
});
async function expectRefused(res: Response, status: number, code: string) {
  const body = (await res.json()) as ApiError;
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

describe("processes", () => {
  it("lists processes with owners by name and risk weight", async () => {
    const { processes } = (await (await t.request("/api/processes", { as: "auditor" })).json()) as {
      processes: { id: string; riskWeight: number; owners: Person[] }[];
    };
    expect(processes.find((p) => p.id === "casusoverleg")).toMatchObject({
      riskWeight: 3,
      owners: [{ id: ids.management, name: "management" }],
    });
    expect(processes).toHaveLength(5);
  });

  it("refuses unknown owners, a risk weight outside 1–3 and unknown processes", async () => {
    await expectRefused(
      await send("PATCH", "/api/processes/klanttevredenheid", { ownerIds: ["00000000-0000-4000-8000-000000000000"] }),
      400,
      "unknown_user",
    );
    await expectRefused(await send("PATCH", "/api/processes/klanttevredenheid", { riskWeight: 4 }), 400, "invalid_input");
    await expectRefused(await send("PATCH", "/api/processes/bestaat-niet", { riskWeight: 2 }), 404, "process_not_found");
  });
});

describe("planning audits", () => {
  it("creates an audit with a readable ref; the programme shows the recommended frequency and the shortfall", async () => {
    const audit = await create();
    expect(audit).toMatchObject({
      ref: "IA-2026-01",
      status: "gepland",
      late: false,
      auditors: [{ id: ids.kwaliteit, name: "kwaliteit" }],
    });
    let p = await programme();
    expect(row(p, "casusoverleg")).toMatchObject({ riskWeight: 3, recommended: 2, planned: 1, shortfall: true });
    expect(row(p, "casusoverleg").audits.map((a) => a.ref)).toEqual(["IA-2026-01"]);
    expect(row(p, "klanttevredenheid")).toMatchObject({ riskWeight: 1, recommended: 1, planned: 0, shortfall: true });
    await create({ plannedOn: "2026-10-06", auditorIds: [ids.auditor] });
    p = await programme();
    expect(row(p, "casusoverleg")).toMatchObject({ planned: 2, shortfall: false });
    expect(p.totals).toMatchObject({ planned: 2, done: 0, reported: 0, late: 0 });
  });

  it("refuses the process owner as auditor, and stores nothing", async () => {
    const before = [await count(t.db, "internal_audits"), await count(t.db, "audit_log")];
    const e = await expectRefused(
      await send("POST", "/api/audits", newAudit({ auditorIds: [ids.management] })),
      422,
      "auditor_not_independent",
    );
    expect(e.message).toContain("management is eigenaar van het proces 'Casusoverleg'");
    expect(e.details).toEqual([{ rule: "process_owner", auditorId: ids.management }]);
    expect([await count(t.db, "internal_audits"), await count(t.db, "audit_log")]).toEqual(before);
  });

  it("refuses an auditor who is also an auditee, and stores nothing", async () => {
    const before = await count(t.db, "internal_audits");
    const e = await expectRefused(
      await send("POST", "/api/audits", newAudit({ auditeeIds: [ids.kwaliteit, ids.medewerker] })),
      422,
      "auditor_not_independent",
    );
    expect(e.message).toContain("zowel bij de auditoren als bij de geauditeerden");
    expect(await count(t.db, "internal_audits")).toBe(before);
  });

  it("refuses a municipality account as auditor and a disabled account", async () => {
    await expectRefused(await send("POST", "/api/audits", newAudit({ auditorIds: [ids.gemeente] })), 422, "auditor_role");
    await t.db.update(users).set({ disabledAt: START }).where(eq(users.id, ids.admin));
    await expectRefused(await send("POST", "/api/audits", newAudit({ auditorIds: [ids.admin] })), 422, "user_disabled");
    await t.db.update(users).set({ disabledAt: null }).where(eq(users.id, ids.admin));
  });

  it("refuses bad input with 400 and a message", async () => {
    const before = await count(t.db, "internal_audits");
    for (const bad of [
      { criteria: [] },
      { auditorIds: [] },
      { plannedOn: "2027-01-05" },
      { criteria: ["11.2"] },
      { onbekend: 1 },
      { auditorIds: [ids.auditor, ids.auditor] },
      { year: "2026" },
    ]) {
      const e = await expectRefused(await send("POST", "/api/audits", newAudit(bad)), 400, "invalid_input");
      expect(e.details!.length, JSON.stringify(bad)).toBeGreaterThan(0);
    }
    await expectRefused(await send("POST", "/api/audits", newAudit({ processId: "bestaat-niet" })), 400, "unknown_process");
    await expectRefused(await t.request("/api/audits/geen-uuid"), 400, "invalid_input");
    await expectRefused(await t.request("/api/audits/00000000-0000-4000-8000-000000000000"), 404, "audit_not_found");
    expect(await count(t.db, "internal_audits")).toBe(before);
  });

  it("lets only the quality manager plan audits", async () => {
    expect((await send("POST", "/api/audits", newAudit(), "auditor")).status).toBe(403);
    expect((await send("POST", "/api/audits", newAudit(), "management")).status).toBe(403);
    expect((await t.request("/api/audits/programme?year=2026", { as: "auditor" })).status).toBe(200);
  });

  it("will not make an auditor of an open audit the owner of the process", async () => {
    await expectRefused(
      await send("PATCH", "/api/processes/casusoverleg", { ownerIds: [ids.management, ids.kwaliteit] }),
      422,
      "auditor_not_independent",
    );
  });
});

describe("carrying out and reporting", () => {
  it("flags an audit as late once the clock passes the planned day", async () => {
    const planned = await create({ processId: "informatiedeling-privacy", plannedOn: "2026-03-05", auditorIds: [ids.auditor] });
    expect(planned.late).toBe(false);
    try {
      t.clock.now = new Date("2026-03-06T09:00:00Z");
      const p = await programme();
      expect(row(p, "informatiedeling-privacy").audits.find((a) => a.id === planned.id)!.late).toBe(true);
      expect(p.totals.late).toBe(1);
      expect(((await (await t.request(`/api/audits/${planned.id}`)).json()) as { audit: Audit }).audit.late).toBe(true);
    } finally {
      t.clock.now = START;
    }
    expect(row(await programme(), "informatiedeling-privacy").audits[0].late).toBe(false);
  });

  it("refuses to report an audit that was not carried out", async () => {
    const audit = row(await programme(), "casusoverleg").audits[1];
    await expectRefused(await send("PUT", `/api/audits/${audit.id}/report`, report()), 409, "audit_not_carried_out");
  });

  it("records the day it was carried out, not in the future, and checks independence on every change", async () => {
    const audit = await create({ plannedOn: "2026-02-10" });
    await expectRefused(await send("PATCH", `/api/audits/${audit.id}`, { actualOn: "2026-03-02" }), 400, "date_in_future");
    await expectRefused(await send("PATCH", `/api/audits/${audit.id}`, { auditorIds: [ids.management] }), 422, "auditor_not_independent");
    await expectRefused(await send("PATCH", `/api/audits/${audit.id}`, { plannedOn: "2025-12-01" }), 400, "planned_outside_year");
    const res = await send("PATCH", `/api/audits/${audit.id}`, { actualOn: "2026-02-12" });
    expect(((await res.json()) as { audit: Audit }).audit).toMatchObject({ status: "uitgevoerd", actualOn: "2026-02-12", late: false });
  });

  it("reports the audit: findings are created and linked to the audit, the status becomes gerapporteerd", async () => {
    const audit = row(await programme(), "casusoverleg").audits.find((a) => a.actualOn === "2026-02-12")!;
    await expectRefused(
      await send("PUT", `/api/audits/${audit.id}/report`, report({ reportedOn: "2026-02-11" })),
      400,
      "reported_before_audit",
    );
    const res = await send(
      "PUT",
      `/api/audits/${audit.id}/report`,
      report({
        findings: [
          {
            title: "Casusregisseur niet altijd vastgelegd",
            description: "In 3 van 10 verslagen ontbrak de casusregisseur.",
            classification: "minor_nc",
            clauses: ["8.5.1"],
            correction: "Alsnog vastgelegd.",
          },
          {
            title: "Rollen niet altijd toegelicht",
            description: "Nieuwe deelnemers kenden de rol van de partners niet.",
            classification: "observation",
            clauses: ["7.3"],
          },
        ],
      }),
    );
    const reported = ((await res.json()) as { audit: Audit }).audit;
    expect(res.status).toBe(200);
    expect(reported).toMatchObject({ status: "gerapporteerd", reportedOn: "2026-03-01", reportLate: false });
    expect(reported.findings.map((f) => [f.classification, f.clauses])).toEqual([
      ["minor_nc", ["8.5.1"]],
      ["observation", ["7.3"]],
    ]);
    const again = ((await (await t.request(`/api/audits/${audit.id}`, { as: "auditor" })).json()) as { audit: Audit }).audit;
    expect(again.findings.map((f) => f.ref)).toEqual(reported.findings.map((f) => f.ref));
    const stored = await t.db.select().from(findings).where(eq(findings.sourceAuditId, audit.id));
    expect(stored.map((f) => [f.source, f.foundOn])).toEqual([
      ["audit", "2026-02-12"],
      ["audit", "2026-02-12"],
    ]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("refuses a second report and any change to a reported audit (409), and stores nothing", async () => {
    const audit = row(await programme(), "casusoverleg").audits.find((a) => a.status === "gerapporteerd")!;
    const before = [await count(t.db, "findings"), await count(t.db, "audit_log")];
    const twice = report({ findings: [{ title: "Nog een", description: "x", classification: "minor_nc", clauses: ["8.5.1"] }] });
    await expectRefused(await send("PUT", `/api/audits/${audit.id}/report`, twice), 409, "audit_reported");
    await expectRefused(await send("PATCH", `/api/audits/${audit.id}`, { scope: "Anders" }), 409, "audit_reported");
    expect([await count(t.db, "findings"), await count(t.db, "audit_log")]).toEqual(before);
  });

  it("cancels a planned audit: no longer counted as planned nor late, and closed for changes", async () => {
    const audit = await create({ processId: "aanmelding-triage", plannedOn: "2026-02-20" });
    expect(row(await programme(), "aanmelding-triage")).toMatchObject({ planned: 1, shortfall: false });
    const res = await send("PATCH", `/api/audits/${audit.id}`, { status: "geannuleerd" });
    expect(((await res.json()) as { audit: Audit }).audit).toMatchObject({ status: "geannuleerd", late: false });
    const p = await programme();
    expect(row(p, "aanmelding-triage")).toMatchObject({ planned: 0, shortfall: true });
    expect(p.totals.cancelled).toBe(1);
    await expectRefused(await send("PATCH", `/api/audits/${audit.id}`, { plannedOn: "2026-05-01" }), 409, "audit_cancelled");
  });
});

describe("frequency follows the results of earlier audits", () => {
  async function reportedAudit(processId: string, plannedOn: string, found: { classification: string }[]) {
    const audit = await create({ processId, year: Number(plannedOn.slice(0, 4)), plannedOn, auditorIds: [ids.auditor] });
    const res = await send(
      "PUT",
      `/api/audits/${audit.id}/report`,
      report({
        actualOn: plannedOn,
        reportedOn: plannedOn,
        findings: found.map((f, i) => ({ ...f, title: `Bevinding ${i + 1}`, description: "Zie rapport.", clauses: ["9.1.2"] })),
      }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    return audit;
  }

  it("asks for yearly audits of a low-risk process after a minor NC, and none the year after a clean one", async () => {
    const minor = await reportedAudit("klanttevredenheid", "2025-06-10", [
      { classification: "minor_nc" },
      { classification: "observation" },
    ]);
    await reportedAudit("kennis-expertisecentrum", "2025-09-09", [{ classification: "opportunity" }]);
    const p = await programme(2026);
    expect(row(p, "klanttevredenheid")).toMatchObject({
      recommended: 1,
      previous: { audits: 1, majorNc: 0, minorNc: 1, lastAudit: { ref: minor.ref, minorNc: 1 } },
    });
    // By code and year, the text the catalog's; the Dutch stays beside it for a client without the catalog.
    expect(row(p, "klanttevredenheid")).toMatchObject({
      reasonCode: "last_minor",
      reasonYear: 2025,
      reason: "Kleine afwijking (minor) bij de laatste audit (2025): één audit per jaar.",
    });
    expect(row(p, "kennis-expertisecentrum")).toMatchObject({ recommended: 0, planned: 0, shortfall: false });
  });

  it("asks for two audits after a major NC", async () => {
    await reportedAudit("aanmelding-triage", "2025-05-20", [{ classification: "major_nc" }]);
    expect(row(await programme(2026), "aanmelding-triage")).toMatchObject({ riskWeight: 2, recommended: 2, previous: { majorNc: 1 } });
  });
});

describe("demo seed", () => {
  it("plants process owners and the 2025 and 2026 programmes with independent auditors, once", async () => {
    const demo = await testApp({ now: new Date("2026-11-26T10:00:00Z") });
    try {
      expect(await seedAuditsDemo(demo.db, demo.clock.now)).toBe(false); // no demo users yet
      await demo.db.insert(users).values(DEMO_USERS);
      expect(await seedAuditsDemo(demo.db, demo.clock.now)).toBe(true);
      expect(await seedAuditsDemo(demo.db, demo.clock.now)).toBe(false);
      const last = (await (await demo.request("/api/audits/programme?year=2025")).json()) as Programme;
      expect(last.totals).toMatchObject({ planned: 7, done: 7, reported: 7, late: 0 });
      const now = (await (await demo.request("/api/audits/programme?year=2026")).json()) as Programme;
      expect(now.totals).toMatchObject({ planned: 5, late: 1, shortfalls: 0 });
      expect(now.processes.flatMap((r) => r.audits).some((a) => a.plannedOn.startsWith("2026-12"))).toBe(true);
      const seeded = await demo.db.select().from(findings);
      expect(seeded.map((f) => [f.source, f.classification, f.clauses[0]]).sort()).toEqual([
        ["audit", "minor_nc", "8.5.1"],
        ["audit", "observation", "8.5.3"],
      ]);
      expect(await count(demo.db, "internal_audits")).toBe(12);
      expect((await demo.db.select().from(internalAudits)).every((a) => a.auditorIds.length > 0)).toBe(true);
      expect((await verifyAuditChain(demo.db)).ok).toBe(true);
    } finally {
      await demo.close();
    }
  });
});
