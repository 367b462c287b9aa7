import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openWave, inviteTokens } from "../helpers/waves.ts";
import { testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { keptInvitationCounts, recountInvitations } from "../helpers/invitation-counts.ts";
import { rows } from "../../db/migrate.ts";
import { createApp } from "../../api/app.ts";
import { connectPostgres } from "../../db/client.ts";
import type { Db } from "../../db/types.ts";
import { foldInvitationCounts } from "../../api/waves/invitation-counts.ts";
import { rebuildAnswerCounts } from "../../api/waves/answer-counts.ts";
import { ensureDemoQuestionnaires } from "../../db/seed/questionnaire.ts";
import { ATTENDED_QUESTION } from "../../api/domain/survey/questionnaire-v2.ts";
import { NOT_APPLICABLE } from "../../api/domain/survey/not-applicable.ts";
import { GROUPINGS, loadAggregatesBy, type Grouping } from "../../api/waves/results.service.ts";

/**
 * The counters the results read instead of scanning per response. Invited and responded per
 * group come from `invitation_counts`, kept by triggers on `invitations` (migration 0011);
 * the n.v.t. shares from the "answered" rows of `answer_counts` (migration 0012). Whatever
 * happens to the invitations, and however many things happen at once, the kept counts must
 * equal a recount, and the results must equal what the old scans computed.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

const GROUPS = [
  { organisation: "Reclassering Nederland", organisationType: "justitie", branch: "den-helder" },
  { organisation: "GGZ Noord-Holland-Noord", organisationType: "zorg", branch: "alkmaar" },
  { organisation: "Gemeente Hoorn", organisationType: "gemeente", municipality: "Hoorn" },
  { organisation: "Politie Noord-Holland", organisationType: "veiligheid" },
];

type Request = (path: string, init?: RequestInit & { json?: unknown; as?: "anonymous" }) => Response | Promise<Response>;

const invite = (request: Request, waveId: string, perGroup: number) =>
  inviteTokens(
    request,
    waveId,
    GROUPS.flatMap((g) => Array(perGroup).fill(g)),
  );

const submit = async (request: Request, token: string, i: number) =>
  await request(`/api/s/${token}/response`, { method: "POST", as: "anonymous", json: { data: { ...COMPLETE, cijfer: 1 + (i % 10) } } });

/** The removed computation: one GROUPING SETS pass over the wave's invitations. */
async function scannedCounts(db: Db, waveId: string, grouping: Grouping) {
  const col = sql.raw(GROUPINGS[grouping]);
  return rows<{ grp: string | null; invited: number; responded: number }>(
    await db.execute(sql`select case when grouping(${col}) = 0 then coalesce(nullif(${col}::text, ''), 'onbekend') end as grp,
      count(*)::int as invited, count(*) filter (where submitted_at is not null)::int as responded
      from invitations where wave_id = ${waveId} group by grouping sets ((), (${col}))`),
  )
    .map((r) => ({ group: r.grp, invited: Number(r.invited), responded: Number(r.responded) }))
    .sort((a, b) => String(a.group).localeCompare(String(b.group)));
}

async function expectExact(waveId: string) {
  const kept = await keptInvitationCounts(t.db, waveId);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(await recountInvitations(t.db, waveId));
  const service = await loadAggregatesBy(t.db, waveId, ["organisationType", "branch", "municipality"] as const);
  for (const grouping of Object.keys(GROUPINGS) as Grouping[]) {
    const counts = [...service[grouping].counts].sort((a, b) => String(a.group).localeCompare(String(b.group)));
    expect(counts, grouping).toEqual(await scannedCounts(t.db, waveId, grouping));
  }
}

/** A second, larger connection pool to the same test database (PostgreSQL only), so that requests really interleave. */
async function widerPool(max: number) {
  if (process.env.KS_TEST_DB !== "postgres") return null;
  const [{ name }] = rows<{ name: string }>(await t.db.execute(sql`select current_database() as name`));
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return connectPostgres(url.toString(), { max });
}

async function deltaRows(waveId: string) {
  const [r] = rows<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from invitation_counts where wave_id = ${waveId}`));
  return Number(r.n);
}

describe("invitation counts", () => {
  it("equal a recount after a parallel burst of submissions, bulk invitations, result reads and folds", async () => {
    const anonymous = await openWave(t, "KTO tellers anoniem", true);
    const named = await openWave(t, "KTO tellers op naam", false);
    const tokens = [...(await invite(t.request, anonymous.id, 30)), ...(await invite(t.request, named.id, 15))];
    const wide = await widerPool(20);
    const db = (wide?.db ?? t.db) as Db;
    const app = wide
      ? createApp({ db, config: { publicUrl: "http://test.local", now: () => t.clock.now, version: "test", clientIp: () => "192.0.2.1" } })
      : t.app;
    const request: Request = (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.as !== "anonymous") headers.set("cookie", t.cookies.kwaliteit);
      headers.set("content-type", "application/json");
      headers.set("origin", "http://localhost");
      return app.request(path, { ...init, headers, body: JSON.stringify(init.json) });
    };
    try {
      // Submissions (each a claim), two more bulk invitations, reads of the results (which fold
      // when the deltas pile up) and explicit folds, all at once.
      const work: Promise<unknown>[] = tokens.map((tok, i) => submit(request, tok, i).then((r) => expect(r.status).toBe(201)));
      work.push(invite(request, anonymous.id, 5), invite(request, named.id, 5));
      for (let k = 0; k < 6; k++) {
        work.push(Promise.resolve(request(`/api/waves/${anonymous.id}/results`)).then((r) => expect(r.status).toBe(200)));
        work.push(foldInvitationCounts(db, anonymous.id), foldInvitationCounts(db, named.id));
      }
      await Promise.all(work);
    } finally {
      await wide?.close();
    }
    for (const wave of [anonymous, named]) await expectExact(wave.id);
    const whole = (await scannedCounts(t.db, anonymous.id, "organisationType")).find((r) => r.group === null);
    expect(whole).toEqual({ group: null, invited: 140, responded: 120 });

    // Folding leaves one row per group and the same sums.
    const groups = (await recountInvitations(t.db, anonymous.id)).length;
    await foldInvitationCounts(t.db, anonymous.id);
    expect(await deltaRows(anonymous.id)).toBe(groups);
    await expectExact(anonymous.id);
  });

  it("follow an invitation that changes group, loses its submission or is deleted, and leave with their wave", async () => {
    const wave = await openWave(t, "KTO tellers wijzigingen", false);
    const tokens = await invite(t.request, wave.id, 3);
    for (const [i, tok] of tokens.slice(0, 4).entries()) expect((await submit(t.request, tok, i)).status).toBe(201);
    const ids = rows<{ id: string }>(
      await t.db.execute(sql`select id from invitations where wave_id = ${wave.id} order by submitted_at nulls last, id`),
    ).map((r) => r.id);
    // A submitted invitation moves to another municipality and branch; another is withdrawn; an unused one is deleted.
    await t.db.execute(sql`update invitations set municipality_id = 'den-helder', branch_id = 'den-helder' where id = ${ids[0]}`);
    await t.db.execute(sql`update invitations set submitted_at = null where id = ${ids[1]}`);
    await t.db.execute(sql`delete from mail_outbox where invitation_id = ${ids.at(-1)!}`);
    await t.db.execute(sql`delete from invitations where id = ${ids.at(-1)!}`);
    // Updates that touch none of the counted columns leave no rows behind.
    const before = await deltaRows(wave.id);
    await t.db.execute(sql`update invitations set opened_at = now(), progress = '{}'::jsonb where wave_id = ${wave.id}`);
    await t.db.execute(sql`update invitations set submitted_at = submitted_at + interval '1 hour' where id = ${ids[2]}`);
    expect(await deltaRows(wave.id)).toBe(before);
    await expectExact(wave.id);
    expect((await recountInvitations(t.db, wave.id)).reduce((n, g) => n + g.responded, 0)).toBe(3);

    // A wave without responses is deleted together with its invitations: its counts go too.
    const empty = await openWave(t, "KTO tellers weg", true);
    await invite(t.request, empty.id, 2);
    expect(await deltaRows(empty.id)).toBeGreaterThan(0);
    await t.db.execute(sql`delete from invitations where wave_id = ${empty.id}`);
    await t.db.execute(sql`delete from waves where id = ${empty.id}`);
    expect(await deltaRows(empty.id)).toBe(0);
  });

  it("give a wave without invitations zero invited, as the scan did", async () => {
    const wave = await openWave(t, "KTO tellers leeg", true);
    const service = await loadAggregatesBy(t.db, wave.id, ["organisationType"] as const);
    expect(service.organisationType.counts).toEqual(await scannedCounts(t.db, wave.id, "organisationType"));
    expect(service.organisationType.counts).toEqual([{ group: null, invited: 0, responded: 0 }]);
  });
});

/** The removed computation of the n.v.t. shares: a pass over every stored response of the wave. */
async function scannedNotApplicable(waveId: string, names: string[]) {
  return rows<{ question: string; answered: number; nvt: number }>(
    await t.db.execute(sql`select q.name as question, count(r.data -> q.name)::int as answered,
      count(*) filter (where r.data ->> q.name = ${NOT_APPLICABLE})::int as nvt
      from unnest(${`{${names.join(",")}}`}::text[]) as q(name) cross join responses r where r.wave_id = ${waveId} group by q.name`),
  ).map((r) => ({ question: r.question, answered: Number(r.answered), notApplicable: Number(r.nvt) }));
}

describe("n.v.t. counts", () => {
  it("equal the old pass over the responses after parallel submissions to a named wave", async () => {
    const { v2 } = await ensureDemoQuestionnaires(t.db, t.clock.now);
    const wave = await openWave(t, "KTO n.v.t. parallel", false, v2);
    const tokens = await invite(t.request, wave.id, 6);
    const wide = await widerPool(12);
    const app = wide
      ? createApp({ db: wide.db, config: { publicUrl: "http://test.local", now: () => t.clock.now, version: "test" } })
      : t.app;
    // Some attended and say n.v.t. on one or two statements; some did not attend (no case-conference statements at all).
    const answerSet = (i: number) => {
      const base: Record<string, unknown> = { ...COMPLETE, [ATTENDED_QUESTION]: "ja" };
      if (i % 3 === 0) base.bek_weten = NOT_APPLICABLE;
      if (i % 4 === 0) base.co_voorzitter = NOT_APPLICABLE;
      if (i % 5 === 0) {
        for (const k of ["co_voorzitter", "co_voorbereiding", "co_vastlegging", "co_afspraken"]) delete base[k];
        base[ATTENDED_QUESTION] = "nee";
      }
      return base;
    };
    try {
      const statuses = await Promise.all(
        tokens.map(async (tok, i) => {
          const res = await app.request(`/api/s/${tok}/response`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ data: answerSet(i) }),
          });
          return res.status === 201 ? 201 : `${res.status} ${await res.text()}`;
        }),
      );
      expect(statuses.filter((s) => s !== 201)).toEqual([]);
    } finally {
      await wide?.close();
    }
    const body = (await (await t.request(`/api/waves/${wave.id}/results`)).json()) as {
      notApplicable: { question: string; answered: number; notApplicable: number }[];
    };
    const names = body.notApplicable.map((x) => x.question);
    expect(names).toHaveLength(16);
    const scanned = await scannedNotApplicable(wave.id, names);
    expect(body.notApplicable.map(({ question, answered, notApplicable }) => ({ question, answered, notApplicable }))).toEqual(
      names.map((q) => scanned.find((s) => s.question === q)),
    );
    expect(body.notApplicable.find((x) => x.question === "bek_weten")).toMatchObject({ answered: 24, notApplicable: 8 });
    expect(body.notApplicable.find((x) => x.question === "co_voorzitter")).toMatchObject({ answered: 19, notApplicable: 4 });

    // Counted one by one under concurrency, they equal the counts rebuilt from the wave at once.
    const snap = async () =>
      rows(
        await t.db.execute(sql`select kind, item, value::text, organisation_type, branch_id, municipality_id, n
        from answer_counts where wave_id = ${wave.id} order by 1, 2, 3, 4, 5, 6`),
      );
    const kept = await snap();
    await rebuildAnswerCounts(t.db, wave.id);
    expect(await snap()).toEqual(kept);
  });
});
