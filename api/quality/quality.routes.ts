import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../lib/errors.ts";
import { eventDate, text } from "../lib/fields.ts";
import * as s from "./quality.schemas.ts";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const param = (name: string) => z.object({ [name]: z.string().max(60).openapi({ param: { name, in: "path" } }) });
const Any = (name: string) => z.record(z.string(), z.unknown()).openapi(name);
const findingsTag = ["Bevindingen en acties"], evidenceTag = ["Bewijs"];

export const listFindings = createRoute({
  method: "get", path: "/findings", operationId: "listFindings", tags: findingsTag, summary: "Bevindingen met hun acties",
  request: { query: z.object({ status: z.enum(["open", "gesloten"]).optional(), source: z.enum(s.FINDING_SOURCES).optional(),
    classification: z.enum(s.CLASSIFICATIONS).optional(), wave: z.uuid().optional() }) },
  responses: { 200: { description: "Bevindingen", ...json(z.object({ findings: z.array(Any("Finding")) })) }, ...errorResponses(400, 401, 403) },
});
export const createFinding = createRoute({
  method: "post", path: "/findings", operationId: "createFinding", tags: findingsTag, summary: "Bevinding vastleggen",
  request: body(s.NewFindingSchema),
  responses: { 201: { description: "Vastgelegd", ...json(z.object({ finding: Any("Finding") })) }, ...errorResponses(400, 401, 403, 404) },
});
export const getFinding = createRoute({
  method: "get", path: "/findings/{findingId}", operationId: "getFinding", tags: findingsTag,
  summary: "Bevinding met acties, automatische effectmeting, beoordelingen, bewijs en wat sluiten nog tegenhoudt",
  request: { params: param("findingId") },
  responses: { 200: { description: "Bevinding", ...json(z.object({ finding: Any("FindingDetail") })) }, ...errorResponses(401, 403, 404) },
});
export const updateFinding = createRoute({
  method: "patch", path: "/findings/{findingId}", operationId: "updateFinding", tags: findingsTag,
  summary: "Correctie, oorzaakanalyse (5x waarom of visgraat), oorzaak en vergelijkbare gevallen vastleggen",
  request: { params: param("findingId"), ...body(s.FindingUpdateSchema) },
  responses: { 200: { description: "Gewijzigd", ...json(z.object({ finding: Any("Finding") })) }, ...errorResponses(400, 401, 403, 404, 409) },
});
export const createFindingFromWave = createRoute({
  method: "post", path: "/waves/{waveId}/findings", operationId: "createFindingFromWave", tags: findingsTag,
  summary: "Een laag scorende dimensie of vraag in één stap tot bevinding maken, met de nulmeting (score, n, interval)",
  request: { params: param("waveId"), ...body(s.FromWaveSchema) },
  responses: { 201: { description: "Vastgelegd", ...json(z.object({ finding: Any("Finding") })) }, ...errorResponses(400, 401, 403, 404, 409) },
});
export const closeFinding = createRoute({
  method: "post", path: "/findings/{findingId}/close", operationId: "closeFinding", tags: findingsTag,
  summary: "Bevinding sluiten (een afwijking alleen met oorzaak, afgeronde acties en een onafhankelijke doeltreffendheidsbeoordeling met bewijs)",
  request: { params: param("findingId"), body: { required: false, ...json(s.CloseSchema) } },
  responses: { 200: { description: "Gesloten", ...json(z.object({ finding: Any("Finding") })) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
export const getClosingCheck = createRoute({
  method: "get", path: "/findings/{findingId}/closing-check", operationId: "getClosingCheck", tags: findingsTag,
  summary: "Wat nog openstaat voor het sluiten: acties niet gereed, effect nog niet meetbaar, geen doeltreffendheidsbeoordeling; of een reden nodig is",
  request: { params: param("findingId") },
  responses: { 200: { description: "Sluitcontrole", ...json(s.ClosingCheckSchema) }, ...errorResponses(401, 403, 404) },
});
export const reopenFinding = createRoute({
  method: "post", path: "/findings/{findingId}/reopen", operationId: "reopenFinding", tags: findingsTag,
  summary: "Een gesloten bevinding heropenen, met reden (in de audittrail)",
  request: { params: param("findingId"), ...body(s.ReopenSchema) },
  responses: { 200: { description: "Heropend", ...json(z.object({ finding: s.FindingSchema })) }, ...errorResponses(400, 401, 403, 404, 409) },
});
export const createEffectivenessReview = createRoute({
  method: "post", path: "/findings/{findingId}/reviews", operationId: "createEffectivenessReview", tags: findingsTag,
  summary: "Doeltreffendheid beoordelen (niet door de actie-eigenaar), met bewijs",
  request: { params: param("findingId"), ...body(s.ReviewSchema) },
  responses: { 201: { description: "Beoordeeld", ...json(z.object({ review: Any("EffectivenessReview") })) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

export const listActions = createRoute({
  method: "get", path: "/actions", operationId: "listActions", tags: findingsTag, summary: "Verbeteracties (ook: van mij, over de deadline)",
  request: { query: z.object({ owner: z.union([z.literal("me"), z.uuid()]).optional(), status: z.enum(s.ACTION_STATUSES).optional(),
    overdue: z.enum(["true", "false"]).transform((v) => v === "true").optional() }) },
  responses: { 200: { description: "Acties", ...json(z.object({ actions: z.array(Any("Action")) })) }, ...errorResponses(400, 401, 403) },
});
export const createAction = createRoute({
  method: "post", path: "/actions", operationId: "createAction", tags: findingsTag,
  summary: "Verbeteractie plannen, met eigenaar, deadline, PDCA-fase en een vooraf geschreven effectcriterium",
  request: body(s.NewActionSchema),
  responses: { 201: { description: "Gepland", ...json(z.object({ action: Any("Action") })) }, ...errorResponses(400, 401, 403, 409, 422) },
});
export const updateAction = createRoute({
  method: "patch", path: "/actions/{actionId}", operationId: "updateAction", tags: findingsTag, summary: "Status, fase, eigenaar of deadline wijzigen",
  request: { params: param("actionId"), ...body(s.ActionUpdateSchema) },
  responses: { 200: { description: "Gewijzigd", ...json(z.object({ action: Any("Action") })) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
export const evaluateAction = createRoute({
  method: "get", path: "/actions/{actionId}/evaluation", operationId: "evaluateAction", tags: findingsTag,
  summary: "Het effectcriterium automatisch toetsen: nulmeting → resultaat, gehaald of niet, met statistische kanttekeningen",
  request: { params: param("actionId") },
  responses: { 200: { description: "Toetsing", ...json(Any("Evaluation")) }, ...errorResponses(401, 403, 404) },
});

export const EvidenceForm = z.object({
  file: z.any().openapi({ type: "string", format: "binary" }),
  concernsDate: eventDate(), description: text(1000).optional(),
  findingId: z.uuid().optional(), actionId: z.uuid().optional(), auditId: z.uuid().optional(),
});
export const uploadEvidence = createRoute({
  method: "post", path: "/evidence", operationId: "uploadEvidence", tags: evidenceTag,
  summary: "Bewijs uploaden (max. 10 MB): opgeslagen met SHA-256, grootte, uploader, uploaddatum en de datum waarover het gaat",
  request: { body: { required: true, content: { "multipart/form-data": { schema: EvidenceForm } } } },
  responses: { 201: { description: "Opgeslagen", ...json(z.object({ evidence: Any("Evidence") })) }, ...errorResponses(400, 401, 403, 404, 413, 415) },
});
export const downloadEvidence = createRoute({
  method: "get", path: "/evidence/{evidenceId}", operationId: "downloadEvidence", tags: evidenceTag, summary: "Bewijsstuk downloaden",
  request: { params: param("evidenceId") },
  responses: { 200: { description: "Bestand", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } }, ...errorResponses(401, 403, 404) },
});

export const listPeople = createRoute({
  method: "get", path: "/people", operationId: "listPeople", tags: findingsTag,
  summary: "Medewerkers die eigenaar van een actie of risico kunnen zijn (actieve accounts, geen gemeente- of auditoraccounts)",
  responses: { 200: { description: "Mensen", ...json(z.object({ people: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) })) },
    ...errorResponses(401, 403) },
});

export const getQualityDigest = createRoute({
  method: "get", path: "/quality/digest", operationId: "getQualityDigest", tags: findingsTag,
  summary: "Wat aandacht vraagt: acties over de deadline, beoordelingen die klaarstaan, late audits, risico's niet tijdig beoordeeld",
  responses: { 200: { description: "Overzicht", ...json(Any("QualityDigest")) }, ...errorResponses(401, 403) },
});
