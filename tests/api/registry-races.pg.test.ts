import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { partnerIds, registerCases, registerConference, type Partners } from "../helpers/registry.ts";
import { auditLog, caseThemes, cases } from "../../db/schema.ts";
import { PGA_THEME } from "../../api/registry/cases.service.ts";

/**
 * Parallel writes to one case or one conference's notes, on the engine of the vitest project:
 * a case is marked local once, the PGA rule holds against the row as it is when the write lands,
 * no write undoes another's field, and a note is erased (and audited) once. PGlite serialises,
 * PostgreSQL really races; each round races several cases at once to make the window wide.
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

const patch = (id: string, json: unknown) => t.request(`/api/cases/${id}`, { method: "PATCH", json });
const registerMany = (n: number) => registerCases(t, p, n);
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const updatesOf = (caseId: string) =>
  t.db
    .select({ before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "case"), eq(auditLog.action, "update"), eq(auditLog.entityId, caseId)))
    .orderBy(asc(auditLog.seq));
const themesOf = async (caseId: string) =>
  (await t.db.select().from(caseThemes).where(eq(caseThemes.caseId, caseId))).map((l) => l.themeId).sort();

describe("marking a case as handled locally, twice at once", () => {
  it("marks it once: one 200, the others 409 already_local, one audit entry", async () => {
    const days = ["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"];
    for (let round = 0; round < ROUNDS; round++) {
      const all = await registerMany(CASES_PER_ROUND);
      const answers = await Promise.all(
        all.map((c) =>
          Promise.all(days.map((on) => t.request(`/api/cases/${c.code}/local`, { method: "POST", json: { on }, as: "gemeente" }))),
        ),
      );
      for (const [i, c] of all.entries()) {
        const res = answers[i];
        expect(res.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
        for (const r of res.filter((x) => x.status === 409)) expect(await errorCode(r)).toBe("already_local");
        const won = ((await res.find((r) => r.status === 200)!.json()) as { case: { handledLocallyOn: string } }).case;
        const [stored] = await t.db.select().from(cases).where(eq(cases.id, c.id));
        expect(stored.handledLocallyOn).toBe(won.handledLocallyOn);
        expect(await updatesOf(c.id)).toEqual([{ before: { handledLocallyOn: null }, after: { handledLocallyOn: won.handledLocallyOn } }]);
      }
    }
  });
});

describe("updating a case from two requests at once", () => {
  it("never leaves the PGA theme on a case without the care-safety nexus: one 200, one 422", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const all = await registerMany(CASES_PER_ROUND);
      const answers = await Promise.all(
        all.map((c) => Promise.all([patch(c.id, { themeIds: ["huiselijk-geweld", PGA_THEME] }), patch(c.id, { careSafetyNexus: false })])),
      );
      for (const [i, c] of all.entries()) {
        const [theme, nexus] = answers[i];
        // Whichever lands second is checked against the first's result and refused.
        expect([
          [200, 422],
          [422, 200],
        ]).toContainEqual([theme.status, nexus.status]);
        expect(await errorCode(theme.status === 422 ? theme : nexus)).toBe("pga_criteria_not_met");
        const [stored] = await t.db.select().from(cases).where(eq(cases.id, c.id));
        const themes = await themesOf(c.id);
        expect(themes.includes(PGA_THEME)).toBe(theme.status === 200);
        expect(stored.careSafetyNexus).toBe(theme.status === 200);
        expect(await updatesOf(c.id)).toHaveLength(1);
      }
    }
  });

  it("keeps both changes of two parallel updates to different fields, and audits them as consecutive states", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const all = await registerMany(CASES_PER_ROUND);
      const answers = await Promise.all(
        all.map((c) =>
          Promise.all([patch(c.id, { status: "afgesloten", closedOn: "2026-05-01" }), patch(c.id, { societalImpact: false })]),
        ),
      );
      for (const [i, c] of all.entries()) {
        expect(answers[i].map((r) => r.status)).toEqual([200, 200]);
        const [stored] = await t.db.select().from(cases).where(eq(cases.id, c.id));
        expect(stored).toMatchObject({ status: "afgesloten", closedOn: "2026-05-01", societalImpact: false, careSafetyNexus: true });
        // The second change starts from the first one's result: the trail has no gap and no overwrite.
        const [first, second] = (await updatesOf(c.id)) as { before: unknown; after: unknown }[];
        expect(second.before).toEqual(first.after);
        expect(second.after).toMatchObject({ status: "afgesloten", societalImpact: false });
      }
    }
  });
});

describe("the retention job, run twice at once", () => {
  it("erases each due note once: every id in one answer only, one erase entry per conference", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const all = await registerMany(CASES_PER_ROUND);
      const conferenceIds: string[] = [];
      for (const c of all) {
        conferenceIds.push((await registerConference(t, p, [c.id])).id);
        expect((await patch(c.id, { status: "afgesloten", closedOn: "2026-05-01" })).status).toBe(200);
      }
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => t.request("/api/registry/retention/run", { method: "POST", json: {} })),
      );
      expect(runs.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const erased = (await Promise.all(runs.map((r) => r.json() as Promise<{ erased: string[] }>))).flatMap((b) => b.erased);
      expect(erased.sort()).toEqual([...conferenceIds].sort());
      const entries = await t.db
        .select({ id: auditLog.entityId })
        .from(auditLog)
        .where(and(eq(auditLog.action, "erase"), eq(auditLog.entity, "conference_notes"), inArray(auditLog.entityId, conferenceIds)));
      expect(entries.map((e) => e.id).sort()).toEqual([...conferenceIds].sort());
    }
  });
});

describe("one municipality's report recipient edited from several requests at once", () => {
  it("records each edit's before as exactly what it replaced", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const puts = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          t.request("/api/municipalities/alkmaar", {
            method: "PUT",
            json: { reportEmail: `uitdraai${round}-${i}@alkmaar.test`, reportContact: `Contact ${round}-${i}` },
          }),
        ),
      );
      expect(puts.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    }
    const entries = (await t.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "municipality"), eq(auditLog.entityId, "alkmaar")))
      .orderBy(asc(auditLog.seq))) as { before: unknown; after: unknown }[];
    expect(entries).toHaveLength(ROUNDS * 4);
    for (let i = 1; i < entries.length; i++) expect(entries[i].before, `entry ${i}`).toEqual(entries[i - 1].after);
  });
});
