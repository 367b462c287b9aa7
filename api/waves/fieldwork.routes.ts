import { z } from "@hono/zod-openapi";
import { SurveyDefinitionSchema } from "../lib/json-schemas.ts";
import { defineRoute } from "../lib/route.ts";
import { WAVE_STATUSES } from "./waves.service.ts";
import { errorResponses } from "../lib/errors.ts";
import { code, isoDateTime, line } from "../lib/fields.ts";
import { fieldError } from "../lib/error-fields.ts";

const tags = ["Veldwerk"];
const WaveParams = z.object({ waveId: z.uuid().openapi({ param: { name: "waveId", in: "path" } }) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const Instant = isoDateTime("plan");

export const WaveDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(WAVE_STATUSES),
    opensAt: z.string(),
    closesAt: z.string(),
    anonymous: z.boolean(),
    invited: z.number().int(),
    responded: z.number().int(),
    pausedAt: z.string().nullable(),
    questionnaireId: z.string(),
    questionnaire: z.object({ key: z.string(), version: z.number().int() }).nullable(),
    contactPerson: z.string().nullable(),
    reminderDays: z.array(z.number().int()),
    contactsEraseDays: z.number().int(),
    contactsErasedAt: z.string().nullable(),
    hasOpenLink: z.boolean(),
    copiedFromId: z.string().nullable(),
  })
  .openapi("WaveDetail");

export const WaveStatusInputSchema = z
  .object({
    action: z.enum(["open", "pause", "resume", "extend", "close"]),
    closesAt: Instant.optional(),
  })
  .strict();

export const changeWaveStatus = defineRoute({
  method: "post",
  path: "/waves/{waveId}/status",
  operationId: "changeWaveStatus",
  permission: "fieldwork:manage",
  tags,
  summary: "Meting openen, pauzeren, hervatten, verlengen of vervroegd sluiten",
  request: { params: WaveParams, body: { required: true, ...json(WaveStatusInputSchema) } },
  responses: { 200: { description: "Gewijzigd", ...json(z.object({ wave: WaveDetailSchema })) }, ...errorResponses(400, 404, 409) },
});

export const WaveSettingsSchema = z
  .object({
    contactPerson: line(200, 2).nullable().optional(),
    reminderDays: z.array(z.number().int().min(1).max(120)).max(5).optional(),
    contactsEraseDays: z.number().int().min(0).max(3650).optional(),
  })
  .strict();

export const updateWaveSettings = defineRoute({
  method: "patch",
  path: "/waves/{waveId}/settings",
  operationId: "updateWaveSettings",
  permission: "fieldwork:manage",
  tags,
  summary: "Contactpersoon, herinneringsschema (dagen na opening) en bewaartermijn van contactgegevens",
  request: { params: WaveParams, body: { required: true, ...json(WaveSettingsSchema) } },
  responses: { 200: { description: "Gewijzigd", ...json(z.object({ wave: WaveDetailSchema })) }, ...errorResponses(400, 404) },
});

export const CopyWaveSchema = z
  .object({
    name: line(120, 3),
    opensAt: Instant,
    closesAt: Instant,
    questionnaireId: z.uuid().optional(),
  })
  .strict()
  .refine((w) => new Date(w.closesAt) > new Date(w.opensAt), { ...fieldError("closes_before_opens"), path: ["closesAt"] });

export const copyWave = defineRoute({
  method: "post",
  path: "/waves/{waveId}/copy",
  operationId: "copyWave",
  permission: "fieldwork:manage",
  tags,
  summary: "Nieuwe meting als kopie van deze: vragenlijst, instellingen en contactlijst (zonder afmeldingen)",
  request: { params: WaveParams, body: { required: true, ...json(CopyWaveSchema) } },
  responses: {
    201: { description: "Aangemaakt", ...json(z.object({ wave: WaveDetailSchema, contactsCopied: z.number().int() })) },
    ...errorResponses(400, 404, 409),
  },
});

export const getWaveDetail = defineRoute({
  method: "get",
  path: "/waves/{waveId}",
  operationId: "getWaveDetail",
  permission: "waves:read",
  tags,
  summary: "Eén meting met status, instellingen en aantallen",
  request: { params: WaveParams },
  responses: { 200: { description: "Meting", ...json(z.object({ wave: WaveDetailSchema })) }, ...errorResponses(404) },
});

export const getLatestClosedWave = defineRoute({
  method: "get",
  path: "/waves/latest-closed",
  operationId: "getLatestClosedWave",
  permission: "waves:read",
  tags,
  summary: "De laatst gesloten meting met antwoorden (de standaardweergave van de resultaten)",
  responses: { 200: { description: "Meting of null", ...json(z.object({ wave: WaveDetailSchema.nullable() })) } },
});

const Tally = { invited: z.number().int(), opened: z.number().int(), started: z.number().int(), submitted: z.number().int() };
const GroupTally = z.object({ group: z.string(), ...Tally, responseRate: z.number().nullable() });
const Rate = z.object({ invited: z.number().int(), submitted: z.number().int(), responseRate: z.number().nullable() });

export const getWaveFieldwork = defineRoute({
  method: "get",
  path: "/waves/{waveId}/fieldwork",
  operationId: "getWaveFieldwork",
  permission: "fieldwork:read",
  tags,
  summary:
    "Veldwerkmonitor: uitgenodigd, geopend, begonnen, ingestuurd per dag en per groep, en de respons tegen de vorige meting op dezelfde veldwerkdag",
  request: { params: WaveParams },
  responses: {
    200: {
      description: "Veldwerk",
      ...json(
        z
          .object({
            wave: z.object({ id: z.string(), name: z.string(), status: z.string(), opensAt: z.string(), closesAt: z.string() }),
            fieldworkDay: z.number().int(),
            totals: GroupTally,
            days: z.array(z.object({ date: z.string(), ...Tally, cumulative: z.object(Tally) })),
            groups: z.object({ organisationType: z.array(GroupTally), branch: z.array(GroupTally) }),
            sameDay: z.object({ current: Rate, previous: Rate.extend({ id: z.string(), name: z.string() }).nullable() }),
          })
          .openapi("WaveFieldwork"),
      ),
    },
    ...errorResponses(404),
  },
});

export const enableOpenLink = defineRoute({
  method: "post",
  path: "/waves/{waveId}/open-link",
  operationId: "enableOpenLink",
  permission: "fieldwork:manage",
  tags,
  summary: "De open link van een anonieme meting (één link, veel antwoorden); dezelfde link bij elke aanroep",
  request: { params: WaveParams },
  responses: { 200: { description: "Open link", ...json(z.object({ url: z.string(), token: z.string() })) }, ...errorResponses(404, 409) },
});

export const getOpenLinkQr = defineRoute({
  method: "get",
  path: "/waves/{waveId}/open-link/qr",
  operationId: "getOpenLinkQr",
  permission: "fieldwork:manage",
  tags,
  summary: "QR-code van de open link als PNG of SVG",
  request: { params: WaveParams, query: z.object({ format: z.enum(["png", "svg"]).default("png") }) },
  responses: {
    200: {
      description: "QR-code",
      content: { "image/png": { schema: z.string().openapi({ format: "binary" }) }, "image/svg+xml": { schema: z.string() } },
    },
    ...errorResponses(400, 404),
  },
});

export const exportWaveResponses = defineRoute({
  method: "get",
  path: "/waves/{waveId}/export",
  operationId: "exportWaveResponses",
  permission: "responses:export",
  tags,
  summary: "Ruwe antwoorden met codeboek: XLSX (twee werkbladen) of CSV (ZIP met twee bestanden)",
  request: { params: WaveParams, query: z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx") }) },
  responses: {
    200: {
      description: "Download",
      content: {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) },
        "application/zip": { schema: z.string().openapi({ format: "binary" }) },
      },
    },
    ...errorResponses(400, 404),
  },
});

export const getDimensionTrend = defineRoute({
  method: "get",
  path: "/results/trend",
  operationId: "getDimensionTrend",
  permission: "results:read",
  tags: ["Metingen"],
  summary: "Trend per dimensie over alle metingen (gemiddelde en n per meting; n < 5 onderdrukt)",
  request: { query: z.object({ questionnaireKey: code(60).optional() }) },
  responses: {
    200: {
      description: "Trend",
      ...json(
        z
          .object({
            waves: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                opensAt: z.string(),
                closesAt: z.string(),
                status: z.string(),
                running: z.boolean(),
                questionnaire: z.string(),
              }),
            ),
            dimensions: z.array(
              z.object({
                dimension: z.string(),
                points: z.array(
                  z.object({
                    waveId: z.string(),
                    n: z.number().int(),
                    mean: z.number().nullable(),
                    suppressed: z.boolean(),
                  }),
                ),
              }),
            ),
          })
          .openapi("DimensionTrend"),
      ),
    },
    ...errorResponses(400),
  },
});

// ---- public: the open link itself ----------------------------------------------------

const OpenParams = z.object({
  token: z
    .string()
    .regex(/^[a-z2-7]{16,64}$/, "Ongeldige link.")
    .openapi({ param: { name: "token", in: "path" } }),
});

export const getOpenSurvey = defineRoute({
  method: "get",
  path: "/o/{token}",
  operationId: "getOpenSurvey",
  permission: "public",
  tags: ["Enquête invullen"],
  summary: "De vragenlijst achter een open link",
  request: { params: OpenParams },
  responses: {
    200: {
      description: "Vragenlijst",
      ...json(
        z.object({
          wave: z.object({ name: z.string(), closesAt: z.string(), anonymous: z.boolean() }),
          definition: SurveyDefinitionSchema,
        }),
      ),
    },
    ...errorResponses(400, 403, 404, 410),
  },
});

export const submitOpenResponse = defineRoute({
  method: "post",
  path: "/o/{token}/response",
  operationId: "submitOpenResponse",
  permission: "public",
  tags: ["Enquête invullen"],
  summary: "Een antwoord via de open link (begrensd per client en uur)",
  request: { params: OpenParams, body: { required: true, ...json(z.object({ data: z.record(z.string(), z.unknown()) }).strict()) } },
  responses: {
    201: { description: "Ontvangen", ...json(z.object({ submittedAt: z.string() })) },
    ...errorResponses(400, 403, 404, 410, 422, 429),
  },
});
