import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { seedDashboard, type TestServer } from "../helpers/browser.ts";
import { partnerIds } from "../helpers/registry.ts";
import type { z } from "@hono/zod-openapi";
import type { OverviewSchema } from "../../api/overview/overview.schemas.ts";

type Overview = z.infer<typeof OverviewSchema>;
const DAY = 86_400_000;

/**
 * The start page's figures are the other endpoints' figures: each tile is checked against
 * the endpoint its detail view reads, on the dashboard's seed (two waves, cases in three
 * branches, an overdue action), plus a survey finding with an action and a case a year ago.
 */
describe("GET /api/overview", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let seed: Awaited<ReturnType<typeof seedDashboard>>;
  const now = new Date("2026-11-20T10:00:00Z");

  const get = async <T>(path: string, as: "kwaliteit" | "management" | "auditor" = "kwaliteit") => {
    const res = await t.request(path, { as });
    const body = await res.json();
    expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(200);
    return body as T;
  };

  beforeAll(async () => {
    t = await testApp({ now });
    seed = await seedDashboard(t as unknown as TestServer);
    const p = await partnerIds(t.db);
    // A case in the same quarter last year, so the comparison has two sides.
    const res = await t.request("/api/cases", {
      method: "POST",
      json: {
        municipalityId: "hoorn",
        themeIds: ["huiselijk-geweld"],
        referrerOrganisationId: p.politie,
        registeredOn: "2025-10-15",
        careSafetyNexus: true,
        societalImpact: true,
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    // Hours this quarter, corrected from 3 to 1: only the correction counts, as in the metrics.
    const made = await t.request("/api/activities", {
      method: "POST",
      json: { kind: "advies", municipalityId: "hoorn", performedOn: "2026-11-02", hours: 3, staffRole: "procesregisseur" },
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const { activity } = (await made.json()) as { activity: { id: string } };
    const fixed = await t.request(`/api/activities/${activity.id}/correction`, {
      method: "POST",
      json: {
        kind: "advies",
        municipalityId: "hoorn",
        performedOn: "2026-11-02",
        hours: 1,
        staffRole: "procesregisseur",
        reason: "Dubbel geteld",
      },
    });
    expect(fixed.status, await fixed.clone().text()).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("is refused to municipality accounts and staff, and to anyone not signed in", async () => {
    for (const as of ["gemeente", "medewerker", "admin"] as const) expect((await t.request("/api/overview", { as })).status, as).toBe(403);
    expect((await t.request("/api/overview", { as: "anonymous" })).status).toBe(401);
  });

  it("gives management, kwaliteit and auditor the same whole-ZVH figures", async () => {
    const [k, m, a] = await Promise.all([
      get<Overview>("/api/overview"),
      get<Overview>("/api/overview", "management"),
      get<Overview>("/api/overview", "auditor"),
    ]);
    expect(m).toEqual(k);
    expect(a).toEqual(k);
  });

  it("shows the running wave with the fieldwork counts of the wave list", async () => {
    const o = await get<Overview>("/api/overview");
    const { waves } = await get<{ waves: { id: string; invited: number; responded: number; status: string }[] }>("/api/waves");
    const wave = waves.find((w) => w.id === seed.currentWaveId)!;
    expect(o.running.map((r) => r.waveId)).toEqual([seed.currentWaveId]);
    expect(o.running[0]).toMatchObject({ invited: wave.invited, responded: wave.responded, status: "open" });
    expect(o.running[0].responseRate).toBeCloseTo(wave.responded / wave.invited, 10);
  });

  it("takes satisfaction from the latest closed wave, as its results say", async () => {
    const o = await get<Overview>("/api/overview");
    const latest = o.satisfaction.latest!;
    expect(latest.waveId).toBe(seed.previousWaveId);
    expect(o.satisfaction.trend.map((p) => p.waveId)).toEqual([seed.previousWaveId]);
    const r = await get<{
      overall: { respondents: number; dimensions: { dimension: string; mean: number }[]; nps: { nps: number } };
    }>(`/api/waves/${seed.previousWaveId}/results`);
    expect(latest.respondents).toBe(r.overall.respondents);
    expect(latest.grade!.mean).toBeCloseTo(r.overall.dimensions.find((d) => d.dimension === "rapportcijfer")!.mean, 10);
    expect(latest.nps!.nps).toBeCloseTo(r.overall.nps.nps, 10);
    // Ranked among the real dimensions only: the grade and the recommendation question are not dimensions to rank.
    const ranked = r.overall.dimensions.filter((d) => !["rapportcijfer", "nps"].includes(d.dimension)).map((d) => d.mean);
    expect(latest.weakest!.mean).toBeCloseTo(Math.min(...ranked), 10);
    expect(latest.strongest!.mean).toBeCloseTo(Math.max(...ranked), 10);
    // The wave before it had no answers: nothing to compare with.
    expect(latest.previous).toBeNull();
    expect(latest.grade!.change).toBeNull();
  });

  it("counts what is overdue as the quality digest does, with owners and process names", async () => {
    const o = await get<Overview>("/api/overview");
    const d = await get<{ overdueActions: { ref: string; owner: string }[]; lateAudits: unknown[]; risksDue: unknown[] }>(
      "/api/quality/digest",
    );
    expect(o.overdue.actions.map((a) => [a.ref, a.owner])).toEqual(d.overdueActions.map((a) => [a.ref, a.owner]));
    expect(o.overdue.actions.length).toBeGreaterThan(0);
    expect(o.overdue.audits).toHaveLength(d.lateAudits.length);
    expect(o.overdue.risks).toHaveLength(d.risksDue.length);
    const m = await get<{ followUps: { overdue: number } }>("/api/registry/metrics");
    expect(o.overdue.followUps).toHaveLength(m.followUps.overdue);
  });

  it("compares this quarter per branch with the same days last year, as the metrics endpoint counts them", async () => {
    const o = await get<Overview>("/api/overview");
    expect(o.registry.current).toEqual({ from: "2026-10-01", to: "2026-11-20" });
    expect(o.registry.lastYear).toEqual({ from: "2025-10-01", to: "2025-11-20" });
    expect(o.registry.branches.map((b) => b.branchId).sort()).toEqual(["alkmaar", "den-helder", "west-friesland"]);
    for (const b of o.registry.branches) {
      for (const [side, period] of [
        ["current", o.registry.current],
        ["previous", o.registry.lastYear],
      ] as const) {
        const m = await get<{ conferences: number; cases: { registered: number }; hours: { total: { hours: number; cost: number } } }>(
          `/api/registry/metrics?from=${period.from}&to=${period.to}&branch=${b.branchId}`,
        );
        expect(b[side], `${b.branchId} ${side}`).toEqual({
          cases: m.cases.registered,
          conferences: m.conferences,
          hours: m.hours.total.hours,
          cost: m.hours.total.cost,
        });
      }
    }
    const sum = (k: "cases" | "conferences") => o.registry.branches.reduce((s, b) => s + b.current[k], 0);
    expect(o.registry.total.current.cases).toBe(sum("cases"));
    expect(o.registry.total.current.cases).toBeGreaterThan(0);
    expect(o.registry.total.previous.cases).toBe(1);
    // Hoorn: one case last year, one this quarter (hoorn2, 20 days ago): no change in cases; the top is ordered by size of change.
    const changes = o.registry.municipalities.map((x) => Math.abs(x.casesChange));
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    expect(o.registry.municipalities.length).toBeLessThanOrEqual(3);
    expect(o.registry.municipalities[0]).toMatchObject({ municipalityId: "alkmaar", name: "Alkmaar", casesChange: 1 });
  });

  it("lists the survey's improvement actions with the effect check the action itself reports", async () => {
    const { finding } = await (
      await t.request(`/api/waves/${seed.previousWaveId}/findings`, { method: "POST", json: { dimension: "rolduidelijkheid" } })
    ).json();
    const owner = (await get<{ people: { id: string; role: string }[] }>("/api/people")).people[0];
    const res = await t.request("/api/actions", {
      method: "POST",
      json: {
        findingIds: [finding.id],
        title: "Rollen toelichten aan het begin van elk overleg",
        ownerId: owner.id,
        dueOn: "2026-11-25",
        criterion: {
          kind: "survey_dimension",
          text: "Rolduidelijkheid minstens 3,5",
          dimension: "rolduidelijkheid",
          comparator: ">=",
          target: 3.5,
        },
      },
    });
    const { action } = await res.json();
    expect(res.status, JSON.stringify(action)).toBe(201);
    const o = await get<Overview>("/api/overview");
    const mine = o.improvement.find((a) => a.id === action.id)!;
    const evaluation = await get<{ status: string; explanation: string }>(`/api/actions/${action.id}/evaluation`);
    expect(mine).toMatchObject({
      ref: action.ref,
      findingId: finding.id,
      effect: { status: evaluation.status, explanation: evaluation.explanation },
    });
    // The complaint's action is not from the survey.
    expect(o.improvement.every((a) => a.findingId === finding.id)).toBe(true);
  });

  it("after the running wave closes, compares it with the one before, in words, as the comparison endpoint tests it", async () => {
    t.clock.now = new Date(now.getTime() + 31 * DAY);
    await t.renewSessions();
    const o = await get<Overview>("/api/overview");
    const latest = o.satisfaction.latest!;
    expect(latest.waveId).toBe(seed.currentWaveId);
    expect(o.satisfaction.trend.map((p) => p.waveId)).toEqual([seed.previousWaveId, seed.currentWaveId]);
    expect(o.running).toEqual([]);
    const c = await get<{
      previous: { id: string };
      dimensions: { dimension: string; difference: number; test: { significant: boolean } | null }[];
    }>(`/api/waves/${seed.currentWaveId}/comparison`);
    expect(latest.previous?.id).toBe(c.previous.id);
    for (const s of [latest.grade, latest.weakest, latest.strongest]) {
      const d = c.dimensions.find((x) => x.dimension === s!.dimension)!;
      expect(s!.change!.difference).toBeCloseTo(d.difference, 10);
      const words = !d.test
        ? "no_test"
        : !d.test.significant
          ? "not_significant"
          : d.difference > 0
            ? "significant_up"
            : "significant_down";
      expect(s!.change!.verdict, s!.dimension).toBe(words);
    }
    // The seed made roles clearer (2–3 → 4–5): a significant rise, said as such.
    const roles = c.dimensions.find((x) => x.dimension === "rolduidelijkheid")!;
    expect(roles.test?.significant).toBe(true);
  });
});
