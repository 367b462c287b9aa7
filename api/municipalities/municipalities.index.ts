import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { asc, eq, sql } from "drizzle-orm";
import { createRouter } from "../lib/router.ts";
import { ApiError, errorResponses } from "../lib/errors.ts";
import { municipalities, waves } from "../../db/schema.ts";
import { inScope } from "../domain/auth/permissions.ts";
import { rows } from "../../db/migrate.ts";

const tags = ["Gemeenten"];
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const Municipality = z.object({ id: z.string(), name: z.string(), branchId: z.string() }).openapi("Municipality");

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
  request: {
    params: z.object({
      municipalityId: z
        .string()
        .max(60)
        .openapi({ param: { name: "municipalityId", in: "path" } }),
    }),
  },
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

export const municipalitiesRouter = createRouter()
  .openapi(listMunicipalities, async (c) => {
    const all = await c.var.deps.db.select().from(municipalities).orderBy(asc(municipalities.name));
    return c.json({ municipalities: all.filter((m) => inScope(c.var.scope, c.var.principal, { municipalityId: m.id })) }, 200);
  })
  .openapi(getMunicipalityFigures, async (c) => {
    const { db } = c.var.deps;
    const id = c.req.valid("param").municipalityId;
    const [m] = await db.select().from(municipalities).where(eq(municipalities.id, id));
    // Out of scope looks exactly like not found: a guessed id reveals nothing.
    if (!m || !inScope(c.var.scope, c.var.principal, { municipalityId: m.id })) {
      throw new ApiError(404, "not_found", "Gemeente niet gevonden.");
    }
    const figures = rows<{ wave: string; invited: number; responded: number }>(
      await db.execute(sql`
      select w.name as wave, count(i.id)::int as invited, count(i.submitted_at)::int as responded
      from ${waves} w left join invitations i on i.wave_id = w.id and i.municipality_id = ${m.id}
      group by w.name, w.opens_at order by w.opens_at`),
    );
    return c.json({ municipality: m, waves: figures }, 200);
  });
