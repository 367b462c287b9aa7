import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import * as s from "./risks.schemas.ts";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const RiskParams = z.object({
  riskId: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: "riskId", in: "path" }, description: "id of kenmerk (R-001, K-001)" }),
});
const tags = ["Risico's en kansen"];
const One = json(z.object({ risk: s.RiskSchema }));

export const getRiskMatrix = defineRoute({
  method: "get",
  path: "/risks/matrix",
  operationId: "getRiskMatrix",
  permission: "quality:read",
  tags,
  summary: "De risicomatrix (kans × impact); voor kansen leest dezelfde matrix als baat",
  responses: { 200: { description: "Matrix", ...json(s.RiskMatrixSchema) }, ...errorResponses(401, 403) },
});
export const updateRiskMatrix = defineRoute({
  method: "put",
  path: "/risks/matrix",
  operationId: "updateRiskMatrix",
  permission: "risks:write",
  tags,
  summary: "Risicomatrix instellen; de niveaus van alle risico's volgen direct de nieuwe matrix",
  request: body(s.RiskMatrixSchema),
  responses: { 200: { description: "Ingesteld", ...json(s.RiskMatrixSchema) }, ...errorResponses(400, 401, 403, 422) },
});

export const listRisks = defineRoute({
  method: "get",
  path: "/risks",
  operationId: "listRisks",
  permission: "quality:read",
  tags,
  summary: "Risico- en kansenregister met niveaus, herbeoordeling, acties, verloop en heatmap",
  request: { query: s.RiskListQuery },
  responses: {
    200: { description: "Register", ...json(z.object({ risks: z.array(s.RiskSchema), heatmap: s.HeatmapSchema })) },
    ...errorResponses(400, 401, 403),
  },
});
export const getRisk = defineRoute({
  method: "get",
  path: "/risks/{riskId}",
  operationId: "getRisk",
  permission: "quality:read",
  tags,
  summary: "Eén risico of kans met de volledige geschiedenis (wie, wanneer, wat)",
  request: { params: RiskParams },
  responses: {
    200: { description: "Risico", ...json(z.object({ risk: s.RiskSchema, history: z.array(s.RiskHistoryEntrySchema) })) },
    ...errorResponses(401, 403, 404),
  },
});
export const createRisk = defineRoute({
  method: "post",
  path: "/risks",
  operationId: "createRisk",
  permission: "risks:write",
  tags,
  summary: "Risico of kans vastleggen; het restrisico mag het inherente risico niet overschrijden",
  request: body(s.NewRiskSchema),
  responses: { 201: { description: "Vastgelegd", ...One }, ...errorResponses(400, 401, 403, 422) },
});
export const updateRisk = defineRoute({
  method: "patch",
  path: "/risks/{riskId}",
  operationId: "updateRisk",
  permission: "risks:write",
  tags,
  summary: "Risico of kans wijzigen of afsluiten (closedOn); elke wijziging is een nieuwe versie",
  request: { params: RiskParams, ...body(s.RiskUpdateSchema) },
  responses: { 200: { description: "Gewijzigd", ...One }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
export const reviewRisk = defineRoute({
  method: "post",
  path: "/risks/{riskId}/review",
  operationId: "reviewRisk",
  permission: "risks:write",
  tags,
  summary: "Herbeoordeling vastleggen, ook als de scores gelijk blijven",
  request: { params: RiskParams, ...body(s.RiskReviewSchema) },
  responses: { 200: { description: "Beoordeeld", ...One }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
export const linkRiskActions = defineRoute({
  method: "put",
  path: "/risks/{riskId}/actions",
  operationId: "linkRiskActions",
  permission: "risks:write",
  tags,
  summary: "Verbeteracties aan een risico of kans koppelen (de hele lijst; weggelaten acties worden ontkoppeld)",
  request: { params: RiskParams, ...body(s.RiskActionsSchema) },
  responses: { 200: { description: "Gekoppeld", ...One }, ...errorResponses(400, 401, 403, 404, 409) },
});
