import { Model } from "survey-core";
import { listQuestions, type QuestionSpec } from "./definition.ts";
import { NOT_APPLICABLE, respondentDefinition } from "./not-applicable.ts";
import { detail, type ErrorCode, errorText } from "../../lib/error-text.ts";

/** `reason` is the kind of refusal; `code` and `params` its text in the catalog (i18n/errors.ts). */
export interface AnswerError {
  question: string;
  reason: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
  message: string;
}

type Refusal = Omit<AnswerError, "question">;

/** A refusal whose Dutch message is the catalog's (survey-core's own verdicts keep survey-core's words). */
const refusal = (reason: string, code: ErrorCode, params?: Record<string, string | number>): Refusal => ({
  reason,
  ...detail(code, params),
});

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
    if (!spec) errors.push({ question: name, ...refusal("unknown_question", "answer_unknown_question", { question: name }) });
    else if (value !== null && value !== undefined) {
      const problem = checkValue(spec, value);
      if (problem) errors.push({ question: name, ...problem });
    }
  }
  if (errors.length || mode === "progress") return errors;
  const key = keyOf(definition);
  const plain = plainRequiredFor(key, definition);
  return plain ? plainErrors(plain, data) : surveyCoreErrors(modelFor(key, definition), data);
}

function checkValue(spec: QuestionSpec, value: unknown): Refusal | undefined {
  switch (spec.type) {
    case "rating":
      if (value === NOT_APPLICABLE && spec.notApplicable) return;
      if (typeof value !== "number" || !Number.isFinite(value)) return wrongType("answer_expects_number");
      if (!spec.allowed!.includes(value)) {
        return refusal("out_of_range", "answer_out_of_range", { value, scale: spec.allowed!.join(", ") });
      }
      return;
    case "boolean":
      return typeof value === "boolean" ? undefined : wrongType("answer_expects_boolean");
    case "text":
      if (spec.numeric) return typeof value === "number" && Number.isFinite(value) ? undefined : wrongType("answer_expects_number");
      return checkText(spec, value);
    case "comment":
      return checkText(spec, value);
    default:
      if (spec.allowed) return checkChoice(spec, value);
      return typeof value === "string" || typeof value === "number" ? undefined : wrongType("answer_expects_text_or_number");
  }
}

function checkText(spec: QuestionSpec, value: unknown) {
  if (typeof value !== "string") return wrongType("answer_expects_text");
  if (value.length > spec.maxLength!) return refusal("too_long", "answer_too_long", { max: spec.maxLength! });
}

function checkChoice(spec: QuestionSpec, value: unknown): Refusal | undefined {
  const values = spec.multiple ? value : [value];
  if (!Array.isArray(values)) return wrongType("answer_expects_choices");
  const bad = values.find((v) => !spec.allowed!.includes(v as string | number));
  if (bad !== undefined) return refusal("invalid_choice", "answer_invalid_choice", { value: String(bad) });
}

function wrongType(expected: ErrorCode) {
  return refusal("wrong_type", expected);
}

/**
 * The cache key of a definition: its JSON. A frozen definition (the submit path keeps one per
 * questionnaire version, api/respond/invitation-lookup.ts) cannot change, so its 12 KB of JSON
 * is written once, not per submission.
 */
const frozenKeys = new WeakMap<object, string>();
function keyOf(definition: unknown): string {
  if (!definition || typeof definition !== "object" || !Object.isFrozen(definition)) return JSON.stringify(definition);
  let key = frozenKeys.get(definition);
  if (key === undefined) {
    key = JSON.stringify(definition);
    frozenKeys.set(definition, key);
  }
  return key;
}

/**
 * One survey-core model per questionnaire definition, built once and reused: building a
 * `Model` costs ~50 ms, setting new data on a built one a few. Validation is synchronous, so
 * no two submissions ever share a model at the same time. Keyed by the definition's JSON
 * (a stored version never changes, and an edited definition simply gets its own entry).
 */
const MODELS_KEPT = 32;
const models = new Map<string, Model>();
let built = 0;
/** How many models were built since start: the test of the cache counts them instead of timing it. */
export const modelsBuilt = () => built;

function modelFor(key: string, definition: unknown): Model {
  let model = models.get(key);
  if (model) {
    models.delete(key); // re-inserted below: the Map's order is the least-recently-used order
  } else {
    model = new Model(respondentDefinition(definition));
    built++;
    if (models.size >= MODELS_KEPT) models.delete(models.keys().next().value!);
  }
  models.set(key, model);
  return model;
}

/**
 * A "plain" questionnaire, as the default one is: only rating and comment questions on
 * pages, nothing that survey-core evaluates per answer set (no visibleIf, requiredIf,
 * validators, panels, triggers or calculated values; every key of every element is on the
 * lists below). For those, once our own type checks have passed, survey-core's verdict is
 * only "required" for each required question left empty (null, or text that is blank after
 * trimming, as survey-core trims), in question order, with survey-core's own message, which
 * is read once from the kept model. That skips setting the data on a model (most of the
 * CPU of a submission); tests/unit/validate-reuse.test.ts holds it to a fresh model's
 * verdicts on thousands of random answer sets. Anything outside the lists takes survey-core.
 */
const PLAIN_SURVEY_KEYS = new Set([
  "title",
  "description",
  "locale",
  "showProgressBar",
  "progressBarType",
  "showQuestionNumbers",
  "completedHtml",
  "pages",
]);
const PLAIN_PAGE_KEYS = new Set(["name", "title", "description", "elements"]);
const PLAIN_QUESTION_KEYS = new Set([
  "type",
  "name",
  "dimension",
  "title",
  "description",
  "isRequired",
  "rateValues",
  "displayMode",
  "rateMin",
  "rateMax",
  "minRateDescription",
  "maxRateDescription",
  "maxLength",
  "rows",
]);
const PLAIN_TYPES = new Set(["rating", "comment"]);

type PlainRequired = { name: string; message: string }[];
const plans = new Map<string, PlainRequired | null>();

function plainRequiredFor(key: string, definition: unknown): PlainRequired | null {
  let plan = plans.get(key);
  if (plan !== undefined) return plan;
  plan = isPlain(respondentDefinition(definition)) ? requiredMessages(modelFor(key, definition)) : null;
  if (plans.size >= MODELS_KEPT) plans.delete(plans.keys().next().value!);
  plans.set(key, plan);
  return plan;
}

function isPlain(definition: unknown): boolean {
  const onlyKeys = (o: unknown, keys: Set<string>) =>
    !!o && typeof o === "object" && !Array.isArray(o) && Object.keys(o).every((k) => keys.has(k));
  if (!onlyKeys(definition, PLAIN_SURVEY_KEYS)) return false;
  const pages = (definition as { pages?: unknown }).pages;
  if (!Array.isArray(pages)) return false;
  return pages.every(
    (page) =>
      onlyKeys(page, PLAIN_PAGE_KEYS) &&
      Array.isArray(page.elements) &&
      (page.elements as unknown[]).every(
        (q) =>
          onlyKeys(q, PLAIN_QUESTION_KEYS) &&
          PLAIN_TYPES.has((q as { type?: unknown }).type as string) &&
          typeof (q as { name?: unknown }).name === "string" &&
          [undefined, true, false].includes((q as { isRequired?: unknown }).isRequired as boolean | undefined),
      ),
  );
}

/** survey-core's verdict on no answers at all: every required question, each with its message. */
function requiredMessages(model: Model): PlainRequired | null {
  const plan: PlainRequired = [];
  for (const e of surveyCoreErrors(model, {})) {
    if (e.reason !== "required") return null; // not as plain as it looked: survey-core decides
    plan.push({ name: e.question, message: e.message });
  }
  return plan;
}

function plainErrors(required: PlainRequired, data: Record<string, unknown>): AnswerError[] {
  const errors: AnswerError[] = [];
  for (const { name, message } of required) {
    const value = data[name];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      errors.push({ question: name, reason: "required", code: "answer_required", message });
    }
  }
  return errors;
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
        errors.push({ question: question.name, ...refusal("hidden_question", "answer_hidden_question", { question: question.name }) });
      }
      continue;
    }
    if (question.validate(true)) continue;
    const first = question.errors[0];
    const required = first?.getErrorType() === "required";
    const code = required ? "answer_required" : "answer_invalid";
    errors.push({
      question: question.name,
      reason: required ? "required" : "invalid",
      code,
      message: first?.getText() ?? errorText("nl", code)!,
    });
  }
  return errors;
}
