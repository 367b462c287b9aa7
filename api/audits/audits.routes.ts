import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import * as s from "./audits.schemas.ts";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const AuditParams = z.object({ auditId: z.uuid().openapi({ param: { name: "auditId", in: "path" } }) });
const ProcessParams = z.object({
  processId: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: "processId", in: "path" } }),
});
const tags = ["Interne audits"];
const AuditBody = json(z.object({ audit: s.AuditDetailSchema }));

export const listProcesses = defineRoute({
  method: "get",
  path: "/processes",
  operationId: "listProcesses",
  permission: "quality:read",
  tags,
  summary: "Processen met eigenaren en risicogewicht",
  responses: { 200: { description: "Processen", ...json(z.object({ processes: z.array(s.ProcessSchema) })) }, ...errorResponses(401, 403) },
});
export const updateProcess = defineRoute({
  method: "patch",
  path: "/processes/{processId}",
  operationId: "updateProcess",
  permission: "audits:write",
  tags,
  summary: "Proceseigenaren of risicogewicht wijzigen",
  request: { params: ProcessParams, ...body(s.ProcessUpdateSchema) },
  responses: {
    200: { description: "Gewijzigd", ...json(z.object({ process: s.ProcessSchema })) },
    ...errorResponses(400, 401, 403, 404, 422),
  },
});
export const getAuditProgramme = defineRoute({
  method: "get",
  path: "/audits/programme",
  operationId: "getAuditProgramme",
  permission: "quality:read",
  tags,
  summary: "Auditprogramma van een jaar: aanbevolen frequentie per proces, geplande audits, tekorten en te late audits",
  request: { query: s.ProgrammeQuery },
  responses: { 200: { description: "Programma", ...json(s.ProgrammeSchema) }, ...errorResponses(400, 401, 403) },
});
export const getAudit = defineRoute({
  method: "get",
  path: "/audits/{auditId}",
  operationId: "getAudit",
  permission: "quality:read",
  tags,
  summary: "Eén interne audit met zijn bevindingen",
  request: { params: AuditParams },
  responses: { 200: { description: "Audit", ...AuditBody }, ...errorResponses(400, 401, 403, 404) },
});
export const createAudit = defineRoute({
  method: "post",
  path: "/audits",
  operationId: "createAudit",
  permission: "audits:write",
  tags,
  summary: "Interne audit inplannen (onafhankelijke auditor verplicht)",
  request: body(s.NewAuditSchema),
  responses: { 201: { description: "Ingepland", ...AuditBody }, ...errorResponses(400, 401, 403, 422) },
});
export const updateAudit = defineRoute({
  method: "patch",
  path: "/audits/{auditId}",
  operationId: "updateAudit",
  permission: "audits:write",
  tags,
  summary: "Audit verzetten, team of scope wijzigen, uitvoering vastleggen of annuleren",
  request: { params: AuditParams, ...body(s.AuditUpdateSchema) },
  responses: { 200: { description: "Gewijzigd", ...AuditBody }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
export const reportAudit = defineRoute({
  method: "put",
  path: "/audits/{auditId}/report",
  operationId: "reportAudit",
  permission: "audits:write",
  tags,
  summary: "Auditrapport aan het management: sterke punten, conclusie en bevindingen",
  request: { params: AuditParams, ...body(s.AuditReportSchema) },
  responses: { 200: { description: "Gerapporteerd", ...AuditBody }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
