import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "@hono/zod-openapi";
import { errorText, type ErrorParams } from "./error-text.ts";

/** Every error leaves the API in this one shape, never with a stack trace or SQL. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.record(z.string(), z.unknown())).optional(),
      /** The values in the message, by the names of its catalog placeholders (i18n/errors.ts). */
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  })
  .openapi("Error");

/**
 * An error by code. Its text is the catalog's (i18n/errors.ts): pass the values that go in
 * it as params, and the Dutch message is filled from the catalog; a plain string is kept as
 * the message for sites not yet moved to params.
 */
export class ApiError extends Error {
  readonly params?: ErrorParams;
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string | ErrorParams,
    readonly details?: Record<string, unknown>[],
    readonly headers?: Record<string, string>,
  ) {
    super(typeof message === "string" ? message : (errorText("nl", code, message) ?? code));
    if (typeof message !== "string") this.params = message;
  }
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>[], params?: ErrorParams) {
  return { error: { code, message, ...(details ? { details } : {}), ...(params ? { params } : {}) } };
}

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(errorBody(err.code, err.message, err.details, err.params), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 400 ? "malformed_request" : status === 413 ? "payload_too_large" : `http_${status}`;
    return c.json(errorBody(code, err.message || "Ongeldig verzoek."), status);
  }
  console.error("unhandled error", err);
  return c.json(errorBody("internal_error", "Er ging iets mis aan onze kant. Probeer het later opnieuw."), 500);
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
