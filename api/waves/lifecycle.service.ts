import { and, desc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { contacts, invitations, questionnaires, waves, type Wave } from "../../db/schema.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { detail } from "../lib/error-fields.ts";
import { ApiError } from "../lib/errors.ts";
import { randomToken, sha256Hex } from "../lib/crypto.ts";
import { getWave, waveStatus, withFreeWaveName } from "./waves.service.ts";

export type WaveAction = "open" | "pause" | "resume" | "extend" | "close";

/** The wave as the fieldwork screens show it. */
export async function presentWave(db: Db, wave: Wave, now: Date) {
  const [counts] = await db
    .select({
      invited: sql<number>`count(*)::int`,
      responded: sql<number>`count(${invitations.submittedAt})::int`,
    })
    .from(invitations)
    .where(eq(invitations.waveId, wave.id));
  const [q] = await db
    .select({ key: questionnaires.key, version: questionnaires.version })
    .from(questionnaires)
    .where(eq(questionnaires.id, wave.questionnaireId));
  return {
    id: wave.id,
    name: wave.name,
    status: waveStatus(wave, now),
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    anonymous: wave.anonymous,
    invited: counts.invited,
    responded: counts.responded,
    pausedAt: wave.pausedAt?.toISOString() ?? null,
    questionnaireId: wave.questionnaireId,
    questionnaire: q ?? null,
    contactPerson: wave.contactPerson,
    reminderDays: wave.reminderDays,
    contactsEraseDays: wave.contactsEraseDays,
    contactsErasedAt: wave.contactsErasedAt?.toISOString() ?? null,
    hasOpenLink: !!wave.openLinkHash,
    copiedFromId: wave.copiedFromId,
  };
}

const snapshot = (w: Wave) => ({
  opensAt: w.opensAt.toISOString(),
  closesAt: w.closesAt.toISOString(),
  pausedAt: w.pausedAt?.toISOString() ?? null,
});

/**
 * Open, pause, resume, extend, close early. The row is locked so two staff members acting
 * at once serialise; each change is one audit entry with the dates before and after.
 */
export async function changeWaveStatus(db: Db, waveId: string, input: { action: WaveAction; closesAt?: string }, now: Date, by: Actor) {
  await getWave(db, waveId);
  const updated = await audited(db, now, async (tx) => {
    const [wave] = await tx.select().from(waves).where(eq(waves.id, waveId)).for("update");
    const status = waveStatus(wave, now);
    let set: Partial<typeof waves.$inferInsert> = {};
    switch (input.action) {
      case "open":
        if (status !== "gepland") throw new ApiError(409, "wave_already_started", { status });
        set = { opensAt: now };
        break;
      case "pause":
        if (status !== "open") throw new ApiError(409, "wave_not_running", { status });
        set = { pausedAt: now };
        break;
      case "resume":
        if (status !== "gepauzeerd") throw new ApiError(409, "wave_not_paused", { status });
        set = { pausedAt: null };
        break;
      case "extend": {
        if (!input.closesAt) throw new ApiError(400, "extend_needs_closes_at", {}, [{ path: "closesAt", ...detail("field_required") }]);
        const until = new Date(input.closesAt);
        if (until <= wave.closesAt || until <= now) {
          throw new ApiError(400, "extend_too_early", {}, [{ path: "closesAt", ...detail("too_early") }]);
        }
        if (wave.contactsErasedAt) throw new ApiError(409, "wave_contacts_erased");
        set = { closesAt: until };
        break;
      }
      case "close":
        if (status === "gesloten") throw new ApiError(409, "wave_already_closed");
        set = { closesAt: now, pausedAt: null, ...(status === "gepland" ? { opensAt: now } : {}) };
        break;
    }
    const [row] = await tx.update(waves).set(set).where(eq(waves.id, waveId)).returning();
    return {
      result: row,
      audit: {
        ...by,
        action: input.action === "close" ? "close" : "update",
        entity: "wave",
        entityId: waveId,
        before: { ...snapshot(wave), status },
        after: { ...snapshot(row), status: waveStatus(row, now), action: input.action },
      },
    };
  });
  return presentWave(db, updated, now);
}

export async function updateWaveSettings(
  db: Db,
  waveId: string,
  input: { contactPerson?: string | null; reminderDays?: number[]; contactsEraseDays?: number },
  now: Date,
  by: Actor,
) {
  const before = await getWave(db, waveId);
  const set = {
    ...(input.contactPerson !== undefined ? { contactPerson: input.contactPerson } : {}),
    ...(input.reminderDays ? { reminderDays: [...new Set(input.reminderDays)].sort((a, b) => a - b) } : {}),
    ...(input.contactsEraseDays !== undefined ? { contactsEraseDays: input.contactsEraseDays } : {}),
  };
  if (!Object.keys(set).length) return presentWave(db, before, now);
  const updated = await audited(db, now, async (tx) => {
    // Locked first: of parallel edits each entry's "before" is what that edit replaced.
    const [current] = await tx.select().from(waves).where(eq(waves.id, waveId)).for("update");
    const [row] = await tx.update(waves).set(set).where(eq(waves.id, waveId)).returning();
    return {
      result: row,
      audit: {
        ...by,
        action: "update",
        entity: "wave",
        entityId: waveId,
        before: { contactPerson: current.contactPerson, reminderDays: current.reminderDays, contactsEraseDays: current.contactsEraseDays },
        after: { contactPerson: row.contactPerson, reminderDays: row.reminderDays, contactsEraseDays: row.contactsEraseDays },
      },
    };
  });
  return presentWave(db, updated, now);
}

/**
 * A new wave from the previous one: same questionnaire (unless another version is named),
 * settings and contact list. Contacts who opted out since are left out.
 */
export async function copyWave(
  db: Db,
  fromId: string,
  input: { name: string; opensAt: string; closesAt: string; questionnaireId?: string },
  now: Date,
  by: Actor,
) {
  const from = await getWave(db, fromId);
  if (input.questionnaireId) {
    const [q] = await db.select({ id: questionnaires.id }).from(questionnaires).where(eq(questionnaires.id, input.questionnaireId));
    if (!q) throw new ApiError(404, "questionnaire_not_found");
  }
  const result = await withFreeWaveName(db, input.name, () =>
    audited(db, now, async (tx) => {
      const [wave] = await tx
        .insert(waves)
        .values({
          name: input.name,
          questionnaireId: input.questionnaireId ?? from.questionnaireId,
          opensAt: new Date(input.opensAt),
          closesAt: new Date(input.closesAt),
          anonymous: from.anonymous,
          contactPerson: from.contactPerson,
          reminderDays: from.reminderDays,
          contactsEraseDays: from.contactsEraseDays,
          copiedFromId: from.id,
        })
        .returning();
      const list = await tx
        .select({ contact: contacts })
        .from(invitations)
        .innerJoin(contacts, eq(contacts.id, invitations.contactId))
        .where(and(eq(invitations.waveId, from.id), isNull(contacts.optedOutAt)));
      if (list.length) {
        await tx.insert(invitations).values(
          list.map(({ contact: c }) => ({
            waveId: wave.id,
            tokenHash: sha256Hex(randomToken()),
            contactId: c.id,
            name: c.name,
            email: c.email,
            organisation: c.organisation,
            organisationType: c.organisationType,
            municipalityId: c.municipalityId,
            branchId: c.branchId,
            createdAt: now,
          })),
        );
      }
      return {
        result: { wave, contactsCopied: list.length },
        audit: {
          ...by,
          action: "create",
          entity: "wave",
          entityId: wave.id,
          after: { name: wave.name, copiedFrom: from.name, opensAt: input.opensAt, closesAt: input.closesAt, contacts: list.length },
        },
      };
    }),
  );
  return { wave: await presentWave(db, result.wave, now), contactsCopied: result.contactsCopied };
}

/** The dashboard's default view: the latest wave that has closed and has answers. */
export async function latestClosedWave(db: Db, now: Date) {
  const [wave] = await db
    .select()
    .from(waves)
    .where(and(lte(waves.closesAt, now), sql`exists (select 1 from responses r where r.wave_id = ${waves.id})`))
    .orderBy(desc(waves.closesAt))
    .limit(1);
  return wave ? presentWave(db, wave, now) : null;
}

/** Waves whose contact data is due for erasure (closed longer ago than their term). */
export async function wavesDueForErasure(db: Db, now: Date) {
  return db
    .select()
    .from(waves)
    .where(
      and(
        isNull(waves.contactsErasedAt),
        isNotNull(waves.closesAt),
        sql`${waves.closesAt} + make_interval(days => ${waves.contactsEraseDays}) <= ${now.toISOString()}::timestamptz`,
      ),
    );
}
