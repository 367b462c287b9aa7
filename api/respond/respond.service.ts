import { eq } from "drizzle-orm";
import { format } from "date-fns";
import type { Db } from "../../db/types.ts";
import { answers, invitations, openAnswers, questionnaires, responses, waves } from "../../db/schema.ts";
import { countResponse } from "../waves/answer-counts.ts";
import { ApiError } from "../lib/errors.ts";
import { canonicalJson, randomToken, sha256Hex } from "../lib/crypto.ts";
import { waveStatus } from "../waves/waves.service.ts";
import { validateAnswers } from "../domain/survey/validate.ts";
import { listQuestions } from "../domain/survey/definition.ts";
import { respondentDefinition } from "../domain/survey/not-applicable.ts";
import { appendAudit } from "../audit/audit.service.ts";

type Answers = Record<string, unknown>;

async function findInvitation(db: Db, token: string) {
  const [row] = await db.select({ invitation: invitations, wave: waves, definition: questionnaires.definition })
    .from(invitations)
    .innerJoin(waves, eq(waves.id, invitations.waveId))
    .innerJoin(questionnaires, eq(questionnaires.id, waves.questionnaireId))
    .where(eq(invitations.tokenHash, sha256Hex(token)));
  if (!row) throw new ApiError(404, "unknown_token", "Deze link is niet (meer) geldig.");
  return row;
}

function assertOpen(row: Awaited<ReturnType<typeof findInvitation>>, now: Date) {
  if (row.invitation.submittedAt) {
    throw new ApiError(409, "already_submitted", "U heeft deze vragenlijst al ingevuld. Dank u wel!");
  }
  const status = waveStatus(row.wave, now);
  if (status === "gepland") throw new ApiError(403, "wave_not_open", "Deze meting is nog niet geopend.");
  if (status === "gepauzeerd") throw new ApiError(403, "wave_paused", "Deze meting is tijdelijk gepauzeerd; probeer het later opnieuw.");
  if (status === "gesloten") throw new ApiError(410, "wave_closed", "Deze meting is gesloten; invullen kan niet meer.");
}

function rejectInvalid(definition: unknown, data: Answers, mode: "progress" | "submit") {
  const errors = validateAnswers(definition, data, mode);
  if (errors.length) {
    throw new ApiError(422, "invalid_answers", `Antwoord op '${errors[0].question}' is ongeldig: ${errors[0].message}`,
      errors.map((e) => ({ ...e })));
  }
}

export async function getSurveyByToken(db: Db, token: string, now: Date) {
  const row = await findInvitation(db, token);
  assertOpen(row, now);
  // Fieldwork monitor: the first time the link was opened.
  if (!row.invitation.openedAt) await db.update(invitations).set({ openedAt: now }).where(eq(invitations.id, row.invitation.id));
  return {
    wave: { name: row.wave.name, closesAt: row.wave.closesAt.toISOString(), anonymous: row.wave.anonymous },
    organisation: row.invitation.organisation,
    definition: respondentDefinition(row.definition as Record<string, unknown>),
    data: (row.invitation.progress ?? {}) as Answers,
  };
}

export async function saveProgress(db: Db, token: string, data: Answers, now: Date) {
  const row = await findInvitation(db, token);
  assertOpen(row, now);
  rejectInvalid(row.definition, data, "progress");
  await db.update(invitations).set({ progress: data, progressSavedAt: now, startedAt: row.invitation.startedAt ?? now })
    .where(eq(invitations.id, row.invitation.id));
  return { savedAt: now.toISOString() };
}

/**
 * Stores a response exactly once. The invitation row is locked, so two concurrent
 * submissions serialise; a retry with the same Idempotency-Key or the same data gets
 * the original receipt back instead of a second response.
 */
export async function submitResponse(db: Db, token: string, data: Answers, idempotencyKey: string | undefined, now: Date) {
  const first = await findInvitation(db, token);
  const keyHash = idempotencyKey ? sha256Hex(idempotencyKey) : null;
  const dataHash = sha256Hex(canonicalJson(data));
  return db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invitations).where(eq(invitations.id, first.invitation.id)).for("update");
    if (inv.submittedAt) {
      const replay = (keyHash && keyHash === inv.submissionKeyHash) || dataHash === inv.submissionDataHash;
      if (replay) return { receipt: inv.receipt!, submittedAt: inv.submittedAt.toISOString(), replayed: true };
    }
    assertOpen({ ...first, invitation: inv }, now);
    rejectInvalid(first.definition, data, "submit");
    const receipt = randomToken(10);
    const [response] = await tx.insert(responses).values({
      waveId: inv.waveId,
      invitationId: first.wave.anonymous ? null : inv.id,
      organisation: first.wave.anonymous ? null : inv.organisation,
      organisationType: inv.organisationType, municipalityId: inv.municipalityId, branchId: inv.branchId,
      data, submittedOn: format(now, "yyyy-MM-dd"),
    }).returning({ id: responses.id });
    await insertAnswerRows(tx as unknown as Db, response.id, inv, first.definition, data);
    await tx.update(invitations).set({
      submittedAt: now, submissionKeyHash: keyHash, submissionDataHash: dataHash, receipt, progress: null,
    }).where(eq(invitations.id, inv.id));
    // Anonymous waves: the trail records that a response arrived, not which one or from whom.
    await appendAudit(tx as unknown as Db, {
      actor: "partner (persoonlijke link)", ip: null, action: "create", entity: "response",
      entityId: first.wave.anonymous ? null : response.id, after: { wave: first.wave.name },
    }, now);
    return { receipt, submittedAt: now.toISOString(), replayed: false };
  });
}

type Respondent = Pick<typeof invitations.$inferSelect, "waveId" | "organisationType" | "branchId" | "municipalityId">;

/** Splits a response into indexed rows: scored answers and open answers. */
export function answerRows(responseId: string, who: Respondent, definition: unknown, data: Answers) {
  const scored = [];
  const open = [];
  for (const q of listQuestions(definition)) {
    const value = data[q.name];
    if (q.type === "rating" && q.dimension && typeof value === "number") {
      scored.push({ responseId, waveId: who.waveId, question: q.name, dimension: q.dimension, value,
        organisationType: who.organisationType, branchId: who.branchId, municipalityId: who.municipalityId });
    } else if ((q.type === "comment" || q.type === "text") && typeof value === "string" && value.trim()) {
      open.push({ responseId, waveId: who.waveId, question: q.name, dimension: q.dimension ?? null, text: value.trim(),
        organisationType: who.organisationType, branchId: who.branchId });
    }
  }
  return { scored, open };
}

export async function insertAnswerRows(db: Db, responseId: string, who: Respondent, definition: unknown, data: Answers) {
  const { scored, open } = answerRows(responseId, who, definition, data);
  if (scored.length) await db.insert(answers).values(scored);
  if (open.length) await db.insert(openAnswers).values(open);
  if (scored.length) await countResponse(db, responseId);
}
