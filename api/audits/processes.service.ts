import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { internalAudits, processes } from "../../db/schema.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import type { ProcessUpdateSchema } from "./audits.schemas.ts";
import { activePeople, assertIndependent, findProcess, peopleById, publicProcess } from "./audits.lookup.ts";

export async function listProcesses(db: Db) {
  const rows = await db.select().from(processes).orderBy(asc(processes.name));
  const people = await peopleById(
    db,
    rows.flatMap((p) => p.ownerIds),
  );
  return rows.map((p) => publicProcess(p, people));
}

/**
 * A new owner may not be an auditor of an audit of this process that is still open:
 * the audit would stop being independent. Reassign the audit first.
 */
async function assertOwnersIndependent(db: Db, process: typeof processes.$inferSelect, ownerIds: string[]) {
  const open = await db
    .select()
    .from(internalAudits)
    .where(and(eq(internalAudits.processId, process.id), inArray(internalAudits.status, ["gepland", "uitgevoerd"])));
  const people = await peopleById(
    db,
    open.flatMap((a) => a.auditorIds),
  );
  for (const audit of open) {
    assertIndependent(audit, { ...process, ownerIds }, people, audit.ref);
  }
}

export async function updateProcess(db: Db, id: string, patch: z.infer<typeof ProcessUpdateSchema>, now: Date, by: Actor) {
  const row = await findProcess(db, id);
  if (patch.ownerIds) {
    await activePeople(db, patch.ownerIds);
    await assertOwnersIndependent(db, row, patch.ownerIds);
  }
  const next = await audited(db, now, async (tx) => {
    const [updated] = await tx.update(processes).set(patch).where(eq(processes.id, id)).returning();
    return { result: updated, audit: { ...by, action: "update", entity: "process", entityId: id, before: row, after: updated } };
  });
  return publicProcess(next, await peopleById(db, next.ownerIds));
}
