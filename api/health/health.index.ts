import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { sql } from "drizzle-orm";
import { createRouter } from "../lib/router.ts";

export const getHealth = defineRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  permission: "public",
  tags: ["Systeem"],
  summary: "Leeft de API en bereikt hij de database?",
  responses: {
    200: {
      description: "Gezond",
      content: {
        "application/json": {
          schema: z.object({
            status: z.literal("ok"),
            database: z.literal("ok"),
            version: z.string(),
            time: z.string(),
          }),
        },
      },
    },
  },
});

export const healthRouter = createRouter().openapi(getHealth, async (c) => {
  const { db, config } = c.var.deps;
  await db.execute(sql`select 1`);
  return c.json({ status: "ok" as const, database: "ok" as const, version: config.version, time: config.now().toISOString() }, 200);
});
