import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openWave, inviteTokens } from "../helpers/waves.ts";
import { count, testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { rows } from "../../db/migrate.ts";
import { createApp } from "../../api/app.ts";
import { connectPostgres } from "../../db/client.ts";
import { mixPool } from "../../api/respond/pool.service.ts";
import { rebuildAnswerCounts } from "../../api/waves/answer-counts.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;
const who = { organisation: "Reclassering Nederland", organisationType: "justitie", branch: "den-helder" };

const invite = (waveId: string, n: number) => inviteTokens(t.request, waveId, Array(n).fill(who));

/** Distinct answers per respondent, so that the counts rows differ from one submission to the next. */
const answersFor = (i: number) => ({
  ...COMPLETE,
  bek_weten: 1 + (i % 5),
  rol_taken: 1 + ((i >> 1) % 5),
  co_voorzitter: 1 + ((i >> 2) % 5),
  cijfer: 1 + (i % 10),
  aanbeveling: i % 11,
  goed: `marker-${i}`,
});

type Requester = { request: (path: string, init: RequestInit & { json?: unknown; as?: "anonymous" }) => Response | Promise<Response> };
const submit = async (app: Requester, token: string, i: number): Promise<Response> =>
  await app.request(`/api/s/${token}/response`, {
    method: "POST",
    as: "anonymous",
    headers: { "idempotency-key": `k-${token}` },
    json: { data: answersFor(i) },
  });

async function markers(waveId: string) {
  return rows<{ m: string; n: number }>(
    await t.db.execute(sql`select data->>'goed' as m, count(*)::int as n from responses
    where wave_id = ${waveId} group by 1`),
  ).map((r) => ({ m: r.m, n: Number(r.n) }));
}

/** The incrementally kept counts must equal the counts rebuilt from the answers. */
async function expectCountsExact(waveId: string) {
  const snap = async () =>
    rows<Record<string, unknown>>(
      await t.db.execute(sql`select kind, item, value::text, organisation_type,
    branch_id, municipality_id, n from answer_counts where wave_id = ${waveId} order by 1, 2, 3, 4, 5, 6`),
    );
  const kept = await snap();
  await rebuildAnswerCounts(t.db, waveId);
  expect(kept).toEqual(await snap());
}

describe("the anonymity pool", () => {
  it("waits for a batch of k while the wave is open, and mixes the rest when it has closed", async () => {
    const wave = await openWave(t, "KTO pool");
    const tokens = await invite(wave.id, 14);
    for (const [i, tok] of tokens.slice(0, 7).entries()) expect((await submit(t, tok, i)).status).toBe(201);
    expect(await mixPool(t.db, t.clock.now, { minBatch: 10 })).toBe(0);
    const waiting = (await (await t.request(`/api/waves/${wave.id}/results`)).json()) as {
      pending: number;
      overall: { respondents: number };
    };
    expect(waiting).toMatchObject({ pending: 7, overall: { respondents: 7 } });
    for (const [i, tok] of tokens.slice(7, 10).entries()) expect((await submit(t, tok, 7 + i)).status).toBe(201);
    expect(await mixPool(t.db, t.clock.now, { minBatch: 10 })).toBe(10);
    for (const [i, tok] of tokens.slice(10).entries()) expect((await submit(t, tok, 10 + i)).status).toBe(201);
    expect(await mixPool(t.db, t.clock.now, { minBatch: 10 })).toBe(0);
    expect(((await (await t.request(`/api/waves/${wave.id}/results`)).json()) as { pending: number }).pending).toBe(4);

    // After closing time, reading the results mixes the last, incomplete batch.
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 11 * DAY);
    try {
      await t.renewSessions();
      const closed = (await (await t.request(`/api/waves/${wave.id}/results`)).json()) as { pending: number; wave: { status: string } };
      expect(closed).toMatchObject({ pending: 0, wave: { status: "gesloten" } });
    } finally {
      t.clock.now = saved;
      await t.renewSessions();
    }
    const seen = await markers(wave.id);
    expect(seen.length).toBe(14);
    expect(seen.every((s) => s.n === 1)).toBe(true);
    await expectCountsExact(wave.id);
  });

  it("moves every payload exactly once when several mixers run at the same time", async () => {
    const wave = await openWave(t, "KTO pool parallel mixers");
    const tokens = await invite(wave.id, 30);
    for (const [i, tok] of tokens.entries()) expect((await submit(t, tok, i)).status).toBe(201);
    const moved = await Promise.all(Array.from({ length: 6 }, () => mixPool(t.db, t.clock.now, { minBatch: 1, waveId: wave.id })));
    expect(moved.reduce((a, b) => a + b, 0)).toBe(30);
    const seen = await markers(wave.id);
    expect(seen.length).toBe(30);
    expect(seen.every((s) => s.n === 1)).toBe(true);
    expect(rows(await t.db.execute(sql`select id from response_pool where wave_id = ${wave.id}`))).toEqual([]);
    await expectCountsExact(wave.id);
  });

  it("takes 200 parallel submissions with mixing in the background after each, and stores each once", async () => {
    const wave = await openWave(t, "KTO pool parallel submissions");
    const tokens = await invite(wave.id, 200);
    const tasks: Promise<unknown>[] = [];
    // The app as the Node entry wires it: mixing runs after the answer has gone out.
    const app = createApp({
      db: t.db,
      config: {
        publicUrl: "http://test.local",
        now: () => t.clock.now,
        version: "test",
        poolMinBatch: 10,
        clientIp: () => "192.0.2.1",
        background: (task) => {
          tasks.push(task());
        },
      },
    });
    const request = (path: string, init: RequestInit & { json?: unknown; as?: string }) =>
      app.request(path, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), "content-type": "application/json" },
        body: JSON.stringify(init.json),
      });
    const statuses = await Promise.all(tokens.map((tok, i) => submit({ request }, tok, i).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    await Promise.all(tasks);
    expect(tasks.length).toBe(200);
    const pending = Number(
      rows<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from response_pool where wave_id = ${wave.id}`))[0].n,
    );
    expect(pending).toBeLessThan(10); // whatever did not make a full batch yet
    await mixPool(t.db, new Date(t.clock.now.getTime() + 11 * DAY), { waveId: wave.id });
    const seen = await markers(wave.id);
    expect(seen.length).toBe(200);
    expect(seen.every((s) => s.n === 1)).toBe(true);
    await expectCountsExact(wave.id);
  });
});

/** A second, larger connection pool to the same test database (PostgreSQL only). */
async function widerPool(max: number) {
  if (process.env.KS_TEST_DB !== "postgres") return null;
  const [{ name }] = rows<{ name: string }>(await t.db.execute(sql`select current_database() as name`));
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return connectPostgres(url.toString(), { max });
}

describe("results counters under concurrency (issue 13)", () => {
  it("200 parallel submissions from one group to a named wave: no deadlock, no failure, exact counts", async () => {
    const wave = await openWave(t, "KTO op naam parallel", false);
    const tokens = await invite(wave.id, 200);
    const before = await count(t.db, "responses");
    // On PostgreSQL, 20 connections so that 20 transactions really interleave (the test pool has 4).
    const wide = await widerPool(20);
    const app = wide
      ? createApp({
          db: wide.db,
          config: { publicUrl: "http://test.local", now: () => t.clock.now, version: "test", clientIp: () => "192.0.2.1" },
        })
      : null;
    const request = app
      ? (path: string, init: RequestInit & { json?: unknown }) =>
          app.request(path, {
            ...init,
            headers: { ...(init.headers as Record<string, string>), "content-type": "application/json" },
            body: JSON.stringify(init.json),
          })
      : t.request;
    const statuses = await Promise.all(tokens.map((tok, i) => submit({ request }, tok, i).then((r) => r.status))).finally(() =>
      wide?.close(),
    );
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect(await count(t.db, "responses")).toBe(before + 200);
    const [{ n }] = rows<{ n: number }>(
      await t.db.execute(sql`select sum(n)::int as n from answer_counts
      where wave_id = ${wave.id} and kind = 'question' and item = 'cijfer'`),
    );
    expect(Number(n)).toBe(200);
    await expectCountsExact(wave.id);
  });

  // PGlite runs one transaction at a time, so two cannot deadlock there.
  it.skipIf(process.env.KS_TEST_DB !== "postgres")("runs a deadlock victim's transaction again instead of failing", async () => {
    const { retryTransaction, sqlState } = await import("../../api/lib/retry.ts");
    const wide = (await widerPool(2))!;
    const errors: string[] = [];
    let arrived = 0;
    // Both first attempts hold their first lock before either asks for its second; a retry does not wait.
    const barrier = async () => {
      arrived++;
      while (arrived < 2) await new Promise((r) => setTimeout(r, 5));
    };
    // Two transactions lock the same two rows in opposite order: PostgreSQL aborts one with 40P01.
    const run = (first: string, second: string) =>
      retryTransaction(() =>
        wide.db
          .transaction(async (tx) => {
            await tx.execute(sql`select id from branches where id = ${first} for update`);
            await barrier();
            await tx.execute(sql`select id from branches where id = ${second} for update`);
          })
          .catch((e) => {
            errors.push(sqlState(e) ?? "?");
            throw e;
          }),
      );
    try {
      await Promise.all([run("alkmaar", "den-helder"), run("den-helder", "alkmaar")]);
    } finally {
      await wide.close();
    }
    // Both completed (Promise.all resolved); at least one was a deadlock victim first. Under load
    // both backends' deadlock checks can fire before the first victim has gone, so count >= 1.
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.every((e) => e === "40P01")).toBe(true);
  });
});
