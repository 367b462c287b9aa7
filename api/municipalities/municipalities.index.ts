import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { asc, eq, sql } from "drizzle-orm";
import { createRouter } from "../lib/router.ts";
import { ApiError, errorResponses } from "../lib/errors.ts";
import { municipalities, waves } from "../../db/schema.ts";
import { inScope } from "../domain/auth/permissions.ts";
import { rows } from "../../db/migrate.ts";
import { line } from "../lib/fields.ts";
import { actorOf } from "../lib/context.ts";
import { audited } from "../audit/audit.service.ts";

const tags = ["Gemeenten"];
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const Municipality = z
  .object({
    id: z.string(),
    name: z.string(),
    branchId: z.string(),
    // Where "send to all municipalities" mails the municipality's report; null: not sent.
    reportEmail: z.string().nullable(),
    reportContact: z.string().nullable(),
  })
  .openapi("Municipality");
const MunicipalityContactSchema = z
  .object({
    reportEmail: z.email().max(254).nullable(),
    reportContact: line(120).nullable(),
  })
  .strict()
  .openapi("MunicipalityContact");
const municipalityIdParam = z.object({
  municipalityId: z
    .string()
    .max(60)
    .openapi({ param: { name: "municipalityId", in: "path" } }),
});

export const listMunicipalities = defineRoute({
  method: "get",
  path: "/municipalities",
  operationId: "listMunicipalities",
  permission: "municipality:read",
  tags,
  summary: "Gemeenten (een gemeente-account ziet alleen de eigen)",
  responses: {
    200: { description: "Gemeenten", ...json(z.object({ municipalities: z.array(Municipality) })) },
    ...errorResponses(401, 403),
  },
});

export const getMunicipalityFigures = defineRoute({
  method: "get",
  path: "/municipalities/{municipalityId}/figures",
  operationId: "getMunicipalityFigures",
  permission: "municipality:read",
  tags,
  summary: "Eigen cijfers van een gemeente: deelname aan de metingen",
  request: { params: municipalityIdParam },
  responses: {
    200: {
      description: "Cijfers",
      ...json(
        z.object({
          municipality: Municipality,
          waves: z.array(
            z.object({
              wave: z.string(),
              invited: z.number(),
              responded: z.number(),
            }),
          ),
        }),
      ),
    },
    ...errorResponses(401, 403, 404),
  },
});

export const updateMunicipality = defineRoute({
  method: "put",
  path: "/municipalities/{municipalityId}",
  operationId: "updateMunicipality",
  permission: "registry:configure",
  tags,
  summary: "Ontvanger van de uitdraai per gemeente vastleggen (e-mailadres en contactpersoon)",
  request: {
    params: municipalityIdParam,
    body: { required: true, ...json(MunicipalityContactSchema) },
  },
  responses: {
    200: { description: "Opgeslagen", ...json(Municipality) },
    ...errorResponses(400, 401, 403, 404),
  },
});

const publicMunicipality = (m: typeof municipalities.$inferSelect) => ({
  id: m.id,
  name: m.name,
  branchId: m.branchId,
  reportEmail: m.reportEmail ?? null,
  reportContact: m.reportContact ?? null,
});

export const municipalitiesRouter = createRouter()
  .openapi(listMunicipalities, async (c) => {
    const all = await c.var.deps.db.select().from(municipalities).orderBy(asc(municipalities.name));
    return c.json(
      {
        municipalities: all.filter((m) => inScope(c.var.scope, c.var.principal, { municipalityId: m.id })).map(publicMunicipality),
      },
      200,
    );
  })
  .openapi(updateMunicipality, async (c) => {
    const { db } = c.var.deps;
    const now = c.var.deps.config.now();
    const id = c.req.valid("param").municipalityId;
    const body = c.req.valid("json");
    const next = { reportEmail: body.reportEmail || null, reportContact: body.reportContact || null };
    const updated = await audited(db, now, async (tx) => {
      // Locked: of parallel edits each waits for the one before, so its entry's "before" is what it replaced.
      const [before] = await tx.select().from(municipalities).where(eq(municipalities.id, id)).for("update");
      if (!before || !inScope(c.var.scope, c.var.principal, { municipalityId: before.id })) {
        throw new ApiError(404, "municipality_not_found");
      }
      const [after] = await tx.update(municipalities).set(next).where(eq(municipalities.id, id)).returning();
      return {
        result: after,
        audit: {
          ...actorOf(c),
          action: "update",
          entity: "municipality",
          entityId: id,
          before: { reportEmail: before.reportEmail, reportContact: before.reportContact },
          after: next,
        },
      };
    });
    return c.json(publicMunicipality(updated), 200);
  })
  .openapi(getMunicipalityFigures, async (c) => {
    const { db } = c.var.deps;
    const id = c.req.valid("param").municipalityId;
    const [m] = await db.select().from(municipalities).where(eq(municipalities.id, id));
    // Out of scope looks exactly like not found: a guessed id reveals nothing.
    if (!m || !inScope(c.var.scope, c.var.principal, { municipalityId: m.id })) {
      throw new ApiError(404, "municipality_not_found");
    }
    const figures = rows<{ wave: string; invited: number; responded: number }>(
      await db.execute(sql`
      select w.name as wave, count(i.id)::int as invited, count(i.submitted_at)::int as responded
      from ${waves} w left join invitations i on i.wave_id = w.id and i.municipality_id = ${m.id}
      group by w.name, w.opens_at order by w.opens_at`),
    );
    return c.json({ municipality: publicMunicipality(m), waves: figures }, 200);
  });
