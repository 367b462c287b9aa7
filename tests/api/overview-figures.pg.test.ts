import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { rows } from "../../db/migrate.ts";
import { getRegistrySettings } from "../../api/registry/settings.service.ts";
import type { OverviewSchema } from "../../api/overview/overview.schemas.ts";
import { testApp } from "../helpers/app.ts";
import { seedDashboard, type TestServer } from "../helpers/browser.ts";

type Overview = z.infer<typeof OverviewSchema>;

/**
 * The start page's figures recomputed from the raw tables, with none of the code it shares
 * with the other endpoints (no answer counts, no registry loader, no domain tally): the
 * scores from the individual answers, the quarter from the cases, conferences and hours
 * rows, what is overdue from the dates. overview.test.ts checks the same figures against
 * the endpoints of the detail views; this file would catch a fault they share. It runs on
 * PostgreSQL too, where the start page reads side by side on the pool.
 */
describe("GET /api/overview against figures computed from the raw tables", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let seed: Awaited<ReturnType<typeof seedDashboard>>;
  let o: Overview;
  const now = new Date("2026-11-20T10:00:00Z");
  const today = "2026-11-20";
  const q = async <T>(query: ReturnType<typeof sql>) => rows<T>(await t.db.execute(query));

  beforeAll(async () => {
    t = await testApp({ now });
    seed = await seedDashboard(t as unknown as TestServer);
    // Hours this quarter in Hoorn, 3 corrected to 1.25, and 2 in Alkmaar a year ago: the correction alone counts.
    const hours = (municipalityId: string, performedOn: string, h: number) => ({
      kind: "advies",
      municipalityId,
      performedOn,
      hours: h,
      staffRole: "procesregisseur",
    });
    const made = await t.request("/api/activities", { method: "POST", json: hours("hoorn", "2026-11-02", 3) });
    expect(made.status, await made.clone().text()).toBe(201);
    const { activity } = (await made.json()) as { activity: { id: string } };
    const fixed = await t.request(`/api/activities/${activity.id}/correction`, {
      method: "POST",
      json: { ...hours("hoorn", "2026-11-02", 1.25), reason: "Dubbel geteld" },
    });
    expect(fixed.status, await fixed.clone().text()).toBe(201);
    const old = await t.request("/api/activities", { method: "POST", json: hours("alkmaar", "2025-10-20", 2) });
    expect(old.status, await old.clone().text()).toBe(201);
    const res = await t.request("/api/overview");
    expect(res.status).toBe(200);
    o = (await res.json()) as Overview;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("scores the latest closed wave as the mean of its respondents' answers", async () => {
    const latest = o.satisfaction.latest!;
    expect(latest.waveId).toBe(seed.previousWaveId);
    // A dimension's score: the mean over respondents of each respondent's mean over its questions.
    const dims = await q<{ dimension: string; mean: number; n: number }>(sql`
      select dimension, avg(m)::float8 as mean, count(*)::int as n
      from (select response_id, dimension, avg(value::float8) as m from answers where wave_id = ${seed.previousWaveId}
            group by response_id, dimension) per_respondent
      group by dimension`);
    const grade = dims.find((d) => d.dimension === "rapportcijfer")!;
    expect(latest.grade!.mean).toBeCloseTo(grade.mean, 10);
    expect(latest.grade!.n).toBe(grade.n);
    const ranked = dims.filter((d) => !["rapportcijfer", "nps"].includes(d.dimension)).sort((a, b) => a.mean - b.mean);
    expect(ranked.length).toBeGreaterThan(1);
    expect(latest.weakest).toMatchObject({ dimension: ranked[0].dimension });
    expect(latest.weakest!.mean).toBeCloseTo(ranked[0].mean, 10);
    expect(latest.strongest).toMatchObject({ dimension: ranked.at(-1)!.dimension });
    expect(latest.strongest!.mean).toBeCloseTo(ranked.at(-1)!.mean, 10);
    // NPS: promoters (9–10) minus detractors (0–6), in percent of those who answered the question.
    const [nps] = await q<{ promoters: number; detractors: number; n: number }>(sql`
      select count(*) filter (where value >= 9)::int as promoters, count(*) filter (where value <= 6)::int as detractors,
             count(*)::int as n
      from answers where wave_id = ${seed.previousWaveId} and dimension = 'nps'`);
    expect(nps.n).toBeGreaterThan(0);
    expect(latest.nps!.n).toBe(nps.n);
    expect(latest.nps!.nps).toBeCloseTo((100 * (nps.promoters - nps.detractors)) / nps.n, 10);
    const [fieldwork] = await q<{ invited: number; responded: number }>(sql`
      select count(*)::int as invited, count(submitted_at)::int as responded from invitations where wave_id = ${seed.previousWaveId}`);
    expect({ respondents: latest.respondents, invited: latest.invited }).toEqual({
      respondents: fieldwork.responded,
      invited: fieldwork.invited,
    });
    expect(o.satisfaction.trend.map((p) => [p.waveId, p.respondents])).toEqual([[seed.previousWaveId, fieldwork.responded]]);
  });

  it("shows the running wave's fieldwork as its invitations say", async () => {
    const [fieldwork] = await q<{ invited: number; responded: number }>(sql`
      select count(*)::int as invited, count(submitted_at)::int as responded from invitations where wave_id = ${seed.currentWaveId}`);
    expect(o.running.map((r) => [r.waveId, r.invited, r.responded])).toEqual([
      [seed.currentWaveId, fieldwork.invited, fieldwork.responded],
    ]);
  });

  it("counts the quarter per branch from the rows themselves, the replaced hours left out", async () => {
    const { hourlyRates } = await getRegistrySettings(t.db);
    const rates = sql.join(
      Object.entries(hourlyRates).map(([role, rate]) => sql`(${role}::text, ${rate}::numeric)`),
      sql`, `,
    );
    const figures = async (from: string, to: string) => {
      const r = await q<{ branch_id: string; cases: number; conferences: number; hours: string | number; cost: string | number }>(sql`
        select b.id as branch_id,
          (select count(*)::int from cases c where c.branch_id = b.id and c.registered_on between ${from} and ${to}) as cases,
          (select count(*)::int from conferences f where f.branch_id = b.id and f.held_on between ${from} and ${to}) as conferences,
          (select coalesce(sum(a.hours::numeric), 0) from activities a join municipalities m on m.id = a.municipality_id
            where m.branch_id = b.id and a.performed_on between ${from} and ${to}
              and not exists (select 1 from activities x where x.corrects_id = a.id)) as hours,
          (select coalesce(sum(round(a.hours::numeric * coalesce(r.rate, 0), 2)), 0)
            from activities a join municipalities m on m.id = a.municipality_id
            left join (values ${rates}) as r(role, rate) on r.role = a.staff_role
            where m.branch_id = b.id and a.performed_on between ${from} and ${to}
              and not exists (select 1 from activities x where x.corrects_id = a.id)) as cost
        from branches b`);
      return new Map(r.map((x) => [x.branch_id, x]));
    };
    const [current, previous] = await Promise.all([figures("2026-10-01", today), figures("2025-10-01", "2025-11-20")]);
    expect(o.registry.branches.map((b) => b.branchId).sort()).toEqual([...current.keys()].sort());
    for (const b of o.registry.branches)
      for (const [side, expected] of [
        ["current", current.get(b.branchId)!],
        ["previous", previous.get(b.branchId)!],
      ] as const) {
        const got = b[side];
        expect([got.cases, got.conferences], `${b.branchId} ${side}`).toEqual([expected.cases, expected.conferences]);
        expect(got.hours, `${b.branchId} ${side} hours`).toBeCloseTo(Number(expected.hours), 2);
        expect(got.cost, `${b.branchId} ${side} cost`).toBeCloseTo(Number(expected.cost), 2);
      }
    // The corrected 3 hours count as 1.25 in West-Friesland (Hoorn); Alkmaar's 2 hours of last year are there.
    const wf = o.registry.branches.find((b) => b.branchId === "west-friesland")!;
    expect(wf.current.hours).toBeCloseTo(Number(current.get("west-friesland")!.hours), 2);
    expect(wf.current.hours).toBeGreaterThanOrEqual(1.25);
    expect(o.registry.branches.find((b) => b.branchId === "alkmaar")!.previous.hours).toBeGreaterThanOrEqual(2);
    expect(o.registry.total.current.cases).toBe([...current.values()].reduce((s, x) => s + x.cases, 0));
    expect(o.registry.total.current.cases).toBeGreaterThan(0);
  });

  it("lists what is overdue by its dates", async () => {
    const ids = async (query: ReturnType<typeof sql>) => (await q<{ id: string }>(query)).map((r) => r.id).sort();
    const actionIds = await ids(sql`select id from actions where due_on < ${today} and status not in ('gereed', 'geannuleerd')`);
    expect(actionIds.length).toBeGreaterThan(0);
    expect(o.overdue.actions.map((a) => a.id).sort()).toEqual(actionIds);
    expect(o.overdue.audits.map((a) => a.id).sort()).toEqual(
      await ids(sql`select id from internal_audits where status = 'gepland' and planned_on < ${today}`),
    );
    expect(o.overdue.risks.map((r) => r.id).sort()).toEqual(
      await ids(sql`select id from risks where closed_on is null and last_reviewed_on::date + review_interval_days < ${today}::date`),
    );
    expect(o.overdue.followUps.map((f) => f.id).sort()).toEqual(
      await ids(sql`select id from follow_ups where done_on is null and due_on < ${today}`),
    );
  });
});
