import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.ts";
import { detail } from "./error-fields.ts";
import { errorBody } from "./errors.ts";
import { findHostileText, textProblem, type FoundProblem } from "../domain/input/text.ts";

interface PathTemplate {
  method: string;
  segments: string[];
}

/** Path templates from the OpenAPI document, so a refused path segment can be named after its parameter. */
export function pathTemplates(doc: object): PathTemplate[] {
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), segments: path.split("/") })),
  );
}

function paramName(templates: PathTemplate[], method: string, segments: string[], index: number) {
  const fits = (t: PathTemplate) =>
    t.segments.length === segments.length && t.segments.every((s, i) => s.startsWith("{") || i === index || s === segments[i]);
  // A template with a parameter at this place wins over a literal one (/audits/{auditId} over /audits/programme).
  const candidates = templates
    .filter(fits)
    .sort((a, b) => Number(!a.segments[index]?.startsWith("{")) - Number(!b.segments[index]?.startsWith("{")));
  const t = candidates.find((x) => x.method === method) ?? candidates[0];
  const s = t?.segments[index];
  return s?.startsWith("{") ? s.slice(1, -1) : "path";
}

/** A refused text as a detail naming its field, its text from the catalog by code. */
function asDetail(p: FoundProblem) {
  const code = p.key ? "text_in_field_name" : p.code;
  return { path: p.path, ...detail(code, p.char ? { char: p.char } : {}) };
}

/** Problems in the path segments and query parameters (always single-line). */
function urlProblems(url: URL, method: string, templates: () => PathTemplate[]): FoundProblem[] {
  const found: FoundProblem[] = [];
  const segments = url.pathname.split("/");
  segments.forEach((raw, i) => {
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      found.push({
        path: paramName(templates(), method, segments, i),
        code: "bad_path_encoding",
      });
      return;
    }
    const p = textProblem(value, { multiline: false });
    if (p) found.push({ path: paramName(templates(), method, segments, i), ...p });
  });
  for (const [key, value] of url.searchParams) {
    const p = textProblem(key, { multiline: false }) ?? textProblem(value, { multiline: false });
    if (p) found.push({ path: key.replace(/[^\x20-\x7e]/g, "?"), ...p });
  }
  return found;
}

/**
 * The one guard against hostile text: NUL, lone surrogates, control, bidi and zero-width characters in
 * any path parameter, query parameter, JSON body (keys and values at any depth, so also jsonb payloads
 * such as survey answers) or multipart text field are a 400 in the API's error shape naming the field,
 * before any route code or database sees them. Malformed bodies pass through to the route's own validator.
 */
export function hostileInputGuard(templates: () => PathTemplate[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const found = urlProblems(new URL(c.req.url), c.req.method, templates);
    const type = (c.req.header("content-type") ?? "").toLowerCase();
    if (!found.length && !["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
      if (type.startsWith("application/json") || type.endsWith("+json")) {
        const body = await c.req.json().catch(() => undefined);
        if (body !== undefined) findHostileText(body, [], found);
      } else if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
        const form = await c.req.parseBody({ all: true }).catch(() => undefined);
        for (const [key, value] of Object.entries(form ?? {})) {
          for (const v of Array.isArray(value) ? value : [value]) {
            const p =
              typeof v === "string"
                ? textProblem(v, { multiline: true })
                : v instanceof File
                  ? textProblem(v.name, { multiline: false })
                  : null;
            const k = textProblem(key, { multiline: false });
            if (k) found.push({ path: key.replace(/[^\x20-\x7e]/g, "?"), ...k, key: true });
            else if (p) found.push({ path: key.replace(/[^\x20-\x7e]/g, "?"), ...p });
          }
        }
      }
    }
    if (found.length) return c.json(errorBody("forbidden_characters", {}, found.map(asDetail)), 400);
    return next();
  };
}
