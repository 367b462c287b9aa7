import { z } from "@hono/zod-openapi";
import { orNull } from "../lib/row-schema.ts";
import { defineRoute } from "../lib/route.ts";
import { desc, lt } from "drizzle-orm";
import { createRouter } from "../lib/router.ts";
import { errorResponses } from "../lib/errors.ts";
import { createSelectSchema } from "drizzle-zod";
import { auditLog } from "../../db/schema.ts";
import { AuditFieldsSchema } from "../lib/json-schemas.ts";
import { verifyAuditChain } from "./audit.service.ts";

const tags = ["Audittrail"];

export const AuditEntrySchema = createSelectSchema(auditLog, {
  before: orNull(AuditFieldsSchema), after: orNull(AuditFieldsSchema),
}).openapi("AuditEntry");
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

export const listAuditTrail = defineRoute({
  method: "get", path: "/audit", operationId: "listAuditTrail", permission: "audit:read", tags, summary: "Audittrail, nieuwste eerst (per 100)",
  request: { query: z.object({ before: z.coerce.number().int().positive().optional() }) },
  responses: { 200: { description: "Regels", ...json(z.object({ entries: z.array(AuditEntrySchema) })) }, ...errorResponses(400, 401, 403) },
});

export const verifyAuditTrail = defineRoute({
  method: "get", path: "/audit/verify", operationId: "verifyAuditTrail", permission: "audit:read", tags, summary: "Controleer de hashketen van de audittrail",
  responses: { 200: { description: "Resultaat", ...json(z.object({ ok: z.boolean(), entries: z.number(),
    firstBroken: z.object({ seq: z.number(), reason: z.string() }).optional() })) }, ...errorResponses(401, 403) },
});

export const auditRouter = createRouter()
  .openapi(listAuditTrail, async (c) => {
    const { before } = c.req.valid("query");
    const entries = await c.var.deps.db.select().from(auditLog)
      .where(before ? lt(auditLog.seq, before) : undefined).orderBy(desc(auditLog.seq)).limit(100);
    // before/after hold the JSON objects appendAudit was given.
    return c.json({ entries: entries.map((e) => ({ ...e, before: e.before as Record<string, unknown> | null, after: e.after as Record<string, unknown> | null })) }, 200);
  })
  .openapi(verifyAuditTrail, async (c) => c.json(await verifyAuditChain(c.var.deps.db), 200));
