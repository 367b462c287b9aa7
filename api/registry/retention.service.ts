import { and, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { cases, conferenceCases, conferences, followUps } from "../../db/schema.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { notesDue } from "../domain/registry/retention.ts";
import { getRegistrySettings } from "./settings.service.ts";

export const RETENTION_ACTOR: Actor = { actorId: null, actor: "bewaartermijn-taak", ip: null };

/** Conferences that still hold a note of their own or in one of their follow-up agreements. */
async function conferencesWithNotes(db: Db) {
  const withFollowUpNotes = db.select({ id: followUps.conferenceId }).from(followUps).where(isNotNull(followUps.note));
  return db
    .select({ id: conferences.id })
    .from(conferences)
    .where(
      and(
        isNull(conferences.notesErasedAt),
        or(
          isNotNull(conferences.aanleidingNote),
          isNotNull(conferences.doelNote),
          isNotNull(conferences.aanpakNote),
          inArray(conferences.id, withFollowUpNotes),
        ),
      ),
    );
}

/**
 * Erases one conference's notes, unless a parallel run already did: then it changes nothing
 * and writes no audit entry, so each erasure is on the trail once. Reports whether it erased.
 */
function eraseNotes(db: Db, id: string, retentionDays: number, now: Date, by: Actor) {
  return audited(db, now, async (tx) => {
    const erased = await tx
      .update(conferences)
      .set({ aanleidingNote: null, doelNote: null, aanpakNote: null, notesErasedAt: now })
      .where(and(eq(conferences.id, id), isNull(conferences.notesErasedAt)))
      .returning({ id: conferences.id });
    if (!erased.length) return { result: false, audit: [] };
    await tx.update(followUps).set({ note: null }).where(eq(followUps.conferenceId, id));
    return {
      result: true,
      audit: {
        ...by,
        action: "erase",
        entity: "conference_notes",
        entityId: id,
        after: {
          erased: ["aanleiding", "doel", "aanpak", "vervolgafspraken"],
          reason: `bewaartermijn van ${retentionDays} dagen na afsluiting verstreken`,
        },
      },
    };
  });
}

/**
 * Erases the working notes whose retention period has passed. The structured facts stay,
 * so the metrics do not change; each erasure is written to the audit trail, without the
 * erased text. Safe to run as often as you like, also twice at once: `erased` lists what this run erased.
 */
export async function runRetention(db: Db, now: Date, by: Actor = RETENTION_ACTOR) {
  const { retentionDays } = await getRegistrySettings(db);
  const today = now.toISOString().slice(0, 10);
  const candidates = (await conferencesWithNotes(db)).map((c) => c.id);
  if (!candidates.length) return { retentionDays, erased: [] as string[] };
  const links = await db
    .select({ conferenceId: conferenceCases.conferenceId, closedOn: cases.closedOn })
    .from(conferenceCases)
    .innerJoin(cases, eq(cases.id, conferenceCases.caseId))
    .where(inArray(conferenceCases.conferenceId, candidates));
  const due = candidates.filter((id) =>
    notesDue(
      links.filter((l) => l.conferenceId === id).map((l) => l.closedOn),
      retentionDays,
      today,
    ),
  );
  const erased: string[] = [];
  for (const id of due) if (await eraseNotes(db, id, retentionDays, now, by)) erased.push(id);
  return { retentionDays, erased };
}
