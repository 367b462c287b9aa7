import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { auditLog, questionnaires } from "../../db/schema.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { DEFAULT_QUESTIONNAIRE_KEY, defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { dutchOnly } from "../../api/domain/survey/local-text.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { mixAll } from "../helpers/pool.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const versions = () =>
  t.db
    .select({ id: questionnaires.id, version: questionnaires.version, title: questionnaires.title, definition: questionnaires.definition })
    .from(questionnaires)
    .where(eq(questionnaires.key, DEFAULT_QUESTIONNAIRE_KEY));

type Served = {
  title: Record<string, string>;
  pages: { title: Record<string, string>; elements: { name: string; title: Record<string, string> }[] }[];
};

describe("the demo questionnaire in English", () => {
  it("is served to a partner with English next to the Dutch, and results keep Dutch plain-text titles", async () => {
    // Five partners: results show questions from five respondents on (the suppression threshold).
    const res = await t.request(`/api/waves/${t.wave.id}/invitations`, {
      method: "POST",
      json: {
        invitations: Array.from({ length: 5 }, (_, i) => ({ organisation: `Partner ${i}`, organisationType: "wonen", branch: "alkmaar" })),
      },
    });
    const tokens = ((await res.json()) as { invitations: { token: string }[] }).invitations.map((i) => i.token);
    const open = await t.request(`/api/s/${tokens[0]}`, { as: "anonymous" });
    expect(open.status).toBe(200);
    const d = ((await open.json()) as { definition: Served }).definition;
    expect(d.title).toEqual({ nl: "Klanttevredenheidsonderzoek ketenpartners", en: "Partner satisfaction survey" });
    expect(d.pages[5].title.en).toBe("Your verdict");
    expect(d.pages[0].elements[0].title).toEqual({
      nl: "Ik weet wanneer ik een casus kan aanmelden bij het Zorg- en Veiligheidshuis.",
      en: "I know when I can refer a case to the Safety House.",
    });
    for (const token of tokens)
      expect((await t.request(`/api/s/${token}/response`, { method: "POST", as: "anonymous", json: { data: COMPLETE } })).status).toBe(201);
    await mixAll(t.db, t.clock.now);

    const results = await t.request(`/api/waves/${t.wave.id}/results`);
    const text = await results.text();
    expect(results.status, text).toBe(200);
    expect(text).not.toContain("[object Object]");
    expect(text).toContain('"title":"Ik weet wanneer ik een casus kan aanmelden bij het Zorg- en Veiligheidshuis."');
    const [{ title }] = await versions();
    expect(title).toBe("Klanttevredenheidsonderzoek ketenpartners");
  });

  it("adds the translations to a database made before them, on every start without a new version", async () => {
    const [v1] = await versions();
    const old = dutchOnly(defaultQuestionnaire);
    await t.db.update(questionnaires).set({ definition: old }).where(eq(questionnaires.id, v1.id));
    for (let restart = 0; restart < 3; restart++) expect(await ensureDefaultQuestionnaire(t.db)).toBe(v1.id);
    const after = await versions();
    expect(after).toHaveLength(1);
    const trail = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "questionnaire"), eq(auditLog.entityId, v1.id)));
    expect(trail).toHaveLength(1); // once, not on every restart
    expect(trail[0]).toMatchObject({ action: "update", actor: "systeem (demo-vragenlijst)" });
    expect((after[0].definition as Served).pages[0].elements[0].title).toEqual({
      default: "Ik weet wanneer ik een casus kan aanmelden bij het Zorg- en Veiligheidshuis.",
      en: "I know when I can refer a case to the Safety House.",
    });
  });

  it("leaves a version 1 whose Dutch is not the demo's exactly as it is", async () => {
    const [v1] = await versions();
    const other = structuredClone(dutchOnly(defaultQuestionnaire)) as { pages: { title: string }[] };
    other.pages[0].title = "Bekendheid";
    await t.db.update(questionnaires).set({ definition: other }).where(eq(questionnaires.id, v1.id));
    expect(await ensureDefaultQuestionnaire(t.db)).toBe(v1.id);
    const [stored] = await t.db
      .select({ definition: questionnaires.definition })
      .from(questionnaires)
      .where(and(eq(questionnaires.key, DEFAULT_QUESTIONNAIRE_KEY), eq(questionnaires.version, 1)));
    expect(stored.definition).toEqual(other);
    expect(await versions()).toHaveLength(1);
  });
});
