import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { count, testApp } from "../helpers/app.ts";
import { actions, internalAudits, users, type Role } from "../../db/schema.ts";
import { verifyAuditChain } from "../../api/audit/audit.service.ts";

/** The two writes the audits-and-risks screens added: an audit's checklist and a risk's linked actions. */
type Checklist = { criterion: string; result: string; observation: string }[];
type ApiError = { error: { code: string; message: string } };

let t: Awaited<ReturnType<typeof testApp>>;
let ids: Record<Role, string>;
let auditId: string;
let riskId: string;
const actionIds: string[] = [];

beforeAll(async () => {
  t = await testApp({ now: new Date("2026-05-01T10:00:00Z") });
  const all = await t.db.select().from(users);
  ids = Object.fromEntries(all.map((u) => [u.role, u.id])) as Record<Role, string>;
  const audit = await t.request("/api/audits", {
    method: "POST",
    json: {
      processId: "casusoverleg",
      year: 2026,
      scope: "Verslaglegging casusoverleg",
      criteria: ["8.5.1", "9.1.2"],
      auditorIds: [ids.kwaliteit],
      auditeeIds: [ids.medewerker],
      plannedOn: "2026-04-20",
    },
  });
  expect(audit.status, await audit.clone().text()).toBe(201);
  auditId = ((await audit.json()) as { audit: { id: string } }).audit.id;
  const risk = await t.request("/api/risks", {
    method: "POST",
    json: {
      kind: "risk",
      title: "Casusregie niet belegd",
      description: "Na het overleg is niet vastgelegd wie de regie heeft.",
      processId: "casusoverleg",
      inherentLikelihood: 4,
      inherentImpact: 4,
      residualLikelihood: 3,
      residualImpact: 4,
      treatment: "Casusregisseur als vast agendapunt.",
      ownerId: ids.kwaliteit,
    },
  });
  expect(risk.status, await risk.clone().text()).toBe(201);
  riskId = ((await risk.json()) as { risk: { id: string } }).risk.id;
  for (const n of [1, 2]) {
    const [a] = await t.db
      .insert(actions)
      .values({
        ref: `ACT-2026-95${n}`,
        title: `Actie ${n}`,
        ownerId: ids.kwaliteit,
        dueOn: "2026-09-01",
        criterion: { kind: "manual", text: "Gedaan" },
      })
      .returning();
    actionIds.push(a.id);
  }
});
afterAll(async () => {
  await t.close();
});

const patchAudit = (json: unknown, as?: Role) => t.request(`/api/audits/${auditId}`, { method: "PATCH", json, as });
const link = (json: unknown, as?: Role) => t.request(`/api/risks/${riskId}/actions`, { method: "PUT", json, as });
async function refused(res: Response, status: number, code?: string) {
  const body = (await res.json()) as ApiError;
  expect(res.status, JSON.stringify(body)).toBe(status);
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
}

describe("audit checklist", () => {
  const checklist: Checklist = [
    { criterion: "8.5.1", result: "afwijking", observation: "In 3 van 10 verslagen ontbreekt de casusregisseur." },
    { criterion: "9.1.2", result: "conform", observation: "" },
  ];

  it("stores the checklist per criterion, returns it and writes it into the audit trail", async () => {
    const before = await count(t.db, "audit_log");
    const res = await patchAudit({ checklist });
    expect(res.status, await res.clone().text()).toBe(200);
    const { audit } = (await res.json()) as { audit: { checklist: Checklist; status: string } };
    expect(audit.checklist).toEqual(checklist);
    expect(audit.status).toBe("gepland");
    const got = (await (await t.request(`/api/audits/${auditId}`, { as: "auditor" })).json()) as { audit: { checklist: Checklist } };
    expect(got.audit.checklist).toEqual(checklist);
    expect(await count(t.db, "audit_log")).toBe(before + 1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("refuses a line for a criterion the audit does not have, or a criterion twice, and stores nothing", async () => {
    const before = await count(t.db, "audit_log");
    await refused(await patchAudit({ checklist: [{ criterion: "7.5", result: "conform", observation: "" }] }), 400, "unknown_criterion");
    await refused(await patchAudit({ checklist: [checklist[0], checklist[0]] }), 400);
    await refused(await patchAudit({ checklist: [{ ...checklist[0], result: "prima" }] }), 400);
    await refused(await patchAudit({ checklist: [{ ...checklist[0], observation: "a\u0000b" }] }), 400);
    expect(await count(t.db, "audit_log")).toBe(before);
    const [row] = await t.db.select().from(internalAudits).where(eq(internalAudits.id, auditId));
    expect(row.checklist).toEqual(checklist);
  });

  it("drops lines of criteria that are removed from the audit", async () => {
    const res = await patchAudit({ criteria: ["8.5.1"] });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { audit: { checklist: Checklist } }).audit.checklist).toEqual([checklist[0]]);
  });

  it("lets only those who may write audits save a checklist", async () => {
    await refused(await patchAudit({ checklist }, "auditor"), 403);
    await refused(await patchAudit({ checklist }, "management"), 403);
  });
});

describe("linking improvement actions to a risk", () => {
  const linked = async () =>
    ((await (await t.request(`/api/risks/${riskId}`)).json()) as { risk: { actions: { id: string }[] } }).risk.actions.map((a) => a.id);

  it("links the given actions, unlinks those left out, and audits each change once", async () => {
    const before = await count(t.db, "audit_log");
    const res = await link({ actionIds });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { risk: { actions: unknown[] } }).risk.actions).toHaveLength(2);
    expect((await linked()).sort()).toEqual([...actionIds].sort());
    expect((await link({ actionIds: [actionIds[1]] })).status).toBe(200);
    expect(await linked()).toEqual([actionIds[1]]);
    const [a0] = await t.db.select().from(actions).where(eq(actions.id, actionIds[0]));
    expect(a0.riskId).toBeNull();
    // The same set again is no event.
    expect((await link({ actionIds: [actionIds[1]] })).status).toBe(200);
    expect(await count(t.db, "audit_log")).toBe(before + 2);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("refuses unknown or repeated actions with 400 and changes nothing", async () => {
    const before = await count(t.db, "audit_log");
    await refused(await link({ actionIds: ["00000000-0000-4000-8000-000000000000"] }), 400, "unknown_action");
    await refused(await link({ actionIds: [actionIds[0], actionIds[0]] }), 400);
    await refused(await link({ actionIds: ["x"] }), 400);
    expect(await count(t.db, "audit_log")).toBe(before);
    expect(await linked()).toEqual([actionIds[1]]);
  });

  it("answers 404 for an unknown risk and 403 for a reader", async () => {
    await refused(await t.request("/api/risks/R-999/actions", { method: "PUT", json: { actionIds: [] } }), 404);
    await refused(await link({ actionIds: [] }, "auditor"), 403);
    expect(await linked()).toEqual([actionIds[1]]);
  });
});
