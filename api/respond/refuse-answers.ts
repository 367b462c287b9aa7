import type { AnswerError } from "../domain/survey/validate.ts";
import { ApiError } from "../lib/errors.ts";

/**
 * 422 naming the first refused answer, with its reason as a catalog text inside the message (so
 * an English reader gets it in English too); every refusal is in the details, each with its code.
 */
export function refuseAnswers(errors: AnswerError[]): never {
  const [first] = errors;
  const problem = { code: first.code, ...(first.params ? { params: first.params } : {}) };
  throw new ApiError(
    422,
    "invalid_answers",
    { question: first.question, problem },
    errors.map((e) => ({ ...e })),
  );
}
