import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { WAVE_STATUSES } from "./waves.service.ts";
import { ORGANISATION_TYPES } from "../../db/schema.ts";
import { errorResponses } from "../lib/errors.ts";
import { OpenAnswersSchema, WaveComparisonSchema, WaveResultsSchema } from "./results.schemas.ts";
import { code, isoDateTime, line } from "../lib/fields.ts";
import { fieldError } from "../lib/error-fields.ts";

const tags = ["Metingen"];
const WaveParams = z.object({ waveId: z.uuid().openapi({ param: { name: "waveId", in: "path" } }) });

export const WaveSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(WAVE_STATUSES),
    opensAt: z.string(),
    closesAt: z.string(),
    anonymous: z.boolean(),
    invited: z.number(),
    responded: z.number(),
  })
  .openapi("Wave");

export const InvitationInputSchema = z
  .object({
    organisation: line(200, 2),
    organisationType: z.enum(ORGANISATION_TYPES),
    municipality: code(100).optional(),
    branch: code(100).optional(),
    email: z.email().max(254).optional(),
  })
  .strict();

export const listWaves = defineRoute({
  method: "get",
  path: "/waves",
  operationId: "listWaves",
  permission: "waves:read",
  tags,
  summary: "Alle metingen (waves) met status en aantallen",
  responses: {
    200: { description: "Metingen", content: { "application/json": { schema: z.object({ waves: z.array(WaveSchema) }) } } },
    ...errorResponses(401, 403),
  },
});

export const NewWaveSchema = z
  .object({
    name: line(120, 3),
    opensAt: isoDateTime("plan"),
    closesAt: isoDateTime("plan"),
    anonymous: z.boolean().default(true),
    questionnaireId: z.uuid().optional(),
  })
  .strict()
  .refine((w) => new Date(w.closesAt) > new Date(w.opensAt), { ...fieldError("closes_before_opens"), path: ["closesAt"] });

export const createWave = defineRoute({
  method: "post",
  path: "/waves",
  operationId: "createWave",
  permission: "waves:create",
  tags,
  summary: "Nieuwe meting (standaard anoniem, met de nieuwste versie van de standaardvragenlijst)",
  request: { body: { required: true, content: { "application/json": { schema: NewWaveSchema } } } },
  responses: {
    201: { description: "Aangemaakt", content: { "application/json": { schema: z.object({ wave: WaveSchema }) } } },
    ...errorResponses(400, 404, 409),
  },
});

export const createInvitations = defineRoute({
  method: "post",
  path: "/waves/{waveId}/invitations",
  operationId: "createInvitations",
  permission: "invitations:create",
  tags,
  summary: "Persoonlijke uitnodigingslinks aanmaken (de token wordt alleen nu getoond)",
  request: {
    params: WaveParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              invitations: z.array(InvitationInputSchema).min(1).max(5000),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: {
      description: "Aangemaakt",
      content: {
        "application/json": {
          schema: z.object({
            invitations: z.array(z.object({ invitationId: z.string(), organisation: z.string(), token: z.string(), url: z.string() })),
          }),
        },
      },
    },
    ...errorResponses(400, 404, 409),
  },
});

export const getWaveResults = defineRoute({
  method: "get",
  path: "/waves/{waveId}/results",
  operationId: "getWaveResults",
  permission: "results:read",
  tags,
  summary: "Resultaten per vraag, dimensie en groep, met onderdrukking van kleine groepen",
  request: { params: WaveParams },
  responses: {
    200: { description: "Resultaten", content: { "application/json": { schema: WaveResultsSchema } } },
    ...errorResponses(404),
  },
});

export const getWaveComparison = defineRoute({
  method: "get",
  path: "/waves/{waveId}/comparison",
  operationId: "getWaveComparison",
  permission: "results:read",
  tags,
  summary: "Deze meting tegen de vorige, met significantietoets per dimensie, vraag, NPS en respons",
  request: { params: WaveParams },
  responses: {
    200: { description: "Vergelijking", content: { "application/json": { schema: WaveComparisonSchema } } },
    ...errorResponses(404),
  },
});

export const listOpenAnswers = defineRoute({
  method: "get",
  path: "/waves/{waveId}/open-answers",
  operationId: "listOpenAnswers",
  permission: "results:read",
  tags,
  summary: "Open antwoorden, alleen voor groepen van minstens 10 respondenten",
  request: {
    params: WaveParams,
    query: z.object({ dimension: code(60).optional(), groupBy: z.enum(["organisationType", "branch"]).optional() }),
  },
  responses: {
    200: { description: "Open antwoorden", content: { "application/json": { schema: OpenAnswersSchema } } },
    ...errorResponses(400, 404),
  },
});
