import type { MiddlewareHandler } from "hono";
import { errorsEn, errorsNl } from "../../i18n/errors.ts";

export type ErrorParams = Record<string, string | number>;
type Lang = "nl" | "en";
const CATALOG: Record<Lang, Record<string, string>> = { nl: errorsNl, en: errorsEn };

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
 * The catalog text of `code` in `lang` with its params filled in, or null when the catalog
 * has none or a placeholder has no value (a throw site that still builds its own text).
 */
export function errorText(lang: Lang, code: string, params: ErrorParams = {}): string | null {
  const text = CATALOG[lang][`error.${code}`];
  if (text === undefined) return null;
  let complete = true;
  const out = text.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (params[k] === undefined) complete = false;
    return String(params[k] ?? "");
  });
  return complete ? out : null;
}

/**
 * Rewrites an error answer's `message` from the catalog in the request's language. A Dutch
 * request keeps the text thrown unless the site passed params (its Dutch is the catalog's);
 * an English one gets the catalog's English wherever the catalog can fill it, else the
 * Dutch text stays rather than a half-filled sentence.
 */
export const localizeErrors: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (res.status < 400 || !(res.headers.get("content-type") ?? "").includes("application/json")) return;
  const lang = requestLang(c.req.header("accept-language"));
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: string; message?: string; params?: ErrorParams } } | null;
  const err = body?.error;
  if (!err?.code || (lang === "nl" && !err.params)) return;
  const text = errorText(lang, err.code, err.params);
  if (text === null || text === err.message) return;
  err.message = text;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  c.res = undefined;
  c.res = new Response(JSON.stringify(body), { status: res.status, headers });
};
