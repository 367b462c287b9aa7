import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { mixAll } from "../helpers/pool.ts";

let t: Awaited<ReturnType<typeof testApp>>;

/** 31 respondents with known answers; 2 more invited who never answer. */
const GROUPS = [
  { organisationType: "zorg", organisation: "GGZ Noord-Holland-Noord", branch: "alkmaar", n: 12, cijfer: 8, aanbeveling: 9 },
  { organisationType: "justitie", organisation: "Reclassering Nederland", branch: "den-helder", n: 10, cijfer: 6, aanbeveling: 5 },
  { organisationType: "gemeente", organisation: "Gemeente Hoorn", municipality: "Hoorn", n: 3, cijfer: 9, aanbeveling: 10 },
  { organisationType: "veiligheid", organisation: "Politie Noord-Holland", n: 6, cijfer: 7, aanbeveling: 7 },
];

type Group = { key: string; suppressed: boolean; respondents?: number; questions?: { question: string; n: number; mean: number }[] };
type Results = {
  overall: {
    invited: number;
    respondents: number;
    responseRate: number;
    questions: { question: string; n: number; mean: number; distribution: Record<string, number>; ci: { low: number; high: number } }[];
    dimensions: { dimension: string; n: number; mean: number }[];
    nps: { promoters: number; passives: number; detractors: number; nps: number; interval: { low: number; high: number } };
  };
  groups: { organisationType: Group[]; branch: Group[] };
};
let results: Results;
let waiting: Results & { pending: number };

beforeAll(async () => {
  t = await testApp();
  for (const g of GROUPS) {
    const { n, cijfer, aanbeveling, ...who } = g;
    const res = await t.request(`/api/waves/${t.wave.id}/invitations`, { method: "POST", json: { invitations: Array(n).fill(who) } });
    const { invitations } = (await res.json()) as { invitations: { token: string }[] };
    for (const inv of invitations) {
      const r = await t.request(`/api/s/${inv.token}/response`, {
        method: "POST",
        as: "anonymous",
        json: { data: { ...COMPLETE, cijfer, aanbeveling } },
      });
      expect(r.status).toBe(201);
    }
  }
  await t.request(`/api/waves/${t.wave.id}/invitations`, {
    method: "POST",
    json: { invitations: Array(2).fill({ organisation: "Gemeente Hoorn", organisationType: "gemeente", municipality: "Hoorn" }) },
  });
  // Anonymous wave: the responses wait in the pool until mixed, while the counts come from the invitations.
  waiting = (await (await t.request(`/api/waves/${t.wave.id}/results`)).json()) as Results & { pending: number };
  await mixAll(t.db);
  results = (await (await t.request(`/api/waves/${t.wave.id}/results`)).json()) as Results;
});
afterAll(async () => {
  await t.close();
});

describe("getWaveResults", () => {
  it("counts pooled anonymous responses as waiting until they are mixed", () => {
    expect(waiting).toMatchObject({ pending: 31, overall: { invited: 33, respondents: 31 } });
    expect(waiting.overall.questions).toEqual([]);
    expect((results as Results & { pending: number }).pending).toBe(0);
  });

  it("reports n, mean, distribution and the response rate", () => {
    expect(results.overall).toMatchObject({ invited: 33, respondents: 31 });
    expect(results.overall.responseRate).toBeCloseTo(31 / 33, 10);
    const cijfer = results.overall.questions.find((q) => q.question === "cijfer")!;
    expect(cijfer.n).toBe(31);
    expect(cijfer.mean).toBeCloseTo(225 / 31, 10);
    expect(cijfer.distribution).toMatchObject({ "6": 10, "7": 6, "8": 12, "9": 3, "0": 0, "10": 0 });
    expect(cijfer.ci.low).toBeLessThan(cijfer.mean);
    expect(cijfer.ci.high).toBeGreaterThan(cijfer.mean);
  });

  it("scores a dimension as the mean over respondents of their mean over its questions", () => {
    const rol = results.overall.dimensions.find((d) => d.dimension === "rolduidelijkheid")!;
    expect(rol).toMatchObject({ n: 31, mean: 3 }); // (2 + 4 + 3) / 3 for everyone
  });

  it("computes the NPS from its parts", () => {
    expect(results.overall.nps).toMatchObject({ promoters: 15, passives: 6, detractors: 10 });
    expect(results.overall.nps.nps).toBeCloseTo((100 * 5) / 31, 10);
  });

  it("suppresses small groups, and one more so that none can be derived", () => {
    const byType = Object.fromEntries(results.groups.organisationType.map((g) => [g.key, g]));
    expect(byType.gemeente).toEqual({ key: "gemeente", suppressed: true });
    expect(byType.veiligheid).toEqual({ key: "veiligheid", suppressed: true }); // secondary
    expect(byType.zorg).toMatchObject({ suppressed: false, respondents: 12 });
    expect(byType.justitie).toMatchObject({ suppressed: false, respondents: 10 });
    const zorgCijfer = (byType.zorg.questions ?? []).find((q) => q.question === "cijfer")!;
    expect(zorgCijfer).toMatchObject({ n: 12, mean: 8 });

    const byBranch = Object.fromEntries(results.groups.branch.map((g) => [g.key, g]));
    expect(byBranch["west-friesland"]).toEqual({ key: "west-friesland", suppressed: true });
    expect(byBranch.onbekend).toEqual({ key: "onbekend", suppressed: true });
    expect(byBranch.alkmaar).toMatchObject({ suppressed: false, respondents: 12 });
  });

  it("leaves at least 5 respondents in whatever the total minus the shown groups reveals", () => {
    for (const list of [results.groups.organisationType, results.groups.branch]) {
      const shown = list.filter((g) => !g.suppressed).reduce((a, g) => a + (g.respondents ?? 0), 0);
      const hidden = results.overall.respondents - shown;
      expect(hidden === 0 || hidden >= 5).toBe(true);
      expect(list.filter((g) => g.suppressed).length).not.toBe(1);
    }
  });
});

describe("answer counts", () => {
  it("kept up per submission equal the counts rebuilt from the answers", async () => {
    const { sql } = await import("drizzle-orm");
    const { rows } = await import("../../db/migrate.ts");
    const { rebuildAnswerCounts } = await import("../../api/waves/answer-counts.ts");
    const snapshot = async () =>
      rows<Record<string, unknown>>(
        await t.db.execute(sql`select kind, item, value::text, organisation_type,
      branch_id, municipality_id, n from answer_counts where wave_id = ${t.wave.id} order by 1, 2, 3, 4, 5, 6`),
      );
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(50);
    await rebuildAnswerCounts(t.db, t.wave.id);
    expect(await snapshot()).toEqual(incremental);
  });
});
