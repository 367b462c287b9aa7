import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv, AppInput } from "./lib/context.ts";
import { scryptHasher } from "./domain/auth/password.ts";
import { errorBody, handleError } from "./lib/errors.ts";
import { securityHeaders } from "./lib/security.ts";
import { hostileInputGuard, pathTemplates } from "./lib/guard.ts";
import { authenticate, authorize, csrf, operationTable } from "./auth/middleware.ts";
import { healthRouter } from "./health/health.index.ts";
import { wavesRouter } from "./waves/waves.index.ts";
import { respondRouter } from "./respond/respond.index.ts";
import { authRouter } from "./auth/auth.index.ts";
import { usersRouter } from "./auth/users.index.ts";
import { auditRouter } from "./audit/audit.index.ts";
import { municipalitiesRouter } from "./municipalities/municipalities.index.ts";
import { registryRouter } from "./registry/registry.index.ts";
import { reportsRouter } from "./reports/reports.index.ts";
import { qualityRouter } from "./quality/quality.index.ts";
import { MAX_EVIDENCE_BYTES } from "./quality/evidence.service.ts";
import { auditsRouter } from "./audits/audits.index.ts";
import { risksRouter } from "./risks/risks.index.ts";
import { reviewsRouter } from "./reviews/reviews.index.ts";
import { packsRouter } from "./packs/packs.index.ts";
import { questionnairesRouter } from "./questionnaires/questionnaires.index.ts";
import { fieldworkRouter } from "./waves/fieldwork.index.ts";
import { contactsRouter } from "./contacts/contacts.index.ts";
import { mailRouter } from "./mail/mail.index.ts";

export const MAX_BODY_BYTES = 256 * 1024;

const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: { title: "Ketenspiegel API", version: "1",
    description: "Klanttevredenheid en kwaliteitsmanagement voor Zorg- en Veiligheidshuizen." },
};

/**
 * The one API, built from Web-standard pieces only, so that the Node entry and the
 * Workers entry serve the same app. Dependencies come in; nothing is read from globals.
 */
export function createApp(input: AppInput) {
  const deps: AppDeps = { ...input, passwords: input.passwords ?? scryptHasher() };
  const app = new OpenAPIHono<AppEnv>();
  let operations: ReturnType<typeof operationTable> | undefined;
  let templates: ReturnType<typeof pathTemplates> | undefined;
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody("not_found", "Niet gevonden."), 404));
  app.use("*", securityHeaders(deps.config.publicUrl));
  app.use("/api/*", async (c, next) => {
    c.set("deps", deps);
    c.header("Cache-Control", "no-store");
    await next();
  });
  const limit = (bytes: number) => bodyLimit({
    maxSize: bytes,
    onError: (c) => c.json(errorBody("payload_too_large", `Het verzoek is groter dan ${Math.round(bytes / 1024)} kB.`), 413),
  });
  // Evidence files are the one place where large bodies are expected.
  const [small, evidence] = [limit(MAX_BODY_BYTES), limit(MAX_EVIDENCE_BYTES + 64 * 1024)];
  app.use("/api/*", (c, next) => (c.req.path === "/api/evidence" ? evidence(c, next) : small(c, next)));
  // Before anything reads the database (even the session lookup). It names only fields of the caller's own
  // request and parameters of the public OpenAPI document, so it tells a caller without access nothing new.
  app.use("/api/*", hostileInputGuard(() => (templates ??= pathTemplates(openApiDocument(app)))));
  app.use("/api/*", authenticate, csrf, authorize(() => (operations ??= operationTable(openApiDocument(app)))));
  const routers = [healthRouter, authRouter, usersRouter, wavesRouter, respondRouter, municipalitiesRouter, auditRouter,
    registryRouter, reportsRouter, qualityRouter, auditsRouter, risksRouter, reviewsRouter, packsRouter,
    questionnairesRouter, fieldworkRouter, contactsRouter, mailRouter];
  for (const router of routers) {
    app.route("/api", router);
  }
  app.get("/api/openapi.json", (c) => c.json(openApiDocument(app)));
  return app;
}

export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document(OPENAPI_INFO);
}
export type App = ReturnType<typeof createApp>;
