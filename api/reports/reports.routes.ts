import { z } from "@hono/zod-openapi";
import { MunicipalityReportSchema } from "../domain/report/report.types.ts";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import { DeliverySchema, ReportQuery, SendReportsSchema } from "./reports.schemas.ts";

const tags = ["Uitdraai per gemeente"];
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const file = (type: string) => ({ [type]: { schema: z.string().openapi({ format: "binary" }) } });

export const getMunicipalityReport = defineRoute({
  method: "get",
  path: "/municipalities/{municipalityId}/report",
  operationId: "getMunicipalityReport",
  permission: "report:read",
  tags,
  summary: "Wat het ZVH deed voor één gemeente in een periode, als PDF, XLSX, CSV of JSON",
  request: {
    params: z.object({
      municipalityId: z
        .string()
        .max(60)
        .openapi({ param: { name: "municipalityId", in: "path" } }),
    }),
    query: ReportQuery,
  },
  responses: {
    200: {
      description: "Uitdraai",
      content: {
        ...file("application/pdf"),
        ...file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ...file("text/csv"),
        "application/json": { schema: MunicipalityReportSchema },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const sendMunicipalityReports = defineRoute({
  method: "post",
  path: "/reports/municipalities",
  operationId: "sendMunicipalityReports",
  permission: "report:send",
  tags,
  summary: "De uitdraai voor alle gemeenten in één keer klaarzetten (elke gemeente ziet alleen de eigen)",
  request: { body: { required: true, ...json(SendReportsSchema) } },
  responses: {
    201: { description: "Klaargezet", ...json(z.object({ deliveries: z.array(DeliverySchema) })) },
    ...errorResponses(400, 401, 403),
  },
});

export const listReportDeliveries = defineRoute({
  method: "get",
  path: "/reports/deliveries",
  operationId: "listReportDeliveries",
  permission: "report:read",
  tags,
  summary: "Klaargezette uitdraaien (een gemeente ziet alleen de eigen)",
  responses: {
    200: { description: "Uitdraaien", ...json(z.object({ deliveries: z.array(DeliverySchema) })) },
    ...errorResponses(401, 403),
  },
});

export const downloadReportDelivery = defineRoute({
  method: "get",
  path: "/reports/deliveries/{deliveryId}",
  operationId: "downloadReportDelivery",
  permission: "report:read",
  tags,
  summary: "Een klaargezette uitdraai downloaden, precies zoals die is verstuurd",
  request: {
    params: z.object({
      deliveryId: z
        .string()
        .max(60)
        .openapi({ param: { name: "deliveryId", in: "path" } }),
    }),
  },
  responses: { 200: { description: "PDF", content: file("application/pdf") }, ...errorResponses(401, 403, 404) },
});
