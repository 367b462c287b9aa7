import { localText } from "./local-text.ts";
import { NOT_APPLICABLE } from "./not-applicable.ts";

/**
 * The raw-data export for analysts: one row per response, one column per question, and a
 * codebook that says what each column holds. Pure, so it is tested without a database.
 */
type Json = Record<string, unknown>;
export interface CodebookEntry {
  question: string;
  text: string;
  type: string;
  dimension: string;
  scale: string;
  required: boolean;
  visibleIf: string;
}

function elements(definition: unknown): Json[] {
  const out: Json[] = [];
  const visit = (els: unknown) => {
    if (!Array.isArray(els)) return;
    for (const el of els as Json[]) {
      if (el?.type === "panel") visit(el.elements);
      else if (el?.type !== "html" && typeof el?.name === "string") out.push(el);
    }
  };
  for (const page of ((definition as Json)?.pages ?? []) as Json[]) visit(page?.elements);
  return out;
}

function scaleOf(el: Json): string {
  const label = (v: unknown) =>
    v && typeof v === "object" && "value" in (v as Json)
      ? `${(v as Json).value} = ${localText((v as Json).text ?? (v as Json).value)}`
      : String(v);
  if (el.type === "rating") {
    const points =
      Array.isArray(el.rateValues) && el.rateValues.length
        ? el.rateValues.map(label).join("; ")
        : `${el.rateMin ?? 1}–${el.rateMax ?? 5}${el.minRateDescription ? ` (${el.rateMin ?? 1} = ${localText(el.minRateDescription)}; ${el.rateMax ?? 5} = ${localText(el.maxRateDescription)})` : ""}`;
    return el.showNotApplicable === true ? `${points}; ${NOT_APPLICABLE} = weet niet / n.v.t.` : points;
  }
  if (Array.isArray(el.choices)) return el.choices.map(label).join("; ");
  if (el.type === "boolean") return "true = ja; false = nee";
  return "vrije tekst";
}

export function codebook(definition: unknown): CodebookEntry[] {
  return elements(definition).map((el) => ({
    question: String(el.name),
    text: localText(el.title ?? el.name),
    type: String(el.type),
    dimension: typeof el.dimension === "string" ? el.dimension : "",
    scale: scaleOf(el),
    required: el.isRequired === true,
    visibleIf: typeof el.visibleIf === "string" ? el.visibleIf : "",
  }));
}

export function cellValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return value.map(String).join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
