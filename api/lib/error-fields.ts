import { z } from "@hono/zod-openapi";
import type { ErrorCode, ErrorParams, ParamsOf } from "./error-text.ts";
import { errorText } from "./error-text.ts";

/**
 * Field-level error texts (the `details` of a 400) by code, from the same catalog as the errors
 * themselves, so `localizeErrors` can give them in English too. A detail carries `code`, `params`
 * and the Dutch `message`. A schema's own texts are catalog codes too (fieldError, checkError).
 */
export type FieldDetail = { path: string; code?: ErrorCode; params?: ErrorParams; message: string };

import { detail } from "./error-text.ts";

export { detail };

/**
 * The options of a schema's own refine: its catalog code (read back by `issueDetail`) and the Dutch
 * text, e.g. `.refine(check, fieldError("no_change"))`.
 */
export function fieldError(code: ErrorCode, params: ErrorParams = {}) {
  return { message: errorText("nl", code, params) ?? code, params: { error: code, ...params } };
}

type Candidate = { code: ErrorCode; params: ErrorParams };

/** The codes of the schemas' own check texts (checkError), by their Dutch text: all zod keeps of them. */
const ownChecks = new Map<string, Candidate>();

/**
 * The options of a built-in check (min, max, length, enum, regex) that says more than the generic
 * text, by catalog code, e.g. `.min(7, checkError("risk_interval_min", { min: 7 }))`. Zod keeps only
 * the message of such an issue (a custom issue's params, as with fieldError, do not exist here), so
 * `issueDetail` finds the code again by that Dutch catalog text and the detail reads in English too.
 */
export function checkError<C extends ErrorCode>(code: C, params?: ParamsOf<C>) {
  const given = (params ?? {}) as ErrorParams;
  const message = errorText("nl", code, given) ?? code;
  ownChecks.set(message, { code, params: given });
  return { message };
}
type IssueLike = { code: string; input?: unknown; [k: string]: unknown };

const list = (values: unknown) => (Array.isArray(values) ? values.map(String).join(", ") : String(values));

/**
 * What a zod issue means, as catalog codes: the first candidate is the text for a fresh issue
 * (which can see the input), the others what a reported issue (input dropped) may have been.
 */
function candidates(iss: IssueLike): Candidate[] {
  const n = (v: unknown) => (typeof v === "number" ? v : Number(v));
  switch (iss.code) {
    case "invalid_type": {
      const type = { code: "field_type" as const, params: { expected: String(iss.expected) } };
      const required = { code: "field_required" as const, params: {} };
      return "input" in iss && iss.input !== undefined ? [type, required] : [required, type];
    }
    case "too_small": {
      const min = n(iss.minimum);
      if (iss.origin === "string") return [{ code: "field_too_short", params: { min } }];
      if (iss.origin === "array" || iss.origin === "set") return [{ code: "field_too_few", params: { min } }];
      if (iss.origin === "number" || iss.origin === "bigint")
        return [{ code: iss.inclusive === false ? "field_above" : "field_at_least", params: { min } }];
      return [{ code: "field_invalid", params: {} }];
    }
    case "too_big": {
      const max = n(iss.maximum);
      if (iss.origin === "string") return [{ code: "field_too_long", params: { max } }];
      if (iss.origin === "array" || iss.origin === "set") return [{ code: "field_too_many", params: { max } }];
      if (iss.origin === "number" || iss.origin === "bigint")
        return [{ code: iss.inclusive === false ? "field_below" : "field_at_most", params: { max } }];
      return [{ code: "field_invalid", params: {} }];
    }
    case "invalid_format":
      if (iss.format === "email") return [{ code: "field_email", params: {} }];
      if (iss.format === "uuid" || iss.format === "guid") return [{ code: "field_uuid", params: {} }];
      if (iss.format === "date") return [{ code: "field_date", params: {} }];
      if (iss.format === "datetime") return [{ code: "field_datetime", params: {} }];
      return [{ code: "field_format", params: {} }];
    case "not_multiple_of":
      return [{ code: "field_multiple_of", params: { step: n(iss.divisor) } }];
    case "unrecognized_keys":
      return [{ code: "unknown_fields", params: { fields: list(iss.keys) } }];
    case "invalid_value":
      return [{ code: "field_one_of", params: { values: list(iss.values) } }];
    case "custom":
      return [];
    default:
      return [{ code: "field_invalid", params: {} }];
  }
}

/**
 * Zod's own texts are English; the API's are the catalog's. Set once for every schema (a schema's
 * own message still wins): the Dutch text of the issue's first candidate.
 */
z.config({
  customError: (iss) => {
    const [first] = candidates(iss as unknown as IssueLike);
    return first ? (errorText("nl", first.code, first.params) ?? undefined) : undefined;
  },
});

/**
 * A validation issue as a detail naming its field. A custom issue may carry its catalog code in
 * `params.error` (the text checks of lib/fields.ts do); a built-in one is known by its text.
 */
export function issueDetail(issue: { path: PropertyKey[]; message: string; code: string; params?: unknown }): FieldDetail {
  const path = issue.path.map(String).join(".");
  const custom = issue.params as { error?: ErrorCode; [k: string]: unknown } | undefined;
  if (issue.code === "custom" && custom?.error) {
    const { error, ...rest } = custom;
    const params = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => typeof v === "string" || typeof v === "number"),
    ) as ErrorParams;
    return { path, ...detail(error, params) };
  }
  const known =
    candidates(issue as unknown as IssueLike).find((c) => errorText("nl", c.code, c.params) === issue.message) ??
    ownChecks.get(issue.message);
  return known ? { path, ...detail(known.code, known.params) } : { path, message: issue.message };
}
