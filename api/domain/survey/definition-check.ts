import { ConditionsParser } from "survey-core";
import { localText } from "./local-text.ts";
import { detail, type ErrorCode, type ErrorParams, type ErrorRef } from "../../lib/error-text.ts";

/**
 * Server-side validation of a questionnaire definition (SurveyJS JSON) before it is stored.
 * The dashboard editor writes this JSON, power users edit it by hand: every rule here
 * names the element it refuses, so the editor can point at it.
 */
export interface DefinitionProblem {
  element: string;
  path: string;
  reason: string;
  /** The text in the catalog (i18n/errors.ts), in the reader's language; `message` is its Dutch. */
  code: ErrorCode;
  params?: ErrorParams;
  message: string;
}

type Params = ErrorParams;
const problem = (element: string, path: string, reason: string, code: ErrorCode, params?: Params): DefinitionProblem => ({
  element,
  path,
  reason,
  ...detail(code, params),
});
const ref = (code: ErrorCode, params?: Params): ErrorRef => ({ code, ...(params ? { params } : {}) });

export const QUESTION_TYPES = ["rating", "radiogroup", "checkbox", "dropdown", "boolean", "comment", "text"] as const;
/** Structure and decoration, not questions. */
const CONTAINER_TYPES = ["panel", "html"] as const;
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;
const CONDITIONS = ["visibleIf", "enableIf", "requiredIf"] as const;
export const LOCALES = ["nl", "en"] as const;
/** Longest rating scale accepted (0–10 is the widest the survey app shows on a phone). */
const MAX_SCALE_POINTS = 11;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A SurveyJS localisable string: plain text (Dutch), or { default|nl: "...", en: "..." }.
 * Returns the problem, or undefined when the value is acceptable.
 */
function checkText(value: unknown, required: boolean): ErrorRef | undefined {
  if (value === undefined) return required ? ref("text_missing") : undefined;
  if (typeof value === "string") return value.trim() || !required ? undefined : ref("text_empty");
  if (!isObject(value)) return ref("text_not_text");
  for (const [k, v] of Object.entries(value)) {
    if (k !== "default" && !(LOCALES as readonly string[]).includes(k)) return ref("text_unknown_locale", { locale: k });
    if (typeof v !== "string") return ref("text_translation_not_text", { locale: k });
  }
  const dutch = value.nl ?? value.default;
  if (typeof dutch !== "string" || !dutch.trim()) return ref("text_no_dutch");
}

interface Found {
  el: Json;
  path: string;
}

function walk(definition: Json, problems: DefinitionProblem[]): Found[] {
  const found: Found[] = [];
  const pages = definition.pages;
  if (!Array.isArray(pages) || pages.length === 0) {
    problems.push(problem("(vragenlijst)", "pages", "no_pages", "definition_no_pages"));
    return found;
  }
  const visit = (els: unknown, path: string) => {
    if (!Array.isArray(els)) {
      problems.push(problem(path, path, "no_elements", "definition_no_elements", { path }));
      return;
    }
    els.forEach((el, i) => {
      const p = `${path}.elements[${i}]`;
      if (!isObject(el)) {
        problems.push(problem(p, p, "not_an_object", "definition_element_not_object", { path: p }));
        return;
      }
      found.push({ el, path: p });
      if (el.type === "panel") visit(el.elements, p);
    });
  };
  pages.forEach((page, i) => {
    if (!isObject(page)) {
      problems.push(problem(`pages[${i}]`, `pages[${i}]`, "not_an_object", "definition_page_not_object", { page: i + 1 }));
      return;
    }
    visit(page.elements, `pages[${i}]`);
  });
  return found;
}

function checkRating(el: Json, name: string, add: (reason: string, code: ErrorCode, params?: Params) => void) {
  if (el.rateValues !== undefined) {
    if (!Array.isArray(el.rateValues) || el.rateValues.length < 2 || el.rateValues.length > MAX_SCALE_POINTS) {
      add("bad_scale", "definition_scale_points", { question: name, max: MAX_SCALE_POINTS });
      return;
    }
    const values = el.rateValues.map((v) => (isObject(v) ? v.value : v));
    if (values.some((v) => !Number.isInteger(v))) add("bad_scale", "definition_scale_integers", { question: name });
    else if (new Set(values).size !== values.length) add("bad_scale", "definition_scale_duplicates", { question: name });
    for (const v of el.rateValues) {
      if (isObject(v) && v.text !== undefined) {
        const bad = checkText(v.text, false);
        if (bad) add("bad_text", "definition_scale_label", { question: name, problem: bad });
      }
    }
  } else {
    const min = el.rateMin ?? 1,
      max = el.rateMax ?? 5,
      step = el.rateStep ?? 1;
    if (!Number.isInteger(min) || !Number.isInteger(max) || !Number.isInteger(step) || (step as number) < 1) {
      add("bad_scale", "definition_scale_range_integers", { question: name });
    } else if ((max as number) <= (min as number) || ((max as number) - (min as number)) / (step as number) + 1 > MAX_SCALE_POINTS) {
      add("bad_scale", "definition_scale_direction", { question: name, max: MAX_SCALE_POINTS });
    }
  }
  for (const key of ["minRateDescription", "maxRateDescription"]) {
    const bad = checkText(el[key], false);
    if (bad) add("bad_text", "definition_property_text", { question: name, key, problem: bad });
  }
  if (el.showNotApplicable !== undefined && typeof el.showNotApplicable !== "boolean") {
    add("bad_property", "definition_boolean_property", { question: name, key: "showNotApplicable" });
  }
  if (el.scored === false) return;
  if (typeof el.dimension !== "string" || !NAME.test(el.dimension)) {
    add("missing_dimension", "definition_missing_dimension", { question: name });
  }
}

function checkChoices(el: Json, name: string, add: (reason: string, code: ErrorCode, params?: Params) => void) {
  if (!Array.isArray(el.choices) || el.choices.length === 0) {
    add("no_choices", "definition_no_choices", { question: name });
    return;
  }
  const values = el.choices.map((c) => (isObject(c) ? c.value : c));
  if (values.some((v) => typeof v !== "string" && typeof v !== "number")) add("bad_choice", "definition_choice_value", { question: name });
  else if (new Set(values).size !== values.length) add("duplicate_choice", "definition_duplicate_choices", { question: name });
  for (const c of el.choices) {
    if (isObject(c) && c.text !== undefined) {
      const bad = checkText(c.text, false);
      if (bad) add("bad_text", "definition_choice_text", { question: name, problem: bad });
    }
  }
}

/** Checks a definition; an empty list means it may be stored. */
export function checkDefinition(definition: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (!isObject(definition)) {
    return [problem("(vragenlijst)", "", "not_an_object", "definition_not_object")];
  }
  const titleProblem = checkText(definition.title, false);
  if (titleProblem) problems.push(problem("(vragenlijst)", "title", "bad_text", "definition_title_text", { problem: titleProblem }));
  const found = walk(definition, problems);
  const names = new Map<string, string>();
  const questions: Found[] = [];
  for (const { el, path } of found) {
    const type = el.type;
    const name = typeof el.name === "string" ? el.name : "";
    const element = name || path;
    const add = (reason: string, code: ErrorCode, params?: Params) => problems.push(problem(element, path, reason, code, params));
    if (typeof type !== "string" || ![...QUESTION_TYPES, ...CONTAINER_TYPES].includes(type as never)) {
      add("unknown_type", "definition_unknown_type", {
        element,
        type: String(type),
        allowed: [...QUESTION_TYPES, "panel", "html"].join(", "),
      });
      continue;
    }
    if (!NAME.test(name)) {
      add("bad_name", "definition_bad_name", { path });
      continue;
    }
    if (names.has(name)) add("duplicate_name", "definition_duplicate_name", { name, first: names.get(name)!, second: path });
    names.set(name, path);
    if (type === "html" || type === "panel") continue;
    questions.push({ el, path });
    const titleBad = checkText(el.title, false);
    if (titleBad) add("bad_text", "definition_question_text", { question: name, problem: titleBad });
    if (el.isRequired !== undefined && typeof el.isRequired !== "boolean")
      add("bad_property", "definition_boolean_property", { question: name, key: "isRequired" });
    if (type === "rating") checkRating(el, name, add);
    else if (el.dimension !== undefined && typeof el.dimension !== "string")
      add("bad_property", "definition_dimension_text", { question: name });
    if (type === "radiogroup" || type === "checkbox" || type === "dropdown") checkChoices(el, name, add);
  }
  // Conditions last: they may name any question, also one further on.
  for (const { el, path } of found) {
    const element = typeof el.name === "string" && el.name ? el.name : path;
    for (const key of CONDITIONS) {
      if (el[key] === undefined) continue;
      const bad = checkCondition(el[key], names);
      if (bad) problems.push(problem(element, `${path}.${key}`, "bad_condition", "definition_condition", { element, key, problem: bad }));
    }
  }
  return problems;
}

/** A condition must parse and may refer only to questions of this questionnaire. */
function checkCondition(expression: unknown, names: Map<string, string>): ErrorRef | undefined {
  if (typeof expression !== "string" || !expression.trim()) return ref("condition_not_expression", { example: "{co_deelname} = 'ja'" });
  const operand = new ConditionsParser().parseExpression(expression);
  if (!operand) return ref("condition_invalid", { expression });
  const variables: string[] = [];
  operand.setVariables(variables);
  const unknown = variables.map((v) => v.split(/[.[]/)[0]).find((v) => !names.has(v));
  if (unknown) return ref("condition_unknown_question", { name: unknown });
}

/** Scored questions and their texts, for comparing two versions. */
export function scoredTexts(definition: unknown): Map<string, { title: string; dimension: string }> {
  const out = new Map<string, { title: string; dimension: string }>();
  if (!isObject(definition)) return out;
  for (const { el } of walk(definition, [])) {
    if (el.type === "rating" && typeof el.name === "string" && typeof el.dimension === "string" && el.scored !== false) {
      out.set(el.name, { title: localText(el.title ?? el.name, "nl"), dimension: el.dimension });
    }
  }
  return out;
}

/**
 * Scored questions that kept their name but changed text or dimension since the earlier
 * version: the editor must say whether each is still comparable with earlier waves.
 */
export function rewordedQuestions(earlier: unknown, later: unknown): string[] {
  const before = scoredTexts(earlier);
  const out: string[] = [];
  for (const [name, now] of scoredTexts(later)) {
    const was = before.get(name);
    if (was && (was.title.trim() !== now.title.trim() || was.dimension !== now.dimension)) out.push(name);
  }
  return out;
}
