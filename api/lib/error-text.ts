import type { MiddlewareHandler } from "hono";
import { errorsEn, errorsNl } from "../../i18n/errors.ts";
import { reviewsEn, reviewsNl } from "../../i18n/reviews.ts";
import { formatDay, formatNumber } from "../domain/format/numbers.ts";

type Lang = "nl" | "en";
const CATALOG: Record<Lang, Record<string, string>> = { nl: errorsNl, en: errorsEn };
/** The labels an error text may name (a review input's title): catalog keys, not error codes. */
const LABELS: Record<Lang, Record<string, string>> = { nl: reviewsNl, en: reviewsEn };
export type LabelKey = keyof typeof reviewsNl;

type CodeOf<K> = K extends `error.${infer C}` ? C : never;
/** Every code the API may send: a code without Dutch and English text is a compile error. */
export type ErrorCode = CodeOf<keyof typeof errorsNl>;
type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer R}` ? K | Placeholders<R> : never;
/** The values a code's text needs, by the names of its {placeholders} in the Dutch text. */
export type ParamsOf<C extends ErrorCode> = { [K in Placeholders<(typeof errorsNl)[`error.${C}`]>]: ParamValue };
/**
 * A catalog text used as a value inside another (the reason inside "Antwoord op 'x' is ongeldig:
 * {problem}"), so that the whole message reads in the reader's language, not half Dutch.
 */
export interface ErrorRef {
  code: ErrorCode;
  params?: Record<string, ParamValue>;
}
/**
 * A label of the catalog used as a value ("Beoordeling ontbreekt: {input}" names an input by its
 * title), so the server sends the key and never a Dutch copy of the label.
 */
export interface LabelRef {
  label: LabelKey;
}
export type ParamValue = string | number | ErrorRef | LabelRef;
export type ErrorParams = Record<string, ParamValue>;

/** Dutch unless the client prefers English (the dashboard sends its language). */
export function requestLang(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(";");
      const q = rest.map((r) => /^q=([\d.]+)$/.exec(r.trim())).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q)[0];
  return first?.tag.startsWith("en") ? "en" : "nl";
}

/**
 * A value as a reader of `lang` writes it: numbers with the language's separators, a calendar day
 * (yyyy-mm-dd) spelled out. Params stay machine values in the JSON; only the message is formatted.
 */
function shown(value: ParamValue, lang: Lang): string | null {
  if (typeof value === "object") return "label" in value ? (LABELS[lang][value.label] ?? null) : errorText(lang, value.code, value.params);
  if (typeof value === "number")
    return formatNumber(value, lang, Number.isInteger(value) ? 0 : Math.min(2, String(value).split(".")[1].length));
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, lang) : value;
}

/**
 * The catalog text of `code` in `lang` with its params filled in, or null when the catalog
 * has none or a placeholder has no value.
 */
export function errorText(lang: Lang, code: string, params: ErrorParams = {}): string | null {
  const text = CATALOG[lang][`error.${code}`];
  if (text === undefined) return null;
  let complete = true;
  const out = text.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (params[k] === undefined) {
      complete = false;
      return "";
    }
    const value = shown(params[k], lang);
    if (value === null) complete = false;
    return value ?? "";
  });
  return complete ? out : null;
}

/**
 * A refusal's code, params and Dutch text (the catalog's): spread it into an error detail next to
 * its `path`, or into a domain rule's problem next to what it names.
 */
export function detail<P extends ErrorParams>(code: ErrorCode, params?: P): { code: ErrorCode; params?: P; message: string } {
  const given = params && Object.keys(params).length ? params : undefined;
  return { code, ...(given ? { params: given } : {}), message: errorText("nl", code, given) ?? code };
}

type Detail = { code?: string; params?: ErrorParams; message?: string };

/**
 * Rewrites an error answer's `message` (and the message of each detail that carries a code) from
 * the catalog in the request's language. The thrown text is the Dutch catalog text already, so a
 * Dutch request passes untouched.
 */
export const localizeErrors: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (res.status < 400 || !(res.headers.get("content-type") ?? "").includes("application/json")) return;
  const lang = requestLang(c.req.header("accept-language"));
  if (lang === "nl") return;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: string; message?: string; params?: ErrorParams; details?: Detail[] } } | null;
  const err = body?.error;
  if (!err?.code) return;
  let changed = false;
  const text = errorText(lang, err.code, err.params);
  if (text !== null && text !== err.message) {
    err.message = text;
    changed = true;
  }
  for (const d of Array.isArray(err.details) ? err.details : []) {
    const t = d && typeof d.code === "string" && typeof d.message === "string" ? errorText(lang, d.code, d.params) : null;
    if (t !== null && t !== d.message) {
      d.message = t;
      changed = true;
    }
  }
  if (!changed) return;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  c.res = undefined;
  c.res = new Response(JSON.stringify(body), { status: res.status, headers });
};
