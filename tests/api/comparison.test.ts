import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { mixAll } from "../helpers/pool.ts";
import { waves } from "../../db/schema.ts";
import { visibleGroups } from "../../api/waves/open-answers.service.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let a: { id: string }, b: { id: string };

async function answer(waveId: string, who: object, n: number, data: (i: number) => object) {
  const res = await t.request(`/api/waves/${waveId}/invitations`, { method: "POST", json: { invitations: Array(n).fill(who) } });
  const { invitations } = (await res.json()) as { invitations: { token: string }[] };
  for (const [i, inv] of invitations.entries()) {
    expect(
      (await t.request(`/api/s/${inv.token}/response`, { method: "POST", as: "anonymous", json: { data: { ...COMPLETE, ...data(i) } } }))
        .status,
    ).toBe(201);
  }
}

beforeAll(async () => {
  t = await testApp({ now: new Date("2026-02-10T10:00:00Z") });
  [a, b] = await t.db
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
  const politie = { organisation: "Politie Noord-Holland", organisationType: "veiligheid" };
  const zorg = { organisation: "GGZ Noord-Holland-Noord", organisationType: "zorg" };
  await answer(a.id, politie, 12, (i) => ({
    rol_taken: 2 + (i % 2),
    cijfer: 6 + (i % 2),
    aanbeveling: i % 3 === 0 ? 9 : 5,
    beter: `Rollen onduidelijk ${i}`,
  }));
  await answer(a.id, zorg, 4, () => ({ beter: "Klein groepje zorg" }));
  t.clock.now = new Date("2026-06-10T10:00:00Z");
  await t.renewSessions();
  await answer(b.id, politie, 12, (i) => ({ rol_taken: 4 + (i % 2), cijfer: 6 + (i % 2), aanbeveling: i % 3 === 0 ? 9 : 5 }));
  await mixAll(t.db, t.clock.now);
});
afterAll(async () => {
  await t.close();
});

type Comparison = {
  previous: { name: string } | null;
  questions: { question: string; difference: number; test: { significant: boolean; p: number } | null }[];
  nps: { difference: number } | null;
};

describe("wave against previous wave", () => {
  it("marks a real change significant and an unchanged score not", async () => {
    const c = (await (await t.request(`/api/waves/${b.id}/comparison`)).json()) as Comparison;
    expect(c.previous?.name).toBe("KTO A");
    const rol = c.questions.find((q) => q.question === "rol_taken")!;
    expect(rol.difference).toBeCloseTo(4.5 - (12 * 2.5 + 4 * 2) / 16, 10);
    expect(rol.test?.significant).toBe(true);
    const cijfer = c.questions.find((q) => q.question === "cijfer")!;
    expect(cijfer.test?.significant).toBe(false);
    expect(c.nps).not.toBeNull();
  });

  it("has nothing to compare for the first wave", async () => {
    const c = (await (await t.request(`/api/waves/${a.id}/comparison`)).json()) as Comparison;
    expect([c.previous, c.questions, c.nps]).toEqual([null, [], null]);
  });
});

describe("open answers", () => {
  it("shows them only for groups of at least 10, and hides enough to keep small groups underivable", async () => {
    const all = (await (await t.request(`/api/waves/${a.id}/open-answers`)).json()) as {
      groups: { key: string; answers: { question: string; text: string }[]; totals: Record<string, number> }[];
    };
    expect(all.groups[0].answers.filter((x) => x.question === "beter")).toHaveLength(16);
    expect(all.groups[0].totals.beter).toBe(16);
    const byType = (await (await t.request(`/api/waves/${a.id}/open-answers?groupBy=organisationType`)).json()) as {
      groups: { key: string; suppressed: boolean; answers: { text: string }[] }[];
    };
    // zorg has 4 people; showing veiligheid (12) would reveal zorg's answers as "all minus veiligheid".
    expect(byType.groups.map((g) => [g.key, g.suppressed])).toEqual([
      ["veiligheid", true],
      ["zorg", true],
    ]);
    expect(JSON.stringify(byType)).not.toContain("Klein groepje zorg");
    const rol = (await (await t.request(`/api/waves/${a.id}/open-answers?dimension=geen-dimensie`)).json()) as {
      groups: { answers: unknown[] }[];
    };
    expect(rol.groups[0].answers).toEqual([]);
  });

  it("secondary suppression: hidden groups together reach the threshold", () => {
    expect([
      ...visibleGroups([
        { key: "a", n: 30 },
        { key: "b", n: 12 },
        { key: "c", n: 3 },
      ]),
    ]).toEqual(["a"]);
    expect([
      ...visibleGroups([
        { key: "a", n: 30 },
        { key: "b", n: 12 },
        { key: "c", n: 3 },
        { key: "d", n: 8 },
      ]),
    ]).toEqual(["b", "a"]);
    expect([
      ...visibleGroups([
        { key: "a", n: 30 },
        { key: "b", n: 12 },
      ]),
    ]).toEqual(["b", "a"]);
  });
});
