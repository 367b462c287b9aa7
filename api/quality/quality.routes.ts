import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import { eventDate, text } from "../lib/fields.ts";
import * as s from "./quality.schemas.ts";
import * as r from "./quality.responses.ts";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const param = (name: string) =>
  z.object({
    [name]: z
      .string()
      .max(60)
      .openapi({ param: { name, in: "path" } }),
  });
const findingsTag = ["Bevindingen en acties"],
  evidenceTag = ["Bewijs"];

export const listFindings = defineRoute({
  method: "get",
  path: "/findings",
  operationId: "listFindings",
  permission: "quality:read",
  tags: findingsTag,
  summary: "Bevindingen met hun acties",
  request: {
    query: z.object({
      status: z.enum(["open", "gesloten"]).optional(),
      source: z.enum(s.FINDING_SOURCES).optional(),
      classification: z.enum(s.CLASSIFICATIONS).optional(),
      wave: z.uuid().optional(),
    }),
  },
  responses: {
    200: { description: "Bevindingen", ...json(z.object({ findings: z.array(r.FindingListItemSchema) })) },
    ...errorResponses(400, 401, 403),
  },
});
export const createFinding = defineRoute({
  method: "post",
  path: "/findings",
  operationId: "createFinding",
  permission: "quality:write",
  tags: findingsTag,
  summary: "Bevinding vastleggen",
  request: body(s.NewFindingSchema),
  responses: { 201: { description: "Vastgelegd", ...json(z.object({ finding: r.FindingSchema })) }, ...errorResponses(400, 401, 403, 404) },
});
export const getFinding = defineRoute({
  method: "get",
  path: "/findings/{findingId}",
  operationId: "getFinding",
  permission: "quality:read",
  tags: findingsTag,
  summary: "Bevinding met acties, automatische effectmeting, beoordelingen, bewijs en wat sluiten nog tegenhoudt",
  request: { params: param("findingId") },
  responses: { 200: { description: "Bevinding", ...json(z.object({ finding: r.FindingDetailSchema })) }, ...errorResponses(401, 403, 404) },
});
export const updateFinding = defineRoute({
  method: "patch",
  path: "/findings/{findingId}",
  operationId: "updateFinding",
  permission: "quality:write",
  tags: findingsTag,
  summary: "Correctie, oorzaakanalyse (5x waarom of visgraat), oorzaak en vergelijkbare gevallen vastleggen",
  request: { params: param("findingId"), ...body(s.FindingUpdateSchema) },
  responses: {
    200: { description: "Gewijzigd", ...json(z.object({ finding: r.FindingSchema })) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
export const createFindingFromWave = defineRoute({
  method: "post",
  path: "/waves/{waveId}/findings",
  operationId: "createFindingFromWave",
  permission: "quality:write",
  tags: findingsTag,
  summary: "Een laag scorende dimensie of vraag in één stap tot bevinding maken, met de nulmeting (score, n, interval)",
  request: { params: param("waveId"), ...body(s.FromWaveSchema) },
  responses: {
    201: { description: "Vastgelegd", ...json(z.object({ finding: r.FindingSchema })) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
export const closeFinding = defineRoute({
  method: "post",
  path: "/findings/{findingId}/close",
  operationId: "closeFinding",
  permission: "quality:write",
  tags: findingsTag,
  summary:
    "Bevinding sluiten (een afwijking alleen met oorzaak, afgeronde acties en een onafhankelijke doeltreffendheidsbeoordeling met bewijs)",
  request: { params: param("findingId"), body: { required: false, ...json(s.CloseSchema) } },
  responses: {
    200: { description: "Gesloten", ...json(z.object({ finding: r.FindingSchema })) },
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});
export const getClosingCheck = defineRoute({
  method: "get",
  path: "/findings/{findingId}/closing-check",
  operationId: "getClosingCheck",
  permission: "quality:read",
  tags: findingsTag,
  summary:
    "Wat nog openstaat voor het sluiten: acties niet gereed, effect nog niet meetbaar, geen doeltreffendheidsbeoordeling; of een reden nodig is",
  request: { params: param("findingId") },
  responses: { 200: { description: "Sluitcontrole", ...json(s.ClosingCheckSchema) }, ...errorResponses(401, 403, 404) },
});
export const reopenFinding = defineRoute({
  method: "post",
  path: "/findings/{findingId}/reopen",
  operationId: "reopenFinding",
  permission: "quality:write",
  tags: findingsTag,
  summary: "Een gesloten bevinding heropenen, met reden (in de audittrail)",
  request: { params: param("findingId"), ...body(s.ReopenSchema) },
  responses: {
    200: { description: "Heropend", ...json(z.object({ finding: r.FindingSchema })) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
export const createEffectivenessReview = defineRoute({
  method: "post",
  path: "/findings/{findingId}/reviews",
  operationId: "createEffectivenessReview",
  permission: "quality:write",
  tags: findingsTag,
  summary: "Doeltreffendheid beoordelen (niet door de actie-eigenaar), met bewijs",
  request: { params: param("findingId"), ...body(s.ReviewSchema) },
  responses: {
    201: { description: "Beoordeeld", ...json(z.object({ review: r.EffectivenessReviewSchema })) },
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

export const listActions = defineRoute({
  method: "get",
  path: "/actions",
  operationId: "listActions",
  permission: "quality:read",
  tags: findingsTag,
  summary: "Verbeteracties (ook: van mij, over de deadline)",
  request: {
    query: z.object({
      owner: z.union([z.literal("me"), z.uuid()]).optional(),
      status: z.enum(s.ACTION_STATUSES).optional(),
      overdue: z
        .enum(["true", "false"])
        .transform((v) => v === "true")
        .optional(),
    }),
  },
  responses: {
    200: { description: "Acties", ...json(z.object({ actions: z.array(r.ActionListItemSchema) })) },
    ...errorResponses(400, 401, 403),
  },
});
export const createAction = defineRoute({
  method: "post",
  path: "/actions",
  operationId: "createAction",
  permission: "quality:write",
  tags: findingsTag,
  summary: "Verbeteractie plannen, met eigenaar, deadline, PDCA-fase en een vooraf geschreven effectcriterium",
  request: body(s.NewActionSchema),
  responses: { 201: { description: "Gepland", ...json(z.object({ action: r.ActionSchema })) }, ...errorResponses(400, 401, 403, 409, 422) },
});
export const updateAction = defineRoute({
  method: "patch",
  path: "/actions/{actionId}",
  operationId: "updateAction",
  permission: "quality:write",
  tags: findingsTag,
  summary: "Status, fase, eigenaar of deadline wijzigen",
  request: { params: param("actionId"), ...body(s.ActionUpdateSchema) },
  responses: {
    200: { description: "Gewijzigd", ...json(z.object({ action: r.ActionSchema })) },
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});
export const evaluateAction = defineRoute({
  method: "get",
  path: "/actions/{actionId}/evaluation",
  operationId: "evaluateAction",
  permission: "quality:read",
  tags: findingsTag,
  summary: "Het effectcriterium automatisch toetsen: nulmeting → resultaat, gehaald of niet, met statistische kanttekeningen",
  request: { params: param("actionId") },
  responses: { 200: { description: "Toetsing", ...json(r.EvaluationSchema) }, ...errorResponses(401, 403, 404) },
});

export const EvidenceForm = z.object({
  file: z.any().openapi({ type: "string", format: "binary" }),
  concernsDate: eventDate(),
  description: text(1000).optional(),
  findingId: z.uuid().optional(),
  actionId: z.uuid().optional(),
  auditId: z.uuid().optional(),
});
export const uploadEvidence = defineRoute({
  method: "post",
  path: "/evidence",
  operationId: "uploadEvidence",
  permission: "quality:write",
  tags: evidenceTag,
  summary: "Bewijs uploaden (max. 10 MB): opgeslagen met SHA-256, grootte, uploader, uploaddatum en de datum waarover het gaat",
  request: { body: { required: true, content: { "multipart/form-data": { schema: EvidenceForm } } } },
  responses: {
    201: { description: "Opgeslagen", ...json(z.object({ evidence: r.EvidenceSchema })) },
    ...errorResponses(400, 401, 403, 404, 413, 415),
  },
});
export const downloadEvidence = defineRoute({
  method: "get",
  path: "/evidence/{evidenceId}",
  operationId: "downloadEvidence",
  permission: "quality:read",
  tags: evidenceTag,
  summary: "Bewijsstuk downloaden",
  request: { params: param("evidenceId") },
  responses: {
    200: { description: "Bestand", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } },
    ...errorResponses(401, 403, 404),
  },
});

export const listPeople = defineRoute({
  method: "get",
  path: "/people",
  operationId: "listPeople",
  permission: "quality:read",
  tags: findingsTag,
  summary: "Medewerkers die eigenaar van een actie of risico kunnen zijn (actieve accounts, geen gemeente- of auditoraccounts)",
  responses: {
    200: {
      description: "Mensen",
      ...json(z.object({ people: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) })),
    },
    ...errorResponses(401, 403),
  },
});

export const getQualityDigest = defineRoute({
  method: "get",
  path: "/quality/digest",
  operationId: "getQualityDigest",
  permission: "quality:read",
  tags: findingsTag,
  summary: "Wat aandacht vraagt: acties over de deadline, beoordelingen die klaarstaan, late audits, risico's niet tijdig beoordeeld",
  responses: { 200: { description: "Overzicht", ...json(r.QualityDigestSchema) }, ...errorResponses(401, 403) },
});
