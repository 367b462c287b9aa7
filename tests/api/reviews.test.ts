import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { count, testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { partnerIds, registerCase, registerConference } from "../helpers/registry.ts";
import { actions, auditLog, findingActions, findings, internalAudits, managementReviews, risks, users, waves } from "../../db/schema.ts";
import { REVIEW_INPUTS } from "../../api/domain/reviews/review.inputs.ts";

let t: Awaited<ReturnType<typeof testApp>>;
const NOW = new Date("2026-10-01T10:00:00Z");
const PERIOD = { periodFrom: "2026-01-01", periodTo: "2026-09-30" };
const KEYS = REVIEW_INPUTS.map((i) => i.key);
let userId: Record<string, string>;

type Input = {
  key: string; // biome-ignore lint/suspicious/noExplicitAny: each pre-fill input has its own shape; the assertions name the fields they read
  data: Record<string, any> | null;
  assessment: string;
};
type Decision = { kind: string; text: string; ownerId: string | null; dueOn: string | null; actionId: string | null };
type Review = {
  id: string;
  seriesId: string;
  version: number;
  status: string;
  heldOn: string | null;
  inputs: Input[];
  decisions: Decision[];
  correctionOf: string | null;
  correctionReason: string | null;
  finalizedAt: string | null;
  finalizedBy: string | null;
  completeness: {
    complete: boolean;
    missing: { key: string }[];
    missingAssessments: string[];
    dataGaps: { key: string; gaps: string[] }[];
  };
  versions: { id: string; version: number; status: string }[];
};
type ErrorBody = { error: { code: string; message: string; details?: { key: string }[] } };

const call = (path: string, method: string, json?: unknown, as: "kwaliteit" | "management" | "auditor" | "medewerker" = "kwaliteit") =>
  t.request(path, { method, json, as });
const reviewOf = async (res: Response) => ((await res.json()) as { review: Review }).review;
const input = (r: Review, key: string) => r.inputs.find((i) => i.key === key)!;
const allAssessments = (except: string[] = []) =>
  Object.fromEntries(KEYS.filter((k) => !except.includes(k)).map((k) => [k, `Beoordeling van de directie over ${k}.`]));
const rawRow = async (id: string) => (await t.db.select().from(managementReviews).where(eq(managementReviews.id, id)))[0];

/** A closed wave with the given respondents, answered through the survey API while it was open. */
async function closedWave(name: string, opens: string, closes: string, values: { rol_taken: number; cijfer: number }[]) {
  const [wave] = await t.db
    .insert(waves)
    .values({ name, questionnaireId: t.questionnaireId, opensAt: new Date(opens), closesAt: new Date(closes) })
    .returning();
  t.clock.now = new Date(new Date(opens).getTime() + 86_400_000);
  const who = { organisationType: "zorg", organisation: "GGZ Noord-Holland-Noord", branch: "alkmaar" };
  const res = await t.request(`/api/waves/${wave.id}/invitations`, {
    method: "POST",
    json: { invitations: Array(values.length).fill(who) },
  });
  expect(res.status).toBe(201);
  const { invitations } = (await res.json()) as { invitations: { token: string }[] };
  for (const [i, inv] of invitations.entries()) {
    const r = await t.request(`/api/s/${inv.token}/response`, {
      method: "POST",
      as: "anonymous",
      json: { data: { ...COMPLETE, ...values[i] } },
    });
    expect(r.status).toBe(201);
  }
  t.clock.now = NOW;
  return wave;
}

beforeAll(async () => {
  t = await testApp({ now: NOW });
  userId = Object.fromEntries((await t.db.select().from(users)).map((u) => [u.role, u.id]));
  await closedWave("KTO voorjaar 2025", "2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z", Array(5).fill({ rol_taken: 2, cijfer: 6 }));
  await closedWave("KTO voorjaar 2026", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", Array(6).fill({ rol_taken: 5, cijfer: 8 }));

  const p = await partnerIds(t.db);
  const c = await registerCase(t, p);
  await registerConference(t, p, [c.id], { heldOn: "2026-03-17" }); // its follow-up, due 2026-04-01, is still open

  await t.db.insert(findings).values({
    ref: "BEV-2026-900",
    source: "complaint",
    title: "Terugkoppeling aan aanmelder te laat",
    description: "Klacht van een aanmelder.",
    classification: "minor_nc",
    clauses: ["8.2.1"],
    foundOn: "2026-05-04",
  });
  await t.db.insert(internalAudits).values({
    ref: "IA-2026-01",
    year: 2026,
    processId: "casusoverleg",
    scope: "Casusoverleg Alkmaar",
    criteria: ["8.5.1"],
    auditorIds: [userId.auditor],
    auditeeIds: [userId.medewerker],
    plannedOn: "2026-04-15",
  });
  const [risk] = await t.db
    .insert(risks)
    .values({
      ref: "R-001",
      kind: "risk",
      title: "Informatie gedeeld zonder grondslag",
      description: "Delen buiten het convenant.",
      inherentLikelihood: 3,
      inherentImpact: 5,
      residualLikelihood: 2,
      residualImpact: 4,
      treatment: "Privacytoets per casus",
      ownerId: userId.kwaliteit,
      reviewIntervalDays: 90,
      lastReviewedOn: "2026-01-05",
    })
    .returning();
  await t.db.insert(risks).values({
    ref: "K-001",
    kind: "opportunity",
    title: "Gezamenlijke training met gemeenten",
    description: "Kennisdeling.",
    inherentLikelihood: 3,
    inherentImpact: 3,
    residualLikelihood: 3,
    residualImpact: 3,
    treatment: "Verkennen",
    ownerId: userId.management,
    lastReviewedOn: "2026-08-01",
  });
  await t.db.insert(actions).values({
    ref: "ACT-2026-900",
    title: "Privacytoets invoeren",
    ownerId: userId.kwaliteit,
    dueOn: "2026-06-01",
    criterion: { kind: "manual", text: "Elke casus heeft een privacytoets" },
    riskId: risk.id,
    createdAt: new Date("2026-02-02T09:00:00Z"),
  });
});
afterAll(async () => {
  await t.close();
});

let review: Review;
let finalId: string;

describe("createManagementReview", () => {
  it("refuses an inverted or too long period and unknown fields, and stores nothing", async () => {
    expect((await call("/api/management-reviews", "POST", { periodFrom: "2026-06-01", periodTo: "2026-01-01" })).status).toBe(400);
    expect((await call("/api/management-reviews", "POST", { periodFrom: "2024-01-01", periodTo: "2026-01-01" })).status).toBe(400);
    expect((await call("/api/management-reviews", "POST", { ...PERIOD, status: "definitief" })).status).toBe(400);
    expect(await count(t.db, "management_reviews")).toBe(0);
  });

  it("creates a concept, version 1, with all twelve inputs pre-filled", async () => {
    const res = await call("/api/management-reviews", "POST", PERIOD);
    expect(res.status).toBe(201);
    review = await reviewOf(res);
    expect(review).toMatchObject({ version: 1, status: "concept", heldOn: null, decisions: [], correctionOf: null });
    expect(review.inputs.map((i) => i.key)).toEqual(KEYS);
    // By key only: the titles are the catalog's (reviewInput.<key>), so no Dutch copy travels with them.
    expect(review.inputs.every((i) => !("title" in i))).toBe(true);
    for (const i of review.inputs) {
      expect(i.assessment).toBe("");
      if (i.key === "context_changes") expect(i.data).toBeNull();
      else expect(Array.isArray(i.data?.gaps), i.key).toBe(true);
    }
    expect(review.completeness.missingAssessments).toEqual(KEYS);
    expect(review.completeness.complete).toBe(false);
  });

  it("compares the latest closed wave with the one before, per dimension, without open answers", () => {
    const sat = input(review, "satisfaction").data!;
    expect(sat.waves.map((w: { name: string }) => w.name)).toEqual(["KTO voorjaar 2026", "KTO voorjaar 2025"]);
    const [latest, previous] = sat.waves as {
      respondents: number;
      dimensions: { dimension: string; mean: number; n: number; ci: unknown }[];
    }[];
    expect([latest.respondents, previous.respondents]).toEqual([6, 5]);
    const rol = (w: typeof latest) => w.dimensions.find((d) => d.dimension === "rolduidelijkheid")!;
    expect(rol(latest)).toMatchObject({ n: 6, mean: 4 }); // (5 + 4 + 3) / 3
    expect(rol(previous)).toMatchObject({ n: 5, mean: 3 }); // (2 + 4 + 3) / 3
    expect(rol(latest).ci).toBeTruthy();
    const diff = sat.comparison.find((d: { dimension: string }) => d.dimension === "rolduidelijkheid");
    expect(diff).toMatchObject({ latest: 4, previous: 3 });
    expect(diff.difference).toBeCloseTo(1, 10);
    expect(sat.gaps).toEqual([]);
    // The recommendation question's mean is not shown as if it were the NPS: only the real NPS is.
    for (const w of sat.waves as { dimensions: { dimension: string }[]; nps: { nps: number } | null }[]) {
      expect(w.dimensions.map((d) => d.dimension)).not.toContain("nps");
      expect(w.nps).not.toBeNull();
    }
    expect(sat.comparison.map((d: { dimension: string }) => d.dimension)).not.toContain("nps");
    expect(JSON.stringify(review)).not.toContain(COMPLETE.goed);
  });

  it("pre-fills the other inputs from the registry, quality records and risk register", () => {
    expect(input(review, "previous_actions").data).toMatchObject({ review: null, decisions: [] });
    // A gap by catalog code, so the English dashboard can say it in English; the Dutch beside it.
    expect(input(review, "previous_actions").data!.gaps).toEqual([
      { code: "prefill_no_previous_review", message: "Er is geen eerdere definitieve directiebeoordeling." },
    ]);
    expect(input(review, "process_performance").data).toMatchObject({ conferences: 1, directorAssigned: { count: 1, n: 1, share: 1 } });
    const partners = input(review, "external_providers").data!.partners as { name: string; invited: number }[];
    expect(partners.map((p) => p.name)).toContain("Politie Noord-Holland");
    const nc = input(review, "nonconformities").data!;
    expect(nc.findings).toMatchObject({ total: 1, open: 1, byClassification: { minor_nc: 1, major_nc: 0 } });
    expect(nc.openNonconformities.map((f: { ref: string }) => f.ref)).toEqual(["BEV-2026-900"]);
    expect(nc.overdueActions.map((a: { ref: string }) => a.ref)).toEqual(["ACT-2026-900"]);
    const mon = input(review, "monitoring").data!;
    expect(mon.waves.map((w: { name: string }) => w.name)).toEqual(["KTO voorjaar 2026", "KTO test"]);
    expect(mon.waves[0]).toMatchObject({ invited: 6, responded: 6 });
    expect(mon.followUps.overdue).toBe(1);
    expect(input(review, "audit_results").data!.counts).toMatchObject({ planned: 1, done: 0, reported: 0, late: 1 });
    expect(input(review, "resources").data!.total).toEqual({ hours: 0, cost: 0 });
    const risk = input(review, "risk_actions").data!.risks[0];
    expect(risk).toMatchObject({
      ref: "R-001",
      inherent: { score: 15 },
      residual: { score: 8 },
      reviewDueOn: "2026-04-05",
      reviewOverdue: true,
    });
    expect(risk.actions).toEqual([{ ref: "ACT-2026-900", title: "Privacytoets invoeren", status: "gepland", dueOn: "2026-06-01" }]);
    expect(input(review, "improvement_opportunities").data!.registerOpportunities.map((r: { ref: string }) => r.ref)).toEqual(["K-001"]);
    expect(input(review, "objectives").data!.actions[0]).toMatchObject({
      ref: "ACT-2026-900",
      criterion: "Elke casus heeft een privacytoets",
    });
  });
});

describe("finalizeManagementReview", () => {
  it("is management's act: kwaliteit gets 403", async () => {
    expect((await call(`/api/management-reviews/${review.id}/finalize`, "POST", undefined, "kwaliteit")).status).toBe(403);
    expect((await rawRow(review.id)).status).toBe("concept");
  });

  it("refuses with 422 and the missing inputs while an assessment is empty, and changes nothing", async () => {
    const empty = await call(`/api/management-reviews/${review.id}/finalize`, "POST", undefined, "management");
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as ErrorBody).error.details!.map((d) => d.key)).toEqual([...KEYS, "heldOn", "decisions"]);

    const res = await call(`/api/management-reviews/${review.id}`, "PATCH", {
      heldOn: "2026-09-29",
      assessments: allAssessments(["risk_actions", "audit_results"]),
      decisions: [
        { kind: "verbetering", text: "Casusregie bij elk casusoverleg vastleggen", ownerId: userId.kwaliteit, dueOn: "2026-12-31" },
        { kind: "middelen", text: "Extra procesregisseur voor West-Friesland begroten" },
      ],
    });
    expect(res.status).toBe(200);
    review = await reviewOf(res);
    expect(review.completeness.missingAssessments).toEqual(["audit_results", "risk_actions"]);

    const before = {
      row: await rawRow(review.id),
      actions: await count(t.db, "actions"),
      findings: await count(t.db, "findings"),
      audit: await count(t.db, "audit_log"),
    };
    const refused = await call(`/api/management-reviews/${review.id}/finalize`, "POST", undefined, "management");
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe("review_incomplete");
    expect(body.error.details!.map((d) => d.key)).toEqual(["audit_results", "risk_actions"]);
    expect(await rawRow(review.id)).toEqual(before.row);
    expect([await count(t.db, "actions"), await count(t.db, "findings"), await count(t.db, "audit_log")]).toEqual([
      before.actions,
      before.findings,
      before.audit,
    ]);
  });

  it("refuses a decision with an owner but no due date, or an owner who is no user", async () => {
    const half = await call(`/api/management-reviews/${review.id}`, "PATCH", {
      decisions: [{ kind: "verbetering", text: "x", ownerId: userId.kwaliteit }],
    });
    expect(half.status).toBe(400);
    const ghost = await call(`/api/management-reviews/${review.id}`, "PATCH", {
      decisions: [{ kind: "verbetering", text: "x", ownerId: "00000000-0000-4000-8000-000000000000", dueOn: "2026-12-31" }],
    });
    expect(ghost.status).toBe(400);
    expect((await rawRow(review.id)).decisions).toHaveLength(2);
  });

  it("finalizes a complete review and turns the decision with owner and due date into an action", async () => {
    const res = await call(`/api/management-reviews/${review.id}`, "PATCH", { assessments: allAssessments() });
    expect((await reviewOf(res)).completeness).toMatchObject({ complete: true, missing: [] });
    const done = await call(`/api/management-reviews/${review.id}/finalize`, "POST", undefined, "management");
    expect(done.status).toBe(200);
    const final = await reviewOf(done);
    finalId = final.id;
    expect(final).toMatchObject({ status: "definitief", finalizedBy: userId.management });
    expect(final.finalizedAt).toBe(NOW.toISOString());
    const [owned, other] = final.decisions;
    expect(other.actionId).toBeNull();
    expect(owned.actionId).toBeTruthy();

    const [action] = await t.db.select().from(actions).where(eq(actions.id, owned.actionId!));
    expect(action).toMatchObject({
      title: "Casusregie bij elk casusoverleg vastleggen",
      ownerId: userId.kwaliteit,
      dueOn: "2026-12-31",
      status: "gepland",
      pdcaPhase: "plan",
      ref: "ACT-2026-002",
    });
    expect(action.criterion).toEqual({
      kind: "manual",
      text: "Besluit directiebeoordeling 2026-01-01 t/m 2026-09-30: Casusregie bij elk casusoverleg vastleggen",
    });
    const links = await t.db.select().from(findingActions).where(eq(findingActions.actionId, action.id));
    expect(links).toHaveLength(1);
    const [finding] = await t.db.select().from(findings).where(eq(findings.id, links[0].findingId));
    expect(finding).toMatchObject({
      source: "other",
      classification: "opportunity",
      clauses: ["9.3.3"],
      title: "Casusregie bij elk casusoverleg vastleggen",
      foundOn: "2026-09-29",
    });

    const trail = await t.db.select().from(auditLog).where(eq(auditLog.entity, "management_review"));
    expect(trail.map((a) => a.action)).toEqual(["create", "update", "update", "finalize"]);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.entityId, action.id))).map((a) => a.entity)).toEqual(["action"]);
  });

  it("refuses to change a final review: 409 from the service, and the database refuses raw SQL", async () => {
    const before = await rawRow(finalId);
    const patch = await call(`/api/management-reviews/${finalId}`, "PATCH", { heldOn: "2026-09-28" });
    expect(patch.status).toBe(409);
    expect(((await patch.json()) as ErrorBody).error.code).toBe("review_final");
    expect((await call(`/api/management-reviews/${finalId}/finalize`, "POST", undefined, "management")).status).toBe(409);
    await expect(t.db.execute(sql.raw(`update management_reviews set held_on = '2026-09-28' where id = '${finalId}'`))).rejects.toThrow();
    await expect(t.db.execute(sql.raw(`delete from management_reviews where id = '${finalId}'`))).rejects.toThrow();
    expect(await rawRow(finalId)).toEqual(before);
  });
});

describe("correctManagementReview", () => {
  let v2: Review;

  it("creates version 2 as a concept copy and leaves version 1 untouched", async () => {
    const before = await rawRow(finalId);
    expect((await call(`/api/management-reviews/${finalId}/corrections`, "POST", { reason: "x" }, "kwaliteit")).status).toBe(403);
    const res = await call(
      `/api/management-reviews/${finalId}/corrections`,
      "POST",
      { reason: "Besluit over middelen verkeerd weergegeven." },
      "management",
    );
    expect(res.status).toBe(201);
    v2 = await reviewOf(res);
    expect(v2).toMatchObject({
      version: 2,
      status: "concept",
      seriesId: before.seriesId,
      correctionOf: finalId,
      correctionReason: "Besluit over middelen verkeerd weergegeven.",
      finalizedAt: null,
    });
    expect(v2.id).not.toBe(finalId);
    expect(v2.inputs).toEqual(before.inputs);
    expect(v2.versions.map((v) => [v.version, v.status])).toEqual([
      [1, "definitief"],
      [2, "concept"],
    ]);
    expect(await rawRow(finalId)).toEqual(before);
  });

  it("only corrects the latest final version", async () => {
    expect((await call(`/api/management-reviews/${finalId}/corrections`, "POST", { reason: "Nog een keer." }, "management")).status).toBe(
      409,
    );
    expect((await call(`/api/management-reviews/${v2.id}/corrections`, "POST", { reason: "Concept." }, "management")).status).toBe(409);
  });

  it("edits and finalizes the correction without creating the carried-over action twice", async () => {
    const actionsBefore = await count(t.db, "actions");
    const [owned] = v2.decisions;
    const res = await call(`/api/management-reviews/${v2.id}`, "PATCH", {
      decisions: [
        { kind: owned.kind, text: owned.text, actionId: owned.actionId },
        { kind: "middelen", text: "Extra procesregisseur voor Den Helder begroten" },
      ],
    });
    expect(res.status).toBe(200);
    const done = await call(`/api/management-reviews/${v2.id}/finalize`, "POST", undefined, "management");
    expect(done.status).toBe(200);
    expect((await reviewOf(done)).decisions[0]).toMatchObject({ actionId: owned.actionId, ownerId: userId.kwaliteit, dueOn: "2026-12-31" });
    expect(await count(t.db, "actions")).toBe(actionsBefore);
    const unknown = await call(`/api/management-reviews/${finalId}`, "PATCH", {
      decisions: [{ kind: "verbetering", text: "x", actionId: owned.actionId }],
    });
    expect(unknown.status).toBe(409);
  });

  it("lists one series with its latest version, and the next review picks up its decisions", async () => {
    const list = (await (await call("/api/management-reviews", "GET", undefined, "auditor")).json()) as {
      reviews: { id: string; version: number; status: string; versions: { version: number }[] }[];
    };
    expect(list.reviews).toHaveLength(1);
    expect(list.reviews[0]).toMatchObject({ id: v2.id, version: 2, status: "definitief" });
    expect(list.reviews[0].versions.map((v) => v.version)).toEqual([1, 2]);

    const next = await reviewOf(
      await call("/api/management-reviews", "POST", { periodFrom: "2026-04-01", periodTo: "2026-09-30" }, "management"),
    );
    const prev = input(next, "previous_actions").data!;
    expect(prev.review).toMatchObject({ id: v2.id, version: 2 });
    expect(prev.decisions[0].action).toMatchObject({ ref: "ACT-2026-002", status: "gepland" });
    expect(prev.decisions[1]).toMatchObject({ text: "Extra procesregisseur voor Den Helder begroten", action: null });
    // The action decided after the period closed belongs to the next period's objectives.
    expect(input(next, "objectives").data!.actions.map((a: { ref: string }) => a.ref)).toEqual(["ACT-2026-900"]);

    // A new review cannot claim an action that another review decided.
    const claim = await call(`/api/management-reviews/${next.id}`, "PATCH", {
      decisions: [{ kind: "verbetering", text: "Overgenomen", actionId: prev.decisions[0].action.id }],
    });
    expect(claim.status).toBe(400);
    expect(((await claim.json()) as ErrorBody).error.code).toBe("unknown_action");
  });

  it("answers 404 for an unknown review", async () => {
    expect((await call("/api/management-reviews/00000000-0000-4000-8000-000000000000", "GET")).status).toBe(404);
    expect((await call("/api/management-reviews/niet-een-id", "GET")).status).toBe(404);
  });
});

describe("seedReviewsDemo", () => {
  it("makes final reviews over 2024 and 2025 and one concept over 2026 H1, once, through the services", async () => {
    const { seedReviewsDemo } = await import("../../db/seed/reviews.ts");
    const { DEMO_USERS } = await import("../../db/seed/demo.ts");
    const s = await testApp({ now: NOW });
    try {
      expect(await seedReviewsDemo(s.db, NOW)).toBe(false); // no demo accounts yet
      await s.db.insert(users).values(DEMO_USERS);
      expect(await seedReviewsDemo(s.db, NOW)).toBe(true);
      expect(await seedReviewsDemo(s.db, NOW)).toBe(false);
      const rows = await s.db.select().from(managementReviews);
      const finals = rows.filter((r) => r.status === "definitief").sort((a, b) => a.periodTo.localeCompare(b.periodTo));
      const concept = rows.find((r) => r.status === "concept")!;
      expect(finals.map((r) => [r.periodFrom, r.periodTo, r.heldOn, r.finalizedAt?.toISOString().slice(0, 10)])).toEqual([
        ["2024-01-01", "2024-12-31", "2025-01-21", "2025-01-28"],
        ["2025-01-01", "2025-12-31", "2026-01-20", "2026-01-27"],
      ]);
      const [first, final] = finals;
      for (const r of finals) {
        expect((r.inputs as Input[]).every((i) => i.assessment.length > 50)).toBe(true);
        expect(r.decisions as Decision[]).toHaveLength(3);
        expect((r.decisions as Decision[]).filter((d) => d.actionId)).toHaveLength(2);
      }
      expect(await count(s.db, "finding_actions")).toBe(4);
      // The 2024 review's actions were carried out in 2025; the 2025 review looks back at that review.
      const done = await s.db
        .select()
        .from(actions)
        .where(
          inArray(
            actions.id,
            (first.decisions as Decision[]).flatMap((d) => (d.actionId ? [d.actionId] : [])),
          ),
        );
      expect(done.map((a) => a.status)).toEqual(["gereed", "gereed"]);
      expect((final.inputs as Input[]).find((i) => i.key === "previous_actions")!.data!.review).toMatchObject({ id: first.id });
      expect([concept.periodFrom, concept.periodTo]).toEqual(["2026-01-01", "2026-06-30"]);
      expect((concept.inputs as Input[]).some((i) => !i.assessment)).toBe(true);
      const previous = (concept.inputs as Input[]).find((i) => i.key === "previous_actions")!.data!;
      expect(previous.review).toMatchObject({ id: final.id });
    } finally {
      await s.close();
    }
  });
});
