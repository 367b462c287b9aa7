import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { findings, internalAudits, type AuditChecklistItem } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { insertFinding } from "../quality/findings.store.ts";
import { nextRef } from "../lib/refs.ts";
import type { AuditReportSchema, AuditUpdateSchema, NewAuditSchema } from "./audits.schemas.ts";
import {
  activePeople,
  assertAuditorRoles,
  assertIndependent,
  auditSnapshot,
  findAudit,
  findProcess,
  peopleById,
  publicAudit,
  type AuditRow,
} from "./audits.lookup.ts";

export type NewAudit = z.infer<typeof NewAuditSchema>;
export type AuditUpdate = z.infer<typeof AuditUpdateSchema>;
export type AuditReport = z.infer<typeof AuditReportSchema>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const OPEN = ["gepland", "uitgevoerd"] as const;

async function detail(db: Db, row: AuditRow, now: Date) {
  const process = await findProcess(db, row.processId);
  const people = await peopleById(db, [...row.auditorIds, ...row.auditeeIds]);
  const found = await db
    .select({
      id: findings.id,
      ref: findings.ref,
      classification: findings.classification,
      title: findings.title,
      clauses: findings.clauses,
    })
    .from(findings)
    .where(eq(findings.sourceAuditId, row.id))
    .orderBy(asc(findings.ref));
  return { ...publicAudit(row, process.name, people, isoDay(now)), findings: found };
}

export async function getAudit(db: Db, id: string, now: Date) {
  return detail(db, await findAudit(db, id), now);
}

/** Who audits whom: the people must exist and be active, auditors must be ZVH staff and independent. */
async function checkTeam(db: Db, team: { auditorIds: string[]; auditeeIds: string[] }, processId: string, asReference: boolean) {
  const process = await findProcess(db, processId, asReference);
  const people = await activePeople(db, [...team.auditorIds, ...team.auditeeIds]);
  assertAuditorRoles(team.auditorIds, people);
  assertIndependent(team, process, people);
}

export async function createAudit(db: Db, input: NewAudit, now: Date, by: Actor) {
  await checkTeam(db, input, input.processId, true);
  const row = await audited(db, now, async (tx) => {
    const [created] = await tx
      .insert(internalAudits)
      .values({
        ...input,
        ref: await nextRef(tx, "internal_audits", "IA", String(input.year), 2),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return {
      result: created,
      audit: { ...by, action: "create", entity: "internal_audit", entityId: created.id, after: auditSnapshot(created) },
    };
  });
  return detail(db, row, now);
}

/**
 * The checklist follows the audit's criteria: a line for a criterion the audit does not have
 * is refused when given, and dropped when the criteria change under a saved checklist.
 */
function checklistFor(criteria: readonly string[], items: AuditChecklistItem[], given: boolean) {
  const unknown = items.filter((i) => !criteria.includes(i.criterion));
  if (given && unknown.length) {
    throw new ApiError(
      400,
      "unknown_criterion",
      { criterion: unknown[0].criterion },
      unknown.map((i) => ({ field: "checklist", criterion: i.criterion })),
    );
  }
  return items.filter((i) => criteria.includes(i.criterion));
}

/** Reported and cancelled audits are history: a change would rewrite what management was told. */
function assertOpen(row: AuditRow) {
  if (row.status === "gerapporteerd") {
    throw new ApiError(409, "audit_reported", { ref: row.ref });
  }
  if (row.status === "geannuleerd") {
    throw new ApiError(409, "audit_cancelled", { ref: row.ref });
  }
}

/** A carried-out audit is reported, not cancelled. */
function assertChangeable(row: AuditRow, patch: AuditUpdate) {
  assertOpen(row);
  if (patch.status === "geannuleerd" && row.actualOn) {
    throw new ApiError(409, "audit_carried_out", { ref: row.ref });
  }
}

/** The checked change of one audit, from its row as it is now: the team, checklist and status to write. */
async function checkedChange(db: Db, row: AuditRow, patch: AuditUpdate, now: Date) {
  assertChangeable(row, patch);
  if (patch.plannedOn && !patch.plannedOn.startsWith(`${row.year}-`)) {
    // A year is a name, not an amount: as a string it is not written "2.026".
    throw new ApiError(400, "planned_outside_year", { year: String(row.year) });
  }
  if (patch.actualOn && patch.actualOn > isoDay(now)) {
    throw new ApiError(400, "date_in_future", { field: "actualOn" }, [{ path: "actualOn" }]);
  }
  const team = { auditorIds: patch.auditorIds ?? row.auditorIds, auditeeIds: patch.auditeeIds ?? row.auditeeIds };
  const checklist = checklistFor(patch.criteria ?? row.criteria, patch.checklist ?? row.checklist, !!patch.checklist);
  // Cancelling needs no check of the team: an audit that will not happen cannot be partial.
  if (patch.status !== "geannuleerd") {
    if (patch.auditorIds || patch.auditeeIds) await checkTeam(db, team, row.processId, false);
    else assertIndependent(team, await findProcess(db, row.processId), await peopleById(db, team.auditorIds));
  }
  return { team, checklist, status: patch.status ?? (patch.actualOn ? "uitgevoerd" : row.status) };
}

export async function updateAudit(db: Db, id: string, patch: AuditUpdate, now: Date, by: Actor) {
  await findAudit(db, id);
  const next = await audited(db, now, async (tx) => {
    // Checked and built on the row under its lock: parallel updates of one audit end as they would one after
    // the other (a cancel and a day carried out sent at once: one 409), and none writes back a stale team.
    const [row] = await tx.select().from(internalAudits).where(eq(internalAudits.id, id)).for("update");
    const { team, checklist, status } = await checkedChange(tx, row, patch, now);
    const [updated] = await tx
      .update(internalAudits)
      .set({ ...patch, ...team, checklist, status, updatedAt: now })
      .where(eq(internalAudits.id, id))
      .returning();
    return {
      result: updated,
      audit: { ...by, action: "update", entity: "internal_audit", entityId: id, before: auditSnapshot(row), after: auditSnapshot(updated) },
    };
  });
  return detail(db, next, now);
}

/**
 * The audit report to management (9.2.2 c): strong points, conclusion and the findings,
 * each of which enters the corrective-action cycle as a finding linked to this audit.
 */
export async function reportAudit(db: Db, id: string, input: AuditReport, now: Date, by: Actor) {
  const row = await findAudit(db, id);
  assertOpen(row);
  const today = isoDay(now);
  const actualOn = input.actualOn ?? row.actualOn;
  if (!actualOn) {
    throw new ApiError(409, "audit_not_carried_out", { ref: row.ref });
  }
  if (actualOn > today) throw new ApiError(400, "date_in_future", { field: "actualOn" }, [{ path: "actualOn" }]);
  if (input.reportedOn > today) throw new ApiError(400, "date_in_future", { field: "reportedOn" }, [{ path: "reportedOn" }]);
  if (input.reportedOn < actualOn) {
    throw new ApiError(400, "reported_before_audit");
  }
  assertIndependent(row, await findProcess(db, row.processId), await peopleById(db, row.auditorIds));
  const next = await audited(db, now, async (tx) => {
    const [updated] = await tx
      .update(internalAudits)
      .set({
        actualOn,
        strongPoints: input.strongPoints,
        conclusion: input.conclusion,
        reportedOn: input.reportedOn,
        status: "gerapporteerd",
        updatedAt: now,
      })
      .where(and(eq(internalAudits.id, id), inArray(internalAudits.status, OPEN)))
      .returning();
    if (!updated) throw new ApiError(409, "audit_closed", { ref: row.ref });
    const refs: string[] = [];
    for (const f of input.findings) {
      const finding = await insertFinding(
        tx,
        {
          source: "audit",
          sourceAuditId: id,
          foundOn: actualOn,
          title: f.title,
          description: f.description,
          classification: f.classification,
          clauses: f.clauses,
          ...(f.correction ? { correction: f.correction } : {}),
        },
        now,
        by,
      );
      refs.push(finding.ref);
    }
    return {
      result: updated,
      audit: {
        ...by,
        action: "report",
        entity: "internal_audit",
        entityId: id,
        before: auditSnapshot(row),
        after: { ...auditSnapshot(updated), findings: refs },
      },
    };
  });
  return detail(db, next, now);
}
