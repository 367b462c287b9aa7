import { z } from "@hono/zod-openapi";
import { orNull } from "../lib/row-schema.ts";
import { defineRoute } from "../lib/route.ts";
import { desc, lt } from "drizzle-orm";
import { createRouter } from "../lib/router.ts";
import { ApiError, errorResponses } from "../lib/errors.ts";
import { createSelectSchema } from "drizzle-zod";
import { auditLog } from "../../db/schema.ts";
import { AuditFieldsSchema } from "../lib/json-schemas.ts";
import { chainHead, parseAnchor, verifyAuditChain } from "./audit.service.ts";
import { detail } from "../lib/error-fields.ts";

const tags = ["Audittrail"];

export const AuditEntrySchema = createSelectSchema(auditLog, {
  before: orNull(AuditFieldsSchema),
  after: orNull(AuditFieldsSchema),
}).openapi("AuditEntry");
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

const Head = z.object({ seq: z.number(), hash: z.string() }).openapi("ChainHead");
const Break = z
  .object({ seq: z.number(), reason: z.enum(["chain_link", "content_changed", "anchor_missing", "anchor_mismatch"]) })
  .openapi("ChainBreak");

export const listAuditTrail = defineRoute({
  method: "get",
  path: "/audit",
  operationId: "listAuditTrail",
  permission: "audit:read",
  tags,
  summary: "Audittrail, nieuwste eerst (per 100)",
  request: { query: z.object({ before: z.coerce.number().int().positive().optional() }) },
  responses: {
    200: { description: "Regels", ...json(z.object({ entries: z.array(AuditEntrySchema) })) },
    ...errorResponses(400, 401, 403),
  },
});

export const verifyAuditTrail = defineRoute({
  method: "get",
  path: "/audit/verify",
  operationId: "verifyAuditTrail",
  permission: "audit:read",
  tags,
  summary: "Controleer de hashketen van de audittrail",
  description:
    "Meldt elke breuk, niet alleen de eerste. Met `anchor` (een eerder genoteerde kop, `<seq>:<hash>` of alleen de hash) " +
    "ook of die regel nog onveranderd bestaat: afkappen of herschrijven tot en met het anker valt dan op.",
  request: { query: z.object({ anchor: z.string().max(200).optional() }) },
  responses: {
    200: {
      description: "Resultaat",
      ...json(
        z.object({
          ok: z.boolean(),
          entries: z.number(),
          breaks: z.array(Break),
          firstBroken: Break.optional(),
          head: orNull(Head),
          anchor: z.object({ hash: z.string(), found: z.boolean(), seq: z.number().nullable() }).optional(),
        }),
      ),
    },
    ...errorResponses(400, 401, 403),
  },
});

export const getAuditAnchor = defineRoute({
  method: "get",
  path: "/audit/anchor",
  operationId: "getAuditAnchor",
  permission: "audit:read",
  tags,
  summary: "De kop van de hashketen (om buiten de database te bewaren)",
  responses: { 200: { description: "Kop", ...json(z.object({ head: orNull(Head) })) }, ...errorResponses(401, 403) },
});

export const auditRouter = createRouter()
  .openapi(listAuditTrail, async (c) => {
    const { before } = c.req.valid("query");
    const entries = await c.var.deps.db
      .select()
      .from(auditLog)
      .where(before ? lt(auditLog.seq, before) : undefined)
      .orderBy(desc(auditLog.seq))
      .limit(100);
    // before/after hold the JSON objects appendAudit was given.
    return c.json(
      {
        entries: entries.map((e) => ({
          ...e,
          before: e.before as Record<string, unknown> | null,
          after: e.after as Record<string, unknown> | null,
        })),
      },
      200,
    );
  })
  .openapi(verifyAuditTrail, async (c) => {
    const { anchor } = c.req.valid("query");
    const parsed = anchor === undefined ? undefined : parseAnchor(anchor);
    if (parsed === null) {
      throw new ApiError(400, "invalid_anchor", {}, [{ path: "anchor", ...detail("field_format") }]);
    }
    return c.json(await verifyAuditChain(c.var.deps.db, parsed), 200);
  })
  .openapi(getAuditAnchor, async (c) => c.json({ head: await chainHead(c.var.deps.db) }, 200));
