import { z } from "@hono/zod-openapi";
import { IsoDate } from "../registry/registry.schemas.ts";
import { fieldError } from "../lib/error-fields.ts";

export const REPORT_FORMATS = ["pdf", "xlsx", "csv", "json"] as const;

const Period = { from: IsoDate, to: IsoDate };
const periodRule = (p: { from: string; to: string }) => p.from <= p.to;
const periodMessage = { ...fieldError("from_after_to"), path: ["to"] };

export const ReportQuery = z.object({ ...Period, format: z.enum(REPORT_FORMATS).default("pdf") }).refine(periodRule, periodMessage);
export const SendReportsSchema = z.object(Period).strict().refine(periodRule, periodMessage);

/** Where a municipality's report is: no address to send it to, in the outbox, sent, or refused (with the reason). */
export const DELIVERY_STATUSES = ["not_sent", "queued", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

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
    status: z.enum(DELIVERY_STATUSES),
    toAddress: z.string().nullable(),
    error: z.string().nullable(),
    sentAt: z.string().nullable(),
  })
  .openapi("ReportDelivery");
