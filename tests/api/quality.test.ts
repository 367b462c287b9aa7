import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { effectivenessReviews, users, waves } from "../../db/schema.ts";
import { errorText, type ErrorParams } from "../../api/lib/error-text.ts";
import { sha256Bytes } from "../../api/lib/crypto.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let ids: Record<string, string>;
const at = async (iso: string) => {
  t.clock.now = new Date(iso);
  await t.renewSessions();
};

beforeAll(async () => {
  t = await testApp({ now: new Date("2026-02-10T10:00:00Z") });
  ids = Object.fromEntries((await t.db.select().from(users)).map((u) => [u.role, u.id]));
});
afterAll(async () => {
  await t.close();
});

const post = (path: string, json: unknown, as: "kwaliteit" | "management" | "auditor" = "kwaliteit") =>
  t.request(path, { method: "POST", json, as });
const patch = (path: string, json: unknown) => t.request(path, { method: "PATCH", json });
const data = async <T>(res: Response, status: number): Promise<T> => {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body as T;
};

async function answerWave(waveId: string, n: number, rol: (i: number) => [number, number, number]) {
  const res = await post(`/api/waves/${waveId}/invitations`, {
    invitations: Array(n).fill({ organisation: "Politie Noord-Holland", organisationType: "veiligheid" }),
  });
  const { invitations } = await data<{ invitations: { token: string }[] }>(res, 201);
  for (const [i, inv] of invitations.entries()) {
    const [rol_taken, rol_eigen, rol_regie] = rol(i);
    const r = await t.request(`/api/s/${inv.token}/response`, {
      method: "POST",
      as: "anonymous",
      json: { data: { ...COMPLETE, rol_taken, rol_eigen, rol_regie } },
    });
    expect(r.status).toBe(201);
  }
}

async function upload(target: Record<string, string>, bytes = new TextEncoder().encode("%PDF-1.4 verslag"), type = "application/pdf") {
  const form = new FormData();
  form.set("file", new File([bytes], "verslag.pdf", { type }));
  form.set("concernsDate", "2026-03-01");
  for (const [k, v] of Object.entries(target)) form.set(k, v);
  return t.request("/api/evidence", { method: "POST", body: form });
}

describe("effectiveness evaluated automatically against the next wave", () => {
  it("stores the baseline, waits for the next wave, then judges baseline → result with its caveats", async () => {
    const [a, b] = await t.db
      .insert(waves)
      .values([
        {
          name: "KTO A",
          questionnaireId: t.questionnaireId,
          opensAt: new Date("2026-02-01T00:00:00Z"),
          closesAt: new Date("2026-02-28T00:00:00Z"),
        },
        {
          name: "KTO B",
          questionnaireId: t.questionnaireId,
          opensAt: new Date("2026-06-01T00:00:00Z"),
          closesAt: new Date("2026-06-30T00:00:00Z"),
        },
      ])
      .returning();
    await answerWave(a.id, 12, (i) => [2, 2, 2 + (i % 2)]); // rolduidelijkheid 2.17
    await at("2026-03-05T10:00:00Z");
    const { finding } = await data<{ finding: { id: string; baseline: { mean: number; n: number; wave: string; ci: object } } }>(
      await post(`/api/waves/${a.id}/findings`, { dimension: "rolduidelijkheid", classification: "opportunity" }),
      201,
    );
    expect(finding.baseline).toMatchObject({ wave: "KTO A", n: 12 });
    expect(finding.baseline.mean).toBeCloseTo(26 / 12, 10);
    expect(finding.baseline.ci).toBeTruthy();
    const criterion = {
      kind: "survey_dimension",
      text: "rolduidelijkheid ≥ 7,5 in de volgende meting",
      dimension: "rolduidelijkheid",
      comparator: ">=",
      target: 7.5,
      scale: "10",
    };
    const { action } = await data<{ action: { id: string } }>(
      await post("/api/actions", {
        findingIds: [finding.id],
        title: "Rollen toelichten aan tafel",
        ownerId: ids.kwaliteit,
        dueOn: "2026-05-31",
        criterion,
      }),
      201,
    );
    // Why not yet, by code: no later wave has closed.
    expect(await data(await t.request(`/api/actions/${action.id}/evaluation`), 200)).toMatchObject({
      status: "nog_niet_meetbaar",
      explanation: { code: "eval_pending_no_wave", message: "Er is nog geen nieuwe meting gesloten." },
    });

    await at("2026-06-10T10:00:00Z");
    await answerWave(b.id, 12, (i) => [4, 4, 4 + (i % 2)]); // rolduidelijkheid 4.17, or 8.1 on 1–10
    await at("2026-07-05T10:00:00Z");
    const ev = await data<{
      status: string;
      baseline: { label: string; value: number };
      result: { label: string; value: number; n: number };
      change: { test: string; significant: boolean };
      caveats: { code: string; params?: Record<string, number>; message: string }[];
      explanation: { code: string; params: ErrorParams; message: string };
    }>(await t.request(`/api/actions/${action.id}/evaluation`), 200);
    // The explanation by code with raw numbers (the client formats them), the Dutch beside it.
    expect(ev.explanation).toMatchObject({
      code: "eval_outcome_change",
      params: { baselineLabel: "KTO A", resultLabel: "KTO B", comparator: "≥", target: 7.5, verdict: { code: "eval_met" } },
    });
    expect(ev.explanation.params.result).toBe(Number(ev.result.value.toFixed(2)));
    expect(ev.explanation.message).toMatch(/^\d,\d+ \(KTO A\) → \d,\d+ \(KTO B\); doel ≥ 7,5: gehaald\.$/);
    expect(errorText("en", ev.explanation.code, ev.explanation.params)).toMatch(
      /^\d\.\d+ \(KTO A\) → \d\.\d+ \(KTO B\); target ≥ 7\.5: met\.$/,
    );
    expect(ev.status).toBe("gehaald");
    expect([ev.baseline.label, ev.result.label]).toEqual(["KTO A", "KTO B"]);
    expect(ev.baseline.value).toBeCloseTo(1 + ((26 / 12 - 1) * 9) / 4, 10); // shown on the 1–10 scale of the criterion
    expect(ev.result.value).toBeGreaterThan(7.5);
    expect(ev.change).toMatchObject({ test: "welch", significant: true });
    // Each caveat by code and params, the Dutch beside it: the dashboard renders it in its language.
    expect(ev.caveats[0]).toEqual({
      code: "eval_small_n",
      params: { n: 12 },
      message: "Kleine aantallen (n = 12): het resultaat is onzeker.",
    });
  });
});

describe("closing a nonconformity", () => {
  it("is refused without root cause, with open actions, or when reviewed by the action owner; allowed when complete", async () => {
    await at("2026-07-10T10:00:00Z");
    const { finding } = await data<{ finding: { id: string; ref: string } }>(
      await post("/api/findings", {
        source: "complaint",
        title: "Casusregisseur niet vastgelegd",
        description: "Partner klaagt dat na het overleg niemand de regie had.",
        classification: "minor_nc",
        clauses: ["8.5.1", "10.2"],
        foundOn: "2026-07-09",
      }),
      201,
    );
    expect(finding.ref).toMatch(/^BEV-2026-\d{3}$/);
    const codes = async () => {
      const body = await data<{ error: { details: { code: string }[] } }>(await post(`/api/findings/${finding.id}/close`, {}), 422);
      return body.error.details.map((d) => d.code);
    };
    expect(await codes()).toEqual(
      expect.arrayContaining(["correction_missing", "root_cause_missing", "similar_unchecked", "review_missing"]),
    );

    const { action } = await data<{ action: { id: string } }>(
      await post("/api/actions", {
        findingIds: [finding.id],
        title: "Casusregisseur verplicht veld",
        ownerId: ids.kwaliteit,
        dueOn: "2026-08-01",
        criterion: {
          kind: "conference_metric",
          text: "casusregisseur toegewezen in ≥ 95 % over Q3",
          metric: "directorAssigned",
          comparator: ">=",
          target: 95,
          from: "2026-07-01",
          to: "2026-09-30",
        },
      }),
      201,
    );
    await data(
      await patch(`/api/findings/${finding.id}`, {
        correction: "Regie alsnog belegd bij Veilig Thuis.",
        similarElsewhere: "Alle lopende casussen nagelopen; twee vergelijkbare gevallen hersteld.",
        rootCauseAnalysis: { method: "five_whys", whys: ["Geen regisseur genoteerd", "Veld was optioneel", "Formulier uit 2019"] },
        rootCause: "Het registratieformulier dwong de keuze niet af.",
      }),
      200,
    );
    expect(await codes()).toEqual(["actions_open", "no_finished_action", "review_missing"]);
    // Q3 is still running: the closing check says so by code, its day a raw date the client spells out.
    const check = await data<{
      stillOpen: { effectNotMeasurable: { explanation: { code: string; params: ErrorParams; message: string } }[] };
    }>(await t.request(`/api/findings/${finding.id}/closing-check`), 200);
    const [running] = check.stillOpen.effectNotMeasurable;
    expect(running.explanation).toEqual({
      code: "eval_pending_period_running",
      params: { to: "2026-09-30" },
      message: "De meetperiode loopt tot en met 30 september 2026.",
    });
    expect(errorText("en", running.explanation.code, running.explanation.params)).toBe(
      "The measurement period runs up to and including 30 September 2026.",
    );

    await data(await patch(`/api/actions/${action.id}`, { status: "gereed", completedOn: "2026-07-10" }), 200);
    const { evidence } = await data<{ evidence: { id: string } }>(await upload({ actionId: action.id }), 201);
    const review = {
      reviewedOn: "2026-07-10",
      effective: true,
      explanation: "Sinds de wijziging is de regie overal belegd.",
      evidenceIds: [evidence.id],
    };
    const own = await data<{ error: { code: string } }>(await post(`/api/findings/${finding.id}/reviews`, review, "kwaliteit"), 422);
    expect(own.error.code).toBe("reviewer_is_owner");
    expect(await codes()).toEqual(["review_missing"]);

    await data(await post(`/api/findings/${finding.id}/reviews`, review, "management"), 201);
    // The review stores the evaluation as it was, by code; one stored before the codes keeps its Dutch sentences.
    const detail = async () =>
      (
        await data<{ finding: { reviews: { evaluation: { explanation: unknown; result: unknown }[] }[] } }>(
          await t.request(`/api/findings/${finding.id}`),
          200,
        )
      ).finding.reviews[0].evaluation[0];
    expect(await detail()).toMatchObject({ explanation: { code: "eval_pending_period_running", params: { to: "2026-09-30" } } });
    const [stored] = await t.db.select().from(effectivenessReviews).where(sql`finding_id = ${finding.id}`);
    const old = (stored.evaluation as Record<string, unknown>[]).map((e) => ({
      ...e,
      result: { label: "1 juli 2026 t/m 30 september 2026", value: 96.7, n: 60, count: 58, ci: null },
      caveats: ["Kleine aantallen (n = 9): het resultaat is onzeker."],
      explanation: "De meetperiode loopt tot en met 30 september 2026.",
    }));
    await t.db.update(effectivenessReviews).set({ evaluation: old }).where(sql`id = ${stored.id}`);
    expect(await detail()).toMatchObject({
      explanation: "De meetperiode loopt tot en met 30 september 2026.",
      result: { label: "1 juli 2026 t/m 30 september 2026" },
    });
    const closed = await data<{ finding: { status: string } }>(await post(`/api/findings/${finding.id}/close`, {}), 200);
    expect(closed.finding.status).toBe("gesloten");
    expect((await patch(`/api/findings/${finding.id}`, { rootCause: "anders" })).status).toBe(409);
    expect((await patch(`/api/actions/${action.id}`, { status: "in_uitvoering" })).status).toBe(409);
    const trail = await t.db.execute(
      sql`select action, entity from audit_log where entity in ('finding', 'effectiveness_review') order by seq`,
    );
    expect(JSON.stringify(trail)).toContain("close");
  });
});

describe("evidence", () => {
  it("stores content with its SHA-256, size, uploader and the date it is about, and gives back the same bytes", async () => {
    const { finding } = await data<{ finding: { id: string } }>(
      await post("/api/findings", {
        source: "other",
        title: "Observatie",
        description: "x",
        classification: "observation",
        clauses: ["7.5"],
        foundOn: "2026-07-01",
      }),
      201,
    );
    const bytes = new TextEncoder().encode("%PDF-1.4 notulen van het overleg");
    const { evidence } = await data<{ evidence: { id: string; sha256: string; size: number; concernsDate: string; uploadedBy: string } }>(
      await upload({ findingId: finding.id }, bytes),
      201,
    );
    expect(evidence).toMatchObject({
      sha256: sha256Bytes(bytes),
      size: bytes.length,
      concernsDate: "2026-03-01",
      uploadedBy: ids.kwaliteit,
    });
    const res = await t.request(`/api/evidence/${evidence.id}`, { as: "auditor" });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(res.headers.get("x-content-sha256")).toBe(evidence.sha256);
    // The declared type is ignored: PDF bytes named .pdf are kept as a PDF whatever the browser claimed.
    const relabelled = await data<{ evidence: { contentType: string } }>(await upload({ findingId: finding.id }, bytes, "text/html"), 201);
    expect(relabelled.evidence.contentType).toBe("application/pdf");
    expect((await upload({ findingId: finding.id, actionId: finding.id })).status).toBe(400);
    const notMultipart = await t.request("/api/evidence", { method: "POST", json: { concernsDate: "2026-03-01" } });
    expect(notMultipart.status).toBe(415);
    expect(((await notMultipart.json()) as { error: { message: string } }).error.message).toBeTruthy();
    const refused = await t.db.execute(sql`update evidence_files set filename = 'vervalst.pdf' where id = ${evidence.id}`).then(
      () => "accepted",
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(refused).toMatch(/evidence_files is append-only/);
  });
});

describe("the digest", () => {
  it("surfaces overdue actions", async () => {
    const { finding } = await data<{ finding: { id: string } }>(
      await post("/api/findings", {
        source: "audit",
        title: "Dossiers onvolledig",
        description: "y",
        classification: "major_nc",
        clauses: ["7.5.3"],
        foundOn: "2026-07-01",
      }),
      201,
    );
    const { action } = await data<{ action: { id: string; ref: string } }>(
      await post("/api/actions", {
        findingIds: [finding.id],
        title: "Controle op volledigheid",
        ownerId: ids.management,
        dueOn: "2026-07-20",
        criterion: { kind: "manual", text: "steekproef 10 dossiers volledig" },
      }),
      201,
    );
    const before = await data<{ overdueActions: { ref: string }[] }>(await t.request("/api/quality/digest"), 200);
    expect(before.overdueActions.map((a) => a.ref)).not.toContain(action.ref);
    await at("2026-07-21T10:00:00Z");
    const after = await data<{ overdueActions: { ref: string }[] }>(await t.request("/api/quality/digest"), 200);
    expect(after.overdueActions.map((a) => a.ref)).toContain(action.ref);
    expect(
      (await data<{ actions: { ref: string; overdue: boolean }[] }>(await t.request("/api/actions?overdue=true"), 200)).actions.map(
        (a) => a.ref,
      ),
    ).toContain(action.ref);
  });

  it("refuses bad input with a clear error and stores nothing", async () => {
    const before = await t.db.execute(sql`select count(*)::int n from actions`);
    const bad = [
      { findingIds: [], title: "x", ownerId: ids.kwaliteit, dueOn: "2026-12-01", criterion: { kind: "manual", text: "x" } },
      { findingIds: [ids.kwaliteit], title: "x", ownerId: ids.kwaliteit, dueOn: "2026-12-01", criterion: { kind: "manual", text: "x" } },
      {
        findingIds: [ids.kwaliteit],
        title: "x",
        ownerId: ids.kwaliteit,
        dueOn: "2026-12-01",
        criterion: { kind: "survey_dimension", text: "x", dimension: "geluk", comparator: ">=", target: 4 },
      },
    ];
    for (const b of bad) expect((await post("/api/actions", b)).status).toBe(400);
    expect(await t.db.execute(sql`select count(*)::int n from actions`)).toEqual(before);
  });
});
