import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";

/**
 * Two edits of one questionnaire version sent at once, on the engine of the vitest project: the
 * later builds on what the first wrote, so a title given by one is not put back by the other,
 * which said nothing about the title.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const VERSIONS = 10;

async function newVersion(key: string) {
  const res = await t.request("/api/questionnaires", { method: "POST", json: { key, title: "Oud", definition: defaultQuestionnaire } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { questionnaire: { id: string } }).questionnaire.id;
}

describe("a questionnaire version edited twice at once", () => {
  it("keeps the new title whichever edit lands last", async () => {
    for (let round = 0; round < 3; round++) {
      const ids = await Promise.all(Array.from({ length: VERSIONS }, (_, i) => newVersion(`gelijktijdig-${round}-${i}`)));
      const replies = await Promise.all(
        ids.map((id, i) =>
          Promise.all([
            t.request(`/api/questionnaires/${id}`, { method: "PUT", json: { title: "Nieuw", definition: defaultQuestionnaire } }),
            sleep(i % 5).then(() => t.request(`/api/questionnaires/${id}`, { method: "PUT", json: { definition: defaultQuestionnaire } })),
          ]),
        ),
      );
      for (const pair of replies) expect(pair.map((r) => r.status)).toEqual([200, 200]);
      for (const id of ids) {
        const { questionnaire } = (await (await t.request(`/api/questionnaires/${id}`)).json()) as { questionnaire: { title: string } };
        expect(questionnaire.title, `round ${round}`).toBe("Nieuw");
      }
    }
  });
});
