import { refuseAnswers } from "./refuse-answers.ts";
import { and, eq, isNull, sql } from "drizzle-orm";
import { format } from "date-fns";
import type { Db } from "../../db/types.ts";
import { answers, invitations, openAnswers, questionnaires, responses, waves } from "../../db/schema.ts";
import { rows } from "../../db/migrate.ts";
import { countResponse } from "../waves/answer-counts.ts";
import { ApiError } from "../lib/errors.ts";
import { canonicalJson, randomToken, sha256Hex } from "../lib/crypto.ts";
import { waveStatus } from "../waves/waves.service.ts";
import { validateAnswers } from "../domain/survey/validate.ts";
import type { z } from "@hono/zod-openapi";
import type { SurveyAnswersSchema, SurveyDefinitionSchema } from "../lib/json-schemas.ts";
import { respondentDefinition } from "../domain/survey/not-applicable.ts";
import { appendAudit } from "../audit/audit.service.ts";
import { retryTransaction } from "../lib/retry.ts";
import { answerRows } from "./answer-rows.ts";

export { answerRows, insertAnswerRows } from "./answer-rows.ts";

type Answers = Record<string, unknown>;

async function findInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, wave: waves, definition: questionnaires.definition })
    .from(invitations)
    .innerJoin(waves, eq(waves.id, invitations.waveId))
    .innerJoin(questionnaires, eq(questionnaires.id, waves.questionnaireId))
    .where(eq(invitations.tokenHash, sha256Hex(token)));
  if (!row) throw new ApiError(404, "unknown_token");
  return row;
}

function assertOpen(row: Awaited<ReturnType<typeof findInvitation>>, now: Date) {
  if (row.invitation.submittedAt) {
    throw new ApiError(409, "already_submitted");
  }
  const status = waveStatus(row.wave, now);
  if (status === "gepland") throw new ApiError(403, "wave_not_open");
  if (status === "gepauzeerd") throw new ApiError(403, "wave_paused");
  if (status === "gesloten") throw new ApiError(410, "wave_closed");
}

function rejectInvalid(definition: unknown, data: Answers, mode: "progress" | "submit") {
  const errors = validateAnswers(definition, data, mode);
  if (errors.length) refuseAnswers(errors);
}

export async function getSurveyByToken(db: Db, token: string, now: Date) {
  const row = await findInvitation(db, token);
  assertOpen(row, now);
  // Fieldwork monitor: the first time the link was opened.
  if (!row.invitation.openedAt) await db.update(invitations).set({ openedAt: now }).where(eq(invitations.id, row.invitation.id));
  return {
    wave: { name: row.wave.name, closesAt: row.wave.closesAt.toISOString(), anonymous: row.wave.anonymous },
    organisation: row.invitation.organisation,
    // The questionnaire's stored SurveyJS JSON, as the respondent sees it (n.v.t. added), and the answers saved through AnswersBody.
    definition: respondentDefinition(row.definition as z.infer<typeof SurveyDefinitionSchema>),
    data: (row.invitation.progress ?? {}) as z.infer<typeof SurveyAnswersSchema>,
  };
}

export async function saveProgress(db: Db, token: string, data: Answers, now: Date) {
  const row = await findInvitation(db, token);
  assertOpen(row, now);
  rejectInvalid(row.definition, data, "progress");
  await db
    .update(invitations)
    .set({ progress: data, progressSavedAt: now, startedAt: row.invitation.startedAt ?? now })
    .where(eq(invitations.id, row.invitation.id));
  return { savedAt: now.toISOString() };
}

/** Midnight UTC of the day: all an anonymous invitation keeps of when it was used. */
function dayOf(now: Date) {
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
}

export interface Receipt {
  receipt: string;
  submittedAt: string;
  replayed: boolean;
  pooled: boolean;
}

/**
 * Stores a response exactly once. The invitation is claimed by one conditional UPDATE
 * (`where submitted_at is null`): of two concurrent submissions the second waits for the
 * first's row lock, then finds the row submitted and claims nothing; a retry with the same
 * Idempotency-Key (or, for a named wave, the same data) gets the original receipt back
 * instead of a second response.
 *
 * Everything that can refuse the submission without writing (link, wave status, answers) is
 * checked before any write, on the one read of the invitation; the writes then go out in as
 * few round trips as possible (postgres.js pipelines the statements of a Promise.all on the
 * transaction's connection), because under load each round trip also waits for this
 * process's event loop while the transaction holds its locks.
 *
 * Named waves write the response at once, linked to the invitation. Anonymous waves park
 * the payload in the pool (pool.service.ts) in the same statement that marks the
 * invitation used: acknowledged means stored, yet the invitation keeps only the day, the
 * hash of the Idempotency-Key and a random receipt, nothing derived from the answers, and
 * no trail entry is written per submission.
 */
export async function submitResponse(
  db: Db,
  token: string,
  data: Answers,
  idempotencyKey: string | undefined,
  now: Date,
): Promise<Receipt> {
  const first = await findInvitation(db, token);
  const anonymous = first.wave.anonymous;
  const keyHash = idempotencyKey ? sha256Hex(idempotencyKey) : null;
  // Named waves also recognise a retry without a key by its data; for an anonymous wave a hash
  // of the answers would let anyone with SQL access find the response, so it is not kept.
  const dataHash = anonymous ? null : sha256Hex(canonicalJson(data));
  const replayOrRefuse = (inv: typeof first.invitation): Receipt => {
    const replay = (keyHash !== null && keyHash === inv.submissionKeyHash) || (dataHash !== null && dataHash === inv.submissionDataHash);
    if (replay && inv.submittedAt)
      return { receipt: inv.receipt!, submittedAt: inv.submittedAt.toISOString(), replayed: true, pooled: anonymous };
    assertOpen({ ...first, invitation: inv }, now);
    throw new Error("unreachable: an unclaimed invitation that is not open");
  };
  if (first.invitation.submittedAt) return replayOrRefuse(first.invitation);
  assertOpen(first, now);
  rejectInvalid(first.definition, data, "submit");
  const receipt = randomToken(10);
  const claimed = anonymous
    ? await claimAnonymous(db, first.invitation.id, { keyHash, receipt, day: dayOf(now), data })
    : await retryTransaction(() => storeNamed(db, first, { keyHash, dataHash, receipt, data }, now));
  if (!claimed) {
    // Someone submitted between the read and the claim: the same retry, or a second submission.
    const [inv] = await db.select().from(invitations).where(eq(invitations.id, first.invitation.id));
    return replayOrRefuse(inv);
  }
  return { receipt, submittedAt: (anonymous ? dayOf(now) : now).toISOString(), replayed: false, pooled: anonymous };
}

/**
 * Anonymous wave: marks the invitation used and parks the payload (answers and the group
 * fields of the invitation, nothing else) in one statement, so one round trip. False when
 * the invitation was already used.
 */
async function claimAnonymous(db: Db, invitationId: string, s: { keyHash: string | null; receipt: string; day: Date; data: Answers }) {
  const result = await db.execute(sql`
    with claimed as (
      update invitations
         set submitted_at = ${s.day.toISOString()}::timestamptz, submission_key_hash = ${s.keyHash}, submission_data_hash = null,
             receipt = ${s.receipt}, progress = null, progress_saved_at = null
       where id = ${invitationId}::uuid and submitted_at is null
       returning wave_id, organisation_type, municipality_id, branch_id)
    insert into response_pool (wave_id, payload)
      select wave_id, jsonb_build_object('data', ${JSON.stringify(s.data)}::jsonb, 'organisationType', organisation_type,
                                         'municipalityId', municipality_id, 'branchId', branch_id)
        from claimed
      returning 1 as ok`);
  return rows(result).length === 1;
}

class AlreadyClaimed extends Error {}

/**
 * Named wave: claim, response, answer rows (one pipeline), then the answer counts and the
 * trail entry (a second pipeline; the counts rows and the chain lock are what concurrent
 * submissions queue for, so they come last and are held for one round trip). Null when the
 * invitation was already used (the transaction is rolled back).
 */
async function storeNamed(
  db: Db,
  first: Awaited<ReturnType<typeof findInvitation>>,
  s: { keyHash: string | null; dataHash: string | null; receipt: string; data: Answers },
  now: Date,
) {
  const inv = first.invitation;
  const responseId = crypto.randomUUID();
  const { scored, open } = answerRows(responseId, inv, first.definition, s.data);
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const [claim] = await Promise.all([
        t
          .update(invitations)
          .set({ submittedAt: now, submissionKeyHash: s.keyHash, submissionDataHash: s.dataHash, receipt: s.receipt, progress: null })
          .where(and(eq(invitations.id, inv.id), isNull(invitations.submittedAt)))
          .returning({ id: invitations.id }),
        t.insert(responses).values({
          id: responseId,
          waveId: inv.waveId,
          invitationId: inv.id,
          organisation: inv.organisation,
          organisationType: inv.organisationType,
          municipalityId: inv.municipalityId,
          branchId: inv.branchId,
          data: s.data,
          submittedOn: format(now, "yyyy-MM-dd"),
        }),
        scored.length ? t.insert(answers).values(scored) : undefined,
        open.length ? t.insert(openAnswers).values(open) : undefined,
      ]);
      if (!claim.length) throw new AlreadyClaimed();
      await Promise.all([
        countResponse(t, responseId), // also without scored answers: it counts the n.v.t. answers too
        appendAudit(
          t,
          {
            actor: "partner (persoonlijke link)",
            ip: null,
            action: "create",
            entity: "response",
            entityId: responseId,
            after: { wave: first.wave.name },
          },
          now,
        ),
      ]);
      return true;
    });
  } catch (e) {
    if (e instanceof AlreadyClaimed) return false;
    throw e;
  }
}
