import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { rows } from "../../db/migrate.ts";
import { users } from "../../db/schema.ts";

/** Issue 16, quality-cycle rules: the closing check, closing with a reason, reopening; on both engines (races). */
let t: Awaited<ReturnType<typeof testApp>>;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-07-10T10:00:00Z") });
  ids = Object.fromEntries((await t.db.select().from(users)).map((u) => [u.role, u.id]));
});
afterAll(async () => {
  await t.close();
});

const post = (path: string, json?: unknown, as: "kwaliteit" | "management" = "kwaliteit") =>
  t.request(path, { method: "POST", as, ...(json === undefined ? {} : { json }) });
const data = async <T>(res: Response, status: number): Promise<T> => {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body as T;
};
interface Check {
  canClose: boolean;
  reasonRequired: boolean;
  blocking: { code: string }[];
  stillOpen: {
    actionsNotDone: { ref: string }[];
    effectNotMeasurable: { ref: string; status: string }[];
    effectivenessReviewMissing: boolean;
  };
}
const check = async (id: string) => data<Check>(await t.request(`/api/findings/${id}/closing-check`, { as: "auditor" }), 200);
const closeCodes = async (id: string, json?: unknown) =>
  (await data<{ error: { details: { code: string }[] } }>(await post(`/api/findings/${id}/close`, json), 422)).error.details.map(
    (d) => d.code,
  );
const trail = async (id: string) =>
  rows<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }>(
    await t.db.execute(sql`select action, before, after from audit_log where entity = 'finding' and entity_id = ${id} order by seq`),
  );

async function finding(classification: string) {
  const { finding: f } = await data<{ finding: { id: string; ref: string } }>(
    await post("/api/findings", {
      source: "other",
      title: `Bevinding ${classification}`,
      description: "Bij de interne audit gezien.",
      classification,
      clauses: ["8.5.1"],
      foundOn: "2026-07-01",
    }),
    201,
  );
  return f;
}
async function action(
  findingId: string,
  criterion: unknown = {
    kind: "conference_metric",
    text: "regie belegd in ≥ 95 % over Q3",
    metric: "directorAssigned",
    comparator: ">=",
    target: 95,
    from: "2026-07-01",
    to: "2026-09-30",
  },
) {
  const { action: a } = await data<{ action: { id: string; ref: string } }>(
    await post("/api/actions", {
      findingIds: [findingId],
      title: "Werkinstructie aanpassen",
      ownerId: ids.kwaliteit,
      dueOn: "2026-08-01",
      criterion,
    }),
    201,
  );
  return a;
}

describe("closing check and closing an opportunity", () => {
  it("shows what is still open, asks a reason without an effective review, and stores that reason", async () => {
    const f = await finding("opportunity");
    const a = await action(f.id);
    const before = await check(f.id);
    expect(before).toMatchObject({
      canClose: false,
      reasonRequired: true,
      blocking: [{ code: "actions_open" }],
      stillOpen: {
        actionsNotDone: [{ ref: a.ref }],
        effectNotMeasurable: [{ ref: a.ref, status: "nog_niet_meetbaar" }],
        effectivenessReviewMissing: true,
      },
    });
    // The dashboard posts without a body; that is a 422 with every reason, not a 400 or 415.
    expect(await closeCodes(f.id)).toEqual(["actions_open", "reason_required"]);

    await data(await t.request(`/api/actions/${a.id}`, { method: "PATCH", json: { status: "gereed", completedOn: "2026-07-10" } }), 200);
    const ready = await check(f.id);
    expect(ready).toMatchObject({
      canClose: true,
      reasonRequired: true,
      blocking: [],
      stillOpen: { actionsNotDone: [], effectivenessReviewMissing: true },
    });
    expect(ready.stillOpen.effectNotMeasurable.map((e) => e.ref)).toEqual([a.ref]);
    expect(await closeCodes(f.id, {})).toEqual(["reason_required"]);

    const empty = await data<{ error: { details: { path: string }[] } }>(await post(`/api/findings/${f.id}/close`, { reason: "  " }), 400);
    expect(empty.error.details.map((d) => d.path)).toEqual(["reason"]);
    const unknown = await data<{ error: { details: { path: string }[] } }>(await post(`/api/findings/${f.id}/close`, { reden: "x" }), 400);
    expect(JSON.stringify(unknown.error.details)).toContain("reden");
    expect((await check(f.id)).canClose).toBe(true); // nothing changed by the refused calls

    const reason = "Kans benut; het effect is pas na Q3 meetbaar en wordt in de directiebeoordeling gevolgd.";
    const { finding: closed } = await data<{ finding: { status: string; closeReason: string; closedBy: string } }>(
      await post(`/api/findings/${f.id}/close`, { reason }),
      200,
    );
    expect(closed).toMatchObject({ status: "gesloten", closeReason: reason, closedBy: ids.kwaliteit });
    expect((await trail(f.id)).at(-1)).toMatchObject({ action: "close", after: { ref: f.ref, reason } });
    expect((await post(`/api/findings/${f.id}/close`, { reason })).status).toBe(409);
    expect((await check(f.id)).blocking.map((b) => b.code)).toEqual(["already_closed"]);
  });

  it("keeps the full rules for a nonconformity, where no reason replaces the review", async () => {
    const f = await finding("minor_nc");
    await action(f.id, { kind: "manual", text: "steekproef 10 dossiers" });
    const c = await check(f.id);
    expect(c.reasonRequired).toBe(false);
    expect(c.blocking.map((b) => b.code)).toEqual([
      "actions_open",
      "correction_missing",
      "root_cause_missing",
      "similar_unchecked",
      "no_finished_action",
      "review_missing",
    ]);
    expect(c.stillOpen.effectNotMeasurable).toEqual([]); // a manual criterion is judged by a person, not measured
    expect(await closeCodes(f.id, { reason: "Geen tijd voor een beoordeling." })).toContain("review_missing");
  });

  it("refuses a closing check or reopen for an unknown finding with 404", async () => {
    expect((await t.request("/api/findings/00000000-0000-4000-8000-000000000000/closing-check")).status).toBe(404);
    expect((await post("/api/findings/00000000-0000-4000-8000-000000000000/reopen", { reason: "x" })).status).toBe(404);
    expect((await t.request("/api/findings/niet-een-id/closing-check")).status).toBe(404);
  });
});

describe("reopening a closed finding", () => {
  it("needs a reason, clears the closing, and the trail keeps when and by whom it had been closed", async () => {
    const f = await finding("observation");
    await data(await post(`/api/findings/${f.id}/close`, { reason: "Geen actie nodig: eenmalig." }), 200);
    const missing = await data<{ error: { details: { path: string }[] } }>(await post(`/api/findings/${f.id}/reopen`, {}), 400);
    expect(missing.error.details.map((d) => d.path)).toEqual(["reason"]);
    expect((await post(`/api/findings/${f.id}/reopen`)).status).toBe(400);

    const reason = "Bij de volgende audit opnieuw gezien; toch een structureel probleem.";
    const { finding: open } = await data<{ finding: { status: string; closedAt: null; closeReason: null } }>(
      await post(`/api/findings/${f.id}/reopen`, { reason }, "management"),
      200,
    );
    expect(open).toMatchObject({ status: "open", closedAt: null, closeReason: null });
    const last = (await trail(f.id)).at(-1)!;
    expect(last).toMatchObject({
      action: "reopen",
      after: { ref: f.ref, reason },
      before: { closedBy: ids.kwaliteit, closeReason: "Geen actie nodig: eenmalig." },
    });
    expect(last.before!.closedAt).toBe("2026-07-10T10:00:00.000Z");
    expect((await post(`/api/findings/${f.id}/reopen`, { reason })).status).toBe(409);
    // Open again, it can be worked on and needs its closing rules once more.
    expect((await t.request(`/api/findings/${f.id}`, { method: "PATCH", json: { correction: "Casus alsnog besproken." } })).status).toBe(
      200,
    );
    expect((await check(f.id)).reasonRequired).toBe(true);
  });
});

describe("under parallel requests", () => {
  it("closes once and reopens once, with one trail entry each", async () => {
    const f = await finding("opportunity");
    const closes = await Promise.all(
      Array.from({ length: 6 }, () => post(`/api/findings/${f.id}/close`, { reason: "Parallel gesloten." })),
    );
    expect(closes.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const reopens = await Promise.all(
      Array.from({ length: 6 }, () => post(`/api/findings/${f.id}/reopen`, { reason: "Parallel heropend." })),
    );
    expect(reopens.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect((await trail(f.id)).map((e) => e.action)).toEqual(["create", "close", "reopen"]);
    const verify = await data<{ ok: boolean }>(await t.request("/api/audit/verify", { as: "auditor" }), 200);
    expect(verify.ok).toBe(true);
  });
});
