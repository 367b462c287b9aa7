import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context.ts";
import { errorBody } from "./errors.ts";

/** A router whose validation failures become the API's JSON error shape (400). */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const details = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      return c.json(errorBody("invalid_input", "De invoer is ongeldig.", details), 400);
    },
  });
}
