import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, testApp } from "../helpers/app.ts";
import { errorText } from "../../api/lib/error-text.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const rating = (name: string, dimension: string, title: string, extra: Record<string, unknown> = {}) => ({
  type: "rating",
  name,
  dimension,
  title,
  isRequired: true,
  rateMin: 1,
  rateMax: 5,
  ...extra,
});
const pulse = (title = "Het overleg was nuttig.") => ({
  title: { nl: "Pulsmeting casusoverleg", en: "Case conference pulse" },
  pages: [
    {
      name: "p1",
      elements: [
        { type: "boolean", name: "bijgewoond", title: { nl: "Was u bij een casusoverleg?", en: "Did you attend?" }, isRequired: true },
        rating("nut", "casusoverleg", title, { showNotApplicable: true, visibleIf: "{bijgewoond} = true" }),
        rating("voorzitter", "casusoverleg", "De voorzitter leidde goed.", { visibleIf: "{bijgewoond} = true" }),
        rating("samen", "samenwerking", { nl: "De samenwerking is goed.", en: "Cooperation is good." } as never),
      ],
    },
  ],
});
type Version = {
  id: string;
  version: number;
  inUse: boolean;
  reworded: { question: string; comparable: boolean | null }[];
  definition: Record<string, unknown>;
};
const body = async <T>(res: Response) => (await res.json()) as T;

describe("questionnaire library", () => {
  let v1: Version;
  it("creates version 1 and lists it; refuses a bad definition with a 400 naming the element, storing nothing", async () => {
    const res = await t.request("/api/questionnaires", { method: "POST", json: { key: "puls", title: "Pulsmeting", definition: pulse() } });
    expect(res.status).toBe(201);
    v1 = (await body<{ questionnaire: Version }>(res)).questionnaire;
    expect(v1).toMatchObject({ version: 1, inUse: false, reworded: [] });
    const before = await count(t.db, "questionnaires");
    const broken = pulse();
    (broken.pages[0].elements[2] as Record<string, unknown>).visibleIf = "{bijgewoond} = = true";
    broken.pages[0].elements.push({ type: "slider", name: "s" } as never);
    const bad = await t.request("/api/questionnaires", { method: "POST", json: { key: "puls-2", title: "Puls", definition: broken } });
    expect(bad.status).toBe(400);
    const err = await body<{ error: { code: string; message: string; details: { element: string; reason: string }[] } }>(bad);
    expect(err.error.code).toBe("invalid_definition");
    expect(err.error.details.map((d) => [d.element, d.reason])).toEqual([
      ["s", "unknown_type"],
      ["voorzitter", "bad_condition"],
    ]);
    expect(await count(t.db, "questionnaires")).toBe(before);
    expect(
      (await t.request("/api/questionnaires", { method: "POST", json: { key: "puls", title: "Puls", definition: pulse() } })).status,
    ).toBe(409);
    const list = await body<{ questionnaires: { key: string; versions: unknown[] }[] }>(await t.request("/api/questionnaires"));
    expect(list.questionnaires.map((q) => q.key).sort()).toEqual(["kto-partners", "puls"]);
    expect(
      (
        await t.request("/api/questionnaires", {
          as: "management",
          method: "POST",
          json: { key: "x-y", title: "Puls", definition: pulse() },
        })
      ).status,
    ).toBe(403);
  });

  it("previews with n.v.t. and English, and a test submission stores nothing", async () => {
    const pre = await body<{
      definition: { locale: string; pages: { elements: { name: string; rateValues?: { value: unknown }[] }[] }[] };
    }>(await t.request(`/api/questionnaires/${v1.id}/preview?locale=en`));
    expect(pre.definition.locale).toBe("en");
    expect(pre.definition.pages[0].elements[1].rateValues!.at(-1)).toMatchObject({ value: "nvt" });
    const responses = await count(t.db, "responses");
    const ok = await body<{ valid: boolean; stored: boolean }>(
      await t.request(`/api/questionnaires/${v1.id}/test-response`, {
        method: "POST",
        json: { data: { bijgewoond: true, nut: "nvt", voorzitter: 4, samen: 5 } },
      }),
    );
    expect(ok).toMatchObject({ valid: true, stored: false });
    const hidden = await body<{
      valid: boolean;
      errors: { question: string; reason: string; code: string; params?: Record<string, string | number>; message: string }[];
    }>(
      await t.request(`/api/questionnaires/${v1.id}/test-response`, {
        method: "POST",
        json: { data: { bijgewoond: false, voorzitter: 4, samen: 5 } },
      }),
    );
    expect(hidden.errors).toEqual([expect.objectContaining({ question: "voorzitter", reason: "hidden_question" })]);
    // The editor's preview renders each refusal by code and params: the catalog gives the server's Dutch, and English.
    for (const e of hidden.errors) {
      expect(errorText("nl", e.code, e.params)).toBe(e.message);
      expect(errorText("en", e.code, e.params)).toMatch(/\w/);
    }
    expect(await count(t.db, "responses")).toBe(responses);
  });

  it("a new version copies the latest; a reworded scored question needs a comparability statement; a used version is immutable", async () => {
    const v2 = (await body<{ questionnaire: Version }>(await t.request(`/api/questionnaires/${v1.id}/versions`, { method: "POST" })))
      .questionnaire;
    expect(v2).toMatchObject({ version: 2, reworded: [] });
    expect(v2.definition).toEqual(v1.definition);
    const reworded = pulse("Het casusoverleg leverde iets op voor mijn organisatie.");
    const missing = await t.request(`/api/questionnaires/${v2.id}`, { method: "PUT", json: { definition: reworded } });
    expect(missing.status).toBe(400);
    expect((await body<{ error: { code: string; details: { question: string }[] } }>(missing)).error).toMatchObject({
      code: "comparability_required",
      details: [{ question: "nut" }],
    });
    const saved = await t.request(`/api/questionnaires/${v2.id}`, {
      method: "PUT",
      json: { definition: reworded, comparability: { nut: false } },
    });
    expect(saved.status).toBe(200);
    expect((await body<{ questionnaire: Version }>(saved)).questionnaire.reworded).toEqual([{ question: "nut", comparable: false }]);
    // Two editors ask for a new version at once: two consecutive numbers, never the same one twice.
    const both = await Promise.all([1, 2].map(() => t.request(`/api/questionnaires/${v1.id}/versions`, { method: "POST" })));
    const numbers = await Promise.all(both.map(async (r) => (await body<{ questionnaire: Version }>(r)).questionnaire.version));
    expect(numbers.sort()).toEqual([3, 4]);
    // Used by a wave: frozen.
    const wave = await t.request("/api/waves", {
      method: "POST",
      json: { name: "Puls voorjaar", opensAt: "2026-09-01T00:00:00Z", closesAt: "2026-12-01T00:00:00Z", questionnaireId: v2.id },
    });
    expect(wave.status).toBe(201);
    const frozen = await t.request(`/api/questionnaires/${v2.id}`, {
      method: "PUT",
      json: { definition: reworded, comparability: { nut: true } },
    });
    expect(frozen.status).toBe(409);
    expect((await body<{ questionnaire: Version }>(await t.request(`/api/questionnaires/${v2.id}`))).questionnaire).toMatchObject({
      inUse: true,
      reworded: [{ question: "nut", comparable: false }],
    });
    // The library says which wave uses which version, so the editor can show it locked.
    const list = await body<{ questionnaires: { key: string; versions: { id: string; inUse: boolean; waves: { name: string }[] }[] }[] }>(
      await t.request("/api/questionnaires"),
    );
    const versions = list.questionnaires.find((q) => q.key === "puls")!.versions;
    expect(versions.find((v) => v.id === v2.id)).toMatchObject({ inUse: true, waves: [{ name: "Puls voorjaar" }] });
    expect(versions.find((v) => v.id === v1.id)).toMatchObject({ inUse: false, waves: [] });
  });
});

describe("n.v.t. and routing in a real wave, and comparability in the comparison", () => {
  it("counts n.v.t. as answered, leaves it out of means, shows its share; compares only comparable questions and dimensions", async () => {
    const make = async (name: string, questionnaireId: string, opensAt: string, closesAt: string) =>
      (
        await body<{ wave: { id: string } }>(
          await t.request("/api/waves", { method: "POST", json: { name, opensAt, closesAt, questionnaireId, anonymous: false } }),
        )
      ).wave.id; // named: written at once, not pooled
    const list = await body<{ questionnaires: { key: string; versions: { id: string; version: number }[] }[] }>(
      await t.request("/api/questionnaires"),
    );
    const versions = list.questionnaires.find((q) => q.key === "puls")!.versions;
    const id = (v: number) => versions.find((x) => x.version === v)!.id;
    const earlier = await make("Puls 2025", id(1), "2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z");
    const later = await make("Puls 2026", id(2), "2026-09-15T00:00:00Z", "2026-12-01T00:00:00Z");
    const answer = async (waveId: string, data: Record<string, unknown>, at: string) => {
      t.clock.now = new Date(at);
      const res = await t.request(`/api/waves/${waveId}/invitations`, {
        method: "POST",
        json: { invitations: [{ organisation: "GGD", organisationType: "zorg" }] },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const token = (await body<{ invitations: { token: string }[] }>(res)).invitations[0].token;
      const sub = await t.request(`/api/s/${token}/response`, { method: "POST", json: { data } });
      expect(sub.status, JSON.stringify(await sub.clone().json())).toBe(201);
    };
    for (let i = 0; i < 6; i++) await answer(earlier, { bijgewoond: true, nut: 3, voorzitter: 3, samen: 3 }, "2025-03-10T10:00:00Z");
    for (let i = 0; i < 6; i++)
      await answer(later, { bijgewoond: true, nut: i < 2 ? "nvt" : 5, voorzitter: 4, samen: 4 }, "2026-10-01T10:00:00Z");
    // A hidden question is refused at submission: nothing stored.
    t.clock.now = new Date("2026-10-01T10:00:00Z");
    const inv = await body<{ invitations: { token: string }[] }>(
      await t.request(`/api/waves/${later}/invitations`, {
        method: "POST",
        json: { invitations: [{ organisation: "Zorg XY", organisationType: "zorg" }] },
      }),
    );
    const refused = await t.request(`/api/s/${inv.invitations[0].token}/response`, {
      method: "POST",
      json: { data: { bijgewoond: false, nut: 4, samen: 4 } },
    });
    expect(refused.status).toBe(422);

    const results = await body<{
      fieldwork: { running: boolean; note: string };
      notApplicable: unknown[];
      overall: { questions: { question: string; n: number; mean: number }[] };
    }>(await t.request(`/api/waves/${later}/results`));
    expect(results.notApplicable).toEqual([{ question: "nut", answered: 6, notApplicable: 2, share: 2 / 6 }]);
    expect(results.overall.questions.find((q) => q.question === "nut")).toMatchObject({ n: 4, mean: 5 });
    expect(results.fieldwork).toMatchObject({ running: true, note: "Loopt nog, sluit op 2026-12-01." });

    const cmp = await body<{
      provisional: boolean;
      notComparable: { questions: { question: string }[]; dimensions: string[] };
      questions: { question: string }[];
      dimensions: { dimension: string }[];
    }>(await t.request(`/api/waves/${later}/comparison`));
    expect(cmp.provisional).toBe(true);
    expect(cmp.notComparable).toEqual({
      questions: [{ question: "nut", dimension: "casusoverleg", reason: "reworded" }],
      dimensions: ["casusoverleg"],
    });
    expect(cmp.questions.map((q) => q.question).sort()).toEqual(["samen", "voorzitter"]);
    expect(cmp.dimensions.map((d) => d.dimension)).toEqual(["samenwerking"]);
  });
});
