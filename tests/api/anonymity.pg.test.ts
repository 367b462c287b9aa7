import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { seeded } from "../helpers/seeded.ts";
import { rows } from "../../db/migrate.ts";
import { mixPool, shuffle } from "../../api/respond/pool.service.ts";
import { canonicalJson, sha256Hex } from "../../api/lib/crypto.ts";

/**
 * Issue 15: with SQL access only, try every channel a DBA has to pair the responses of an
 * anonymous wave with their invitations, and count how many pairs each attack gets right.
 * Twelve partners with identical metadata answer in a known random order; each answer
 * carries a marker so the test (not the attacker) knows the truth.
 *
 * Bound: against a uniformly random mixing order, the number of correct pairs of a
 * rank-for-rank attack is about Poisson(1) (P(>= 4) ~ 2%); the mixer's order comes from a
 * seeded generator here, so the figures are the same every run and the bound never flakes.
 */
const N = 12;
const CHANCE_BOUND = 3;

let t: Awaited<ReturnType<typeof testApp>>;
/** invitation id -> marker; submission order of invitation ids */
const markerOf = new Map<string, string>();
const submitted: string[] = [];
const receipts: string[] = [];
let auditBefore = 0;
let auditAfterSubmits = 0;

const q = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => rows<T>(await t.db.execute(query));

beforeAll(async () => {
  t = await testApp();
  const who = { organisation: "Politie Noord-Holland", organisationType: "veiligheid", branch: "alkmaar" };
  const res = await t.request(`/api/waves/${t.wave.id}/invitations`, { method: "POST", json: { invitations: Array(N).fill(who) } });
  const { invitations } = (await res.json()) as { invitations: { invitationId: string; token: string }[] };
  invitations.forEach((inv, i) => markerOf.set(inv.invitationId, `antwoord-${i}`));
  // Some save progress first, in creation order.
  for (const inv of invitations.slice(0, 6)) {
    expect(
      (await t.request(`/api/s/${inv.token}/progress`, { method: "PUT", as: "anonymous", json: { data: { bek_weten: 2 } } })).status,
    ).toBe(200);
  }
  auditBefore = Number((await q<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0].n);
  // Submit in a known random order, a few minutes apart, each with its own Idempotency-Key.
  for (const inv of shuffle(invitations, seeded(7))) {
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 60_000);
    const data = { ...COMPLETE, cijfer: 5 + (submitted.length % 5), goed: markerOf.get(inv.invitationId) };
    const r = await t.request(`/api/s/${inv.token}/response`, {
      method: "POST",
      as: "anonymous",
      headers: { "idempotency-key": `key-${inv.token}` },
      json: { data },
    });
    expect(r.status).toBe(201);
    const body = (await r.json()) as { receipt: string; submittedAt: string };
    // The partner's receipt carries no time of day either.
    expect(body.submittedAt).toMatch(/T00:00:00\.000Z$/);
    receipts.push(body.receipt);
    // A retry with the same key is answered with the same receipt, and stores nothing new.
    const again = await t.request(`/api/s/${inv.token}/response`, {
      method: "POST",
      as: "anonymous",
      headers: { "idempotency-key": `key-${inv.token}` },
      json: { data },
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ receipt: body.receipt, replayed: true });
    submitted.push(inv.invitationId);
  }
  auditAfterSubmits = Number((await q<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0].n);
  expect(await mixPool(t.db, t.clock.now, { minBatch: 10, random: seeded(2026) })).toBe(N);
});
afterAll(async () => {
  await t?.close();
});

/** The responses of the wave, each with the invitation it truly came from. */
async function truth() {
  const list = await q<{ id: string; goed: string }>(sql`select id, data->>'goed' as goed from responses where wave_id = ${t.wave.id}`);
  const byMarker = new Map([...markerOf].map(([inv, m]) => [m, inv]));
  return new Map(list.map((r) => [r.id, byMarker.get(r.goed)!]));
}

/** How many of the attack's guesses (response id -> invitation id) are right. */
async function correct(guess: Map<string, string>) {
  const real = await truth();
  expect(real.size).toBe(N);
  return [...guess].filter(([response, invitation]) => real.get(response) === invitation).length;
}

/** Pairs the i-th response in one order with the i-th invitation in another. */
function byRank(responseOrder: string[], invitationOrder: string[]) {
  return new Map(responseOrder.map((r, i) => [r, invitationOrder[i]]));
}

const ids = (list: { id: string }[]) => list.map((r) => r.id);
const ctidOrder = (table: string, idColumn: string) =>
  sql.raw(`select ${idColumn} as id from ${table}
  group by ${idColumn} order by min(ctid)`);

describe("an anonymous wave, attacked with SQL only", () => {
  it("shares no transaction id between a response and an invitation, and all responses of a batch share one", async () => {
    const joined = await q(sql`select r.id from responses r join invitations i on r.xmin::text = i.xmin::text`);
    expect(joined).toEqual([]);
    const xmins = await q<{ x: string }>(sql`select distinct xmin::text as x from responses where wave_id = ${t.wave.id}`);
    expect(xmins.length).toBe(1);
    for (const table of ["answers", "open_answers", "answer_counts"]) {
      const x = await q(sql.raw(`select distinct xmin::text from ${table} where wave_id = '${t.wave.id}'`));
      expect(x.length, table).toBe(1);
    }
  });

  it("links no more than chance by the nearest transaction id", async () => {
    const inv = await q<{ id: string; x: string }>(sql`select id, xmin::text as x from invitations where wave_id = ${t.wave.id}`);
    const res = await q<{ id: string; x: string }>(sql`select id, xmin::text as x from responses where wave_id = ${t.wave.id}`);
    const guess = new Map(
      res.map((r) => {
        const nearest = [...inv].sort((a, b) => Math.abs(Number(a.x) - Number(r.x)) - Math.abs(Number(b.x) - Number(r.x)))[0];
        return [r.id, nearest.id];
      }),
    );
    expect(await correct(guess)).toBeLessThanOrEqual(1); // one shared xmin: every response gets the same guess
  });

  it("links no more than chance by physical order, id order or answer order against the order of submission or of invitation updates", async () => {
    const bySubmission = submitted;
    const byUpdateCtid = ids(await q<{ id: string }>(sql`select id from invitations where wave_id = ${t.wave.id} order by ctid`));
    const byXmin = ids(await q<{ id: string }>(sql`select id from invitations where wave_id = ${t.wave.id} order by xmin::text::bigint`));
    expect(byXmin).toEqual(bySubmission); // the attacker does know the order in which invitations were used
    const responseOrders = {
      ctid: ids(await q<{ id: string }>(sql`select id from responses where wave_id = ${t.wave.id} order by ctid`)),
      uuid: ids(await q<{ id: string }>(sql`select id from responses where wave_id = ${t.wave.id} order by id`)),
      answers: ids(await q<{ id: string }>(ctidOrder("answers", "response_id"))),
      openAnswers: ids(await q<{ id: string }>(ctidOrder("open_answers", "response_id"))),
    };
    const scores: Record<string, number> = {};
    for (const [name, order] of Object.entries(responseOrders)) {
      expect(order.length).toBe(N);
      for (const [inv, invOrder] of Object.entries({ submission: bySubmission, update: byUpdateCtid })) {
        scores[`${name}~${inv}`] = await correct(byRank(order, invOrder));
        scores[`${name}~${inv} reversed`] = await correct(byRank(order, [...invOrder].reverse()));
      }
    }
    for (const [attack, n] of Object.entries(scores)) expect(n, attack).toBeLessThanOrEqual(CHANCE_BOUND);
  });

  it("keeps no time of day on either side, and no time at all on the response side", async () => {
    const inv = await q<{ sub: number; prog: unknown; saved: unknown }>(sql`select extract(epoch from submitted_at)::bigint % 86400 as sub,
      progress as prog, progress_saved_at as saved from invitations where wave_id = ${t.wave.id}`);
    expect(inv.every((r) => Number(r.sub) === 0 && r.prog === null && r.saved === null)).toBe(true);
    const timeColumns = await q(sql`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name in ('responses', 'answers', 'open_answers', 'answer_counts', 'response_pool')
        and (data_type like 'timestamp%' or data_type in ('date', 'time without time zone', 'time with time zone', 'interval'))`);
    expect(timeColumns).toEqual([]);
    const days = await q(sql`select distinct submitted_on from responses where wave_id = ${t.wave.id}`);
    expect(days.length).toBe(1); // the day of mixing, the same for the whole batch
  });

  it("moves no sequence and writes no trail entry per submission; the trail records the batch only", async () => {
    expect(auditAfterSubmits).toBe(auditBefore);
    const seqs = await q<{ s: string }>(sql`select sequencename as s from pg_sequences where schemaname = 'public'`);
    expect(seqs.map((s) => s.s)).toEqual(["audit_log_seq_seq"]);
    const batch = await q<{ entity: string; after: unknown }>(sql`select entity, after from audit_log where seq > ${auditBefore}`);
    expect(batch).toEqual([{ entity: "responses", after: { wave: "KTO test", responses: N } }]);
    const sameXmin = await q(
      sql`select a.seq from audit_log a join invitations i on a.xmin::text = i.xmin::text where i.wave_id = ${t.wave.id}`,
    );
    expect(sameXmin).toEqual([]);
  });

  it("keeps nothing from an invitation (id, token hash, key, receipt, a hash of the answers) on the response side, and nothing from the answers on the invitation", async () => {
    const inv = await q<{
      id: string;
      token_hash: string;
      submission_key_hash: string;
      submission_data_hash: string | null;
      receipt: string;
    }>(sql`select id, token_hash, submission_key_hash, submission_data_hash, receipt from invitations where wave_id = ${t.wave.id}`);
    expect(inv.every((i) => i.submission_data_hash === null)).toBe(true);
    expect(inv.map((i) => i.receipt).sort()).toEqual([...receipts].sort());
    const everything = (
      await q<{ t: string }>(sql`select (select coalesce(string_agg(r::text, '|'), '') from responses r)
      || (select coalesce(string_agg(a::text, '|'), '') from answers a) || (select coalesce(string_agg(o::text, '|'), '') from open_answers o)
      || (select coalesce(string_agg(c::text, '|'), '') from answer_counts c) as t`)
    )[0].t;
    for (const i of inv) {
      for (const value of [i.id, i.token_hash, i.submission_key_hash, i.receipt]) expect(everything).not.toContain(value);
    }
    const invText = (await q<{ t: string }>(sql`select string_agg(i::text, '|') as t from invitations i where wave_id = ${t.wave.id}`))[0]
      .t;
    for (const r of await q<{ data: Record<string, unknown> }>(sql`select data from responses where wave_id = ${t.wave.id}`)) {
      expect(invText).not.toContain(sha256Hex(canonicalJson(r.data)));
      expect(invText).not.toContain(String(r.data.goed));
    }
    expect(await q(sql`select id from response_pool`)).toEqual([]);
  });
});
