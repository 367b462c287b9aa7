import { and, asc, eq, gte, inArray, isNull, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { activities, cases, conferenceCases, conferences, municipalities, users } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { errorText } from "../lib/error-text.ts";
import { isUuid } from "../lib/ids.ts";
import type { Visibility } from "../lib/scope.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { activityCost } from "../domain/registry/registry.elements.ts";
import type { ActivityCorrectionSchema, ActivityListQuery, NewActivitiesSchema, NewActivitySchema } from "./registry.schemas.ts";
import { ensureOrganisations, findCase, findMunicipality } from "./registry.lookup.ts";
import { getRegistrySettings } from "./settings.service.ts";
import { isoWeekOf, weekTotals } from "../domain/registry/week.ts";

type ActivityRow = typeof activities.$inferSelect;
type NewActivity = z.infer<typeof NewActivitySchema>;

/** Who registers, and whether they may name someone else as the one whose hours these are. */
export interface Registrar {
  by: Actor;
  mayRegisterOthers: boolean;
}

const publicActivity = (a: ActivityRow, rates: Record<string, number>, correctedById: string | null = null) => ({
  id: a.id,
  kind: a.kind,
  municipalityId: a.municipalityId,
  caseId: a.caseId,
  performedOn: a.performedOn,
  hours: a.hours,
  staffRole: a.staffRole,
  cost: activityCost(a.hours, a.staffRole, rates),
  userId: a.userId,
  organisationId: a.organisationId,
  conferenceId: a.conferenceId,
  correctsId: a.correctsId,
  correctionReason: a.correctionReason,
  correctedById,
  createdAt: a.createdAt.toISOString(),
});

/** A refusal that names the field it is about, so a bulk entry can point at the row. */
const refuse = (field: string, e: ApiError) =>
  e.withDetails([{ path: field, code: e.code, ...(e.params ? { params: e.params } : {}), message: e.message }]);

/** Every check one registration must pass; the same for a single entry, a bulk row and a correction. */
async function checkActivity(db: Db, input: NewActivity, vis: Visibility, now: Date, who: Registrar, rates: Record<string, number>) {
  const m = await findMunicipality(db, input.municipalityId).catch(() => {
    throw refuse("municipalityId", new ApiError(400, "unknown_municipality", { municipality: input.municipalityId }));
  });
  if (vis.branchId && m.branchId !== vis.branchId) throw refuse("municipalityId", new ApiError(403, "other_branch"));
  if (rates[input.staffRole] === undefined) {
    throw refuse("staffRole", new ApiError(400, "unknown_staff_role", { role: input.staffRole, known: Object.keys(rates).join(", ") }));
  }
  if (input.performedOn > now.toISOString().slice(0, 10))
    throw refuse("performedOn", new ApiError(400, "date_in_future", { field: "performedOn" }));
  if (input.userId && input.userId !== who.by.actorId) {
    if (!who.mayRegisterOthers) throw refuse("userId", new ApiError(403, "others_not_allowed"));
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!u) throw refuse("userId", new ApiError(400, "unknown_user"));
  }
  if (input.organisationId) {
    await ensureOrganisations(db, [input.organisationId]).catch(() => {
      throw refuse("organisationId", new ApiError(400, "unknown_organisation"));
    });
  }
  if (input.caseId) {
    const c = await findCase(db, input.caseId).catch(() => {
      throw refuse("caseId", new ApiError(400, "unknown_case"));
    });
    if (c.municipalityId !== m.id) throw refuse("caseId", new ApiError(400, "case_other_municipality", { case: c.code }));
    const local = localRefusal(c, input);
    if (local) throw local;
  }
}

/** Hours on or after the day a case was marked handled locally are the municipality's, not the registry's. */
function localRefusal(c: { code: string; handledLocallyOn: string | null }, input: { performedOn: string }) {
  if (!c.handledLocallyOn || input.performedOn < c.handledLocallyOn) return null;
  return refuse("caseId", new ApiError(409, "case_handled_locally", { case: c.code }));
}

/**
 * The local check once more, inside the insert's transaction on the cases as they are now:
 * the rows are read FOR SHARE, which a parallel local mark (an update of the row) must wait
 * for, and which waits for a mark still in flight. So hours never land after the mark.
 * Locked in id order, so two writers on the same cases cannot deadlock.
 */
async function lockedLocalRefusal(tx: Db, rows: NewActivity[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  if (!ids.length) return undefined;
  const locked = await tx
    .select({ id: cases.id, code: cases.code, handledLocallyOn: cases.handledLocallyOn })
    .from(cases)
    .where(inArray(cases.id, ids))
    .orderBy(asc(cases.id))
    .for("share");
  for (const [i, r] of rows.entries()) {
    const c = locked.find((l) => l.id === r.caseId);
    const error = c && localRefusal(c, r);
    if (error) return { i, error };
  }
  return undefined;
}

const rowValues = (input: NewActivity, who: Registrar, now: Date) => ({
  kind: input.kind,
  municipalityId: input.municipalityId,
  caseId: input.caseId ?? null,
  performedOn: input.performedOn,
  hours: input.hours,
  staffRole: input.staffRole,
  organisationId: input.organisationId ?? null,
  // A partner's time at the table is the partner's, not the registrar's own (the trail keeps who entered it).
  userId: input.userId ?? (input.organisationId ? null : who.by.actorId),
  createdAt: now,
});

export async function createActivity(db: Db, input: NewActivity, vis: Visibility, now: Date, who: Registrar) {
  const { hourlyRates } = await getRegistrySettings(db);
  await checkActivity(db, input, vis, now, who, hourlyRates);
  return audited(db, now, async (tx) => {
    const local = await lockedLocalRefusal(tx, [input]);
    if (local) throw local.error;
    const [row] = await tx
      .insert(activities)
      .values(rowValues(input, who, now))
      .returning();
    const result = publicActivity(row, hourlyRates);
    return { result, audit: { ...who.by, action: "create", entity: "activity", entityId: row.id, after: result } };
  });
}

/** Whose time a conference row books: a partner organisation's, or else one staff member's, per kind of work. */
const attendeeKey = (a: { kind: string; organisationId: string | null; userId: string | null }) =>
  `${a.kind}:${a.organisationId ? `o:${a.organisationId}` : `u:${a.userId}`}`;

/**
 * An attendee's time at one conference is booked once per kind of work; changing it is a
 * correction. This keeps a double-submitted form (or two people entering the same
 * conference) from counting the hours twice. The conference row is locked first, so two
 * parallel entries for one conference are checked one after the other.
 */
async function assertNotBooked(
  tx: Db,
  conferenceId: string,
  rows: { kind: string; organisationId: string | null; userId: string | null }[],
) {
  await tx.select({ id: conferences.id }).from(conferences).where(eq(conferences.id, conferenceId)).for("update");
  const newer = alias(activities, "newer");
  const current = await tx
    .select({ kind: activities.kind, organisationId: activities.organisationId, userId: activities.userId })
    .from(activities)
    .leftJoin(newer, eq(newer.correctsId, activities.id))
    .where(and(eq(activities.conferenceId, conferenceId), isNull(newer.id)));
  const booked = new Set(current.map(attendeeKey));
  for (const [i, r] of rows.entries()) {
    const key = attendeeKey(r);
    if (booked.has(key)) {
      const field = r.organisationId ? "organisationId" : "userId";
      const params = { row: i + 1 };
      throw new ApiError(409, "already_booked", params, [
        { path: `activities.${i}.${field}`, message: errorText("nl", "already_booked", params) },
      ]);
    }
    booked.add(key);
  }
}

/** The same refusal, its details pointing at the bulk row (activities.<i>.<field>). */
function atRow(i: number, e: ApiError) {
  const details = (e.details ?? [{ path: "", code: e.code, ...(e.params ? { params: e.params } : {}), message: e.message }]).map((d) => ({
    ...d,
    path: `activities.${i}${d.path ? `.${String(d.path)}` : ""}`,
  }));
  return e.withDetails(details);
}

/**
 * Hours of several people at once (a conference's attendees): every row is checked before
 * anything is written, and all are stored in one transaction, so a bad row stores nothing
 * and its error names the row (`activities.3.staffRole`).
 */
export async function createActivities(db: Db, input: z.infer<typeof NewActivitiesSchema>, vis: Visibility, now: Date, who: Registrar) {
  const { hourlyRates } = await getRegistrySettings(db);
  let conference: typeof conferences.$inferSelect | undefined;
  let conferenceCaseIds: string[] = [];
  if (input.conferenceId) {
    [conference] = await db.select().from(conferences).where(eq(conferences.id, input.conferenceId));
    if (!conference || (vis.branchId && conference.branchId !== vis.branchId))
      throw refuse("conferenceId", new ApiError(400, "unknown_conference"));
    conferenceCaseIds = (
      await db.select({ id: conferenceCases.caseId }).from(conferenceCases).where(eq(conferenceCases.conferenceId, conference.id))
    ).map((r) => r.id);
  }
  for (const [i, row] of input.activities.entries()) {
    try {
      if (row.caseId && conference && !conferenceCaseIds.includes(row.caseId))
        throw refuse("caseId", new ApiError(400, "case_not_in_conference"));
      await checkActivity(db, row, vis, now, who, hourlyRates);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      throw atRow(i, e);
    }
  }
  const values = input.activities.map((a) => ({ ...rowValues(a, who, now), conferenceId: input.conferenceId ?? null }));
  return audited(db, now, async (tx) => {
    if (conference) await assertNotBooked(tx, conference.id, values);
    const local = await lockedLocalRefusal(tx, input.activities);
    if (local) throw atRow(local.i, local.error);
    const rows = await tx.insert(activities).values(values).returning();
    const result = rows.map((r) => publicActivity(r, hourlyRates));
    return {
      result,
      audit: result.map((after) => ({ ...who.by, action: "create", entity: "activity", entityId: after.id, after })),
    };
  });
}

/**
 * A correction: a new record that replaces the old one, which stays as it was (history is
 * kept, not overwritten) and no longer counts. A record is corrected once; correct the
 * correction to change it again.
 */
export async function correctActivity(
  db: Db,
  id: string,
  input: z.infer<typeof ActivityCorrectionSchema>,
  vis: Visibility,
  now: Date,
  who: Registrar,
) {
  const notFound = new ApiError(404, "activity_not_found");
  if (!isUuid(id)) throw notFound;
  const [old] = await db
    .select({ a: activities, branchId: municipalities.branchId })
    .from(activities)
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .where(eq(activities.id, id));
  if (!old || (vis.branchId && old.branchId !== vis.branchId)) throw notFound;
  if (old.a.userId !== who.by.actorId && !who.mayRegisterOthers) throw new ApiError(403, "others_not_allowed");
  const { reason, ...fields } = input;
  // The correction keeps whose hours these were unless it says otherwise.
  const next = { ...fields, userId: fields.userId ?? old.a.userId ?? undefined };
  const { hourlyRates } = await getRegistrySettings(db);
  await checkActivity(db, next, vis, now, who, hourlyRates);
  const alreadyCorrected = () => new ApiError(409, "already_corrected");
  const [already] = await db.select({ id: activities.id }).from(activities).where(eq(activities.correctsId, id));
  if (already) throw alreadyCorrected();
  return audited(db, now, async (tx) => {
    const local = await lockedLocalRefusal(tx, [next]);
    if (local) throw local.error;
    // A parallel correction of the same record may have won since the check above: the unique
    // corrects_id then stores nothing (PostgreSQL waits for the other to commit) and this one is refused.
    const [row] = await tx
      .insert(activities)
      .values({
        ...rowValues(next, who, now),
        userId: next.userId ?? null,
        organisationId: next.organisationId ?? old.a.organisationId,
        conferenceId: old.a.conferenceId,
        correctsId: id,
        correctionReason: reason,
      })
      .onConflictDoNothing({ target: activities.correctsId })
      .returning();
    if (!row) throw alreadyCorrected();
    const before = publicActivity(old.a, hourlyRates);
    const result = publicActivity(row, hourlyRates);
    return {
      result,
      audit: { ...who.by, action: "correct", entity: "activity", entityId: id, before, after: result },
    };
  });
}

export async function listActivities(db: Db, q: z.infer<typeof ActivityListQuery>, vis: Visibility) {
  const newer = alias(activities, "newer");
  const where: SQL[] = [];
  if (vis.branchId) where.push(eq(municipalities.branchId, vis.branchId));
  if (q.municipality) where.push(eq(activities.municipalityId, q.municipality));
  if (q.conference) where.push(eq(activities.conferenceId, q.conference));
  if (q.from) where.push(gte(activities.performedOn, q.from));
  if (q.to) where.push(lte(activities.performedOn, q.to));
  if (q.history !== "true") where.push(isNull(newer.id));
  const rows = await db
    .select({ a: activities, correctedById: newer.id })
    .from(activities)
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .leftJoin(newer, eq(newer.correctsId, activities.id))
    .where(and(...where))
    .orderBy(asc(activities.performedOn), asc(activities.createdAt), asc(activities.id))
    .limit(5000);
  const { hourlyRates } = await getRegistrySettings(db);
  return rows.map((r) => publicActivity(r.a, hourlyRates, r.correctedById));
}

/**
 * One's own hours in the ISO week holding `date`: every entry, corrected ones included and
 * marked, per day and in total; the totals count only current records.
 */
export async function myWeek(db: Db, userId: string | null, date: string) {
  if (!userId) throw new ApiError(403, "personal_account_required");
  const w = isoWeekOf(date);
  const newer = alias(activities, "newer");
  const rows = await db
    .select({ a: activities, correctedById: newer.id })
    .from(activities)
    .leftJoin(newer, eq(newer.correctsId, activities.id))
    .where(and(eq(activities.userId, userId), gte(activities.performedOn, w.from), lte(activities.performedOn, w.to)))
    .orderBy(asc(activities.performedOn), asc(activities.createdAt), asc(activities.id));
  const { hourlyRates } = await getRegistrySettings(db);
  const entries = rows.map((r) => publicActivity(r.a, hourlyRates, r.correctedById));
  const current = entries.filter((e) => !e.correctedById);
  return { week: w.week, from: w.from, to: w.to, ...weekTotals(w.dates, current), activities: entries };
}
