import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { createRouter } from "../lib/router.ts";
import { errorResponses } from "../lib/errors.ts";
import { actorOf } from "../lib/context.ts";
import { lastBackup, writeBackup } from "./backup.service.ts";

const tags = ["Back-up"];

export const getLastBackup = defineRoute({
  method: "get",
  path: "/backups/last",
  operationId: "getLastBackup",
  permission: "audit:read",
  tags,
  summary: "Wanneer de laatste back-up gemaakt is (uit de audittrail)",
  responses: {
    200: {
      description: "Laatste back-up, of null",
      content: {
        "application/json": {
          schema: z.object({
            last: z
              .object({
                at: z.string(),
                actor: z.string(),
                sha256: z.string().nullable(),
                bytes: z.number().nullable(),
                chainHead: z.object({ seq: z.number(), hash: z.string() }).nullable(),
              })
              .nullable(),
          }),
        },
      },
    },
    ...errorResponses(401, 403),
  },
});

export const createBackup = defineRoute({
  method: "post",
  path: "/backups",
  operationId: "createBackup",
  permission: "backup:manage",
  tags,
  summary: "Back-up van de hele database (NDJSON), vastgelegd in de audittrail",
  description:
    "Eén consistente momentopname terwijl de server draait. De SHA-256 van het bestand staat in de header " +
    "`X-Backup-Sha256` en, met de kop van de hashketen, in de audittrail. Terugzetten: `npm run cli -- restore <bestand>`.",
  responses: {
    200: { description: "Het back-upbestand", content: { "application/x-ndjson": { schema: z.string().openapi({ format: "binary" }) } } },
    ...errorResponses(401, 403),
  },
});

export const backupRouter = createRouter()
  .openapi(getLastBackup, async (c) => c.json({ last: await lastBackup(c.var.deps.db) }, 200))
  .openapi(createBackup, async (c) => {
    const { db, config } = c.var.deps;
    // Collected first and sent whole: a reader that stalls must not hold the snapshot's
    // transaction open (on PGlite that would hold up every other request).
    const chunks: Uint8Array[] = [];
    const result = await writeBackup(db, config.now(), actorOf(c), async (chunk) => {
      chunks.push(chunk);
    });
    const body = new Blob(chunks as BlobPart[]);
    const name = `ketenspiegel-${result.createdAt.replace(/[:.]/g, "-")}.ndjson`;
    return c.body(body.stream(), 200, {
      "Content-Type": "application/x-ndjson",
      "Content-Disposition": `attachment; filename="${name}"`,
      "X-Backup-Sha256": result.sha256,
      "X-Backup-Chain-Head": result.head ? `${result.head.seq}:${result.head.hash}` : "",
    }) as never;
  });
