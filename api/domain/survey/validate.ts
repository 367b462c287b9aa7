import { Model } from "survey-core";
import { listQuestions, type QuestionSpec } from "./definition.ts";
import { NOT_APPLICABLE, respondentDefinition } from "./not-applicable.ts";

export interface AnswerError { question: string; reason: string; message: string }

/**
 * Checks answers against the definition. Progress may be partial; a submission must
 * also satisfy survey-core's own rules (required, validators), run here in the server
 * because the browser's checks can be bypassed.
 */
export function validateAnswers(definition: unknown, data: Record<string, unknown>, mode: "progress" | "submit"): AnswerError[] {
  const specs = new Map(listQuestions(definition).map((q) => [q.name, q]));
  const errors: AnswerError[] = [];
  for (const [name, value] of Object.entries(data)) {
    const spec = specs.get(name);
    if (!spec) errors.push({ question: name, reason: "unknown_question", message: `Onbekende vraag '${name}'.` });
    else if (value !== null && value !== undefined) {
      const problem = checkValue(spec, value);
      if (problem) errors.push({ question: name, ...problem });
    }
  }
  if (errors.length || mode === "progress") return errors;
  return surveyCoreErrors(definition, data);
}

function checkValue(spec: QuestionSpec, value: unknown): Omit<AnswerError, "question"> | undefined {
  switch (spec.type) {
    case "rating":
      if (value === NOT_APPLICABLE && spec.notApplicable) return;
      if (typeof value !== "number" || !Number.isFinite(value)) return wrongType("een getal");
      if (!spec.allowed!.includes(value)) {
        return { reason: "out_of_range", message: `Waarde ${value} valt buiten de schaal (${spec.allowed!.join(", ")}).` };
      }
      return;
    case "boolean":
      return typeof value === "boolean" ? undefined : wrongType("ja of nee");
    case "text":
      if (spec.numeric) return typeof value === "number" && Number.isFinite(value) ? undefined : wrongType("een getal");
      return checkText(spec, value);
    case "comment":
      return checkText(spec, value);
    default:
      if (spec.allowed) return checkChoice(spec, value);
      return typeof value === "string" || typeof value === "number" ? undefined : wrongType("tekst of getal");
  }
}

function checkText(spec: QuestionSpec, value: unknown) {
  if (typeof value !== "string") return wrongType("tekst");
  if (value.length > spec.maxLength!) return { reason: "too_long", message: `Tekst is langer dan ${spec.maxLength} tekens.` };
}

function checkChoice(spec: QuestionSpec, value: unknown): Omit<AnswerError, "question"> | undefined {
  const values = spec.multiple ? value : [value];
  if (!Array.isArray(values)) return wrongType("een lijst met keuzes");
  const bad = values.find((v) => !spec.allowed!.includes(v as string | number));
  if (bad !== undefined) return { reason: "invalid_choice", message: `Keuze '${String(bad)}' staat niet in de lijst.` };
}

function wrongType(expected: string) {
  return { reason: "wrong_type", message: `Verwacht ${expected}.` };
}

function surveyCoreErrors(definition: unknown, data: Record<string, unknown>): AnswerError[] {
  const model = new Model(respondentDefinition(definition));
  model.data = data;
  const errors: AnswerError[] = [];
  // Routing (visibleIf): a question hidden by the answers given is neither required nor accepted.
  for (const name of Object.keys(data)) {
    const question = model.getQuestionByName(name);
    if (question && data[name] !== null && data[name] !== undefined && !(question.isVisible && question.isParentVisible)) {
      errors.push({ question: name, reason: "hidden_question", message: "Deze vraag is niet van toepassing op uw eerdere antwoorden." });
    }
  }
  for (const question of model.getAllQuestions(true)) {
    if (question.validate(true)) continue;
    const first = question.errors[0];
    const reason = first?.getErrorType() === "required" ? "required" : "invalid";
    errors.push({ question: question.name, reason, message: first?.getText() ?? "Ongeldig antwoord." });
  }
  return errors;
}
