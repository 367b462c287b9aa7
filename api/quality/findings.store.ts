import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { findings } from "../../db/schema.ts";
import { nextRef } from "../lib/refs.ts";
import { appendAudit } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import type { NewFindingSchema } from "./quality.schemas.ts";

export type NewFinding = z.infer<typeof NewFindingSchema> & { baseline?: unknown };

/**
 * Inserts a finding and its audit entry. Call inside a transaction (audited or
 * db.transaction): audit reports and survey waves create findings through this too.
 */
export async function insertFinding(tx: Db, input: NewFinding, now: Date, by: Actor) {
  const [row] = await tx
    .insert(findings)
    .values({
      ...input,
      ref: await nextRef(tx, "findings", "BEV", input.foundOn.slice(0, 4)),
      baseline: input.baseline ?? null,
      createdBy: by.actorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await appendAudit(
    tx,
    {
      ...by,
      action: "create",
      entity: "finding",
      entityId: row.id,
      after: { ref: row.ref, source: row.source, classification: row.classification, clauses: row.clauses, title: row.title },
    },
    now,
  );
  return row;
}
