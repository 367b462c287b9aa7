import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "./lib/context.ts";
import { errorBody, handleError } from "./lib/errors.ts";
import { healthRouter } from "./health/health.index.ts";
import { wavesRouter } from "./waves/waves.index.ts";
import { respondRouter } from "./respond/respond.index.ts";

export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The one API, built from Web-standard pieces only, so that the Node entry and the
 * Workers entry serve the same app. Dependencies come in; nothing is read from globals.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody("not_found", "Niet gevonden."), 404));
  app.use("/api/*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("/api/*", bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody("payload_too_large", `Het verzoek is groter dan ${MAX_BODY_BYTES / 1024} kB.`), 413),
  }));
  app.route("/api", healthRouter);
  app.route("/api", wavesRouter);
  app.route("/api", respondRouter);
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Ketenspiegel API", version: deps.config.version,
      description: "Klanttevredenheid en kwaliteitsmanagement voor Zorg- en Veiligheidshuizen." },
  });
  return app;
}
export type App = ReturnType<typeof createApp>;
