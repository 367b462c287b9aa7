import { and, asc, eq, gte, lte, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { activities, municipalities } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import type { Visibility } from "../lib/scope.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { activityCost } from "../domain/registry/registry.elements.ts";
import type { ActivityListQuery, NewActivitySchema } from "./registry.schemas.ts";
import { findCase, findMunicipality } from "./registry.lookup.ts";
import { getRegistrySettings } from "./settings.service.ts";
import { isoWeekOf, weekTotals } from "../domain/registry/week.ts";

type ActivityRow = typeof activities.$inferSelect;

const publicActivity = (a: ActivityRow, rates: Record<string, number>) => ({
  id: a.id,
  kind: a.kind,
  municipalityId: a.municipalityId,
  caseId: a.caseId,
  performedOn: a.performedOn,
  hours: a.hours,
  staffRole: a.staffRole,
  cost: activityCost(a.hours, a.staffRole, rates),
});

export async function createActivity(db: Db, input: z.infer<typeof NewActivitySchema>, vis: Visibility, now: Date, by: Actor) {
  const m = await findMunicipality(db, input.municipalityId);
  if (vis.branchId && m.branchId !== vis.branchId)
    throw new ApiError(403, "other_branch", "U registreert alleen uren voor gemeenten van uw eigen vestiging.");
  const { hourlyRates } = await getRegistrySettings(db);
  if (hourlyRates[input.staffRole] === undefined) {
    throw new ApiError(
      400,
      "unknown_staff_role",
      `Geen uurtarief voor functie '${input.staffRole}'. Bekend: ${Object.keys(hourlyRates).join(", ")}.`,
    );
  }
  if (input.performedOn > now.toISOString().slice(0, 10)) throw new ApiError(400, "date_in_future", "De datum ligt in de toekomst.");
  if (input.caseId) {
    const c = await findCase(db, input.caseId).catch(() => {
      throw new ApiError(400, "unknown_case", "Casus bestaat niet.");
    });
    if (c.municipalityId !== m.id) throw new ApiError(400, "case_other_municipality", { case: c.code });
    if (c.handledLocallyOn && input.performedOn >= c.handledLocallyOn) {
      throw new ApiError(409, "case_handled_locally", `Casus ${c.code} wordt lokaal opgepakt ('lokaal, tenzij').`);
    }
  }
  return audited(db, now, async (tx) => {
    const [row] = await tx
      .insert(activities)
      .values({ ...input, caseId: input.caseId ?? null, userId: by.actorId, createdAt: now })
      .returning();
    const result = publicActivity(row, hourlyRates);
    return { result, audit: { ...by, action: "create", entity: "activity", entityId: row.id, after: result } };
  });
}

export async function listActivities(db: Db, q: z.infer<typeof ActivityListQuery>, vis: Visibility) {
  const where: SQL[] = [];
  if (vis.branchId) where.push(eq(municipalities.branchId, vis.branchId));
  if (q.municipality) where.push(eq(activities.municipalityId, q.municipality));
  if (q.from) where.push(gte(activities.performedOn, q.from));
  if (q.to) where.push(lte(activities.performedOn, q.to));
  const rows = await db
    .select({ a: activities })
    .from(activities)
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .where(and(...where))
    .orderBy(asc(activities.performedOn))
    .limit(5000);
  const { hourlyRates } = await getRegistrySettings(db);
  return rows.map((r) => publicActivity(r.a, hourlyRates));
}

/** One's own hours in the ISO week holding `date`: every entry, per day and in total. */
export async function myWeek(db: Db, userId: string | null, date: string) {
  if (!userId) throw new ApiError(403, "personal_account_required", "Eigen uren vragen om een persoonlijk account.");
  const w = isoWeekOf(date);
  const rows = await db
    .select()
    .from(activities)
    .where(and(eq(activities.userId, userId), gte(activities.performedOn, w.from), lte(activities.performedOn, w.to)))
    .orderBy(asc(activities.performedOn), asc(activities.createdAt), asc(activities.id));
  const { hourlyRates } = await getRegistrySettings(db);
  const entries = rows.map((r) => publicActivity(r, hourlyRates));
  return { week: w.week, from: w.from, to: w.to, ...weekTotals(w.dates, entries), activities: entries };
}
