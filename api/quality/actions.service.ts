import { and, asc, eq, inArray, lt, notInArray, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { actions, findingActions, findings, questionnaires, users } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { DEFAULT_QUESTIONNAIRE_KEY, DIMENSIONS } from "../domain/survey/questionnaire.ts";
import { scoredQuestions } from "../domain/survey/definition.ts";
import { nextRef } from "../lib/refs.ts";
import type { Criterion } from "../domain/quality/criterion.ts";
import { actionAssignedNotice, queueNotices } from "../mail/notices.service.ts";
import { ensureOwner, findAction, findingsOfActions } from "./quality.lookup.ts";
import type { ActionUpdateSchema, CriterionSchema, NewActionSchema } from "./quality.schemas.ts";

type ActionRow = typeof actions.$inferSelect;
const OPEN: ActionRow["status"][] = ["gepland", "in_uitvoering"];

export function publicAction(a: ActionRow, today: string) {
  // criterion holds what CriterionSchema accepted when the action was planned.
  return {
    ...a,
    criterion: a.criterion as Criterion,
    overdue: OPEN.includes(a.status) && a.dueOn < today,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** A criterion must name something the system can measure, or be explicitly manual. */
async function checkCriterion(db: Db, c: z.infer<typeof CriterionSchema>) {
  if (c.kind === "survey_dimension" && !(c.dimension in DIMENSIONS)) {
    throw new ApiError(400, "unknown_dimension", { dimension: c.dimension, known: Object.keys(DIMENSIONS).join(", ") });
  }
  if (c.kind === "survey_question") {
    const all = await db.select().from(questionnaires).where(eq(questionnaires.key, DEFAULT_QUESTIONNAIRE_KEY));
    if (!all.some((q) => scoredQuestions(q.definition).some((s) => s.name === c.question))) {
      throw new ApiError(400, "unknown_question", { question: c.question });
    }
  }
  if ((c.kind === "survey_dimension" || c.kind === "survey_question") && (c.target < 1 || c.target > Number(c.scale))) {
    throw new ApiError(400, "target_out_of_scale", { scale: c.scale });
  }
  if (c.kind === "conference_metric" && c.from > c.to) throw new ApiError(400, "invalid_period");
}

/**
 * Locks the findings an action belongs to, as closeFinding locks the one it closes, so a
 * change to an action and a close of its finding sent at once never both succeed. Always
 * in id order, so two lockers of the same findings cannot deadlock.
 */
async function lockFindings(tx: Db, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: findings.id, closedAt: findings.closedAt })
    .from(findings)
    .where(inArray(findings.id, ids))
    .orderBy(asc(findings.id))
    .for("update");
}

export async function createAction(db: Db, input: z.infer<typeof NewActionSchema>, now: Date, by: Actor) {
  const today = now.toISOString().slice(0, 10);
  const linked = await db.select().from(findings).where(inArray(findings.id, input.findingIds));
  if (linked.length !== new Set(input.findingIds).size) throw new ApiError(400, "unknown_finding");
  if (linked.some((f) => f.closedAt)) throw new ApiError(409, "finding_closed_no_new_actions");
  const owner = await ensureOwner(db, input.ownerId);
  await checkCriterion(db, input.criterion);
  if (input.dueOn < today) throw new ApiError(400, "due_in_past");
  return audited(db, now, async (tx) => {
    if ((await lockFindings(tx, input.findingIds)).some((f) => f.closedAt)) throw new ApiError(409, "finding_closed_no_new_actions");
    const [row] = await tx
      .insert(actions)
      .values({
        ref: await nextRef(tx, "actions", "ACT", today.slice(0, 4)),
        title: input.title,
        ownerId: input.ownerId,
        dueOn: input.dueOn,
        pdcaPhase: input.pdcaPhase,
        criterion: input.criterion,
        riskId: input.riskId ?? null,
        createdBy: by.actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(findingActions).values(input.findingIds.map((findingId) => ({ findingId, actionId: row.id })));
    // In the same transaction: an action is never assigned without its owner being told.
    if (owner.id !== by.actorId) await queueNotices(tx, [actionAssignedNotice(row, owner, now)], now);
    const result = publicAction(row, today);
    return {
      result,
      audit: {
        ...by,
        action: "create",
        entity: "action",
        entityId: row.id,
        after: {
          ref: row.ref,
          title: row.title,
          ownerId: row.ownerId,
          dueOn: row.dueOn,
          criterion: row.criterion,
          findings: linked.map((f) => f.ref),
        },
      },
    };
  });
}

/** The status and completion day an edit leaves, refused when they do not fit together. */
function completion(
  a: { status: typeof actions.$inferSelect.status; completedOn: string | null },
  patch: z.infer<typeof ActionUpdateSchema>,
  today: string,
) {
  const status = patch.status ?? a.status;
  if (patch.completedOn && status !== "gereed") throw new ApiError(400, "not_done");
  const completedOn = status === "gereed" ? (patch.completedOn ?? a.completedOn ?? today) : null;
  if (completedOn && completedOn > today) throw new ApiError(400, "date_in_future", { field: "completedOn" }, [{ path: "completedOn" }]);
  return { status, completedOn };
}

export async function updateAction(db: Db, id: string, patch: z.infer<typeof ActionUpdateSchema>, now: Date, by: Actor) {
  const a = await findAction(db, id);
  const today = now.toISOString().slice(0, 10);
  const linked = await findingsOfActions(db, [a.id]);
  if (linked.length && linked.every((l) => l.finding.closedAt)) throw new ApiError(409, "action_of_closed_finding");
  const newOwner = patch.ownerId && patch.ownerId !== a.ownerId ? await ensureOwner(db, patch.ownerId) : null;
  return audited(db, now, async (tx) => {
    const locked = await lockFindings(
      tx,
      linked.map((l) => l.finding.id),
    );
    if (locked.length && locked.every((f) => f.closedAt)) throw new ApiError(409, "action_of_closed_finding");
    // Status and completion day follow the action as it is now: a parallel edit of its title
    // must not write back the status it read before another request completed the action.
    const [current] = await tx.select().from(actions).where(eq(actions.id, a.id)).for("update");
    const set = { ...patch, ...completion(current, patch, today), updatedAt: now };
    const [next] = await tx.update(actions).set(set).where(eq(actions.id, a.id)).returning();
    if (newOwner && newOwner.id !== by.actorId) await queueNotices(tx, [actionAssignedNotice(next, newOwner, now)], now);
    return {
      result: publicAction(next, today),
      audit: {
        ...by,
        action: "update",
        entity: "action",
        entityId: a.id,
        before: {
          title: current.title,
          status: current.status,
          dueOn: current.dueOn,
          ownerId: current.ownerId,
          pdcaPhase: current.pdcaPhase,
          completedOn: current.completedOn,
        },
        after: {
          title: next.title,
          status: next.status,
          dueOn: next.dueOn,
          ownerId: next.ownerId,
          pdcaPhase: next.pdcaPhase,
          completedOn: next.completedOn,
        },
      },
    };
  });
}

export async function listActions(
  db: Db,
  q: { owner?: string; status?: ActionRow["status"]; overdue?: boolean },
  now: Date,
  me: string | null,
) {
  const today = now.toISOString().slice(0, 10);
  const where: SQL[] = [];
  const owner = q.owner === "me" ? me : q.owner;
  if (q.owner) where.push(eq(actions.ownerId, owner ?? "00000000-0000-0000-0000-000000000000"));
  if (q.status) where.push(eq(actions.status, q.status));
  if (q.overdue) where.push(lt(actions.dueOn, today), notInArray(actions.status, ["gereed", "geannuleerd"]));
  const rows = await db
    .select({ a: actions, owner: users.name })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(and(...where))
    .orderBy(asc(actions.dueOn))
    .limit(1000);
  const links = await findingsOfActions(
    db,
    rows.map((r) => r.a.id),
  );
  return rows.map(({ a, owner: ownerName }) => ({
    ...publicAction(a, today),
    ownerName,
    findings: links.filter((l) => l.actionId === a.id).map((l) => ({ id: l.finding.id, ref: l.finding.ref, title: l.finding.title })),
  }));
}
