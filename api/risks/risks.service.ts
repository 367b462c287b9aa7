import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { actions, processes, riskHistory, risks, users } from "../../db/schema.ts";
import { appendAudit } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { ApiError } from "../lib/errors.ts";
import { levelRank, type RiskMatrix } from "../domain/risks/matrix.ts";
import { withChanges, type Change, type RiskSnapshot } from "../domain/risks/history.ts";
import { assess, heatmaps, nextReviewOn, residualExceedsInherent, residualMovement, reviewOverdue } from "../domain/risks/register.ts";
import { getRiskMatrix } from "./matrix.service.ts";
import type { NewRiskSchema, RiskActionsSchema, RiskListQuery, RiskReviewSchema, RiskUpdateSchema } from "./risks.schemas.ts";
import { isUuid } from "../lib/ids.ts";

type Risk = typeof risks.$inferSelect;
export type NewRisk = z.infer<typeof NewRiskSchema>;
export type RiskUpdate = z.infer<typeof RiskUpdateSchema>;
export type RiskReview = z.infer<typeof RiskReviewSchema>;

const PREFIX = { risk: "R", opportunity: "K" } as const;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function snapshotOf(r: Omit<RiskSnapshot, "note">, note?: string | null): RiskSnapshot {
  return {
    ref: r.ref,
    kind: r.kind,
    title: r.title,
    description: r.description,
    processId: r.processId,
    inherentLikelihood: r.inherentLikelihood,
    inherentImpact: r.inherentImpact,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    treatment: r.treatment,
    ownerId: r.ownerId,
    reviewIntervalDays: r.reviewIntervalDays,
    lastReviewedOn: r.lastReviewedOn,
    closedOn: r.closedOn,
    ...(note ? { note } : {}),
  };
}

const riskNotFound = () => new ApiError(404, "risk_not_found");

async function findRisk(db: Db, idOrRef: string, forUpdate = false) {
  const where = isUuid(idOrRef) ? eq(risks.id, idOrRef) : eq(risks.ref, idOrRef.toUpperCase());
  const query = db.select().from(risks).where(where);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw riskNotFound();
  return row;
}

async function ensureOwner(db: Db, ownerId: string) {
  const [u] = await db.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, ownerId));
  if (!u) throw new ApiError(400, "unknown_owner", {}, [{ ownerId }]);
  if (u.disabledAt) throw new ApiError(400, "inactive_owner", {}, [{ ownerId }]);
}

async function ensureProcess(db: Db, processId: string | null | undefined) {
  if (!processId) return;
  const [p] = await db.select({ id: processes.id }).from(processes).where(eq(processes.id, processId));
  if (!p) throw new ApiError(400, "unknown_process", { process: processId });
}

function checkResidual(s: Parameters<typeof residualExceedsInherent>[0]) {
  if (residualExceedsInherent(s)) {
    throw new ApiError(422, "residual_exceeds_inherent", {
      residualLikelihood: s.residualLikelihood,
      inherentLikelihood: s.inherentLikelihood,
      residualImpact: s.residualImpact,
      inherentImpact: s.inherentImpact,
    });
  }
}

function notInFuture(date: string, today: string, field: string) {
  if (date > today) throw new ApiError(400, "date_in_future", { field }, [{ path: field }]);
}

/** Short, gap-free references per kind: R-001 for risks, K-001 for kansen (opportunities). */
async function nextRiskRef(tx: Db, kind: Risk["kind"]) {
  const prefix = PREFIX[kind];
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ref:risks:${prefix}`}))`);
  const [{ n }] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${risks.ref} from 3)::int), 0)` })
    .from(risks)
    .where(sql`${risks.ref} ~ ${`^${prefix}-[0-9]+$`}`);
  return `${prefix}-${String(Number(n) + 1).padStart(3, "0")}`;
}

/** The register's view of risks: levels from the grid in force, review dates, linked actions and movement. */
async function present(db: Db, rows: Risk[], matrix: RiskMatrix, now: Date) {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const ownerIds = [...new Set(rows.map((r) => r.ownerId))];
  const processIds = [...new Set(rows.map((r) => r.processId).filter((p): p is string => !!p))];
  const [owners, procs, linked, history] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds)),
    processIds.length ? db.select({ id: processes.id, name: processes.name }).from(processes).where(inArray(processes.id, processIds)) : [],
    db
      .select({
        id: actions.id,
        ref: actions.ref,
        title: actions.title,
        status: actions.status,
        dueOn: actions.dueOn,
        riskId: actions.riskId,
      })
      .from(actions)
      .where(inArray(actions.riskId, ids))
      .orderBy(asc(actions.dueOn), asc(actions.ref)),
    db
      .select({
        riskId: riskHistory.riskId,
        version: riskHistory.version,
        changedAt: riskHistory.changedAt,
        snapshot: riskHistory.snapshot,
      })
      .from(riskHistory)
      .where(inArray(riskHistory.riskId, ids)),
  ]);
  const today = iso(now);
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    kind: r.kind,
    title: r.title,
    description: r.description,
    processId: r.processId,
    processName: procs.find((p) => p.id === r.processId)?.name ?? null,
    treatment: r.treatment,
    ownerId: r.ownerId,
    ownerName: owners.find((o) => o.id === r.ownerId)?.name ?? "",
    inherent: assess(matrix, r.inherentLikelihood, r.inherentImpact),
    residual: assess(matrix, r.residualLikelihood, r.residualImpact),
    reviewIntervalDays: r.reviewIntervalDays,
    lastReviewedOn: r.lastReviewedOn,
    nextReviewOn: r.closedOn ? null : nextReviewOn(r.lastReviewedOn, r.reviewIntervalDays),
    reviewOverdue: reviewOverdue(r, today),
    closedOn: r.closedOn,
    version: r.version,
    actions: linked.filter((a) => a.riskId === r.id).map(({ riskId: _, ...a }) => a),
    movement: residualMovement(
      matrix,
      history.filter((h) => h.riskId === r.id).map((h) => ({ ...h, snapshot: h.snapshot as RiskSnapshot })),
      r,
      now,
    ),
  }));
}

export type RiskEntry = Awaited<ReturnType<typeof present>>[number];

/** Open before closed; within those the highest residual level first, so the register reads top-down. */
function byUrgency(a: RiskEntry, b: RiskEntry) {
  return (
    Number(!!a.closedOn) - Number(!!b.closedOn) ||
    levelRank(b.residual.level) - levelRank(a.residual.level) ||
    b.residual.score - a.residual.score ||
    a.ref.localeCompare(b.ref)
  );
}

/** The register, filtered; the heatmaps count the open risks of the filtered set. */
export async function listRisks(db: Db, q: z.infer<typeof RiskListQuery>, now: Date) {
  const where: SQL[] = [];
  if (q.kind) where.push(eq(risks.kind, q.kind));
  if (q.process) where.push(eq(risks.processId, q.process));
  const rows = await db
    .select()
    .from(risks)
    .where(and(...where));
  const matrix = await getRiskMatrix(db);
  const entries = (await present(db, rows, matrix, now)).filter((e) => !q.level || e.residual.level === q.level).sort(byUrgency);
  const shown = new Set(entries.map((e) => e.id));
  return { risks: entries, heatmap: heatmaps(rows.filter((r) => shown.has(r.id))) };
}

async function historyOf(db: Db, riskId: string) {
  const rows = await db
    .select({
      version: riskHistory.version,
      changedAt: riskHistory.changedAt,
      changedBy: riskHistory.changedBy,
      changedByName: users.name,
      change: riskHistory.change,
      snapshot: riskHistory.snapshot,
    })
    .from(riskHistory)
    .leftJoin(users, eq(users.id, riskHistory.changedBy))
    .where(eq(riskHistory.riskId, riskId));
  return withChanges(rows.map((h) => ({ ...h, snapshot: h.snapshot as Record<string, unknown> }))).map((h) => ({
    version: h.version,
    changedAt: h.changedAt.toISOString(),
    changedBy: h.changedBy,
    changedByName: h.changedByName,
    change: h.change as Change,
    note: (h.snapshot.note as string | undefined) ?? null,
    changes: h.changes,
    snapshot: h.snapshot as unknown as RiskSnapshot,
  }));
}

export async function getRisk(db: Db, idOrRef: string, now: Date) {
  const row = await findRisk(db, idOrRef);
  const [risk] = await present(db, [row], await getRiskMatrix(db), now);
  return { risk, history: await historyOf(db, row.id) };
}

async function presentOne(db: Db, id: string, now: Date) {
  const [risk] = await present(db, [await findRisk(db, id)], await getRiskMatrix(db), now);
  return risk;
}

/** One new version: the row, its full snapshot in risk_history and the audit entry, in the caller's transaction. */
async function writeVersion(tx: Db, before: Risk, next: RiskSnapshot, change: Change, now: Date, by: Actor) {
  const { note: _, ref: __, kind: ___, ...fields } = next;
  const version = before.version + 1;
  await tx
    .update(risks)
    .set({ ...fields, version, updatedAt: now })
    .where(eq(risks.id, before.id));
  await tx.insert(riskHistory).values({ riskId: before.id, version, changedAt: now, changedBy: by.actorId, change, snapshot: next });
  const action = change === "reviewed" ? "review" : change === "closed" ? "close" : "update";
  await appendAudit(tx, { ...by, action, entity: "risk", entityId: before.id, before: snapshotOf(before), after: next }, now);
}

export async function createRisk(db: Db, input: NewRisk, now: Date, by: Actor) {
  const today = iso(now);
  const lastReviewedOn = input.lastReviewedOn ?? today;
  notInFuture(lastReviewedOn, today, "lastReviewedOn");
  await ensureOwner(db, input.ownerId);
  await ensureProcess(db, input.processId);
  checkResidual(input);
  const id = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const ref = await nextRiskRef(tx, input.kind);
    const [row] = await tx
      .insert(risks)
      .values({
        ...input,
        processId: input.processId ?? null,
        ref,
        lastReviewedOn,
        version: 1,
        updatedAt: now,
      })
      .returning();
    const snapshot = snapshotOf(row);
    await tx.insert(riskHistory).values({ riskId: row.id, version: 1, changedAt: now, changedBy: by.actorId, change: "created", snapshot });
    await appendAudit(tx, { ...by, action: "create", entity: "risk", entityId: row.id, after: snapshot }, now);
    return row.id;
  });
  return presentOne(db, id, now);
}

/**
 * Any field but the kind and reference; each effective change is a new version. Giving
 * closedOn closes the risk, after which it can no longer change (409).
 */
export async function updateRisk(db: Db, idOrRef: string, patch: RiskUpdate, now: Date, by: Actor) {
  const today = iso(now);
  if (patch.closedOn) notInFuture(patch.closedOn, today, "closedOn");
  if (patch.ownerId) await ensureOwner(db, patch.ownerId);
  await ensureProcess(db, patch.processId);
  const id = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await findRisk(tx, idOrRef, true);
    if (row.closedOn) throw new ApiError(409, "risk_closed", { ref: row.ref, closedOn: row.closedOn });
    const { note, ...fields } = patch;
    const merged = { ...snapshotOf(row), ...fields };
    checkResidual(merged);
    const next = snapshotOf(merged, note);
    // Saving the form unchanged is no event in the risk's life: no version, no audit entry.
    if (JSON.stringify(snapshotOf(merged)) === JSON.stringify(snapshotOf(row))) return row.id;
    await writeVersion(tx, row, next, patch.closedOn ? "closed" : "updated", now, by);
    return row.id;
  });
  return presentOne(db, id, now);
}

/**
 * A review is recorded as a version even when nothing changed: that is the evidence that
 * the register is kept alive, not just filled once.
 */
export async function reviewRisk(db: Db, idOrRef: string, input: RiskReview, now: Date, by: Actor) {
  notInFuture(input.reviewedOn, iso(now), "reviewedOn");
  const id = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await findRisk(tx, idOrRef, true);
    if (row.closedOn) throw new ApiError(409, "risk_closed", { ref: row.ref, closedOn: row.closedOn });
    if (input.reviewedOn < row.lastReviewedOn) {
      throw new ApiError(422, "review_before_last", { last: row.lastReviewedOn });
    }
    const merged = {
      ...snapshotOf(row),
      lastReviewedOn: input.reviewedOn,
      residualLikelihood: input.residualLikelihood ?? row.residualLikelihood,
      residualImpact: input.residualImpact ?? row.residualImpact,
    };
    checkResidual(merged);
    await writeVersion(tx, row, snapshotOf(merged, input.note), "reviewed", now, by);
    return row.id;
  });
  return presentOne(db, id, now);
}

/**
 * Which improvement actions treat this risk (6.1.2: actions to address risks). The link
 * lives on the action; an action treats at most one risk, so linking it here moves it.
 */
export async function linkRiskActions(db: Db, idOrRef: string, input: z.infer<typeof RiskActionsSchema>, now: Date, by: Actor) {
  const id = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await findRisk(tx, idOrRef, true);
    if (row.closedOn) throw new ApiError(409, "risk_closed", { ref: row.ref, closedOn: row.closedOn });
    const found = input.actionIds.length
      ? await tx.select({ id: actions.id, riskId: actions.riskId }).from(actions).where(inArray(actions.id, input.actionIds))
      : [];
    const missing = input.actionIds.filter((a) => !found.some((f) => f.id === a));
    if (missing.length) {
      throw new ApiError(
        400,
        "unknown_action",
        {},
        missing.map((actionId) => ({ field: "actionIds", actionId })),
      );
    }
    const before = await tx.select({ id: actions.id }).from(actions).where(eq(actions.riskId, row.id));
    const beforeIds = before.map((a) => a.id).sort();
    const afterIds = [...input.actionIds].sort();
    if (JSON.stringify(beforeIds) === JSON.stringify(afterIds)) return row.id;
    const dropped = beforeIds.filter((a) => !afterIds.includes(a));
    if (dropped.length) await tx.update(actions).set({ riskId: null, updatedAt: now }).where(inArray(actions.id, dropped));
    if (afterIds.length) await tx.update(actions).set({ riskId: row.id, updatedAt: now }).where(inArray(actions.id, afterIds));
    await appendAudit(
      tx,
      { ...by, action: "link_actions", entity: "risk", entityId: row.id, before: { actionIds: beforeIds }, after: { actionIds: afterIds } },
      now,
    );
    return row.id;
  });
  return presentOne(db, id, now);
}
