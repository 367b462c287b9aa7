import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { newConference, partnerIds, registerCases, type Partners } from "../helpers/registry.ts";
import { activities, auditLog, conferenceCases } from "../../db/schema.ts";

/**
 * 'Lokaal, tenzij' under parallel requests: once a case is marked handled locally, the
 * registry takes no new hours on or after that day and no new conference for it, even when
 * the write started before the mark landed. A write that wins the race is fine, as long as
 * it committed before the mark (its audit entry comes first). PGlite serialises,
 * PostgreSQL really races; several cases per round, staggered, widen the window.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let p: Partners;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-10-01T10:00:00Z") });
  p = await partnerIds(t.db);
});
afterAll(async () => {
  await t.close();
});

const ROUNDS = 3;
const CASES_PER_ROUND = 8;
const LOCAL_ON = "2026-03-10";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const post = (path: string, json: unknown, as: "kwaliteit" | "gemeente" = "kwaliteit") => t.request(path, { method: "POST", json, as });
const markLocal = (code: string) => post(`/api/cases/${code}/local`, { on: LOCAL_ON }, "gemeente");
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const registerMany = (n: number) => registerCases(t, p, n);
/** Position of an entry in the hash-chained trail: the order in which the writes committed. */
async function auditSeq(entity: string, action: string, entityId: string) {
  const rows = await t.db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  expect(rows).toHaveLength(1);
  return rows[0].seq;
}

const hours = (caseId: string, over: Record<string, unknown> = {}) => ({
  kind: "procesregie",
  municipalityId: "alkmaar",
  caseId,
  performedOn: "2026-03-17",
  hours: 1,
  staffRole: "procesregisseur",
  ...over,
});

type Setup = (c: { id: string }) => Promise<() => ReturnType<typeof post>>;
/** The three ways hours reach a case; each gets a request ready to race the mark. */
const ways: [string, Setup, string][] = [
  ["a single entry", async (c) => () => post("/api/activities", hours(c.id)), "create"],
  ["a bulk entry", async (c) => () => post("/api/activities/bulk", { activities: [hours(c.id, { hours: 0.5 }), hours(c.id)] }), "create"],
  [
    "a correction",
    async (c) => {
      // Hours from before the mark are fine; moving them past it is not.
      const res = await post("/api/activities", hours(c.id, { performedOn: "2026-03-05" }));
      expect(res.status).toBe(201);
      const { id } = ((await res.json()) as { activity: { id: string } }).activity;
      return () => post(`/api/activities/${id}/correction`, { ...hours(c.id), reason: "Verkeerde dag" });
    },
    "correct",
  ],
];

describe.each(ways)("hours by %s, racing the case's local mark", (_, setup, action) => {
  it("are refused 409 case_handled_locally unless they committed before the mark", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const all = await registerMany(CASES_PER_ROUND);
      const requests = await Promise.all(all.map(setup));
      const answers = await Promise.all(all.map((c, i) => Promise.all([requests[i](), sleep(i % 4).then(() => markLocal(c.code))])));
      for (const [i, c] of all.entries()) {
        const [write, mark] = answers[i];
        expect(mark.status).toBe(200);
        const markedAt = await auditSeq("case", "update", c.id);
        const late = await t.db
          .select({ id: activities.id })
          .from(activities)
          .where(and(eq(activities.caseId, c.id), eq(activities.performedOn, "2026-03-17")));
        if (write.status === 409) {
          expect(await errorCode(write)).toBe("case_handled_locally");
          expect(late).toEqual([]);
          continue;
        }
        expect(write.status).toBe(201);
        const body = (await write.json()) as { activity?: { id: string; correctsId: string | null }; activities?: { id: string }[] };
        const ids = body.activities?.map((a) => a.id) ?? [body.activity!.correctsId ?? body.activity!.id];
        expect(late.length).toBeGreaterThan(0);
        for (const id of ids) expect(await auditSeq("activity", action, id)).toBeLessThan(markedAt);
      }
    }
  });
});

describe("a conference racing its case's local mark", () => {
  it("is refused 409 case_handled_locally unless it committed before the mark", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const all = await registerMany(CASES_PER_ROUND);
      const answers = await Promise.all(
        all.map((c, i) => Promise.all([post("/api/conferences", newConference(p, [c.id])), sleep(i % 4).then(() => markLocal(c.code))])),
      );
      for (const [i, c] of all.entries()) {
        const [conference, mark] = answers[i];
        expect(mark.status).toBe(200);
        const markedAt = await auditSeq("case", "update", c.id);
        const linked = await t.db.select().from(conferenceCases).where(eq(conferenceCases.caseId, c.id));
        if (conference.status === 409) {
          expect(await errorCode(conference)).toBe("case_handled_locally");
          expect(linked).toEqual([]);
          continue;
        }
        expect(conference.status).toBe(201);
        const { id } = ((await conference.json()) as { conference: { id: string } }).conference;
        expect(linked.map((l) => l.conferenceId)).toEqual([id]);
        expect(await auditSeq("conference", "create", id)).toBeLessThan(markedAt);
      }
    }
  });
});

describe("two conferences on the same cases at once", () => {
  it("both land: the case locks they take are taken in one order, so neither waits for the other forever", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [a, b] = await registerMany(2);
      const both = await Promise.all([
        post("/api/conferences", newConference(p, [a.id, b.id])),
        post("/api/conferences", newConference(p, [b.id, a.id])),
      ]);
      expect(both.map((r) => r.status)).toEqual([201, 201]);
      const links = await t.db.select().from(conferenceCases).where(eq(conferenceCases.caseId, a.id));
      expect(links).toHaveLength(2);
    }
  });
});
