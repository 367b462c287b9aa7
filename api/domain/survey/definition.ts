import { localText } from "./local-text.ts";

/** Reads the facts the server needs from a SurveyJS definition without a DOM. */
export interface QuestionSpec {
  name: string;
  type: string;
  title: string;
  dimension?: string;
  /** Allowed numeric values for ratings, or allowed values for choice questions. */
  allowed?: (string | number)[];
  multiple?: boolean;
  maxLength?: number;
  /** A text question with inputType number or range: SurveyJS stores a number. */
  numeric?: boolean;
  /** A rating that offers "weet niet / n.v.t." (see not-applicable.ts). */
  notApplicable?: boolean;
}

export const DEFAULT_TEXT_LIMIT = 2000;

type Element = Record<string, unknown> & { type?: string; name?: string; elements?: Element[] };
type Choice = string | number | { value: string | number };

export function listQuestions(definition: unknown): QuestionSpec[] {
  const out: QuestionSpec[] = [];
  const pages = ((definition as { pages?: Element[] }).pages ?? []) as Element[];
  const walk = (els: Element[] | undefined) => {
    for (const el of els ?? []) {
      if (el.type === "panel") walk(el.elements);
      else if (el.type && el.name && el.type !== "html" && el.type !== "image") out.push(toSpec(el));
    }
  };
  for (const page of pages) walk(page.elements);
  return out;
}

function toSpec(el: Element): QuestionSpec {
  const spec: QuestionSpec = {
    name: String(el.name),
    type: String(el.type),
    // Dutch: results, comparisons, finding texts and packs are written in Dutch.
    title: localText(el.title) || String(el.name),
    dimension: typeof el.dimension === "string" ? el.dimension : undefined,
  };
  if (el.type === "rating") {
    spec.allowed = ratingValues(el);
    if (el.showNotApplicable === true) spec.notApplicable = true;
  }
  if (["radiogroup", "dropdown", "checkbox", "tagbox"].includes(spec.type)) {
    spec.allowed = ((el.choices ?? []) as Choice[]).map((c) => (typeof c === "object" ? c.value : c));
    spec.multiple = spec.type === "checkbox" || spec.type === "tagbox";
  }
  if (spec.type === "text" && (el.inputType === "number" || el.inputType === "range")) spec.numeric = true;
  if (spec.type === "text" || spec.type === "comment") {
    spec.maxLength = typeof el.maxLength === "number" && el.maxLength > 0 ? el.maxLength : DEFAULT_TEXT_LIMIT;
  }
  return spec;
}

function ratingValues(el: Element): number[] {
  if (Array.isArray(el.rateValues) && el.rateValues.length) {
    return (el.rateValues as Choice[]).map((c) => Number(typeof c === "object" ? c.value : c));
  }
  const min = Number(el.rateMin ?? 1),
    max = Number(el.rateMax ?? 5),
    step = Number(el.rateStep ?? 1);
  const values: number[] = [];
  for (let v = min; v <= max; v += step) values.push(v);
  return values;
}

export function scoredQuestions(definition: unknown): QuestionSpec[] {
  return listQuestions(definition).filter((q) => q.type === "rating" && q.dimension);
}
