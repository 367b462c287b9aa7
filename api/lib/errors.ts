import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "@hono/zod-openapi";
import { errorsNl } from "../../i18n/errors.ts";
import { type ErrorCode, type ErrorParams, errorText, type ParamsOf } from "./error-text.ts";

const ValueSchema = z.union([z.string(), z.number()]);
/** A catalog label (a review input's title) by its key, rendered in the reader's language. */
const LabelRefSchema = z.object({ label: z.string() }).openapi("LabelRef");
/** A value is plain, or another catalog text by code (rendered into the message in the same language). */
const ParamsSchema = z.record(
  z.string(),
  // Its own params may again hold a catalog text (a questionnaire condition inside a refused element).
  z.union([
    ValueSchema,
    z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() }).openapi("ErrorRef"),
    LabelRefSchema,
  ]),
);

const FlatParamsSchema = z.record(z.string(), z.union([ValueSchema, LabelRefSchema]));
/**
 * The params of a coded text inside a 2xx answer (a closing problem, a review's gap): plain values,
 * catalog labels and one level of catalog text whose own params are flat (an evaluation's verdict or
 * measurement period), so the contract closes all the way down.
 */
export const TextParamsSchema = z.record(
  z.string(),
  z.union([ValueSchema, LabelRefSchema, z.object({ code: z.string(), params: FlatParamsSchema.optional() }).openapi("TextRef")]),
);

/** A text in a 2xx answer by catalog code: the client renders `code` with `params`; `message` is the Dutch text, for a client without the catalog. */
export const CodedTextSchema = z
  .object({
    code: z.string().openapi({ description: "Catalogcode (i18n/errors.ts: error.<code>)" }),
    params: TextParamsSchema.optional(),
    message: z.string().openapi({ description: "De Nederlandse tekst; terugval voor een client zonder de catalogus" }),
  })
  .openapi("CodedText");

/** Every code the API sends, from the catalog: the contract lists them, so a client can rely on them. */
const ERROR_CODES = Object.keys(errorsNl).map((k) => k.slice("error.".length)) as [ErrorCode, ...ErrorCode[]];

/**
 * One refused field or item. `path` names the field; `code` and `params` give its text from the
 * catalog (rendered into `message` in the request's language); a detail may carry more (line, index…).
 */
export const ErrorDetailSchema = z
  .object({
    path: z.string().optional(),
    code: z.string().optional(),
    params: ParamsSchema.optional(),
    message: z.string().optional(),
  })
  .catchall(z.unknown())
  .openapi("ErrorDetail");
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

/** Every error leaves the API in this one shape, never with a stack trace or SQL. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      /** The catalog's text for `code` in the request's language (Accept-Language), with the params filled in. */
      message: z.string(),
      details: z.array(ErrorDetailSchema).optional(),
      /** The values in the message, by the names of its catalog placeholders (i18n/errors.ts). */
      params: ParamsSchema.optional(),
    }),
  })
  .openapi("Error");

type Rest<C extends ErrorCode> = [keyof ParamsOf<C>] extends [never]
  ? [params?: ParamsOf<C>, details?: Record<string, unknown>[], headers?: Record<string, string>]
  : [params: ParamsOf<C>, details?: Record<string, unknown>[], headers?: Record<string, string>];

/**
 * An error by code. Its text is the catalog's (i18n/errors.ts), never written at the throw site:
 * pass the values that go in it as params (typed by the text's {placeholders}). The message is the
 * Dutch text; `localizeErrors` renders the English one for an English request.
 */
export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  readonly params?: ErrorParams;
  details?: Record<string, unknown>[];
  readonly headers?: Record<string, string>;
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: C,
    ...[params, details, headers]: Rest<C>
  ) {
    const values: ErrorParams = params ?? {};
    super(errorText("nl", code, values) ?? code);
    if (Object.keys(values).length) this.params = values;
    this.details = details;
    this.headers = headers;
  }

  /** The same error with other details (a bulk entry points each detail at its row). */
  withDetails(details: Record<string, unknown>[]): this {
    this.details = details;
    return this;
  }
}

/** An error answer by code: the Dutch catalog text, with the values it names. */
export function errorBody(code: ErrorCode, params: ErrorParams = {}, details?: Record<string, unknown>[]) {
  const message = errorText("nl", code, params) ?? code;
  const hasParams = Object.keys(params).length > 0;
  return { error: { code, message, ...(details ? { details } : {}), ...(hasParams ? { params } : {}) } };
}

function body(err: ApiError) {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
      ...(err.params ? { params: err.params } : {}),
    },
  };
}

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(body(err), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    // Hono's own refusals (malformed JSON, body limit) carry English texts: the answer is the catalog's.
    return status === 413 ? c.json(errorBody("request_too_large"), status) : c.json(errorBody("malformed_request"), status);
  }
  console.error("unhandled error", err);
  return c.json(errorBody("internal_error"), 500);
}

/** Shared error responses for route contracts. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    409: "Conflict",
    410: "Verlopen",
    413: "Te groot",
    422: "Antwoorden ongeldig",
    429: "Te veel verzoeken",
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: descriptions[s] ?? "Fout",
        content: { "application/json": { schema: ErrorSchema } },
      },
    ]),
  );
}
