import type { Db } from "../../db/types.ts";
import type { invitations } from "../../db/schema.ts";
import { countResponse } from "../waves/answer-counts.ts";
import { listQuestions } from "../domain/survey/definition.ts";
import { insertAnswers, insertOpenAnswers } from "./row-inserts.ts";

type Answers = Record<string, unknown>;

type Respondent = Pick<typeof invitations.$inferSelect, "waveId" | "organisationType" | "branchId" | "municipalityId">;

/** Splits a response into indexed rows: scored answers and open answers. */
export function answerRows(responseId: string, who: Respondent, definition: unknown, data: Answers) {
  const scored = [];
  const open = [];
  for (const q of listQuestions(definition)) {
    const value = data[q.name];
    if (q.type === "rating" && q.dimension && typeof value === "number") {
      scored.push({
        responseId,
        waveId: who.waveId,
        question: q.name,
        dimension: q.dimension,
        value,
        organisationType: who.organisationType,
        branchId: who.branchId,
        municipalityId: who.municipalityId,
      });
    } else if ((q.type === "comment" || q.type === "text") && typeof value === "string" && value.trim()) {
      open.push({
        responseId,
        waveId: who.waveId,
        question: q.name,
        dimension: q.dimension ?? null,
        text: value.trim(),
        organisationType: who.organisationType,
        branchId: who.branchId,
      });
    }
  }
  return { scored, open };
}

export async function insertAnswerRows(db: Db, responseId: string, who: Respondent, definition: unknown, data: Answers) {
  const { scored, open } = answerRows(responseId, who, definition, data);
  if (scored.length) await insertAnswers(db, scored);
  if (open.length) await insertOpenAnswers(db, open);
  // Always, not only with scored answers: the counts also hold which questions were answered n.v.t.
  await countResponse(db, responseId);
}
