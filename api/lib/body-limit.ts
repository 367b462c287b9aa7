import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/**
 * Hono's `bodyLimit`, without its cost where the answer is already known. It starts by asking
 * `c.req.raw.body`, and on Node that one question turns @hono/node-server's lightweight request
 * into a full web `Request` (headers, abort signal, a stream over the socket) for every call,
 * a GET as well: the largest single item of a survey submission's CPU after the database
 * driver. A request without a body, or with a Content-Length and no Transfer-Encoding, is
 * decided from its headers, as Hono decides it; a streamed body goes through Hono's counting.
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError });
  return (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number.parseInt(length, 10) > maxSize ? Promise.resolve(onError(c)) : next();
    }
    return counted(c, next);
  };
}
