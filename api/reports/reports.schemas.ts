import { z } from "@hono/zod-openapi";
import { IsoDate } from "../registry/registry.schemas.ts";

export const REPORT_FORMATS = ["pdf", "xlsx", "csv", "json"] as const;

const Period = { from: IsoDate, to: IsoDate };
const periodRule = (p: { from: string; to: string }) => p.from <= p.to;
const periodMessage = { message: "'from' moet voor of op 'to' liggen.", path: ["to"] };

export const ReportQuery = z.object({ ...Period, format: z.enum(REPORT_FORMATS).default("pdf") }).refine(periodRule, periodMessage);
export const SendReportsSchema = z.object(Period).strict().refine(periodRule, periodMessage);

export const DeliverySchema = z
  .object({
    id: z.string(),
    municipalityId: z.string(),
    municipality: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    sha256: z.string(),
    size: z.number(),
    generatedAt: z.string(),
  })
  .openapi("ReportDelivery");
