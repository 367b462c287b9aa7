import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context.ts";
import { issueDetail } from "./error-fields.ts";
import { errorBody } from "./errors.ts";

/** A router whose validation failures become the API's JSON error shape (400). */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      // One message per field: the first rule it broke is the one worth reading.
      const seen = new Set<string>();
      const details = result.error.issues.map(issueDetail).filter((d) => !seen.has(d.path) && seen.add(d.path));
      return c.json(errorBody("invalid_input", {}, details), 400);
    },
  });
}
