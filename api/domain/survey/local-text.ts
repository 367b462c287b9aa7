/**
 * SurveyJS localisable strings. Questionnaire content (titles, descriptions, choice texts,
 * end labels) is plain Dutch text or { default|nl: "…", en: "…" }. Everything that shows
 * such a text outside the survey page (results, codebook, reports, packs, finding texts)
 * reads it through `localText`, so an object never reaches a reader as "[object Object]".
 */
type Json = Record<string, unknown>;

const LOCALE_KEYS = new Set(["default", "nl", "en"]);

/** A { default|nl, en } object of strings (and not, say, a choice { value, text }). */
export function isLocalised(value: unknown): value is Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([k, v]) => LOCALE_KEYS.has(k) && typeof v === "string");
}

/** The text in one language, falling back to Dutch per string; "" for anything that is not text. */
export function localText(value: unknown, locale: string = "nl"): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const text = value as Json;
    const pick = text[locale] ?? text.nl ?? text.default;
    if (typeof pick === "string") return pick;
  }
  return "";
}

/**
 * A definition with every localisable string reduced to its Dutch: what a version means,
 * without its translations. Two definitions with the same Dutch projection ask the same.
 */
export function dutchOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dutchOnly);
  if (isLocalised(value)) return localText(value, "nl");
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, dutchOnly(v)]));
}

/** JSON with sorted keys: jsonb does not keep key order, so stored and written definitions compare by this. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Json)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
