import { Model } from "survey-core";
import { listQuestions, type QuestionSpec } from "./definition.ts";
import { NOT_APPLICABLE, respondentDefinition } from "./not-applicable.ts";

export interface AnswerError {
  question: string;
  reason: string;
  message: string;
}

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
  return surveyCoreErrors(modelFor(definition), data);
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

/**
 * One survey-core model per questionnaire definition, built once and reused: building a
 * `Model` costs ~50 ms, setting new data on a built one a few. Validation is synchronous, so
 * no two submissions ever share a model at the same time. Keyed by the definition's JSON
 * (a stored version never changes, and an edited definition simply gets its own entry).
 */
const MODELS_KEPT = 32;
const models = new Map<string, Model>();

function modelFor(definition: unknown): Model {
  const key = JSON.stringify(definition);
  let model = models.get(key);
  if (model) {
    models.delete(key); // re-inserted below: the Map's order is the least-recently-used order
  } else {
    model = new Model(respondentDefinition(definition));
    if (models.size >= MODELS_KEPT) models.delete(models.keys().next().value!);
  }
  models.set(key, model);
  return model;
}

/** Test seam: the same checks on a model built for this one call (the reference the kept models are held to). */
export function surveyCoreErrorsFresh(definition: unknown, data: Record<string, unknown>): AnswerError[] {
  return surveyCoreErrors(new Model(respondentDefinition(definition)), data);
}

/**
 * survey-core's own verdicts (required, validators, expressions) on the questions that are
 * visible with this data; an answer to a hidden question (`visibleIf` false, or on a hidden
 * page or panel) is refused, as it would never have been asked.
 */
function surveyCoreErrors(model: Model, data: Record<string, unknown>): AnswerError[] {
  model.data = data;
  const errors: AnswerError[] = [];
  for (const question of model.getAllQuestions(false)) {
    if (!question.isVisibleInSurvey) {
      if (!question.isEmpty()) {
        errors.push({
          question: question.name,
          reason: "hidden_question",
          message: `Vraag '${question.name}' is niet van toepassing bij deze antwoorden en moet leeg blijven.`,
        });
      }
      continue;
    }
    if (question.validate(true)) continue;
    const first = question.errors[0];
    const reason = first?.getErrorType() === "required" ? "required" : "invalid";
    errors.push({ question: question.name, reason, message: first?.getText() ?? "Ongeldig antwoord." });
  }
  return errors;
}
