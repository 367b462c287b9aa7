import type { ErrorDetail } from "../../../../api/lib/errors.ts";
import type { Body, OperationId, PathOf, Query, Reply, Routes } from "./contract.ts";

export type { ErrorDetail };

/** The API's error shape turned into an exception. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter?: number,
    readonly details: ErrorDetail[] = [],
    /** The values in the message, by catalog placeholder: the dashboard renders `error.<code>` with them (Status.tsx). */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** Query values as a form holds them: an empty value is left out of the URL. */
export type QueryArg<Op extends OperationId> = { [K in keyof Query<Op>]?: Query<Op>[K] | "" | null };
export type Method<Op extends OperationId> = Uppercase<Routes[Op]["method"]>;

async function read(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = (body as { error?: { code: string; message: string; details?: ErrorDetail[]; params?: Record<string, string | number> } })
      .error;
    throw new ApiFailure(
      res.status,
      err?.code ?? "error",
      err?.message ?? res.statusText,
      Number(res.headers.get("retry-after")) || undefined,
      err?.details ?? [],
      err?.params ?? {},
    );
  }
  return body;
}

/** "?a=1&b=2" from an object, leaving out empty values. */
export function queryString(values: object | undefined) {
  const entries = Object.entries(values ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => [k, String(v)]);
  const qs = new URLSearchParams(entries).toString();
  return qs ? `?${qs}` : "";
}

async function call(method: string, path: string, body?: unknown) {
  const form = body instanceof FormData;
  return read(
    await fetch(`/api${path}`, {
      method,
      // The server writes error messages in this language too (the page's, set by the language switch).
      headers: {
        "accept-language": document.documentElement.lang === "en" ? "en" : "nl",
        ...(body === undefined || form ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: "same-origin",
    }),
  );
}

/**
 * One API operation, typed by its operationId: the path must fit the route's pattern, the
 * query and body are what its schema accepts, the answer is what its schema promises.
 * (The server validates the reply's shape through the same schema; the client trusts it.)
 */
export function fetchReply<Op extends OperationId>(_op: Op, path: PathOf<Op>, query?: QueryArg<Op>): Promise<Reply<Op>> {
  return call("GET", `${path}${queryString(query)}`) as Promise<Reply<Op>>;
}

export function send<Op extends OperationId>(
  _op: Op,
  method: Method<Op>,
  path: PathOf<Op>,
  body?: Body<Op> | FormData,
): Promise<Reply<Op>> {
  return call(method, path, body) as Promise<Reply<Op>>;
}
