import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { actions, effectivenessReviews, findingActions, findings, reviewEvidence, users } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { isUuid } from "../lib/ids.ts";

export async function findFinding(db: Db, id: string) {
  const [row] = isUuid(id) ? await db.select().from(findings).where(eq(findings.id, id)) : [];
  if (!row) throw new ApiError(404, "finding_not_found");
  return row;
}

export async function findAction(db: Db, id: string) {
  const [row] = isUuid(id) ? await db.select().from(actions).where(eq(actions.id, id)) : [];
  if (!row) throw new ApiError(404, "action_not_found");
  return row;
}

/** Owners are staff with an active account; a municipality or auditor account owns no actions. */
export async function ensureOwner(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) throw new ApiError(400, "unknown_owner");
  if (u.disabledAt) throw new ApiError(400, "inactive_owner");
  if (u.role === "gemeente" || u.role === "auditor") throw new ApiError(422, "owner_role");
  return u;
}

export async function actionsOfFindings(db: Db, findingIds: string[]) {
  if (!findingIds.length) return [];
  return db
    .select({ findingId: findingActions.findingId, action: actions })
    .from(findingActions)
    .innerJoin(actions, eq(actions.id, findingActions.actionId))
    .where(inArray(findingActions.findingId, findingIds));
}

export async function findingsOfActions(db: Db, actionIds: string[]) {
  if (!actionIds.length) return [];
  return db
    .select({ actionId: findingActions.actionId, finding: findings })
    .from(findingActions)
    .innerJoin(findings, eq(findings.id, findingActions.findingId))
    .where(inArray(findingActions.actionId, actionIds));
}

export async function reviewsOf(db: Db, findingId: string) {
  const reviews = await db.select().from(effectivenessReviews).where(eq(effectivenessReviews.findingId, findingId));
  const links = reviews.length
    ? await db
        .select()
        .from(reviewEvidence)
        .where(
          inArray(
            reviewEvidence.reviewId,
            reviews.map((r) => r.id),
          ),
        )
    : [];
  return reviews.map((r) => ({ ...r, evidenceIds: links.filter((l) => l.reviewId === r.id).map((l) => l.evidenceId) }));
}
