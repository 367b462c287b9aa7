import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { branches, contacts, invitations, mailOutbox, municipalities, waves } from "../../db/schema.ts";
import { parseCsv, parseXlsx, SheetError } from "../domain/contacts/table.ts";
import { readContactRows } from "../domain/contacts/rows.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { detail } from "../lib/error-fields.ts";
import { ApiError } from "../lib/errors.ts";
import { isUuid } from "../lib/ids.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { invitationToken, linkSecret } from "../mail/links.ts";
import { mailReason } from "../mail/mail-reason.ts";
import { getWave, lockUnclosedWave, waveStatus } from "../waves/waves.service.ts";

type Contact = typeof contacts.$inferSelect;

export const presentContact = (c: Contact) => ({
  id: c.id,
  email: c.email,
  name: c.name,
  organisation: c.organisation,
  organisationType: c.organisationType,
  municipalityId: c.municipalityId,
  branchId: c.branchId,
  optedOut: !!c.optedOutAt,
  optedOutAt: c.optedOutAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export async function listContacts(db: Db, q?: string) {
  const where = q ? or(ilike(contacts.email, `%${q}%`), ilike(contacts.organisation, `%${q}%`), ilike(contacts.name, `%${q}%`)) : undefined;
  return (await db.select().from(contacts).where(where).orderBy(asc(contacts.organisation), asc(contacts.email))).map(presentContact);
}

async function findContact(db: Db, id: string) {
  if (!isUuid(id)) throw new ApiError(404, "contact_not_found");
  const [c] = await db.select().from(contacts).where(eq(contacts.id, id));
  if (!c) throw new ApiError(404, "contact_not_found");
  return c;
}

function decode(input: { format: "csv" | "xlsx"; content: string }) {
  if (input.format === "csv") return parseCsv(input.content);
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(input.content.replace(/\s+/g, "")), (ch) => ch.charCodeAt(0));
  } catch {
    throw new ApiError(400, "xlsx_not_base64", {}, [{ path: "content", ...detail("not_base64") }]);
  }
  try {
    return parseXlsx(bytes);
  } catch (e) {
    if (e instanceof SheetError)
      throw new ApiError(400, "invalid_file", { reason: { code: e.code } }, [{ path: "content", ...detail(e.code) }]);
    throw e;
  }
}

/**
 * Imports a contact list into the address book and, with a wave, into that wave's contact
 * list. Every row is checked first; one bad row refuses the whole file (errors by line)
 * and nothing is written. Everything else is a few set-based statements in one transaction,
 * so 500 contacts take well under a second. Opt-outs are kept: an import never opts back in.
 */
export async function importContacts(db: Db, input: { format: "csv" | "xlsx"; content: string; waveId?: string }, now: Date, by: Actor) {
  const wave = input.waveId ? await getWave(db, input.waveId) : null;
  if (wave && waveStatus(wave, now) === "gesloten") throw new ApiError(409, "wave_closed");
  const table = decode(input);
  const places = { municipalities: await db.select().from(municipalities), branches: await db.select().from(branches) };
  const { contacts: rows, errors, merged } = readContactRows(table, places);
  if (errors.length) {
    throw new ApiError(
      400,
      "invalid_rows",
      {
        line: errors[0].line,
        column: errors[0].column,
        problem: { code: errors[0].code, ...(errors[0].params ? { params: errors[0].params } : {}) },
        count: errors.length,
      },
      errors.map((e) => ({ ...e })),
    );
  }
  if (!rows.length) throw new ApiError(400, "no_contacts", {}, [{ line: 1, column: "-", ...detail("no_rows") }]);
  const secret = wave ? await linkSecret(db) : null;
  return audited(db, now, async (tx) => {
    if (wave) await lockUnclosedWave(tx, wave.id, now);
    const before = await tx
      .select({ email: contacts.email })
      .from(contacts)
      .where(
        inArray(
          contacts.email,
          rows.map((r) => r.email),
        ),
      );
    const saved = await tx
      .insert(contacts)
      .values(
        rows.map((r) => ({
          email: r.email,
          name: r.name,
          organisation: r.organisation,
          organisationType: r.organisationType,
          municipalityId: r.municipality,
          branchId: r.branch,
          optedOutAt: r.optedOut ? now : null,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: contacts.email,
        set: {
          name: sql`coalesce(excluded.name, ${contacts.name})`,
          organisation: sql`excluded.organisation`,
          organisationType: sql`excluded.organisation_type`,
          municipalityId: sql`coalesce(excluded.municipality_id, ${contacts.municipalityId})`,
          branchId: sql`coalesce(excluded.branch_id, ${contacts.branchId})`,
          optedOutAt: sql`coalesce(${contacts.optedOutAt}, excluded.opted_out_at)`,
          updatedAt: now,
        },
      })
      .returning();
    let added = 0;
    const reachable = saved.filter((c) => !c.optedOutAt);
    if (wave && secret && reachable.length) {
      const inserted = await tx
        .insert(invitations)
        .values(
          reachable.map((c) => {
            const id = crypto.randomUUID();
            return {
              id,
              waveId: wave.id,
              tokenHash: sha256Hex(invitationToken(secret, id, 0)),
              contactId: c.id,
              name: c.name,
              email: c.email,
              organisation: c.organisation,
              organisationType: c.organisationType,
              municipalityId: c.municipalityId,
              branchId: c.branchId,
              createdAt: now,
            };
          }),
        )
        .onConflictDoNothing({ target: [invitations.waveId, invitations.contactId] })
        .returning({ id: invitations.id });
      added = inserted.length;
    }
    const summary = {
      rows: rows.length,
      merged,
      created: rows.length - before.length,
      updated: before.length,
      optedOut: saved.length - reachable.length,
      addedToWave: added,
      alreadyInWave: wave ? reachable.length - added : 0,
    };
    // The trail counts, it does not copy addresses.
    return {
      result: summary,
      audit: {
        ...by,
        action: "import",
        entity: "contacts",
        entityId: wave?.id ?? null,
        after: { ...summary, wave: wave?.name ?? null, format: input.format },
      },
    };
  });
}

export async function setOptOut(db: Db, id: string, optedOut: boolean, now: Date, by: Actor) {
  await findContact(db, id);
  const updated = await audited(db, now, async (tx) => {
    // Read again under a row lock: an erasure that committed meanwhile leaves nothing (404, no
    // entry), and the entry's "before" is the state this update really replaced.
    const [c] = await tx.select().from(contacts).where(eq(contacts.id, id)).for("update");
    if (!c) throw new ApiError(404, "contact_not_found");
    const [row] = await tx
      .update(contacts)
      .set({ optedOutAt: optedOut ? (c.optedOutAt ?? now) : null, updatedAt: now })
      .where(eq(contacts.id, id))
      .returning();
    return {
      result: row,
      audit: { ...by, action: "update", entity: "contact", entityId: id, before: { optedOut: !!c.optedOutAt }, after: { optedOut } },
    };
  });
  return presentContact(updated);
}

/** AVG article 15: everything held about one contact. */
export async function exportContact(db: Db, id: string, now: Date, by: Actor) {
  const c = await findContact(db, id);
  const invited = await db
    .select({
      wave: waves.name,
      invitationId: invitations.id,
      organisation: invitations.organisation,
      createdAt: invitations.createdAt,
      openedAt: invitations.openedAt,
      submittedAt: invitations.submittedAt,
      anonymous: waves.anonymous,
    })
    .from(invitations)
    .innerJoin(waves, eq(waves.id, invitations.waveId))
    .where(eq(invitations.contactId, id));
  const messages = await db
    .select({
      kind: mailOutbox.kind,
      round: mailOutbox.round,
      status: mailOutbox.status,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      sentAt: mailOutbox.sentAt,
      createdAt: mailOutbox.createdAt,
      errorCode: mailOutbox.errorCode,
      error: mailOutbox.error,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.contactId, id));
  await audited(db, now, async () => ({
    result: null,
    audit: { ...by, action: "export", entity: "contact", entityId: id, after: { reason: "AVG art. 15" } },
  }));
  return {
    contact: presentContact(c),
    invitations: invited.map((i) => ({
      wave: i.wave,
      organisation: i.organisation,
      invitedAt: i.createdAt.toISOString(),
      openedAt: i.openedAt?.toISOString() ?? null,
      submitted: !!i.submittedAt,
      note: i.anonymous ? "Anonieme meting: antwoorden zijn niet aan deze persoon te koppelen en worden niet getoond." : null,
    })),
    messages: messages.map((m) => ({
      kind: m.kind,
      round: m.round,
      status: m.status,
      to: m.to,
      subject: m.subject,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      reason: mailReason(m.errorCode),
      error: m.error,
    })),
  };
}

/** AVG article 17: the contact is removed, and its address and name disappear from every invitation and message. */
export async function eraseContact(db: Db, id: string, now: Date, by: Actor) {
  await findContact(db, id);
  return audited(db, now, async (tx) => {
    // The row FOR UPDATE first: of erasures at once one goes on, the others wait and then find it
    // gone (404, no entry). Not a delete first: it would null contact_id (ON DELETE SET NULL)
    // before the invitations and messages below are found by it.
    const [c] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).for("update");
    if (!c) throw new ApiError(404, "contact_not_found");
    const inv = await tx
      .update(invitations)
      .set({ email: null, name: null })
      .where(eq(invitations.contactId, id))
      .returning({ id: invitations.id });
    await tx.update(mailOutbox).set({ toAddress: null, body: null }).where(eq(mailOutbox.contactId, id));
    await tx.delete(contacts).where(eq(contacts.id, id));
    return {
      result: { erased: true as const, invitations: inv.length },
      audit: { ...by, action: "erase", entity: "contact", entityId: id, after: { reason: "AVG art. 17", invitations: inv.length } },
    };
  });
}

/** A wave closed longer ago than its term: its contact data is due for erasure. */
const erasureDue = (now: Date) =>
  sql`${waves.closesAt} + make_interval(days => ${waves.contactsEraseDays}) <= ${now.toISOString()}::timestamptz`;

/**
 * Erases the invitation e-mail addresses and names of waves closed longer ago than their
 * term (default 90 days), and the queued messages with them. One audit entry per wave.
 */
export async function eraseExpiredContactData(
  db: Db,
  now: Date,
  by: Actor = { actorId: null, actor: "systeem (bewaartermijn)", ip: null },
) {
  const due = await db
    .select({ id: waves.id })
    .from(waves)
    .where(and(isNull(waves.contactsErasedAt), erasureDue(now)));
  const erased: { waveId: string; name: string; invitations: number }[] = [];
  for (const { id } of due) {
    const done = await eraseWaveContacts(db, id, now, by);
    if (done) erased.push(done);
  }
  return { erased };
}

/**
 * Claims the wave first, by a conditional update of its row: an extension (FOR UPDATE on the
 * row) that committed first makes it no longer due, one that comes later waits and then finds
 * it erased; a parallel run finds it claimed. Either way this run skips it: null, no entry.
 */
async function eraseWaveContacts(db: Db, waveId: string, now: Date, by: Actor) {
  return audited(db, now, async (tx) => {
    const [wave] = await tx
      .update(waves)
      .set({ contactsErasedAt: now })
      .where(and(eq(waves.id, waveId), isNull(waves.contactsErasedAt), erasureDue(now)))
      .returning();
    if (!wave) return { result: null, audit: [] };
    const inv = await tx
      .update(invitations)
      .set({ email: null, name: null })
      .where(eq(invitations.waveId, wave.id))
      .returning({ id: invitations.id });
    await tx.update(mailOutbox).set({ toAddress: null, body: null }).where(eq(mailOutbox.waveId, wave.id));
    return {
      result: { waveId: wave.id, name: wave.name, invitations: inv.length },
      audit: {
        ...by,
        action: "erase",
        entity: "wave_contacts",
        entityId: wave.id,
        after: { wave: wave.name, invitations: inv.length, termDays: wave.contactsEraseDays },
      },
    };
  });
}

/** The wave's contact list with each contact's state: invited, last message, opened, submitted. */
export async function listWaveContacts(db: Db, waveId: string) {
  const wave = await getWave(db, waveId);
  const list = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.waveId, wave.id), sql`(${invitations.contactId} is not null or ${invitations.email} is not null)`))
    .orderBy(asc(invitations.organisation));
  const messages = await db
    .select({
      invitationId: mailOutbox.invitationId,
      kind: mailOutbox.kind,
      round: mailOutbox.round,
      status: mailOutbox.status,
      sentAt: mailOutbox.sentAt,
      errorCode: mailOutbox.errorCode,
      error: mailOutbox.error,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.waveId, wave.id))
    .orderBy(asc(mailOutbox.createdAt));
  const byInvitation = new Map<string | null, typeof messages>();
  for (const m of messages) byInvitation.set(m.invitationId, [...(byInvitation.get(m.invitationId) ?? []), m]);
  return list.map((i) => ({
    invitationId: i.id,
    contactId: i.contactId,
    email: i.email,
    name: i.name,
    organisation: i.organisation,
    organisationType: i.organisationType,
    municipalityId: i.municipalityId,
    branchId: i.branchId,
    openedAt: i.openedAt?.toISOString() ?? null,
    startedAt: i.startedAt?.toISOString() ?? null,
    submitted: !!i.submittedAt,
    messages: (byInvitation.get(i.id) ?? []).map((m) => ({
      kind: m.kind,
      round: m.round,
      status: m.status,
      sentAt: m.sentAt?.toISOString() ?? null,
      reason: mailReason(m.errorCode),
      error: m.error,
    })),
  }));
}
