/**
 * "Weet niet / n.v.t." on rating questions. survey-core 3 has no none-item on ratings, so a
 * rating with `"showNotApplicable": true` gets one extra scale point with the value "nvt"
 * when served to a respondent. The answer counts as answered (a required question is
 * satisfied), is stored in the raw response, never in the scored answers, so it is left
 * out of every mean, and results show it as its own share.
 */
import { isLocalised, localText } from "./local-text.ts";

export const NOT_APPLICABLE = "nvt";
export const NOT_APPLICABLE_TEXT = { nl: "Weet niet / n.v.t.", en: "Don't know / not applicable" };

type Json = Record<string, unknown>;

function scale(el: Json): unknown[] {
  if (Array.isArray(el.rateValues) && el.rateValues.length) return el.rateValues;
  const min = Number(el.rateMin ?? 1),
    max = Number(el.rateMax ?? 5),
    step = Number(el.rateStep ?? 1);
  const out: number[] = [];
  for (let v = min; v <= max; v += step) out.push(v);
  return out;
}

/**
 * Content is written as { nl, en } (or "default" for Dutch). survey-core's own fallback goes to
 * its default locale (English) or to the question name, so each string is given every
 * language here, Dutch where a translation is missing: the English switch then shows Dutch
 * per string rather than a name.
 */
function dutchAsDefault(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dutchAsDefault);
  if (!value || typeof value !== "object") return value;
  if (isLocalised(value)) {
    const dutch = localText(value, "nl");
    return { nl: dutch, en: value.en ?? dutch };
  }
  return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, dutchAsDefault(v)]));
}

/** The definition as the survey page gets it: n.v.t. made an explicit scale point, Dutch as every string's fallback. */
export function respondentDefinition<T>(definition: T): T {
  const copy = dutchAsDefault(structuredClone(definition)) as Json;
  const visit = (els: unknown) => {
    if (!Array.isArray(els)) return;
    for (const el of els as Json[]) {
      if (el?.type === "panel") visit(el.elements);
      if (el?.type === "rating" && el.showNotApplicable === true) {
        el.rateValues = [...scale(el), { value: NOT_APPLICABLE, text: NOT_APPLICABLE_TEXT }];
        delete el.rateMin;
        delete el.rateMax;
        delete el.rateStep;
      }
    }
  };
  for (const page of (copy.pages ?? []) as Json[]) visit(page?.elements);
  return copy as T;
}

/** Names of the rating questions that offer n.v.t. */
export function notApplicableQuestions(definition: unknown): string[] {
  const out: string[] = [];
  const visit = (els: unknown) => {
    if (!Array.isArray(els)) return;
    for (const el of els as Json[]) {
      if (el?.type === "panel") visit(el.elements);
      if (el?.type === "rating" && el.showNotApplicable === true && typeof el.name === "string") out.push(el.name);
    }
  };
  for (const page of ((definition as Json)?.pages ?? []) as Json[]) visit(page?.elements);
  return out;
}
