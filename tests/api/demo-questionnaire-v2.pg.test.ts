import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { testDatabase } from "../helpers/db.ts";
import { TEST_PASSWORDS } from "../helpers/passwords.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { mixAll } from "../helpers/pool.ts";
import { auditLog, questionnaires, waves } from "../../db/schema.ts";
import type { Db } from "../../db/types.ts";
import { DEMO_OPEN_WAVE, seedDemo } from "../../db/seed/demo.ts";
import { ensureDemoQuestionnaires } from "../../db/seed/questionnaire.ts";
import { DEFAULT_QUESTIONNAIRE_KEY, defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { ATTENDED_QUESTION, ROUTED_QUESTIONS } from "../../api/domain/survey/questionnaire-v2.ts";
import { scoredQuestions } from "../../api/domain/survey/definition.ts";
import { checkDefinition } from "../../api/domain/survey/definition-check.ts";
import { NOT_APPLICABLE } from "../../api/domain/survey/not-applicable.ts";

/**
 * Issue 14: the demo questionnaire's version 2 offers "weet niet / n.v.t." on every statement
 * and asks first whether the partner attended a casusoverleg; the case-conference statements
 * follow only after "ja". Version 1 stays for the closed demo waves; the open one runs version 2.
 */
const NOW = new Date("2026-11-20T10:00:00Z");
const versionsOf = (db: Db) =>
  db
    .select({ id: questionnaires.id, version: questionnaires.version, basedOnId: questionnaires.basedOnId })
    .from(questionnaires)
    .where(eq(questionnaires.key, DEFAULT_QUESTIONNAIRE_KEY))
    .orderBy(questionnaires.version);
const createdTrail = (db: Db, id: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "questionnaire"), eq(auditLog.entityId, id), eq(auditLog.action, "create")));

describe("seeding version 2 of the demo questionnaire", () => {
  it("stores versions 1 and 2 once on a fresh database, under two parallel starts and two restarts", async () => {
    const database = await testDatabase();
    try {
      const [a, b] = await Promise.all([ensureDemoQuestionnaires(database.db, NOW), ensureDemoQuestionnaires(database.db, NOW)]);
      expect(b).toEqual(a);
      for (let restart = 0; restart < 2; restart++) expect(await ensureDemoQuestionnaires(database.db, NOW)).toEqual(a);
      expect(await versionsOf(database.db)).toEqual([
        { id: a.v1, version: 1, basedOnId: null },
        { id: a.v2, version: 2, basedOnId: a.v1 },
      ]);
      const trail = await createdTrail(database.db, a.v2);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ actor: "systeem (demo-vragenlijst)", after: { version: 2, copiedFrom: 1 } });
    } finally {
      await database.close();
    }
  });
});

describe("the demo with version 2", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    // The test app's database has only version 1, as a demo made before version 2 had.
    t = await testApp({ now: NOW });
    expect((await versionsOf(t.db)).map((v) => v.version)).toEqual([1]);
    await t.db.delete(waves);
    expect(await seedDemo(t.db, NOW, TEST_PASSWORDS)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const waveNamed = async (name: string) => (await t.db.select().from(waves).where(eq(waves.name, name)))[0];

  it("adds version 2 to a database with only version 1, once; the closed waves keep version 1, the open one runs version 2", async () => {
    const [v1, v2] = await versionsOf(t.db);
    expect(v2).toMatchObject({ version: 2, basedOnId: v1.id });
    for (let restart = 0; restart < 2; restart++) {
      expect(await seedDemo(t.db, NOW, TEST_PASSWORDS)).toBe(false);
      expect(await ensureDemoQuestionnaires(t.db, NOW)).toEqual({ v1: v1.id, v2: v2.id });
    }
    expect(await versionsOf(t.db)).toHaveLength(2);
    expect(await createdTrail(t.db, v2.id)).toHaveLength(1);
    expect((await waveNamed("KTO 2024")).questionnaireId).toBe(v1.id);
    expect((await waveNamed("KTO 2026")).questionnaireId).toBe(v1.id);
    expect((await waveNamed(DEMO_OPEN_WAVE)).questionnaireId).toBe(v2.id);
    // A wave made from the dashboard without a choice of version gets the newest: version 2.
    const res = await t.request("/api/waves", {
      method: "POST",
      json: { name: "KTO 2028", opensAt: "2028-09-01T07:00:00Z", closesAt: "2028-10-31T23:00:00Z", anonymous: true },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await waveNamed("KTO 2028")).questionnaireId).toBe(v2.id);
  });

  it("keeps every statement of version 1 with its name, text and dimension, and passes the server's definition check", async () => {
    const [, v2] = await versionsOf(t.db);
    const [row] = await t.db.select().from(questionnaires).where(eq(questionnaires.id, v2.id));
    expect(checkDefinition(row.definition)).toEqual([]);
    const strip = (qs: ReturnType<typeof scoredQuestions>) => qs.map((q) => ({ name: q.name, title: q.title, dimension: q.dimension }));
    expect(strip(scoredQuestions(row.definition))).toEqual(strip(scoredQuestions(defaultQuestionnaire)));
  });

  it("serves n.v.t. and the routing question; takes n.v.t. and 'nee' as valid, refuses routed answers after 'nee', and counts n.v.t. apart", async () => {
    const wave = await waveNamed(DEMO_OPEN_WAVE);
    const res = await t.request(`/api/waves/${wave.id}/invitations`, {
      method: "POST",
      json: {
        invitations: Array.from({ length: 8 }, (_, i) => ({ organisation: `Partner ${i}`, organisationType: "zorg", branch: "alkmaar" })),
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const tokens = ((await res.json()) as { invitations: { token: string }[] }).invitations.map((i) => i.token);

    type Element = { name: string; type: string; title: Record<string, string>; visibleIf?: string; rateValues?: { value: unknown }[] };
    const open = await t.request(`/api/s/${tokens[0]}`, { as: "anonymous" });
    expect(open.status).toBe(200);
    const served = ((await open.json()) as { definition: { pages: { name: string; elements: Element[] }[] } }).definition;
    const elements = served.pages.flatMap((p) => p.elements);
    const routing = elements.find((e) => e.name === ATTENDED_QUESTION)!;
    expect(routing).toMatchObject({ type: "radiogroup", title: { nl: "Heeft u het afgelopen jaar deelgenomen aan een casusoverleg?" } });
    expect(routing.title.en).toMatch(/case conference/);
    const statements = elements.filter((e) => e.type === "rating" && !["cijfer", "aanbeveling"].includes(e.name));
    expect(statements).toHaveLength(16);
    for (const s of statements) expect(s.rateValues!.map((v) => v.value)).toEqual([1, 2, 3, 4, 5, NOT_APPLICABLE]);
    expect(elements.filter((e) => e.visibleIf).map((e) => e.name)).toEqual(ROUTED_QUESTIONS);
    expect(ROUTED_QUESTIONS).toEqual(["co_voorzitter", "co_voorbereiding", "co_vastlegging", "co_afspraken"]);

    const submit = (token: string, data: Record<string, unknown>) =>
      t.request(`/api/s/${token}/response`, { method: "POST", as: "anonymous", json: { data } });
    const withoutRouted = Object.fromEntries(Object.entries(COMPLETE).filter(([k]) => !ROUTED_QUESTIONS.includes(k)));
    const declined = { ...withoutRouted, [ATTENDED_QUESTION]: "nee", bek_triage: NOT_APPLICABLE };

    // After "nee" a routed statement is not accepted; after "ja" it is required.
    const refused = await submit(tokens[7], { ...declined, co_voorzitter: 4 });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("co_voorzitter");
    const missing = await submit(tokens[7], { ...withoutRouted, [ATTENDED_QUESTION]: "ja" });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("co_voorzitter");

    // Six attended (two say n.v.t. on bek_weten), one did not (n.v.t. on bek_triage, no case-conference statements).
    for (let i = 0; i < 6; i++) {
      const data = { ...COMPLETE, [ATTENDED_QUESTION]: "ja", ...(i < 2 ? { bek_weten: NOT_APPLICABLE } : {}) };
      const r = await submit(tokens[i], data);
      expect(r.status, await r.clone().text()).toBe(201);
    }
    const ok = await submit(tokens[6], declined);
    expect(ok.status, await ok.clone().text()).toBe(201);
    await mixAll(t.db, t.clock.now);

    const results = await t.request(`/api/waves/${wave.id}/results`);
    expect(results.status).toBe(200);
    const body = (await results.json()) as {
      overall: { respondents: number; questions: { question: string; n: number; mean: number }[] };
      notApplicable: { question: string; answered: number; notApplicable: number; share: number | null }[];
    };
    expect(body.overall.respondents).toBe(7);
    const q = (name: string) => body.overall.questions.find((x) => x.question === name)!;
    // n.v.t. counts as answered and has its own share, but stays out of the mean (every number given was 4).
    expect(body.notApplicable.find((x) => x.question === "bek_weten")).toEqual({
      question: "bek_weten",
      answered: 7,
      notApplicable: 2,
      share: 2 / 7,
    });
    expect(q("bek_weten")).toMatchObject({ n: 5, mean: COMPLETE.bek_weten });
    expect(body.notApplicable.find((x) => x.question === "bek_triage")).toMatchObject({ answered: 7, notApplicable: 1 });
    expect(q("bek_triage")).toMatchObject({ n: 6, mean: COMPLETE.bek_triage });
    // The partner who never attended is not among the case-conference answers.
    expect(q("co_voorzitter")).toMatchObject({ n: 6, mean: COMPLETE.co_voorzitter });
    expect(body.notApplicable.find((x) => x.question === "co_voorzitter")).toMatchObject({ answered: 6, notApplicable: 0 });
  });

  it("compares the open version 2 wave with KTO 2026 (version 1) on the kept questions", async () => {
    const wave = await waveNamed(DEMO_OPEN_WAVE);
    const res = await t.request(`/api/waves/${wave.id}/comparison`);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as {
      previous: { name: string } | null;
      provisional: boolean;
      notComparable: { questions: unknown[]; dimensions: unknown[] };
      questions: { question: string; previous: { n: number } }[];
      dimensions: { dimension: string }[];
    };
    expect(body.previous?.name).toBe("KTO 2026");
    expect(body.provisional).toBe(true);
    expect(body.notComparable).toEqual({ questions: [], dimensions: [] });
    expect(body.questions.map((q) => q.question).sort()).toEqual(
      scoredQuestions(defaultQuestionnaire)
        .map((q) => q.name)
        .sort(),
    );
    expect(body.dimensions.map((d) => d.dimension)).toContain("casusoverleg");
  });
});
