import { z } from "@hono/zod-openapi";
import { ConferenceMetricsSchema } from "./metrics.schemas.ts";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import { PageInfo } from "../lib/paging.ts";
import * as s from "./registry.schemas.ts";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const param = (name: string, schema: z.ZodString = z.string().max(60)) =>
  z.object({ [name]: schema.openapi({ param: { name, in: "path" } }) });
const CaseParams = param("caseId", z.string().min(1).max(60));
const cases = ["Casusregistratie"],
  confs = ["Casusoverleg"],
  hours = ["Uren en tarieven"],
  themes = ["Thema's"];

export const listCases = defineRoute({
  method: "get",
  path: "/cases",
  operationId: "listCases",
  permission: "registry:read",
  tags: cases,
  summary: "Casussen (pseudoniem), gefilterd, gezocht op code, gesorteerd en per pagina, met het totaal",
  request: { query: s.CaseListQuery },
  responses: {
    200: { description: "Casussen", ...json(z.object({ cases: z.array(s.CaseSchema), ...PageInfo }).openapi("CasePage")) },
    ...errorResponses(400, 401, 403),
  },
});
export const createCase = defineRoute({
  method: "post",
  path: "/cases",
  operationId: "createCase",
  permission: "registry:write",
  tags: cases,
  summary: "Casus aanmelden onder een pseudonieme code; persoonsgegevens worden geweigerd",
  request: body(s.NewCaseSchema),
  responses: { 201: { description: "Aangemeld", ...json(z.object({ case: s.CaseSchema })) }, ...errorResponses(400, 401, 403, 422) },
});
export const getCase = defineRoute({
  method: "get",
  path: "/cases/{caseId}",
  operationId: "getCase",
  permission: "registry:read",
  tags: cases,
  summary: "Eén casus (id of code)",
  request: { params: CaseParams },
  responses: { 200: { description: "Casus", ...json(z.object({ case: s.CaseSchema })) }, ...errorResponses(401, 403, 404) },
});
export const updateCase = defineRoute({
  method: "patch",
  path: "/cases/{caseId}",
  operationId: "updateCase",
  permission: "registry:write",
  tags: cases,
  summary: "Status, thema's of intake wijzigen",
  request: { params: CaseParams, ...body(s.CaseUpdateSchema) },
  responses: { 200: { description: "Gewijzigd", ...json(z.object({ case: s.CaseSchema })) }, ...errorResponses(400, 401, 403, 404, 422) },
});
export const markCaseHandledLocally = defineRoute({
  method: "post",
  path: "/cases/{caseId}/local",
  operationId: "markCaseHandledLocally",
  permission: "cases:handle-locally",
  tags: cases,
  summary: "'Lokaal, tenzij': de gemeente pakt de casus zelf op",
  request: { params: CaseParams, ...body(s.HandledLocallySchema) },
  responses: { 200: { description: "Gemarkeerd", ...json(z.object({ case: s.CaseSchema })) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const listConferences = defineRoute({
  method: "get",
  path: "/conferences",
  operationId: "listConferences",
  permission: "registry:read",
  tags: confs,
  summary: "Casusoverleggen, gefilterd, gezocht op casuscode, gesorteerd en per pagina, met het totaal",
  request: { query: s.ConferenceListQuery },
  responses: {
    200: {
      description: "Overleggen",
      ...json(z.object({ conferences: z.array(s.ConferenceSchema), ...PageInfo }).openapi("ConferencePage")),
    },
    ...errorResponses(400, 401, 403),
  },
});
export const createConference = defineRoute({
  method: "post",
  path: "/conferences",
  operationId: "createConference",
  permission: "registry:write",
  tags: confs,
  summary: "Casusoverleg vastleggen: aanleiding, doel, aanpak, casusregisseur, vervolgafspraken, aanwezigheid",
  request: body(s.NewConferenceSchema),
  responses: {
    201: { description: "Vastgelegd", ...json(z.object({ conference: s.ConferenceSchema })) },
    ...errorResponses(400, 401, 403, 409),
  },
});
export const getConference = defineRoute({
  method: "get",
  path: "/conferences/{conferenceId}",
  operationId: "getConference",
  permission: "registry:read",
  tags: confs,
  summary: "Eén casusoverleg",
  request: { params: param("conferenceId") },
  responses: { 200: { description: "Overleg", ...json(z.object({ conference: s.ConferenceSchema })) }, ...errorResponses(401, 403, 404) },
});
export const updateFollowUp = defineRoute({
  method: "patch",
  path: "/follow-ups/{followUpId}",
  operationId: "updateFollowUp",
  permission: "registry:write",
  tags: confs,
  summary: "Vervolgafspraak afgerond (of heropend)",
  request: { params: param("followUpId"), ...body(s.FollowUpUpdateSchema) },
  responses: {
    200: { description: "Gewijzigd", ...json(z.object({ followUp: s.FollowUpSchema })) },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const listActivities = defineRoute({
  method: "get",
  path: "/activities",
  operationId: "listActivities",
  permission: "registry:read",
  tags: hours,
  summary: "Geregistreerde uren",
  request: { query: s.ActivityListQuery },
  responses: {
    200: { description: "Uren", ...json(z.object({ activities: z.array(s.ActivitySchema) })) },
    ...errorResponses(400, 401, 403),
  },
});
export const getMyWeek = defineRoute({
  method: "get",
  path: "/activities/week",
  operationId: "getMyWeek",
  permission: "registry:write",
  tags: hours,
  summary: "Mijn uren in één week (maandag t/m zondag): elke registratie, per dag en in totaal",
  request: { query: s.WeekQuery },
  responses: { 200: { description: "Week", ...json(s.WeekSchema) }, ...errorResponses(400, 401, 403) },
});
export const createActivity = defineRoute({
  method: "post",
  path: "/activities",
  operationId: "createActivity",
  permission: "registry:write",
  tags: hours,
  summary: "Uren registreren per activiteit, gemeente en casus",
  request: body(s.NewActivitySchema),
  responses: {
    201: { description: "Geregistreerd", ...json(z.object({ activity: s.ActivitySchema })) },
    ...errorResponses(400, 401, 403, 409),
  },
});

export const createActivities = defineRoute({
  method: "post",
  path: "/activities/bulk",
  operationId: "createActivities",
  permission: "registry:write",
  tags: hours,
  summary: "Uren van meerdere deelnemers tegelijk (een casusoverleg): alles of niets, een fout noemt de regel",
  request: body(s.NewActivitiesSchema),
  responses: {
    201: { description: "Geregistreerd", ...json(z.object({ activities: z.array(s.ActivitySchema) })) },
    ...errorResponses(400, 401, 403, 409),
  },
});
export const correctActivity = defineRoute({
  method: "post",
  path: "/activities/{activityId}/correction",
  operationId: "correctActivity",
  permission: "registry:write",
  tags: hours,
  summary: "Registratie corrigeren: een nieuwe registratie vervangt de oude, die als 'gecorrigeerd' zichtbaar blijft",
  request: { params: param("activityId"), ...body(s.ActivityCorrectionSchema) },
  responses: {
    201: { description: "Gecorrigeerd", ...json(z.object({ activity: s.ActivitySchema })) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const listOrganisations = defineRoute({
  method: "get",
  path: "/organisations",
  operationId: "listOrganisations",
  permission: "registry:read",
  tags: themes,
  summary: "Ketenpartners en gemeenten (voor aanmelder, aanwezigheid, casusregisseur en vervolgafspraken)",
  responses: {
    200: { description: "Organisaties", ...json(z.object({ organisations: z.array(s.OrganisationSchema) })) },
    ...errorResponses(401, 403),
  },
});

export const listThemes = defineRoute({
  method: "get",
  path: "/themes",
  operationId: "listThemes",
  permission: "registry:read",
  tags: themes,
  summary: "Themalijst van het ZVH",
  responses: { 200: { description: "Thema's", ...json(z.object({ themes: z.array(s.ThemeSchema) })) }, ...errorResponses(401, 403) },
});
export const createTheme = defineRoute({
  method: "post",
  path: "/themes",
  operationId: "createTheme",
  permission: "themes:manage",
  tags: themes,
  summary: "Thema toevoegen",
  request: body(s.NewThemeSchema),
  responses: { 201: { description: "Toegevoegd", ...json(z.object({ theme: s.ThemeSchema })) }, ...errorResponses(400, 401, 403, 409) },
});
export const updateTheme = defineRoute({
  method: "patch",
  path: "/themes/{themeId}",
  operationId: "updateTheme",
  permission: "themes:manage",
  tags: themes,
  summary: "Thema hernoemen of buiten gebruik stellen",
  request: { params: param("themeId"), ...body(s.ThemeUpdateSchema) },
  responses: { 200: { description: "Gewijzigd", ...json(z.object({ theme: s.ThemeSchema })) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const getRegistrySettings = defineRoute({
  method: "get",
  path: "/registry/settings",
  operationId: "getRegistrySettings",
  permission: "settings:read",
  tags: hours,
  summary: "Bewaartermijn werkaantekeningen en uurtarieven",
  responses: { 200: { description: "Instellingen", ...json(s.RegistrySettingsSchema) }, ...errorResponses(401, 403) },
});
export const updateRegistrySettings = defineRoute({
  method: "put",
  path: "/registry/settings",
  operationId: "updateRegistrySettings",
  permission: "registry:configure",
  tags: hours,
  summary: "Bewaartermijn en uurtarieven vastleggen",
  request: body(s.RegistrySettingsSchema),
  responses: { 200: { description: "Opgeslagen", ...json(s.RegistrySettingsSchema) }, ...errorResponses(400, 401, 403) },
});
export const runRetention = defineRoute({
  method: "post",
  path: "/registry/retention/run",
  operationId: "runRetention",
  permission: "registry:configure",
  tags: confs,
  summary: "Werkaantekeningen wissen waarvan de bewaartermijn verstreken is (draait ook dagelijks vanzelf)",
  responses: {
    200: { description: "Gewist", ...json(z.object({ retentionDays: z.number(), erased: z.array(z.string()) })) },
    ...errorResponses(401, 403),
  },
});

export const getConferenceMetrics = defineRoute({
  method: "get",
  path: "/registry/metrics",
  operationId: "getConferenceMetrics",
  permission: "metrics:read",
  tags: confs,
  summary: "Kengetallen casusoverleg, doorlooptijden en rendement, te filteren op periode, vestiging, gemeente en thema",
  request: { query: s.MetricsQuery },
  responses: { 200: { description: "Kengetallen", ...json(ConferenceMetricsSchema) }, ...errorResponses(400, 401, 403, 404) },
});

export const getMailStatus = defineRoute({
  method: "get",
  path: "/settings/mail",
  operationId: "getMailStatus",
  permission: "registry:configure",
  tags: ["Instellingen"],
  summary: "Of e-mail via SMTP verstuurd wordt (alleen ja/nee, nooit het adres of wachtwoord)",
  responses: { 200: { description: "E-mailstatus", ...json(s.MailStatusSchema) }, ...errorResponses(401, 403) },
});
