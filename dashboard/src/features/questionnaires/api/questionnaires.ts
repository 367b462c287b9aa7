import type { Item, OperationId, Reply } from "../../../shared/api/contract.ts";
import { useReply } from "../../../shared/api/query.ts";

/** The questionnaire library (api/questionnaires), as the contract types it. */
export type QuestionnaireEntry = Item<Reply<"listQuestionnaires">["questionnaires"]>;
export type VersionSummary = Item<QuestionnaireEntry["versions"]>;
export type Version = Reply<"getQuestionnaireVersion">["questionnaire"];
export type Definition = Version["definition"];

/** What a change to a questionnaire alters. */
export const QUESTIONNAIRE_CHANGES = [
  "listQuestionnaires",
  "getQuestionnaireVersion",
  "previewQuestionnaire",
] as const satisfies readonly OperationId[];

export function useQuestionnaires() {
  const res = useReply("listQuestionnaires", "/questionnaires");
  return { ...res, list: res.data?.questionnaires ?? [] };
}

export function useVersion(id: string | null) {
  const res = useReply("getQuestionnaireVersion", id ? `/questionnaires/${id}` : null);
  return { ...res, version: res.data?.questionnaire };
}
