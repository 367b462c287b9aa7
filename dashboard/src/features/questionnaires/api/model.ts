import type { QUESTION_TYPES } from "../../../../../api/domain/survey/definition-check.ts";

/**
 * The editor works on the SurveyJS JSON itself (survey-core's free model), not on a copy in
 * another shape: every property the editor does not know (displayMode, rateValues with
 * labels, maxLength, a panel) survives a round trip, and the "Geavanceerd" tab is the same
 * object as text. These are plain functions that return a new document on every change.
 */
export type Json = Record<string, unknown>;
export type Element = Json & { type?: unknown; name?: unknown };
export type Page = Json & { name?: unknown; elements: Element[] };
export type Doc = Json & { pages: Page[] };
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const TYPES = [
  "rating",
  "radiogroup",
  "checkbox",
  "dropdown",
  "boolean",
  "comment",
  "text",
] as const satisfies readonly QuestionType[];
export const CHOICE_TYPES: readonly string[] = ["radiogroup", "checkbox", "dropdown"];

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A definition as the editor holds it: every page has an element list (the server refuses one without). */
export function toDoc(definition: unknown): Doc {
  const src = isObject(definition) ? structuredClone(definition) : {};
  const pages = Array.isArray(src.pages) ? src.pages : [];
  return {
    ...src,
    pages: pages.map((p, i) => {
      const page = isObject(p) ? p : {};
      return { ...page, name: page.name ?? `pagina${i + 1}`, elements: Array.isArray(page.elements) ? (page.elements as Element[]) : [] };
    }),
  };
}

/** A SurveyJS localisable string in one language; Dutch is "nl" or "default". */
export function textIn(value: unknown, locale: "nl" | "en"): string {
  if (typeof value === "string") return locale === "nl" ? value : "";
  if (!isObject(value)) return "";
  const pick = locale === "nl" ? (value.nl ?? value.default) : value.en;
  return typeof pick === "string" ? pick : "";
}

/** Dutch only stays a plain string; with English it becomes { nl, en }; empty is left out. */
export function makeText(nl: string, en: string): string | { nl: string; en: string } | undefined {
  if (!en.trim()) return nl === "" ? undefined : nl;
  return { nl, en };
}

/** Sets or (for undefined) removes properties. */
function patched<T extends Json>(obj: T, patch: Json): T {
  const out: Json = { ...obj };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

export function allNames(doc: Doc): Set<string> {
  const names = new Set<string>();
  const visit = (els: unknown) => {
    if (!Array.isArray(els)) return;
    for (const el of els) {
      if (!isObject(el)) continue;
      if (typeof el.name === "string") names.add(el.name);
      if (el.type === "panel") visit(el.elements);
    }
  };
  for (const p of doc.pages) visit(p.elements);
  return names;
}

/** The first free name like vraag_4: names are what answers and comparisons are keyed by. */
export function freeName(doc: Doc, stem = "vraag"): string {
  const taken = allNames(doc);
  for (let i = taken.size + 1; ; i++) if (!taken.has(`${stem}_${i}`)) return `${stem}_${i}`;
}

export function newQuestion(doc: Doc, type: QuestionType): Element {
  const base: Element = { type, name: freeName(doc), title: "" };
  if (type === "rating") return { ...base, rateMin: 1, rateMax: 5, isRequired: true };
  if (CHOICE_TYPES.includes(type))
    return {
      ...base,
      choices: [
        { value: "keuze_1", text: "Keuze 1" },
        { value: "keuze_2", text: "Keuze 2" },
      ],
    };
  return base;
}

const move = <T>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return list;
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
};

const withPage = (doc: Doc, p: number, change: (page: Page) => Page): Doc => ({
  ...doc,
  pages: doc.pages.map((page, i) => (i === p ? change(page) : page)),
});

export const updateDoc = (doc: Doc, patch: Json): Doc => patched(doc, patch);
export const updatePage = (doc: Doc, p: number, patch: Json) => withPage(doc, p, (page) => patched(page, patch));
export const updateElement = (doc: Doc, p: number, i: number, patch: Json) =>
  withPage(doc, p, (page) => ({ ...page, elements: page.elements.map((el, j) => (j === i ? patched(el, patch) : el)) }));
export const addElement = (doc: Doc, p: number, el: Element) => withPage(doc, p, (page) => ({ ...page, elements: [...page.elements, el] }));
export const removeElement = (doc: Doc, p: number, i: number) =>
  withPage(doc, p, (page) => ({ ...page, elements: page.elements.filter((_, j) => j !== i) }));
export const moveElement = (doc: Doc, p: number, i: number, delta: -1 | 1) =>
  withPage(doc, p, (page) => ({ ...page, elements: move(page.elements, i, i + delta) }));
export const addPage = (doc: Doc): Doc => ({ ...doc, pages: [...doc.pages, { name: freeName(doc, "pagina"), title: "", elements: [] }] });
export const removePage = (doc: Doc, p: number): Doc => ({ ...doc, pages: doc.pages.filter((_, i) => i !== p) });
export const movePage = (doc: Doc, p: number, delta: -1 | 1): Doc => ({ ...doc, pages: move(doc.pages, p, p + delta) });

/** A question that counts in the scores (the server's rule): a rating, unless `scored: false`. */
export const isScored = (el: Element) => el.type === "rating" && el.scored !== false;

/** Scored questions by name with their Dutch text and dimension, as the server compares them. */
function scoredTexts(doc: Doc): Map<string, { title: string; dimension: unknown }> {
  const out = new Map<string, { title: string; dimension: unknown }>();
  const visit = (els: unknown) => {
    if (!Array.isArray(els)) return;
    for (const el of els) {
      if (!isObject(el)) continue;
      if (el.type === "panel") visit(el.elements);
      if (isScored(el) && typeof el.name === "string" && typeof el.dimension === "string")
        out.set(el.name, { title: (textIn(el.title, "nl") || el.name).trim(), dimension: el.dimension });
    }
  };
  for (const p of doc.pages) visit(p.elements);
  return out;
}

/**
 * Scored questions that kept their name but changed their Dutch text or dimension since the
 * version this one copies: the same rule as the server's rewordedQuestions, so the editor
 * can ask "nog vergelijkbaar?" before saving instead of after a refusal.
 */
export function reworded(base: Doc, doc: Doc): string[] {
  const before = scoredTexts(base);
  const out: string[] = [];
  for (const [name, now] of scoredTexts(doc)) {
    const was = before.get(name);
    if (was && (was.title !== now.title || was.dimension !== now.dimension)) out.push(name);
  }
  return out;
}

/** The scale as min and max, also when it is written as rateValues. */
export function scaleOf(el: Element): { min: number; max: number; labelled: boolean } {
  if (Array.isArray(el.rateValues) && el.rateValues.length) {
    const values = el.rateValues.map((v) => Number(isObject(v) ? v.value : v)).filter(Number.isFinite);
    return { min: Math.min(...values), max: Math.max(...values), labelled: el.rateValues.some((v) => isObject(v) && v.text !== undefined) };
  }
  return { min: Number(el.rateMin ?? 1), max: Number(el.rateMax ?? 5), labelled: false };
}

/** A server problem belongs to the element it names, or to the element at its path. */
export function problemsAt(problems: readonly Json[], p: number, i: number, name: unknown): Json[] {
  const prefix = `pages[${p}].elements[${i}]`;
  return problems.filter(
    (d) =>
      (typeof name === "string" && name !== "" && (d.element === name || d.question === name)) ||
      (typeof d.path === "string" && (d.path === prefix || d.path.startsWith(`${prefix}.`))),
  );
}
