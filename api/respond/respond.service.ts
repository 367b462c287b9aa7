import { refuseAnswers } from "./refuse-answers.ts";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { invitations, questionnaires, waves } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { canonicalJson, randomToken, sha256Hex } from "../lib/crypto.ts";
import { waveStatus } from "../waves/waves.service.ts";
import { validateAnswers } from "../domain/survey/validate.ts";
import type { z } from "@hono/zod-openapi";
import type { SurveyAnswersSchema, SurveyDefinitionSchema } from "../lib/json-schemas.ts";
import { respondentDefinition } from "../domain/survey/not-applicable.ts";
import { submitBatches } from "./submit-batch.ts";
import { type InvitationRow, lookupInvitation } from "./invitation-lookup.ts";

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

function assertOpen(row: Pick<InvitationRow, "invitation" | "wave">, now: Date) {
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
  // Only while unsubmitted: a save that lands just after the submission would otherwise put the
  // answers back on the link, which an anonymous submission has just cut loose from them.
  const saved = await db
    .update(invitations)
    .set({ progress: data, progressSavedAt: now, startedAt: row.invitation.startedAt ?? now })
    .where(and(eq(invitations.id, row.invitation.id), isNull(invitations.submittedAt)))
    .returning({ id: invitations.id });
  if (!saved.length) throw new ApiError(409, "already_submitted");
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
 * few round trips as possible, and together with the submissions that arrive while earlier
 * ones are being written (group commit, `submit-batch.ts`): under load each round trip also
 * waits for this process's event loop while the transaction holds its locks, and a named
 * wave's submissions all queue for the same answer-count rows and the audit chain lock.
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
  // Grouped with the lookups of concurrent submissions; the definition is kept per version (invitation-lookup.ts).
  const first = await lookupInvitation(db, sha256Hex(token));
  if (!first) throw new ApiError(404, "unknown_token");
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
  // Claimed and stored together with the submissions that arrive meanwhile (submit-batch.ts).
  const batches = submitBatches(db);
  const claimed = anonymous
    ? await batches.anonymous.submit({ invitationId: first.invitation.id, keyHash, receipt, day: dayOf(now), data })
    : await batches.named.submit({
        invitation: first.invitation,
        waveName: first.wave.name,
        definition: first.definition,
        keyHash,
        dataHash,
        receipt,
        data,
        now,
      });
  if (!claimed) {
    // Someone submitted between the read and the claim: the same retry, or a second submission.
    const [inv] = await db.select().from(invitations).where(eq(invitations.id, first.invitation.id));
    return replayOrRefuse(inv);
  }
  return { receipt, submittedAt: (anonymous ? dayOf(now) : now).toISOString(), replayed: false, pooled: anonymous };
}
