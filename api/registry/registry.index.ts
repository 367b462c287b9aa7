import type { Context } from "hono";
import { asc } from "drizzle-orm";
import { organisations } from "../../db/schema.ts";
import { createRouter } from "../lib/router.ts";
import { actorOf, type AppEnv } from "../lib/context.ts";
import { narrowed, visibilityOf } from "../lib/scope.ts";
import { scopeFor } from "../domain/auth/permissions.ts";
import * as routes from "./registry.routes.ts";
import * as casesService from "./cases.service.ts";
import * as conferencesService from "./conferences.service.ts";
import { correctActivity, createActivities, createActivity, listActivities, myWeek } from "./activities.service.ts";
import { createTheme, listThemes, updateTheme } from "./themes.service.ts";
import { getRegistrySettings, updateRegistrySettings } from "./settings.service.ts";
import { runRetention } from "./retention.service.ts";
import { getConferenceMetrics } from "./metrics.service.ts";

const deps = (c: Context<AppEnv>) => ({ db: c.var.deps.db, now: c.var.deps.config.now(), vis: visibilityOf(c), by: actorOf(c) });
const registrar = (c: Context<AppEnv>) => ({ by: actorOf(c), mayRegisterOthers: !!scopeFor(c.var.principal, "hours:others") });
const mayReadNotes = (c: Context<AppEnv>) => !!scopeFor(c.var.principal, "notes:read");

export const registryRouter = createRouter()
  .openapi(routes.listCases, async (c) => {
    const { db, vis } = deps(c);
    return c.json(await casesService.listCases(db, c.req.valid("query"), vis), 200);
  })
  .openapi(routes.createCase, async (c) => {
    const { db, vis, now, by } = deps(c);
    return c.json({ case: await casesService.createCase(db, c.req.valid("json"), vis, now, by) }, 201);
  })
  .openapi(routes.getCase, async (c) => {
    const { db, vis } = deps(c);
    return c.json({ case: await casesService.getCase(db, c.req.valid("param").caseId, vis) }, 200);
  })
  .openapi(routes.updateCase, async (c) => {
    const { db, vis, now, by } = deps(c);
    return c.json({ case: await casesService.updateCase(db, c.req.valid("param").caseId, c.req.valid("json"), vis, now, by) }, 200);
  })
  .openapi(routes.markCaseHandledLocally, async (c) => {
    const { db, vis, now, by } = deps(c);
    const result = await casesService.markHandledLocally(db, c.req.valid("param").caseId, c.req.valid("json").on, vis, now, by);
    return c.json({ case: result }, 200);
  })
  .openapi(routes.listConferences, async (c) => {
    const { db, vis, now } = deps(c);
    return c.json(await conferencesService.listConferences(db, c.req.valid("query"), vis, now, mayReadNotes(c)), 200);
  })
  .openapi(routes.createConference, async (c) => {
    const { db, vis, now, by } = deps(c);
    return c.json({ conference: await conferencesService.createConference(db, c.req.valid("json"), vis, now, by) }, 201);
  })
  .openapi(routes.getConference, async (c) => {
    const { db, vis, now } = deps(c);
    return c.json(
      { conference: await conferencesService.getConference(db, c.req.valid("param").conferenceId, vis, now, mayReadNotes(c)) },
      200,
    );
  })
  .openapi(routes.updateFollowUp, async (c) => {
    const { db, vis, now, by } = deps(c);
    const result = await conferencesService.updateFollowUp(db, c.req.valid("param").followUpId, c.req.valid("json").doneOn, vis, now, by);
    return c.json({ followUp: result }, 200);
  })
  .openapi(routes.listActivities, async (c) => {
    const { db, vis } = deps(c);
    return c.json({ activities: await listActivities(db, c.req.valid("query"), vis) }, 200);
  })
  .openapi(routes.getMyWeek, async (c) => {
    const { db, now } = deps(c);
    return c.json(await myWeek(db, c.var.principal?.userId ?? null, c.req.valid("query").date ?? now.toISOString().slice(0, 10)), 200);
  })
  .openapi(routes.createActivity, async (c) => {
    const { db, vis, now } = deps(c);
    return c.json({ activity: await createActivity(db, c.req.valid("json"), vis, now, registrar(c)) }, 201);
  })
  .openapi(routes.createActivities, async (c) => {
    const { db, vis, now } = deps(c);
    return c.json({ activities: await createActivities(db, c.req.valid("json"), vis, now, registrar(c)) }, 201);
  })
  .openapi(routes.correctActivity, async (c) => {
    const { db, vis, now } = deps(c);
    const result = await correctActivity(db, c.req.valid("param").activityId, c.req.valid("json"), vis, now, registrar(c));
    return c.json({ activity: result }, 201);
  })
  .openapi(routes.listThemes, async (c) => c.json({ themes: await listThemes(c.var.deps.db) }, 200))
  .openapi(routes.listOrganisations, async (c) => {
    const all = await c.var.deps.db.select().from(organisations).orderBy(asc(organisations.name));
    return c.json({ organisations: all }, 200);
  })
  .openapi(routes.createTheme, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ theme: await createTheme(db, c.req.valid("json").name, now, by) }, 201);
  })
  .openapi(routes.updateTheme, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ theme: await updateTheme(db, c.req.valid("param").themeId, c.req.valid("json"), now, by) }, 200);
  })
  .openapi(routes.getRegistrySettings, async (c) => c.json(await getRegistrySettings(c.var.deps.db), 200))
  .openapi(routes.updateRegistrySettings, async (c) => {
    const { db, now, by } = deps(c);
    return c.json(await updateRegistrySettings(db, c.req.valid("json"), now, by), 200);
  })
  .openapi(routes.runRetention, async (c) => {
    const { db, now, by } = deps(c);
    return c.json(await runRetention(db, now, by), 200);
  })
  .openapi(routes.getMailStatus, (c) => {
    const mail = c.var.deps.config.mail;
    return c.json({ smtpConfigured: !!mail?.smtp, digestConfigured: !!mail?.digest }, 200);
  })
  .openapi(routes.getConferenceMetrics, async (c) => {
    const { db, vis, now } = deps(c);
    const q = c.req.valid("query");
    const filter = {
      from: q.from,
      to: q.to,
      themeId: q.theme,
      branchId: narrowed(q.branch, vis.branchId, "unknown_branch"),
      municipalityId: narrowed(q.municipality, vis.municipalityId, "unknown_municipality"),
    };
    return c.json(await getConferenceMetrics(db, filter, now), 200);
  });
