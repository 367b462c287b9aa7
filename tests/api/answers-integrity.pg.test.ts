import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { answers, openAnswers, responses, waves } from "../../db/schema.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import type { Database } from "../../db/client.node.ts";
import { testDatabase } from "../helpers/db.ts";
import { rows } from "../../db/migrate.ts";

/**
 * An answer row names its response and that response's wave in one foreign key
 * (migration 0014): the wave cannot differ from the response's, a response cannot move to
 * another wave while it has answers, and deleting a response deletes its answers.
 */
let database: Database;
let waveA: string;
let waveB: string;

beforeAll(async () => {
  database = await testDatabase();
  const db = database.db;
  await seedReference(db);
  const questionnaireId = await ensureDefaultQuestionnaire(db);
  const wave = async (name: string) =>
    (
      await db
        .insert(waves)
        .values({ name, questionnaireId, anonymous: false, opensAt: new Date("2026-01-01"), closesAt: new Date("2026-02-01") })
        .returning()
    )[0].id;
  waveA = await wave("Meting A");
  waveB = await wave("Meting B");
});
afterAll(async () => {
  await database.close();
});

async function response(waveId: string) {
  const [r] = await database.db
    .insert(responses)
    .values({ waveId, organisationType: "gemeente", data: { t1: 4 }, submittedOn: "2026-01-10" })
    .returning();
  return r.id;
}

const answer = (responseId: string, waveId: string) => ({
  responseId,
  waveId,
  question: "t1",
  dimension: "tevredenheid",
  value: 4,
  organisationType: "gemeente" as const,
});

/** The SQLSTATE of a refused statement, as either driver reports it. */
async function refusal(run: () => Promise<unknown>) {
  const e = await run().then(
    () => undefined,
    (err: { code?: string; cause?: { code?: string } }) => err,
  );
  return e?.cause?.code ?? e?.code;
}

describe("answer rows belong to their response's wave", () => {
  it("refuses an answer row whose wave is not its response's wave", async () => {
    const r = await response(waveA);
    expect(await refusal(() => database.db.insert(answers).values(answer(r, waveB)))).toBe("23503");
    expect(await refusal(() => database.db.insert(openAnswers).values({ ...answer(r, waveB), text: "prima" }))).toBe("23503");
    expect(await database.db.select().from(answers).where(eq(answers.responseId, r))).toEqual([]);
  });

  it("refuses to move a response with answers to another wave", async () => {
    const r = await response(waveA);
    await database.db.insert(answers).values(answer(r, waveA));
    expect(await refusal(() => database.db.update(responses).set({ waveId: waveB }).where(eq(responses.id, r)))).toBe("23503");
  });

  it("deletes a response's answers and open answers with it", async () => {
    const r = await response(waveA);
    await database.db.insert(answers).values(answer(r, waveA));
    await database.db.insert(openAnswers).values({ ...answer(r, waveA), question: "beter", text: "meer terugkoppeling" });
    await database.db.delete(responses).where(eq(responses.id, r));
    const left = await database.db.execute(
      sql`select (select count(*) from answers where response_id = ${r}) + (select count(*) from open_answers where response_id = ${r}) as n`,
    );
    expect(Number(rows<{ n: number }>(left)[0].n)).toBe(0);
  });
});
