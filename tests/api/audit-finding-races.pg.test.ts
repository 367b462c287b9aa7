import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { auditLog, findings, internalAudits, users, type Role } from "../../db/schema.ts";

/**
 * Two writes to one audit or one finding sent at once end as they would one after the other:
 * a carried-out audit is never cancelled, a closed finding is never edited. The loser gets the
 * 409 the sequential path gives and leaves no trace. PGlite serialises; PostgreSQL really races.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let ids: Record<Role, string>;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-07-09T10:00:00Z") });
  ids = Object.fromEntries((await t.db.select().from(users)).map((u) => [u.role, u.id])) as Record<Role, string>;
});
afterAll(async () => {
  await t.close();
});

const ROUNDS = 3;
const PAIRS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (path: string, json: unknown, method: string) => t.request(path, { method, json, as: "kwaliteit" });
const codeOf = async (res: Response) => ((await res.clone().json()) as { error?: { code: string } }).error?.code;
const outcome = async (res: Response) => [res.status, res.status === 200 ? null : await codeOf(res)];

async function newAudit(n: number) {
  const res = await send(
    "/api/audits",
    {
      processId: "aanmelding-triage",
      year: 2026,
      scope: `Triage ronde ${n}`,
      criteria: ["8.2"],
      auditorIds: [ids.kwaliteit],
      auditeeIds: [ids.medewerker],
      plannedOn: "2026-06-09",
    },
    "POST",
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { audit: { id: string } }).audit.id;
}

async function newOpportunity(n: number) {
  const res = await send(
    "/api/findings",
    {
      source: "other",
      title: `Kans ${n}`,
      description: "Bij de interne audit gezien.",
      classification: "opportunity",
      clauses: ["8.5.1"],
      foundOn: "2026-07-01",
    },
    "POST",
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { finding: { id: string } }).finding.id;
}

const trail = async (entity: string, entityId: string) =>
  (
    await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
      .orderBy(asc(auditLog.seq))
  ).map((e) => e.action);

describe("an audit carried out and cancelled at once", () => {
  it("is either carried out or cancelled, never both; the loser gets the sequential 409", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const auditIds = await Promise.all(Array.from({ length: PAIRS }, (_, i) => newAudit(round * PAIRS + i)));
      const pairs = await Promise.all(
        auditIds.map((id, i) =>
          Promise.all([
            send(`/api/audits/${id}`, { actualOn: "2026-07-08" }, "PATCH"),
            // Later and later (0 to 190 ms), so that some cancels read the audit before the other write commits and
            // write after it: where that window lies depends on the machine. Before the fix each round caught it 1 to 6 times.
            sleep(i * 10).then(() => send(`/api/audits/${id}`, { status: "geannuleerd" }, "PATCH")),
          ]),
        ),
      );
      const stored = await t.db.select().from(internalAudits).where(inArray(internalAudits.id, auditIds));
      const both = stored.filter((a) => a.status === "geannuleerd" && a.actualOn);
      expect(both.length, `round ${round}: cancelled audits with a day carried out`).toBe(0);
      for (const [i, [carriedOut, cancelled]] of pairs.entries()) {
        const row = stored.find((a) => a.id === auditIds[i])!;
        const result = [await outcome(carriedOut), await outcome(cancelled)];
        if (row.status === "geannuleerd") {
          expect(result, `round ${round}, audit ${i}`).toEqual([
            [409, "audit_cancelled"],
            [200, null],
          ]);
          expect(row.actualOn).toBeNull();
        } else {
          expect(result, `round ${round}, audit ${i}`).toEqual([
            [200, null],
            [409, "audit_carried_out"],
          ]);
          expect(row).toMatchObject({ status: "uitgevoerd", actualOn: "2026-07-08" });
        }
        expect(await trail("internal_audit", row.id)).toEqual(["create", "update"]);
      }
    }
  });
});

describe("two changes to different parts of one audit sent at once", () => {
  it("keeps both: the team of one and the criteria of the other", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const auditIds = await Promise.all(Array.from({ length: PAIRS }, (_, i) => newAudit(1000 + round * PAIRS + i)));
      const replies = await Promise.all(
        auditIds.map((id, i) =>
          Promise.all([
            send(`/api/audits/${id}`, { auditeeIds: [ids.medewerker, ids.management] }, "PATCH"),
            sleep(i * 5).then(() => send(`/api/audits/${id}`, { criteria: ["8.2", "8.5.1"] }, "PATCH")),
          ]),
        ),
      );
      for (const pair of replies) expect(pair.map((r) => r.status)).toEqual([200, 200]);
      const stored = await t.db.select().from(internalAudits).where(inArray(internalAudits.id, auditIds));
      for (const row of stored) {
        expect({ auditees: [...row.auditeeIds].sort(), criteria: row.criteria }, `round ${round}`).toEqual({
          auditees: [ids.medewerker, ids.management].sort(),
          criteria: ["8.2", "8.5.1"],
        });
      }
    }
  });
});

describe("a finding edited and closed at once", () => {
  it("is never edited once closed: the edit either comes first or gets 409 finding_closed and no trail entry", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const findingIds = await Promise.all(Array.from({ length: PAIRS }, (_, i) => newOpportunity(round * PAIRS + i)));
      const pairs = await Promise.all(
        findingIds.map((id, i) =>
          Promise.all([
            sleep(i % 6).then(() => send(`/api/findings/${id}`, { rootCause: "Werkinstructie onbekend." }, "PATCH")),
            send(`/api/findings/${id}/close`, { reason: "Kans bewust niet opgepakt." }, "POST"),
          ]),
        ),
      );
      const stored = await t.db.select().from(findings).where(inArray(findings.id, findingIds));
      for (const [i, [edited, closed]] of pairs.entries()) {
        const row = stored.find((f) => f.id === findingIds[i])!;
        expect(closed.status, `round ${round}, finding ${i}: ${await closed.clone().text()}`).toBe(200);
        expect(row.closedAt).not.toBeNull();
        if (edited.status === 200) {
          expect(await trail("finding", row.id)).toEqual(["create", "update", "close"]);
          expect(row.rootCause).toBe("Werkinstructie onbekend.");
        } else {
          expect(await outcome(edited), `round ${round}, finding ${i}`).toEqual([409, "finding_closed"]);
          expect(await trail("finding", row.id)).toEqual(["create", "close"]);
          expect(row.rootCause).toBeNull();
        }
      }
    }
  });
});
