import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv, AppInput } from "./lib/context.ts";
import { scryptHasher } from "./domain/auth/password.ts";
import { errorBody, handleError } from "./lib/errors.ts";
import { securityHeaders } from "./lib/security.ts";
import { hostileInputGuard, pathTemplates } from "./lib/guard.ts";
import { limitBody } from "./lib/body-limit.ts";
import { localizeErrors } from "./lib/error-text.ts";
import { authenticate, csrf } from "./auth/middleware.ts";
import { SESSION_COOKIE } from "./auth/sessions.ts";
import { SESSION_SCHEME } from "./lib/route.ts";
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
import { backupRouter } from "./backup/backup.index.ts";
import { questionnairesRouter } from "./questionnaires/questionnaires.index.ts";
import { fieldworkRouter } from "./waves/fieldwork.index.ts";
import { contactsRouter } from "./contacts/contacts.index.ts";
import { mailRouter } from "./mail/mail.index.ts";
import { overviewRouter } from "./overview/overview.index.ts";
import { profileRouter } from "./profile/profile.index.ts";

export const MAX_BODY_BYTES = 256 * 1024;
/** createInvitations takes up to 5000 items; a full item (organisation 200, places 2×100, e-mail 254 characters) is ~750 bytes of JSON. */
export const MAX_INVITATIONS_BODY_BYTES = 5000 * 800;
const INVITATIONS_PATH = /^\/api\/waves\/[^/]+\/invitations$/;

const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "Ketenspiegel API",
    version: "1",
    description: "Klanttevredenheid en kwaliteitsmanagement voor Zorg- en Veiligheidshuizen.",
    license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
  },
};

/**
 * The one API, built from Web-standard pieces only, so that the Node entry and the
 * Workers entry serve the same app. Dependencies come in; nothing is read from globals.
 */
export function createApp(input: AppInput, options: AppOptions = {}) {
  const deps: AppDeps = { ...input, passwords: input.passwords ?? scryptHasher() };
  const app = new OpenAPIHono<AppEnv>();
  // Built once per app, when first needed: the routes do not change after createApp.
  let document: ReturnType<typeof openApiDocument> | undefined;
  let templates: ReturnType<typeof pathTemplates> | undefined;
  const doc = () => (document ??= openApiDocument(app, deps.config.publicUrl));
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody("not_found"), 404));
  app.use("*", securityHeaders(deps.config.publicUrl));
  app.use("/api/*", localizeErrors);
  app.use("/api/*", async (c, next) => {
    c.set("deps", deps);
    c.header("Cache-Control", "no-store");
    await next();
  });
  if (options.perRequest) app.use("/api/*", options.perRequest);
  const limit = (bytes: number) => limitBody(bytes, (c) => c.json(errorBody("payload_too_large", { kb: Math.round(bytes / 1024) }), 413));
  // Evidence files are the one place where large bodies are expected.
  const [small, evidence, invitationList] = [
    limit(MAX_BODY_BYTES),
    limit(MAX_EVIDENCE_BYTES + 64 * 1024),
    limit(MAX_INVITATIONS_BODY_BYTES),
  ];
  app.use("/api/*", (c, next) =>
    c.req.path === "/api/evidence"
      ? evidence(c, next)
      : c.req.method === "POST" && INVITATIONS_PATH.test(c.req.path)
        ? invitationList(c, next)
        : small(c, next),
  );
  // Before anything reads the database (even the session lookup). It names only fields of the caller's own
  // request and parameters of the public OpenAPI document, so it tells a caller without access nothing new.
  app.use(
    "/api/*",
    hostileInputGuard(() => (templates ??= pathTemplates(doc()))),
  );
  // Each route authorizes itself (its permission is on the route, see lib/route.ts).
  app.use("/api/*", authenticate, csrf);
  const routers = [
    healthRouter,
    authRouter,
    usersRouter,
    wavesRouter,
    respondRouter,
    municipalitiesRouter,
    auditRouter,
    registryRouter,
    reportsRouter,
    qualityRouter,
    auditsRouter,
    risksRouter,
    reviewsRouter,
    packsRouter,
    backupRouter,
    questionnairesRouter,
    fieldworkRouter,
    contactsRouter,
    mailRouter,
    overviewRouter,
    profileRouter,
  ];
  for (const router of routers) {
    app.route("/api", router);
  }
  app.openAPIRegistry.registerComponent("securitySchemes", SESSION_SCHEME, {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "De sessie na POST /api/auth/login (httpOnly). Een wijziging met de cookie moet van de eigen origin komen.",
  });
  app.get("/api/openapi.json", (c) => c.json(doc()));
  return app;
}

export interface AppOptions {
  /**
   * Middleware that runs on every API request before authentication, e.g. to put a
   * request-scoped database handle into `deps` (Workers may not share I/O between requests).
   */
  perRequest?: MiddlewareHandler<AppEnv>;
}

export function openApiDocument(app: OpenAPIHono<AppEnv>, publicUrl: string) {
  return app.getOpenAPI31Document({ ...OPENAPI_INFO, servers: [{ url: publicUrl.replace(/\/+$/, ""), description: "Deze installatie" }] });
}
export type App = ReturnType<typeof createApp>;
