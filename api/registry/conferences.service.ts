import { and, asc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { containsPattern, countAll, orderBy } from "../lib/paging.ts";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { cases, conferenceAttendance, conferenceCases, conferences, followUps, type Conference } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import type { Visibility } from "../lib/scope.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { elementsRecorded, followUpState } from "../domain/registry/registry.elements.ts";
import type { ConferenceListQuery, NewConferenceSchema } from "./registry.schemas.ts";
import { conferenceFacts } from "./registry.data.ts";
import { ensureOrganisations } from "./registry.lookup.ts";
import { isUuid } from "../lib/ids.ts";

export type NewConference = z.infer<typeof NewConferenceSchema>;
const notFound = () => new ApiError(404, "conference_not_found");
const present = (note: string | undefined) => !!note && note.trim().length > 0;

/**
 * With `lock` (inside the insert's transaction) the cases are read FOR NO KEY UPDATE, in id
 * order: a parallel local mark of one of them waits for this conference, or this conference
 * for the mark and then sees it. Not FOR SHARE: the transaction goes on to update the cases'
 * status, and two conferences on one case would each wait for the other's share lock.
 */
async function checkCases(db: Db, input: NewConference, lock = false) {
  const query = db.select().from(cases).where(inArray(cases.id, input.caseIds)).orderBy(asc(cases.id));
  const rows = lock ? await query.for("no key update") : await query;
  if (rows.length !== new Set(input.caseIds).size) throw new ApiError(400, "unknown_case");
  for (const c of rows) {
    if (c.branchId !== input.branchId) throw new ApiError(400, "case_other_branch", { case: c.code });
    if (c.handledLocallyOn) throw new ApiError(409, "case_handled_locally", { case: c.code });
    if (c.registeredOn > input.heldOn) throw new ApiError(400, "before_registration", { case: c.code });
  }
  return rows;
}

function checkShape(input: NewConference, today: string) {
  if (input.heldOn > today) throw new ApiError(400, "conference_in_future", {}, [{ path: "heldOn" }]);
  const orgs = input.attendance.map((a) => a.organisationId);
  if (new Set(orgs).size !== orgs.length) throw new ApiError(400, "duplicate_attendance");
  const early = input.followUps.find((f) => f.dueOn < input.heldOn);
  if (early) throw new ApiError(400, "due_before_conference");
}

/** Registers a conference; the audit trail records which elements exist, never the notes themselves. */
export async function createConference(db: Db, input: NewConference, vis: Visibility, now: Date, by: Actor) {
  if (vis.branchId && input.branchId !== vis.branchId) throw new ApiError(403, "other_branch");
  checkShape(input, now.toISOString().slice(0, 10));
  await checkCases(db, input);
  await ensureOrganisations(db, [
    ...input.attendance.map((a) => a.organisationId),
    input.directorOrganisationId,
    ...input.followUps.map((f) => f.ownerOrganisationId),
  ]);
  const id = await audited(db, now, async (tx) => {
    await checkCases(tx, input, true);
    const [row] = await tx
      .insert(conferences)
      .values({
        heldOn: input.heldOn,
        branchId: input.branchId,
        chair: input.chair,
        rolesExplained: input.rolesExplained,
        directorOrganisationId: input.directorOrganisationId ?? null,
        hasAanleiding: present(input.aanleiding),
        hasDoel: present(input.doel),
        hasAanpak: present(input.aanpak),
        aanleidingNote: input.aanleiding?.trim() || null,
        doelNote: input.doel?.trim() || null,
        aanpakNote: input.aanpak?.trim() || null,
        createdBy: by.actorId,
        createdAt: now,
      })
      .returning();
    await tx.insert(conferenceCases).values(input.caseIds.map((caseId) => ({ conferenceId: row.id, caseId })));
    await tx.insert(conferenceAttendance).values(input.attendance.map((a) => ({ conferenceId: row.id, ...a })));
    if (input.followUps.length) {
      await tx.insert(followUps).values(
        input.followUps.map((f) => ({
          conferenceId: row.id,
          ownerOrganisationId: f.ownerOrganisationId,
          dueOn: f.dueOn,
          note: f.note?.trim() || null,
        })),
      );
    }
    // Starting a conference puts its cases in treatment.
    await tx
      .update(cases)
      .set({ status: "in_behandeling", updatedAt: now })
      .where(and(inArray(cases.id, input.caseIds), eq(cases.status, "aangemeld")));
    const after = {
      heldOn: row.heldOn,
      branchId: row.branchId,
      caseIds: input.caseIds,
      directorOrganisationId: row.directorOrganisationId,
      recorded: { aanleiding: row.hasAanleiding, doel: row.hasDoel, aanpak: row.hasAanpak },
      rolesExplained: row.rolesExplained,
      attendance: input.attendance,
      followUps: input.followUps.map((f) => ({ ownerOrganisationId: f.ownerOrganisationId, dueOn: f.dueOn })),
    };
    return { result: row.id, audit: { ...by, action: "create", entity: "conference", entityId: row.id, after } };
  });
  return getConference(db, id, vis, now, true);
}

async function describeConferences(db: Db, rows: Conference[], now: Date, withNotes: boolean) {
  const facts = await conferenceFacts(db, rows);
  const today = now.toISOString().slice(0, 10);
  const noteOf = withNotes
    ? new Map(
        (
          await (rows.length
            ? db
                .select({ id: followUps.id, note: followUps.note })
                .from(followUps)
                .where(
                  inArray(
                    followUps.conferenceId,
                    rows.map((r) => r.id),
                  ),
                )
            : Promise.resolve([]))
        ).map((f) => [f.id, f.note]),
      )
    : null;
  return rows.map((r, i) => {
    const f = facts[i];
    return {
      id: r.id,
      heldOn: r.heldOn,
      branchId: r.branchId,
      chair: r.chair,
      caseIds: f.caseIds,
      attendance: f.attendance,
      rolesExplained: r.rolesExplained,
      directorOrganisationId: r.directorOrganisationId,
      recorded: {
        aanleiding: r.hasAanleiding,
        doel: r.hasDoel,
        aanpak: r.hasAanpak,
        casusregisseur: !!r.directorOrganisationId,
        vervolgafspraken: f.followUps.length > 0,
      },
      elementsRecorded: elementsRecorded(f),
      notes: withNotes ? { aanleiding: r.aanleidingNote, doel: r.doelNote, aanpak: r.aanpakNote } : null,
      notesErasedAt: r.notesErasedAt?.toISOString() ?? null,
      followUps: f.followUps.map((u) => ({ ...u, state: followUpState(u, today), ...(noteOf ? { note: noteOf.get(u.id) ?? null } : {}) })),
    };
  });
}

/** A medewerker sees its own branch; a conference belongs to the branch where it was held. */
function visibleWhere(vis: Visibility): SQL[] {
  return vis.branchId ? [eq(conferences.branchId, vis.branchId)] : [];
}

export async function listConferences(db: Db, q: z.infer<typeof ConferenceListQuery>, vis: Visibility, now: Date, withNotes: boolean) {
  const where = visibleWhere(vis);
  if (q.branch) where.push(eq(conferences.branchId, q.branch));
  if (q.from) where.push(gte(conferences.heldOn, q.from));
  if (q.to) where.push(lte(conferences.heldOn, q.to));
  if (q.case)
    where.push(sql`exists (select 1 from ${conferenceCases} cc where cc.conference_id = ${conferences.id} and cc.case_id = ${q.case})`);
  if (q.q) {
    where.push(sql`exists (select 1 from ${conferenceCases} cc join ${cases} c on c.id = cc.case_id
      where cc.conference_id = ${conferences.id} and c.code ilike ${containsPattern(q.q)})`);
  }
  const page = db
    .select()
    .from(conferences)
    .where(and(...where))
    .orderBy(...orderBy(q.sort, { heldOn: conferences.heldOn, branch: conferences.branchId }, conferences.id))
    .offset(q.offset);
  const [rows, [{ total }]] = await Promise.all([
    q.limit ? page.limit(q.limit) : page,
    db
      .select({ total: countAll })
      .from(conferences)
      .where(and(...where)),
  ]);
  return {
    conferences: await describeConferences(db, rows, now, withNotes),
    total: Number(total),
    limit: q.limit ?? null,
    offset: q.offset,
  };
}

export async function getConference(db: Db, id: string, vis: Visibility, now: Date, withNotes: boolean) {
  if (!isUuid(id)) throw notFound();
  const [row] = await db
    .select()
    .from(conferences)
    .where(and(eq(conferences.id, id), ...visibleWhere(vis)));
  if (!row) throw notFound();
  return (await describeConferences(db, [row], now, withNotes))[0];
}

export async function updateFollowUp(db: Db, id: string, doneOn: string | null, vis: Visibility, now: Date, by: Actor) {
  if (!isUuid(id)) throw new ApiError(404, "follow_up_not_found");
  const [row] = await db
    .select({ f: followUps, branchId: conferences.branchId, heldOn: conferences.heldOn })
    .from(followUps)
    .innerJoin(conferences, eq(conferences.id, followUps.conferenceId))
    .where(eq(followUps.id, id));
  if (!row || (vis.branchId && row.branchId !== vis.branchId)) throw new ApiError(404, "follow_up_not_found");
  if (doneOn && (doneOn < row.heldOn || doneOn > now.toISOString().slice(0, 10))) {
    throw new ApiError(400, "invalid_done_on");
  }
  return audited(db, now, async (tx) => {
    await tx.update(followUps).set({ doneOn }).where(eq(followUps.id, id));
    const result = {
      id,
      ownerOrganisationId: row.f.ownerOrganisationId,
      dueOn: row.f.dueOn,
      doneOn,
      state: followUpState({ dueOn: row.f.dueOn, doneOn }, now.toISOString().slice(0, 10)),
    };
    return {
      result,
      audit: { ...by, action: "update", entity: "follow_up", entityId: id, before: { doneOn: row.f.doneOn }, after: { doneOn } },
    };
  });
}
