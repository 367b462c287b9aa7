import { ConditionsParser } from "survey-core";
import { localText } from "./local-text.ts";

/**
 * Server-side validation of a questionnaire definition (SurveyJS JSON) before it is stored.
 * The dashboard editor writes this JSON, power users edit it by hand: every rule here
 * names the element it refuses, so the editor can point at it.
 */
export interface DefinitionProblem {
  element: string;
  path: string;
  reason: string;
  message: string;
}

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
function checkText(value: unknown, required: boolean): string | undefined {
  if (value === undefined) return required ? "ontbreekt" : undefined;
  if (typeof value === "string") return value.trim() || !required ? undefined : "is leeg";
  if (!isObject(value)) return "moet tekst zijn of { nl, en }";
  for (const [k, v] of Object.entries(value)) {
    if (k !== "default" && !(LOCALES as readonly string[]).includes(k)) return `onbekende taal '${k}' (nl of en)`;
    if (typeof v !== "string") return `vertaling '${k}' moet tekst zijn`;
  }
  const dutch = value.nl ?? value.default;
  if (typeof dutch !== "string" || !dutch.trim()) return "heeft geen Nederlandse tekst (nl of default)";
}

interface Found {
  el: Json;
  path: string;
}

function walk(definition: Json, problems: DefinitionProblem[]): Found[] {
  const found: Found[] = [];
  const pages = definition.pages;
  if (!Array.isArray(pages) || pages.length === 0) {
    problems.push({ element: "(vragenlijst)", path: "pages", reason: "no_pages", message: "De vragenlijst heeft geen pagina's." });
    return found;
  }
  const visit = (els: unknown, path: string) => {
    if (!Array.isArray(els)) {
      problems.push({ element: path, path, reason: "no_elements", message: `'${path}' heeft geen lijst met vragen (elements).` });
      return;
    }
    els.forEach((el, i) => {
      const p = `${path}.elements[${i}]`;
      if (!isObject(el)) {
        problems.push({ element: p, path: p, reason: "not_an_object", message: `Element ${p} is geen object.` });
        return;
      }
      found.push({ el, path: p });
      if (el.type === "panel") visit(el.elements, p);
    });
  };
  pages.forEach((page, i) => {
    if (!isObject(page)) {
      problems.push({ element: `pages[${i}]`, path: `pages[${i}]`, reason: "not_an_object", message: `Pagina ${i + 1} is geen object.` });
      return;
    }
    visit(page.elements, `pages[${i}]`);
  });
  return found;
}

function checkRating(el: Json, name: string, add: (reason: string, message: string) => void) {
  if (el.rateValues !== undefined) {
    if (!Array.isArray(el.rateValues) || el.rateValues.length < 2 || el.rateValues.length > MAX_SCALE_POINTS) {
      add("bad_scale", `Vraag '${name}': rateValues moet 2 tot ${MAX_SCALE_POINTS} schaalpunten hebben.`);
      return;
    }
    const values = el.rateValues.map((v) => (isObject(v) ? v.value : v));
    if (values.some((v) => !Number.isInteger(v))) add("bad_scale", `Vraag '${name}': elk schaalpunt moet een geheel getal zijn.`);
    else if (new Set(values).size !== values.length) add("bad_scale", `Vraag '${name}': dubbele schaalpunten.`);
    for (const v of el.rateValues) {
      if (isObject(v) && v.text !== undefined) {
        const bad = checkText(v.text, false);
        if (bad) add("bad_text", `Vraag '${name}': schaallabel ${bad}.`);
      }
    }
  } else {
    const min = el.rateMin ?? 1,
      max = el.rateMax ?? 5,
      step = el.rateStep ?? 1;
    if (!Number.isInteger(min) || !Number.isInteger(max) || !Number.isInteger(step) || (step as number) < 1) {
      add("bad_scale", `Vraag '${name}': rateMin, rateMax en rateStep moeten gehele getallen zijn.`);
    } else if ((max as number) <= (min as number) || ((max as number) - (min as number)) / (step as number) + 1 > MAX_SCALE_POINTS) {
      add("bad_scale", `Vraag '${name}': de schaal moet van laag naar hoog lopen, met hoogstens ${MAX_SCALE_POINTS} punten.`);
    }
  }
  for (const key of ["minRateDescription", "maxRateDescription"]) {
    const bad = checkText(el[key], false);
    if (bad) add("bad_text", `Vraag '${name}': ${key} ${bad}.`);
  }
  if (el.showNotApplicable !== undefined && typeof el.showNotApplicable !== "boolean") {
    add("bad_property", `Vraag '${name}': showNotApplicable moet true of false zijn.`);
  }
  if (el.scored === false) return;
  if (typeof el.dimension !== "string" || !NAME.test(el.dimension)) {
    add("missing_dimension", `Vraag '${name}' telt mee in de scores maar heeft geen dimensie (of zet "scored": false).`);
  }
}

function checkChoices(el: Json, name: string, add: (reason: string, message: string) => void) {
  if (!Array.isArray(el.choices) || el.choices.length === 0) {
    add("no_choices", `Vraag '${name}' heeft geen keuzes.`);
    return;
  }
  const values = el.choices.map((c) => (isObject(c) ? c.value : c));
  if (values.some((v) => typeof v !== "string" && typeof v !== "number"))
    add("bad_choice", `Vraag '${name}': elke keuze heeft een waarde (tekst of getal).`);
  else if (new Set(values).size !== values.length) add("duplicate_choice", `Vraag '${name}' heeft dubbele keuzes.`);
  for (const c of el.choices) {
    if (isObject(c) && c.text !== undefined) {
      const bad = checkText(c.text, false);
      if (bad) add("bad_text", `Vraag '${name}': keuzetekst ${bad}.`);
    }
  }
}

/** Checks a definition; an empty list means it may be stored. */
export function checkDefinition(definition: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (!isObject(definition)) {
    return [{ element: "(vragenlijst)", path: "", reason: "not_an_object", message: "De vragenlijst moet een JSON-object zijn." }];
  }
  const titleProblem = checkText(definition.title, false);
  if (titleProblem) problems.push({ element: "(vragenlijst)", path: "title", reason: "bad_text", message: `De titel ${titleProblem}.` });
  const found = walk(definition, problems);
  const names = new Map<string, string>();
  const questions: Found[] = [];
  for (const { el, path } of found) {
    const type = el.type;
    const name = typeof el.name === "string" ? el.name : "";
    const element = name || path;
    const add = (reason: string, message: string) => problems.push({ element, path, reason, message });
    if (typeof type !== "string" || ![...QUESTION_TYPES, ...CONTAINER_TYPES].includes(type as never)) {
      add(
        "unknown_type",
        `Element '${element}' heeft een onbekend type '${String(type)}' (toegestaan: ${QUESTION_TYPES.join(", ")}, panel, html).`,
      );
      continue;
    }
    if (!NAME.test(name)) {
      add("bad_name", `Element op ${path} heeft geen geldige naam (letters, cijfers, _; begint met een letter).`);
      continue;
    }
    if (names.has(name)) add("duplicate_name", `De naam '${name}' komt twee keer voor (${names.get(name)} en ${path}).`);
    names.set(name, path);
    if (type === "html" || type === "panel") continue;
    questions.push({ el, path });
    const titleBad = checkText(el.title, false);
    if (titleBad) add("bad_text", `Vraag '${name}': de vraagtekst ${titleBad}.`);
    if (el.isRequired !== undefined && typeof el.isRequired !== "boolean")
      add("bad_property", `Vraag '${name}': isRequired moet true of false zijn.`);
    if (type === "rating") checkRating(el, name, add);
    else if (el.dimension !== undefined && typeof el.dimension !== "string")
      add("bad_property", `Vraag '${name}': dimension moet tekst zijn.`);
    if (type === "radiogroup" || type === "checkbox" || type === "dropdown") checkChoices(el, name, add);
  }
  // Conditions last: they may name any question, also one further on.
  for (const { el, path } of found) {
    const element = typeof el.name === "string" && el.name ? el.name : path;
    for (const key of CONDITIONS) {
      if (el[key] === undefined) continue;
      const problem = checkCondition(el[key], names);
      if (problem)
        problems.push({ element, path: `${path}.${key}`, reason: "bad_condition", message: `Element '${element}': ${key} ${problem}` });
    }
  }
  return problems;
}

/** A condition must parse and may refer only to questions of this questionnaire. */
function checkCondition(expression: unknown, names: Map<string, string>): string | undefined {
  if (typeof expression !== "string" || !expression.trim()) return "moet een expressie zijn, zoals {casusoverleg_bijgewoond} = true.";
  const operand = new ConditionsParser().parseExpression(expression);
  if (!operand) return `is geen geldige expressie: '${expression}'.`;
  const variables: string[] = [];
  operand.setVariables(variables);
  const unknown = variables.map((v) => v.split(/[.[]/)[0]).find((v) => !names.has(v));
  if (unknown) return `verwijst naar onbekende vraag '{${unknown}}'.`;
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
