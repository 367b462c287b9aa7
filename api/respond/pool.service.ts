import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { rows } from "../../db/migrate.ts";
import { questionnaires, responsePool, waves, type Invitation } from "../../db/schema.ts";
import { appendAudit } from "../audit/audit.service.ts";
import { countResponses } from "../waves/answer-counts.ts";
import { retryTransaction } from "../lib/retry.ts";
import { answerRows } from "./answer-rows.ts";
import { randomBytes } from "../lib/crypto.ts";
import { insertAnswers, insertOpenAnswers, insertResponses } from "./row-inserts.ts";

/**
 * The anonymity pool. A submission to an anonymous wave is acknowledged once its payload is
 * parked here, in the transaction that marks the invitation used; the pool row carries no
 * invitation reference and no time. The mixer later moves whole batches into `responses`
 * in random order, in one transaction that also deletes them from the pool, so that every
 * response of a batch shares one transaction id and no order or time ties it to an
 * invitation. See docs/privacy.md for what remains.
 */

/** Smallest batch that is mixed while a wave is open; at close, whatever is left is mixed. */
export const DEFAULT_MIN_BATCH = 10;

export interface PoolPayload {
  data: Record<string, unknown>;
  organisationType: Invitation["organisationType"];
  municipalityId: string | null;
  branchId: string | null;
}

/** Parks one anonymous submission; call inside the transaction that marks the invitation used. */
export async function parkResponse(db: Db, waveId: string, payload: PoolPayload) {
  await db.insert(responsePool).values({ waveId, payload });
}

export async function pendingCount(db: Db, waveId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(responsePool).where(eq(responsePool.waveId, waveId));
  return Number(row?.n ?? 0);
}

export interface MixOptions {
  /** Batch size k for open waves; Infinity mixes closed waves only. */
  minBatch?: number;
  /** Only this wave. */
  waveId?: string;
  /** Uniform in [0, 1); tests pass a seeded one, otherwise the platform's CSPRNG. */
  random?: () => number;
}

function cryptoRandom() {
  return new DataView(randomBytes(4).buffer).getUint32(0) / 2 ** 32;
}

/** A version-4 UUID from the same source as the shuffle, so that a seeded test is repeatable. */
function uuidFrom(random: () => number): string {
  const b = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Fisher–Yates: every order equally likely. */
export function shuffle<T>(items: readonly T[], random: () => number = cryptoRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Mixes every wave whose pool holds at least `minBatch` payloads, and every closed wave
 * with anything pooled. Safe to run concurrently and repeatedly: each run locks the rows it
 * takes (skipping rows another run holds), so no payload is moved twice. Returns how many
 * responses were written.
 */
export async function mixPool(db: Db, now: Date, options: MixOptions = {}): Promise<number> {
  const minBatch = Math.max(1, options.minBatch ?? DEFAULT_MIN_BATCH);
  const candidates = rows<{ wave_id: string; n: number; closes_at: string | Date }>(
    await db.execute(sql`
    select p.wave_id, count(*)::int as n, w.closes_at from response_pool p join waves w on w.id = p.wave_id
      ${options.waveId ? sql`where p.wave_id = ${options.waveId}` : sql``}
      group by p.wave_id, w.closes_at`),
  );
  let moved = 0;
  for (const c of candidates) {
    const closed = now.getTime() >= new Date(c.closes_at).getTime();
    if (!closed && Number(c.n) < minBatch) continue;
    moved += await retryTransaction(() => mixWave(db, c.wave_id, closed ? 1 : minBatch, now, options.random));
  }
  return moved;
}

async function mixWave(db: Db, waveId: string, minBatch: number, now: Date, random?: () => number): Promise<number> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const pooled = await t.select().from(responsePool).where(eq(responsePool.waveId, waveId)).for("update", { skipLocked: true });
    if (pooled.length < minBatch) return 0;
    const [wave] = await t
      .select({ name: waves.name, definition: questionnaires.definition })
      .from(waves)
      .innerJoin(questionnaires, eq(questionnaires.id, waves.questionnaireId))
      .where(eq(waves.id, waveId));
    // The day of mixing, the same for the whole batch: no response carries its own submission time.
    const mixedOn = now.toISOString().slice(0, 10);
    const batch = shuffle(pooled, random).map((p) => {
      const payload = p.payload as PoolPayload;
      return {
        id: random ? uuidFrom(random) : crypto.randomUUID(),
        waveId,
        invitationId: null,
        organisation: null,
        organisationType: payload.organisationType,
        municipalityId: payload.municipalityId,
        branchId: payload.branchId,
        data: payload.data,
        submittedOn: mixedOn,
      };
    });
    const scored = [];
    const open = [];
    for (const r of batch) {
      const split = answerRows(r.id, r, wave.definition, r.data);
      scored.push(...split.scored);
      open.push(...split.open);
    }
    // All rows in one jsonb parameter per table (row-inserts.ts), in the shuffled order.
    await insertResponses(t, batch);
    if (scored.length) await insertAnswers(t, scored);
    if (open.length) await insertOpenAnswers(t, open);
    // The counts from the rows just inserted, not read back (answer-counts.ts). The ids travel
    // as one array parameter, so neither statement grows with the batch (db/client.ts).
    await countResponses(
      t,
      batch.map((r) => r.id),
      { answers: scored },
    );
    const ids = pooled.map((p) => p.id);
    await t.delete(responsePool).where(sql`${responsePool.id} = any(${sql.param(ids)}::uuid[])`);
    // One entry per batch: the trail says how many arrived, never which or when each.
    await appendAudit(
      t,
      {
        actor: "systeem (anonieme verwerking)",
        action: "create",
        entity: "responses",
        entityId: waveId,
        after: { wave: wave.name, responses: batch.length },
      },
      now,
    );
    return batch.length;
  });
}
