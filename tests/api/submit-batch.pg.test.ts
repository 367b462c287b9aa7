import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { openWave, inviteTokens } from "../helpers/waves.ts";
import { count, testApp } from "../helpers/app.ts";
import type { Db } from "../../db/types.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { rows } from "../../db/migrate.ts";
import { type Invitation, answers, invitations, questionnaires } from "../../db/schema.ts";
import { sha256Hex } from "../../api/lib/crypto.ts";
import { sqlState } from "../../api/lib/retry.ts";
import { verifyAuditChain } from "../../api/audit/audit.service.ts";
import { mixPool } from "../../api/respond/pool.service.ts";
import { countResponses, rebuildAnswerCounts } from "../../api/waves/answer-counts.ts";
import { submitBatches } from "../../api/respond/submit-batch.ts";
import { lookupInvitation } from "../../api/respond/invitation-lookup.ts";

/**
 * Group commit of submissions (api/respond/submit-batch.ts, api/lib/group-commit.ts): parallel
 * submissions are claimed and stored in batches, on PGlite and PostgreSQL. Every link is still
 * used once, every request gets its own verdict, one failing claim does not fail its batch,
 * the counts match a recount and the audit chain verifies.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

const invite = (waveId: string, n: number) =>
  inviteTokens(t.request, waveId, Array(n).fill({ organisation: "Woonwaard", organisationType: "wonen" }));

const answersFor = (i: number) => ({ ...COMPLETE, cijfer: 1 + (i % 10), bek_weten: 1 + (i % 5), goed: `inzending ${i}` });

async function expectCountsExact(waveId: string) {
  const snap = async () =>
    rows<Record<string, unknown>>(
      await t.db.execute(sql`select kind, item, value::text, organisation_type, branch_id, municipality_id, n
        from answer_counts where wave_id = ${waveId} order by 1, 2, 3, 4, 5, 6`),
    );
  const kept = await snap();
  expect(kept.length).toBeGreaterThan(0);
  await rebuildAnswerCounts(t.db, waveId);
  expect(kept).toEqual(await snap());
}

/** Every link submitted twice at once (different keys and answers): 2 × n requests in parallel. */
async function submitEachTwice(tokens: string[]) {
  const submit = (token: string, i: number, attempt: number) =>
    t.request(`/api/s/${token}/response`, {
      method: "POST",
      as: "anonymous",
      headers: { "idempotency-key": `sleutel-${i}-${attempt}` },
      json: { data: answersFor(i + attempt) },
    });
  const requests = tokens.flatMap((token, i) => [submit(token, i, 0), submit(token, i, 1)]);
  const statuses = (await Promise.all(requests)).map((r) => r.status);
  for (let i = 0; i < tokens.length; i++) expect([statuses[2 * i], statuses[2 * i + 1]].sort()).toEqual([201, 409]);
}

describe("submissions written in batches", () => {
  it("named wave: each link once, one trail entry per response, counts exact, the chain verifies, and batches did form", async () => {
    const wave = await openWave(t, "Op naam, in groepen", false);
    const tokens = await invite(wave.id, 40);
    const entries = await count(t.db, "audit_log");
    await submitEachTwice(tokens);
    const [r] = rows<{ responses: number; xids: number; trail: number; used: number }>(
      await t.db.execute(sql`select (select count(*)::int from responses where wave_id = ${wave.id}) as responses,
        (select count(distinct xmin::text)::int from responses where wave_id = ${wave.id}) as xids,
        (select count(*)::int from audit_log where entity = 'response') as trail,
        (select count(*)::int from invitations where wave_id = ${wave.id} and submitted_at is not null) as used`),
    );
    expect(r.responses).toBe(40);
    expect(r.used).toBe(40);
    expect(r.trail).toBe(40);
    expect(await count(t.db, "audit_log")).toBe(entries + 40);
    // Responses written in one transaction share its id: fewer transactions than responses means batches.
    expect(r.xids).toBeLessThan(40);
    await expectCountsExact(wave.id);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, breaks: [] });
  });

  it("anonymous wave: each link once, every payload parked once, counts exact after mixing", async () => {
    const wave = await openWave(t, "Anoniem, in groepen", true);
    const tokens = await invite(wave.id, 40);
    await submitEachTwice(tokens);
    const [r] = rows<{ pooled: number; xids: number }>(
      await t.db.execute(sql`select count(*)::int as pooled, count(distinct xmin::text)::int as xids
        from response_pool where wave_id = ${wave.id}`),
    );
    expect(r.pooled).toBe(40);
    expect(r.xids).toBeLessThan(40);
    expect(await mixPool(t.db, t.clock.now, { minBatch: 1, waveId: wave.id })).toBe(40);
    const marks = rows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from responses where wave_id = ${wave.id} group by data->>'goed'`),
    );
    expect(marks.reduce((a, m) => a + Number(m.n), 0)).toBe(40);
    await expectCountsExact(wave.id);
  });

  it("counts the answer rows it is handed, without reading them back from answers", async () => {
    // The batches count what they insert (answer-counts.ts): reading `answers` back was a scan of
    // the whole table. Handed one row that is not in `answers`, exactly that row is counted.
    const wave = await openWave(t, "Op naam, tellen uit de parameter", false);
    const [token] = await invite(wave.id, 1);
    expect((await t.request(`/api/s/${token}/response`, { method: "POST", as: "anonymous", json: { data: answersFor(0) } })).status).toBe(
      201,
    );
    const [stored] = await t.db.select().from(answers).where(eq(answers.waveId, wave.id)).limit(1);
    const questionCounts = async (db: Db) =>
      rows<{ n: number }>(
        await db.execute(sql`select coalesce(sum(n), 0)::int as n from answer_counts where wave_id = ${wave.id} and kind = 'question'`),
      )[0].n;
    const before = await questionCounts(t.db);
    expect(before).toBeGreaterThan(1);
    const rollback = new Error("rollback");
    await expect(
      t.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        await countResponses(db, [stored.responseId], { answers: [{ ...stored, question: "alleen_in_de_parameter" }] });
        expect(await questionCounts(db)).toBe(before + 1);
        const [row] = rows<{ n: number }>(
          await db.execute(sql`select n from answer_counts where wave_id = ${wave.id} and item = 'alleen_in_de_parameter'`),
        );
        expect(row?.n).toBe(1);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await questionCounts(t.db)).toBe(before);
  });

  it("a claim that fails inside a batch fails alone: the others are stored, its link stays unused", async () => {
    const wave = await openWave(t, "Op naam, een mislukte in de groep", false);
    const tokens = await invite(wave.id, 12);
    const invs = await t.db
      .select()
      .from(invitations)
      .where(
        inArray(
          invitations.tokenHash,
          tokens.map((tok) => sha256Hex(tok)),
        ),
      );
    const [{ definition }] = await t.db
      .select({ definition: questionnaires.definition })
      .from(questionnaires)
      .where(eq(questionnaires.id, t.questionnaireId));
    const claimOf = (invitation: Invitation, i: number) => ({
      invitation,
      waveName: wave.name,
      definition,
      keyHash: null,
      dataHash: sha256Hex(`data ${i}`),
      receipt: `ontvangst-${i}`,
      data: answersFor(i),
      now: t.clock.now,
    });
    const entries = await count(t.db, "audit_log");
    const batches = submitBatches(t.db);
    // The two first go out at once (two writes in flight); the other ten wait and form one batch
    // with the broken claim in the middle: its response names a wave that does not exist (23503).
    const claims = invs.map((invitation, i) =>
      batches.named.submit(claimOf(i === 6 ? { ...invitation, waveId: crypto.randomUUID() } : invitation, i)),
    );
    const out = await Promise.allSettled(claims);
    expect(out.map((o) => o.status)).toEqual(invs.map((_, i) => (i === 6 ? "rejected" : "fulfilled")));
    expect(sqlState((out[6] as PromiseRejectedResult).reason)).toBe("23503");
    expect(out.filter((o) => o.status === "fulfilled").every((o) => o.value === true)).toBe(true);
    const used = await t.db.select().from(invitations).where(eq(invitations.waveId, wave.id));
    expect(
      used
        .filter((u) => u.submittedAt)
        .map((u) => u.id)
        .sort(),
    ).toEqual(
      invs
        .filter((_, i) => i !== 6)
        .map((u) => u.id)
        .sort(),
    );
    expect(await count(t.db, "audit_log")).toBe(entries + 11);
    await expectCountsExact(wave.id);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    // A second claim of a stored link in a later batch is told it was already used, and changes nothing.
    expect(await batches.named.submit({ ...claimOf(invs[0], 99), receipt: "nog-een" })).toBe(false);
    expect(await count(t.db, "audit_log")).toBe(entries + 11);
  });

  it("keeps a questionnaire's definition per version, and reads it again once the row has changed", async () => {
    const wave = await openWave(t, "Definitie per versie", false);
    const [token] = await invite(wave.id, 1);
    const first = await lookupInvitation(t.db, sha256Hex(token));
    expect(first?.invitation.waveId).toBe(wave.id);
    expect(Object.isFrozen(first!.definition)).toBe(true);
    expect((await lookupInvitation(t.db, sha256Hex(token)))!.definition).toBe(first!.definition);
    const original = first!.definition as Record<string, unknown>;
    await t.db
      .update(questionnaires)
      .set({ definition: { ...original, title: "Gewijzigd" } })
      .where(eq(questionnaires.id, t.questionnaireId));
    try {
      expect((await lookupInvitation(t.db, sha256Hex(token)))!.definition).toMatchObject({ title: "Gewijzigd" });
    } finally {
      await t.db.update(questionnaires).set({ definition: original }).where(eq(questionnaires.id, t.questionnaireId));
    }
    expect(await lookupInvitation(t.db, sha256Hex("geen bestaande link"))).toBeNull();
  });
});
