import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { count, testApp } from "../helpers/app.ts";
import { partnerIds, registerCase, registerConference, type Partners } from "../helpers/registry.ts";
import { rows } from "../../db/migrate.ts";
import { activities, auditLog, findings, riskHistory, users, type Role } from "../../db/schema.ts";
import { createManagementReview, updateManagementReview } from "../../api/reviews/reviews.service.ts";
import { REVIEW_INPUT_KEYS } from "../../api/domain/reviews/review.inputs.ts";

/**
 * Issue 16: a double submit of a write in hours, audits, risks and reviews gives one success
 * and a 409 (or, where the rules allow both, two consistent successes), never a 500 from a
 * unique or foreign key. On both engines: PGlite serialises, PostgreSQL really races.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let p: Partners;
let ids: Record<Role, string>;
let caseId: string;
let conferenceId: string;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-07-09T10:00:00Z") });
  p = await partnerIds(t.db);
  ids = Object.fromEntries((await t.db.select().from(users)).map((u) => [u.role, u.id])) as Record<Role, string>;
  caseId = (await registerCase(t, p)).id;
  conferenceId = (await registerConference(t, p, [caseId])).id;
});
afterAll(async () => {
  await t.close();
});

const post = (path: string, json: unknown, method = "POST", as: Role = "kwaliteit") => t.request(path, { method, json, as });

/** An opportunity found at an internal audit, as the close races start from. */
async function opportunity(title: string) {
  const created = await post("/api/findings", {
    source: "other",
    title,
    description: "Bij de interne audit gezien.",
    classification: "opportunity",
    clauses: ["8.5.1"],
    foundOn: "2026-07-01",
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { finding: { id: string } }).finding;
}

const newAction = (findingId: string) =>
  post("/api/actions", {
    findingIds: [findingId],
    title: "Werkinstructie aanpassen",
    ownerId: ids.kwaliteit,
    dueOn: "2026-08-01",
    criterion: { kind: "manual", text: "Werkinstructie gepubliceerd" },
  });

/** An opportunity with one action, already done. */
async function opportunityWithDoneAction(title: string) {
  const f = await opportunity(title);
  const a = ((await (await newAction(f.id)).json()) as { action: { id: string } }).action;
  expect((await post(`/api/actions/${a.id}`, { status: "gereed" }, "PATCH")).status).toBe(200);
  return { f, a };
}
const statuses = (all: Response[]) => all.map((r) => r.status).sort();
const parallel = (n: number, send: () => Response | Promise<Response>) => Promise.all(Array.from({ length: n }, send));
const codes = async (all: Response[]) =>
  (await Promise.all(all.filter((r) => r.status === 409).map((r) => r.json() as Promise<{ error: { code: string } }>))).map(
    (b) => b.error.code,
  );
const chainOk = async () => {
  const res = await t.request("/api/audit/verify", { as: "auditor" });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
};
const row = (over: Record<string, unknown> = {}) => ({
  kind: "casusoverleg",
  municipalityId: "alkmaar",
  caseId,
  performedOn: "2026-03-17",
  hours: 1.5,
  staffRole: "procesregisseur",
  ...over,
});

describe("hours under parallel double submits", () => {
  it("corrects a record once: one 201, the others 409, one correction stored and audited", async () => {
    const created = await post("/api/activities", row({ caseId: undefined, kind: "advies", performedOn: "2026-07-01", hours: 3 }));
    expect(created.status).toBe(201);
    const old = ((await created.json()) as { activity: { id: string } }).activity;
    const fix = { ...row({ caseId: undefined, kind: "advies", performedOn: "2026-07-01", hours: 2 }), reason: "Dubbel geteld uur" };
    const res = await parallel(4, () => post(`/api/activities/${old.id}/correction`, fix));
    expect(statuses(res)).toEqual([201, 409, 409, 409]);
    expect(await codes(res)).toEqual(["already_corrected", "already_corrected", "already_corrected"]);
    expect(await t.db.$count(activities, eq(activities.correctsId, old.id))).toBe(1);
    expect(await t.db.$count(auditLog, and(eq(auditLog.action, "correct"), eq(auditLog.entityId, old.id)))).toBe(1);
    await chainOk();
  });

  it("books a conference's attendees once: of two identical bulk posts one is stored, the other is refused naming the row", async () => {
    const bulk = {
      conferenceId,
      activities: [row(), row({ organisationId: p.politie, staffRole: "adviseur", hours: 1 }), row({ organisationId: p.vt, hours: 2 })],
    };
    const stored = await count(t.db, "activities");
    const res = await parallel(2, () => post("/api/activities/bulk", bulk));
    expect(statuses(res)).toEqual([201, 409]);
    const refused = (await res.find((r) => r.status === 409)!.json()) as { error: { code: string; details: { path: string }[] } };
    expect(refused.error.code).toBe("already_booked");
    expect(refused.error.details.map((d) => d.path)).toEqual(["activities.0.userId"]);
    expect(await count(t.db, "activities")).toBe(stored + 3);
    // Another attendee of the same conference can still be added; one already booked cannot, even in a new request.
    expect(
      (await post("/api/activities/bulk", { conferenceId, activities: [row({ organisationId: p.reclassering, staffRole: "adviseur" })] }))
        .status,
    ).toBe(201);
    const again = await post("/api/activities/bulk", {
      conferenceId,
      activities: [row({ organisationId: p.ggz, staffRole: "adviseur" }), row({ organisationId: p.vt })],
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)).toEqual([
      "activities.1.organisationId",
    ]);
    expect(await count(t.db, "activities")).toBe(stored + 4);
    await chainOk();
  });

  it("stores both of two identical bulk posts without a conference: no rule makes them the same work", async () => {
    const stored = await count(t.db, "activities");
    const bulk = { activities: [row({ caseId: undefined, kind: "netwerkoverleg", performedOn: "2026-07-02" })] };
    expect(statuses(await parallel(2, () => post("/api/activities/bulk", bulk)))).toEqual([201, 201]);
    expect(await count(t.db, "activities")).toBe(stored + 2);
  });
});

describe("audits, risks, findings and reviews under parallel double submits", () => {
  it("reports an audit once: one 200, one 409, and its nonconformity becomes one finding", async () => {
    const created = await post("/api/audits", {
      processId: "aanmelding-triage",
      year: 2026,
      scope: "Triage dinsdag",
      criteria: ["8.2"],
      auditorIds: [ids.kwaliteit],
      auditeeIds: [ids.medewerker],
      plannedOn: "2026-06-09",
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const audit = ((await created.json()) as { audit: { id: string } }).audit;
    const report = {
      actualOn: "2026-06-10",
      reportedOn: "2026-06-20",
      strongPoints: "Vaste tafel, goede voorbereiding.",
      conclusion: "Werkt; het vastleggen van de triagebeslissing vraagt aandacht.",
      findings: [
        {
          title: "Triagebeslissing niet vastgelegd",
          description: "In 2 van 12 dossiers ontbrak de beslissing.",
          classification: "minor_nc",
          clauses: ["8.2"],
        },
      ],
    };
    const res = await parallel(2, () => post(`/api/audits/${audit.id}/report`, report, "PUT"));
    expect(statuses(res)).toEqual([200, 409]);
    expect(await t.db.$count(findings, eq(findings.sourceAuditId, audit.id))).toBe(1);
    expect(await t.db.$count(auditLog, and(eq(auditLog.action, "report"), eq(auditLog.entityId, audit.id)))).toBe(1);
    await chainOk();
  });

  it("never both adds an action to a finding and closes it, when both are sent at once", async () => {
    for (let round = 0; round < 4; round++) {
      const f = await opportunity(`Kans ${round}`);
      const [added, closed] = await Promise.all([
        newAction(f.id),
        post(`/api/findings/${f.id}/close`, { reason: "Kans bewust niet opgepakt." }),
      ]);
      // Either the action came first (and the finding stays open with it) or the close did (and the action is refused).
      expect([
        [201, 422],
        [409, 200],
      ]).toContainEqual([added.status, closed.status]);
    }
    await chainOk();
  });

  it("never both reopens an action and closes its finding, when both are sent at once", async () => {
    for (let round = 0; round < 4; round++) {
      const { f, a } = await opportunityWithDoneAction(`Kans met actie ${round}`);
      const [reopened, closed] = await Promise.all([
        post(`/api/actions/${a.id}`, { status: "in_uitvoering" }, "PATCH"),
        post(`/api/findings/${f.id}/close`, { reason: "Kans bewust niet verder opgepakt." }),
      ]);
      expect([
        [200, 422],
        [409, 200],
      ]).toContainEqual([reopened.status, closed.status]);
    }
  });

  it("never adds an effectiveness review to a finding that a parallel request closed", async () => {
    for (let round = 0; round < 4; round++) {
      const { f, a } = await opportunityWithDoneAction(`Kans beoordeeld ${round}`);
      const form = new FormData();
      form.set("file", new File([new TextEncoder().encode("%PDF-1.4 verslag")], "verslag.pdf", { type: "application/pdf" }));
      form.set("concernsDate", "2026-07-01");
      form.set("actionId", a.id);
      const uploaded = await t.request("/api/evidence", { method: "POST", body: form, as: "kwaliteit" });
      expect(uploaded.status).toBe(201);
      const evidence = ((await uploaded.json()) as { evidence: { id: string } }).evidence;
      const review = { reviewedOn: "2026-07-09", effective: true, explanation: "Werkinstructie in gebruik.", evidenceIds: [evidence.id] };
      const [reviewed, closed] = await Promise.all([
        post(`/api/findings/${f.id}/reviews`, review, "POST", "management"),
        post(`/api/findings/${f.id}/close`, { reason: "Kans afgerond." }),
      ]);
      expect(closed.status).toBe(200);
      expect([201, 409]).toContain(reviewed.status);
      // A review that was stored came before the close in the trail, never after it.
      const order = rows<{ action: string; entity: string }>(
        await t.db.execute(
          sql`select action, entity from audit_log where (entity = 'finding' and entity_id = ${f.id} and action = 'close') or (entity = 'effectiveness_review' and after->>'finding' = (select ref from findings where id = ${f.id})) order by seq`,
        ),
      ).map((e) => e.entity);
      expect(order).toEqual(reviewed.status === 201 ? ["effectiveness_review", "finding"] : ["finding"]);
    }
  });

  it("records two parallel re-reviews of a risk as two consecutive versions, never a 500", async () => {
    const created = await post("/api/risks", {
      kind: "risk",
      title: "Uitval procesregisseur",
      description: "Bij ziekte van een procesregisseur ligt de voorbereiding stil.",
      processId: "casusoverleg",
      inherentLikelihood: 3,
      inherentImpact: 4,
      residualLikelihood: 3,
      residualImpact: 3,
      treatment: "Vervanging per vestiging geregeld.",
      ownerId: ids.kwaliteit,
      reviewIntervalDays: 90,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const risk = ((await created.json()) as { risk: { id: string } }).risk;
    const res = await parallel(3, () =>
      post(`/api/risks/${risk.id}/review`, { reviewedOn: "2026-07-09", residualLikelihood: 2, note: "Vervanging getest in juni." }),
    );
    expect(statuses(res)).toEqual([200, 200, 200]);
    const versions = rows<{ version: number }>(
      await t.db.execute(sql`select version from ${riskHistory} where risk_id = ${risk.id} order by version`),
    ).map((r) => Number(r.version));
    expect(versions).toEqual([1, 2, 3, 4]);
    await chainOk();
  });

  it("finalises a management review once: one 200, one 409, and each decision becomes one action", async () => {
    const by = { actorId: ids.kwaliteit, actor: "kwaliteit", ip: null };
    const review = await createManagementReview(
      t.db,
      { periodFrom: "2025-07-01", periodTo: "2025-12-31", heldOn: "2026-01-15" },
      t.clock.now,
      by,
    );
    await updateManagementReview(
      t.db,
      review.id,
      {
        assessments: Object.fromEntries(
          REVIEW_INPUT_KEYS.map((k) => [k, "Besproken en beoordeeld; geen bijzonderheden buiten de besluiten."]),
        ),
        decisions: [
          { kind: "verbetering", text: "Terugkoppeling aan de aanmelder binnen twee weken", ownerId: ids.kwaliteit, dueOn: "2026-09-30" },
        ],
      },
      t.clock.now,
      by,
    );
    const links = await count(t.db, "finding_actions");
    const res = await parallel(2, () => post(`/api/management-reviews/${review.id}/finalize`, undefined, "POST", "management"));
    expect(statuses(res)).toEqual([200, 409]);
    expect(await count(t.db, "finding_actions")).toBe(links + 1);
    await chainOk();
  });
});

describe("an action completed and retitled at once", () => {
  it("keeps both: done with its day, and the new title, whichever lands last", async () => {
    for (let round = 0; round < 3; round++) {
      const found = await Promise.all(Array.from({ length: 8 }, (_, i) => opportunity(`Gelijktijdig ${round}-${i}`)));
      const made = await Promise.all(found.map(async (f) => ((await (await newAction(f.id)).json()) as { action: { id: string } }).action));
      const replies = await Promise.all(
        made.map((a, i) =>
          Promise.all([
            post(`/api/actions/${a.id}`, { status: "gereed" }, "PATCH"),
            new Promise((r) => setTimeout(r, i % 4)).then(() => post(`/api/actions/${a.id}`, { title: "Werkinstructie herzien" }, "PATCH")),
          ]),
        ),
      );
      for (const pair of replies) expect(pair.map((r) => r.status)).toEqual([200, 200]);
      for (const a of made) {
        const stored = rows<{ status: string; completed_on: string | null; title: string }>(
          await t.db.execute(sql`select status, completed_on::text, title from actions where id = ${a.id}`),
        )[0];
        expect(stored, `round ${round}`).toEqual({ status: "gereed", completed_on: "2026-07-09", title: "Werkinstructie herzien" });
      }
    }
  });
});
