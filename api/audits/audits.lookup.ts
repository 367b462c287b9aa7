import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { internalAudits, processes, users, type User } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { auditFlags } from "../domain/audits/flags.ts";
import { independenceProblems } from "../domain/audits/independence.ts";

export type AuditRow = typeof internalAudits.$inferSelect;
export type ProcessRow = typeof processes.$inferSelect;
export type People = Map<string, User>;

export const auditNotFound = () => new ApiError(404, "audit_not_found");

export async function findAudit(db: Db, id: string) {
  const [row] = await db.select().from(internalAudits).where(eq(internalAudits.id, id));
  if (!row) throw auditNotFound();
  return row;
}

/** A missing process is a 404 when it is the thing asked for, a 400 when it is a reference in the input. */
export async function findProcess(db: Db, id: string, asReference = false) {
  const [row] = await db.select().from(processes).where(eq(processes.id, id));
  if (!row && asReference) throw new ApiError(400, "unknown_process", { process: id });
  if (!row) throw new ApiError(404, "process_not_found");
  return row;
}

export async function peopleById(db: Db, ids: readonly string[]): Promise<People> {
  const wanted = [...new Set(ids)];
  const found = wanted.length ? await db.select().from(users).where(inArray(users.id, wanted)) : [];
  return new Map(found.map((u) => [u.id, u]));
}

/** Everyone named must have an account that is still in use. */
export async function activePeople(db: Db, ids: readonly string[]) {
  const people = await peopleById(db, ids);
  const missing = [...new Set(ids)].filter((id) => !people.has(id));
  if (missing.length)
    throw new ApiError(
      400,
      "unknown_user",
      {},
      missing.map((userId) => ({ userId })),
    );
  const disabled = [...people.values()].filter((u) => u.disabledAt);
  if (disabled.length) {
    throw new ApiError(
      422,
      "user_disabled",
      { name: disabled[0].name },
      disabled.map((u) => ({ userId: u.id })),
    );
  }
  return people;
}

/** A municipality account sits outside the ZVH's own organisation, so it cannot audit it. */
export function assertAuditorRoles(auditorIds: readonly string[], people: People) {
  const outsiders = auditorIds.map((id) => people.get(id)!).filter((u) => u.role === "gemeente");
  if (outsiders.length) {
    throw new ApiError(
      422,
      "auditor_role",
      { name: outsiders[0].name },
      outsiders.map((u) => ({ userId: u.id, role: u.role })),
    );
  }
}

export function assertIndependent(
  audit: { auditorIds: readonly string[]; auditeeIds: readonly string[] },
  process: ProcessRow,
  people: People,
  openAuditRef?: string,
) {
  const problems = independenceProblems(audit, process);
  if (!problems.length) return;
  // The message names the first auditor; the details name every auditor and the rule each breaks
  // (and, when a process change is refused, the open audit it would compromise).
  const name = people.get(problems[0].auditorId)?.name ?? problems[0].auditorId;
  throw new ApiError(
    422,
    "auditor_not_independent",
    { name, process: process.name },
    problems.map((p) => ({ ...p, ...(openAuditRef ? { auditRef: openAuditRef } : {}) })),
  );
}

const person = (people: People) => (id: string) => ({ id, name: people.get(id)?.name ?? "onbekend" });

export function publicAudit(row: AuditRow, processName: string, people: People, today: string) {
  return {
    id: row.id,
    ref: row.ref,
    year: row.year,
    processId: row.processId,
    processName,
    scope: row.scope,
    criteria: row.criteria,
    auditorIds: row.auditorIds,
    auditeeIds: row.auditeeIds,
    auditors: row.auditorIds.map(person(people)),
    auditees: row.auditeeIds.map(person(people)),
    plannedOn: row.plannedOn,
    actualOn: row.actualOn,
    status: row.status,
    strongPoints: row.strongPoints,
    conclusion: row.conclusion,
    reportedOn: row.reportedOn,
    checklist: row.checklist,
    ...auditFlags(row, today),
  };
}

/** What the audit trail keeps of an audit: its content, without the row's own timestamps. */
export function auditSnapshot(row: AuditRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export function publicProcess(row: ProcessRow, people: People) {
  return { id: row.id, name: row.name, riskWeight: row.riskWeight, owners: row.ownerIds.map(person(people)) };
}
