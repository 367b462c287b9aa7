import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, max, sql } from "drizzle-orm";
import { format } from "date-fns";
import { nl } from "date-fns/locale";
import type { Db } from "../../db/types.ts";
import { contacts, invitations, mailOutbox, mailTemplates, reportDeliveries, waves, type Wave } from "../../db/schema.ts";
import { DEFAULT_TEMPLATES, renderTemplate, unknownPlaceholders, type MailKind } from "../domain/mail/templates.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { ApiError } from "../lib/errors.ts";
import { mailReason, type MailErrorCode } from "./mail-reason.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { isUuid } from "../lib/ids.ts";
import { rows } from "../../db/migrate.ts";
import { encodeBase64 } from "@oslojs/encoding";
import { derivedToken, invitationToken, linkSecret, surveyUrl, unsubscribeUrl } from "./links.ts";

/** Derived like the survey links, so the sender can put it in the List-Unsubscribe header without storing it. */
const unsubscribeTokenFor = (secret: Uint8Array, invitationId: string, kind: string, round: number) =>
  derivedToken(secret, `unsubscribe:${invitationId}:${kind}:${round}`);
import { getWave, lockWave, waveStatus } from "../waves/waves.service.ts";

export async function getTemplates(db: Db) {
  const stored = await db.select().from(mailTemplates);
  return (Object.keys(DEFAULT_TEMPLATES) as MailKind[]).map((kind) => {
    const row = stored.find((r) => r.kind === kind);
    return {
      kind,
      subject: row?.subject ?? DEFAULT_TEMPLATES[kind].subject,
      body: row?.body ?? DEFAULT_TEMPLATES[kind].body,
      custom: !!row,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}

export async function updateTemplate(db: Db, kind: MailKind, input: { subject: string; body: string }, now: Date, by: Actor) {
  for (const [field, text] of [
    ["subject", input.subject],
    ["body", input.body],
  ] as const) {
    const unknown = unknownPlaceholders(text);
    if (unknown.length) {
      throw new ApiError(
        400,
        "unknown_placeholder",
        { placeholder: `{${unknown[0]}}`, field },
        unknown.map((p) => ({ path: field, placeholder: p })),
      );
    }
  }
  if (!input.body.includes("{link}")) throw new ApiError(400, "missing_placeholder", {}, [{ path: "body", placeholder: "link" }]);
  await audited(db, now, async (tx) => {
    const [before] = await tx.select().from(mailTemplates).where(eq(mailTemplates.kind, kind));
    await tx
      .insert(mailTemplates)
      .values({ kind, ...input, updatedAt: now })
      .onConflictDoUpdate({ target: mailTemplates.kind, set: { ...input, updatedAt: now } });
    return {
      result: null,
      audit: {
        ...by,
        action: "update",
        entity: "mail_template",
        entityId: kind,
        before: before ? { subject: before.subject, body: before.body } : null,
        after: input,
      },
    };
  });
  return (await getTemplates(db)).find((t) => t.kind === kind)!;
}

type Recipient = typeof invitations.$inferSelect;

async function template(db: Db, kind: MailKind) {
  return (await getTemplates(db)).find((t) => t.kind === kind)!;
}

function message(wave: Wave, inv: Recipient, tpl: { subject: string; body: string }, link: string, unsubscribe: string) {
  const values = {
    naam: inv.name ?? "heer/mevrouw",
    organisatie: inv.organisation,
    link,
    sluitdatum: format(wave.closesAt, "d MMMM yyyy", { locale: nl }),
    contactpersoon: wave.contactPerson ?? "het Zorg- en Veiligheidshuis",
    afmeldlink: unsubscribe,
  };
  return { subject: renderTemplate(tpl.subject, values), body: renderTemplate(tpl.body, values) };
}

/**
 * Queues one message per recipient. The unique key (invitation, kind, round) makes this
 * exactly-once under parallel calls: a second click, or two staff members at once, queues
 * nothing new. Opted-out contacts and invitations without an address are skipped. Refused, as
 * up front, when the wave was closed or paused in the meantime.
 */
async function enqueue(
  db: Db,
  wave: Wave,
  recipients: Recipient[],
  kind: "invitation" | "reminder" | "resend",
  round: (inv: Recipient) => number,
  publicUrl: string,
  now: Date,
  by: Actor,
  extraAudit: Record<string, unknown> = {},
) {
  const secret = await linkSecret(db);
  const tpl = await template(db, kind === "reminder" ? "reminder" : "invitation");
  const values = recipients.map((inv) => {
    const unsubscribeToken = unsubscribeTokenFor(secret, inv.id, kind, round(inv));
    const m = message(
      wave,
      inv,
      tpl,
      surveyUrl(publicUrl, invitationToken(secret, inv.id, inv.linkGeneration)),
      unsubscribeUrl(publicUrl, unsubscribeToken),
    );
    return {
      waveId: wave.id,
      invitationId: inv.id,
      contactId: inv.contactId,
      kind,
      round: round(inv),
      toAddress: inv.email,
      subject: m.subject,
      body: m.body,
      unsubscribeHash: sha256Hex(unsubscribeToken),
      createdAt: now,
    };
  });
  return audited(db, now, async (tx) => {
    await lockSendable(tx, wave.id, now);
    const allowed = await withoutOptOuts(tx, values);
    const queued = allowed.length
      ? await tx
          .insert(mailOutbox)
          .values(allowed)
          // No conflict target: the unsubscribe hash is unique too and derived from the same (invitation, kind,
          // round), so two queuers racing for one mail can meet on either index (as in queueNotices).
          .onConflictDoNothing()
          .returning({ id: mailOutbox.id })
      : [];
    return {
      result: { queued: queued.length, recipients: allowed.length },
      audit: {
        ...by,
        action: "send",
        entity: `mail_${kind}`,
        entityId: wave.id,
        after: { wave: wave.name, queued: queued.length, ...extraAudit },
      },
    };
  });
}

/** The wave locked (`lockWave`) and refused as up front when a close or pause committed first. */
async function lockSendable(tx: Db, waveId: string, now: Date) {
  assertSendable(await lockWave(tx, waveId), now);
}

/**
 * Drops the mails of contacts who opted out since the recipients were read. The contacts are
 * locked FOR SHARE (in id order): an unsubscribe in flight is waited for and seen, and one that
 * comes later waits for this transaction, so its cancelling of pending mail catches these too.
 */
async function withoutOptOuts<T extends { contactId: string | null }>(tx: Db, values: T[]) {
  const ids = [...new Set(values.flatMap((v) => (v.contactId ? [v.contactId] : [])))];
  if (!ids.length) return values;
  const stillIn = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(inArray(contacts.id, ids), isNull(contacts.optedOutAt)))
    .orderBy(asc(contacts.id))
    .for("share");
  const ok = new Set(stillIn.map((c) => c.id));
  return values.filter((v) => !v.contactId || ok.has(v.contactId));
}

async function reachable(db: Db, waveId: string) {
  return (
    await db
      .select({ inv: invitations })
      .from(invitations)
      .leftJoin(contacts, eq(contacts.id, invitations.contactId))
      .where(and(eq(invitations.waveId, waveId), isNotNull(invitations.email), isNull(contacts.optedOutAt)))
  ).map((r) => r.inv);
}

function assertSendable(wave: Wave, now: Date) {
  const status = waveStatus(wave, now);
  if (status === "gesloten") throw new ApiError(409, "wave_closed_no_mail");
  if (status === "gepauzeerd") throw new ApiError(409, "wave_paused_resume_first");
}

export async function queueInvitations(db: Db, waveId: string, publicUrl: string, now: Date, by: Actor) {
  const wave = await getWave(db, waveId);
  assertSendable(wave, now);
  const list = await reachable(db, wave.id);
  const { queued, recipients } = await enqueue(db, wave, list, "invitation", () => 0, publicUrl, now, by);
  return { queued, alreadyQueued: recipients - queued };
}

/**
 * Reminders go only to those who have not submitted and whose invitation was sent. In
 * an anonymous wave that is read from the invitation's used state, never from a response.
 * Without a round the next one is taken (on demand); a schedule passes its own round.
 */
export async function queueReminders(db: Db, waveId: string, round: number | undefined, publicUrl: string, now: Date, by: Actor) {
  const wave = await getWave(db, waveId);
  assertSendable(wave, now);
  const [last] = await db
    .select({ round: max(mailOutbox.round) })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.waveId, wave.id), eq(mailOutbox.kind, "reminder")));
  const r = round ?? (last?.round ?? 0) + 1;
  const invited = new Set(
    (
      await db
        .select({ id: mailOutbox.invitationId })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.waveId, wave.id), inArray(mailOutbox.kind, ["invitation", "resend"]), eq(mailOutbox.status, "sent")))
    ).map((m) => m.id),
  );
  const list = (await reachable(db, wave.id)).filter((inv) => !inv.submittedAt && invited.has(inv.id));
  const { queued, recipients } = await enqueue(db, wave, list, "reminder", () => r, publicUrl, now, by, { round: r });
  return { round: r, queued, alreadyQueued: recipients - queued };
}

/** Scheduled reminders (reminderDays after opening) for every running wave; safe to call often. */
export async function queueDueReminders(db: Db, publicUrl: string, now: Date) {
  const system = { actorId: null, actor: "systeem (herinneringsschema)", ip: null };
  const running = await db
    .select()
    .from(waves)
    .where(and(lte(waves.opensAt, now), sql`${waves.closesAt} > ${now.toISOString()}::timestamptz`, isNull(waves.pausedAt)));
  const done: { waveId: string; round: number; queued: number }[] = [];
  for (const wave of running) {
    const due = wave.reminderDays
      .map((d, i) => ({ d, round: i + 1 }))
      .filter(({ d }) => wave.opensAt.getTime() + d * 86_400_000 <= now.getTime());
    for (const { round } of due) {
      const [exists] = await db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.waveId, wave.id), eq(mailOutbox.kind, "reminder"), eq(mailOutbox.round, round)))
        .limit(1);
      if (exists) continue;
      const r = await queueReminders(db, wave.id, round, publicUrl, now, system);
      if (r.queued) done.push({ waveId: wave.id, round, queued: r.queued });
    }
  }
  return done;
}

/**
 * Re-send a link: the old token stops working, a new one goes out; saved progress stays
 * on the invitation. Refused once the invitation was used.
 */
export async function resendLink(db: Db, waveId: string, invitationId: string, publicUrl: string, now: Date, by: Actor) {
  const wave = await getWave(db, waveId);
  assertSendable(wave, now);
  if (!isUuid(invitationId)) throw new ApiError(404, "invitation_not_found");
  const secret = await linkSecret(db);
  // The new link and its mail in one transaction, under the wave's share lock: a close that
  // commits in between refuses both, instead of killing the old link and then refusing the mail.
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockSendable(tx, wave.id, now);
    const inv = await rotateLink(tx, wave, invitationId, secret, now, by);
    let queued = 0;
    if (inv.email) {
      const [c] = inv.contactId ? await tx.select().from(contacts).where(eq(contacts.id, inv.contactId)) : [];
      if (!c?.optedOutAt) ({ queued } = await enqueue(tx, wave, [inv], "resend", (i) => i.linkGeneration, publicUrl, now, by));
    }
    const token = invitationToken(secret, inv.id, inv.linkGeneration);
    return { invitationId: inv.id, url: surveyUrl(publicUrl, token), token, queued: queued > 0 };
  });
}

/** A new generation of one unused invitation's link: the old link stops working. */
function rotateLink(db: Db, wave: Wave, invitationId: string, secret: Uint8Array, now: Date, by: Actor) {
  return audited(db, now, async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.waveId, wave.id)))
      .for("update");
    if (!row) throw new ApiError(404, "invitation_not_found");
    if (row.submittedAt) throw new ApiError(409, "invitation_used");
    const generation = row.linkGeneration + 1;
    const [u] = await tx
      .update(invitations)
      .set({ linkGeneration: generation, tokenHash: sha256Hex(invitationToken(secret, row.id, generation)) })
      .where(eq(invitations.id, row.id))
      .returning();
    return {
      result: u,
      audit: { ...by, action: "update", entity: "invitation", entityId: row.id, after: { wave: wave.name, linkGeneration: generation } },
    };
  });
}

export async function listOutbox(db: Db, filter: { waveId?: string; status?: string }) {
  const where = and(
    filter.waveId ? eq(mailOutbox.waveId, filter.waveId) : undefined,
    filter.status ? eq(mailOutbox.status, filter.status) : undefined,
  );
  const list = await db.select().from(mailOutbox).where(where).orderBy(desc(mailOutbox.createdAt), asc(mailOutbox.toAddress)).limit(5000);
  return list.map((m) => ({
    id: m.id,
    waveId: m.waveId,
    invitationId: m.invitationId,
    contactId: m.contactId,
    kind: m.kind,
    round: m.round,
    to: m.toAddress,
    subject: m.subject,
    body: m.body,
    status: m.status,
    attempts: m.attempts,
    reason: mailReason(m.errorCode),
    error: m.error,
    messageId: m.messageId,
    sentAt: m.sentAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  }));
}

/** The unsubscribe link of a message: sets the contact's opt-out, for this and every later wave. */
export async function unsubscribe(db: Db, token: string, now: Date) {
  const [m] = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.unsubscribeHash, sha256Hex(token)));
  if (!m) throw new ApiError(404, "unknown_unsubscribe_token");
  if (!m.contactId) return { optedOut: true };
  await audited(db, now, async (tx) => {
    await tx
      .update(contacts)
      .set({ optedOutAt: sql`coalesce(${contacts.optedOutAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
      .where(eq(contacts.id, m.contactId!));
    // Nothing still queued goes out to someone who just said no.
    await tx
      .update(mailOutbox)
      .set({ status: "cancelled", body: null })
      .where(and(eq(mailOutbox.contactId, m.contactId!), eq(mailOutbox.status, "pending")));
    return {
      result: null,
      audit: {
        actor: "partner (afmeldlink)",
        actorId: null,
        ip: null,
        action: "update",
        entity: "contact",
        entityId: m.contactId,
        after: { optedOut: true },
      },
    };
  });
  return { optedOut: true };
}

/** A bounce reported afterwards (by the mail server's DSN or by hand), recorded on the message. */
export async function recordBounce(db: Db, input: { messageId?: string; outboxId?: string; reason: string }, now: Date, by: Actor) {
  const [m] =
    input.outboxId && isUuid(input.outboxId)
      ? await db.select().from(mailOutbox).where(eq(mailOutbox.id, input.outboxId))
      : input.messageId
        ? await db.select().from(mailOutbox).where(eq(mailOutbox.messageId, input.messageId))
        : [];
  if (!m) throw new ApiError(404, "message_not_found");
  await audited(db, now, async (tx) => {
    await tx.update(mailOutbox).set({ status: "bounced", errorCode: "mail_bounced", error: input.reason }).where(eq(mailOutbox.id, m.id));
    return {
      result: null,
      audit: {
        ...by,
        action: "update",
        entity: "mail_message",
        entityId: m.id,
        before: { status: m.status },
        after: { status: "bounced", reason: input.reason },
      },
    };
  });
  return { id: m.id, status: "bounced" as const };
}

// ---- delivery ---------------------------------------------------------------------------

/** What delivery needs of a mail transport; nodemailer's Transporter fits. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    headers?: Record<string, string>;
    messageId?: string;
    /** Base64 text rather than bytes: what nodemailer takes without Node's Buffer in this Web-standard module. */
    attachments?: { filename: string; content: string; encoding: "base64"; contentType: string }[];
  }): // nodemailer's SMTP transport gives the server's answer to each refused recipient in rejectedErrors.
  Promise<{ messageId?: string; rejected?: unknown[]; rejectedErrors?: { response?: string; message?: string }[] }>;
}

/** A municipality report's PDF, read when its message is sent (the outbox keeps only a reference). */
async function reportAttachment(db: Db, deliveryId: string) {
  const [d] = await db.select().from(reportDeliveries).where(eq(reportDeliveries.id, deliveryId));
  if (!d) return undefined;
  return [
    {
      filename: `uitdraai-${d.municipalityId}-${d.periodFrom}-${d.periodTo}.pdf`,
      content: encodeBase64(new Uint8Array(d.pdf)),
      encoding: "base64" as const,
      contentType: "application/pdf",
    },
  ];
}

/** The delivery of a municipality report follows its message: sent, or failed with the reason. */
async function settleReport(
  db: Db,
  m: { reportDeliveryId: string | null },
  outcome: { status: "sent"; sentAt: Date } | { status: "failed"; error: string },
) {
  if (!m.reportDeliveryId) return;
  await db
    .update(reportDeliveries)
    .set(outcome.status === "sent" ? { status: "sent", sentAt: outcome.sentAt, error: null } : { status: "failed", error: outcome.error })
    .where(eq(reportDeliveries.id, m.reportDeliveryId));
}

/** What the mail server said, as it said it (at most 500 characters), or null when it said nothing. */
function serverText(text: string | undefined): string | null {
  const t = text?.trim();
  return t ? t.slice(0, 500) : null;
}

const CLAIM_SECONDS = 300;
const MAX_ATTEMPTS = 5;

/**
 * Claims one queued message atomically (FOR UPDATE SKIP LOCKED): two senders never take the
 * same row, and a row whose sender died is taken again once its claim has run out.
 */
async function claim(db: Db, now: Date, waveId?: string) {
  const wave = waveId ? sql`and wave_id = ${waveId}` : sql``;
  const claimed = rows<{ id: string }>(
    await db.execute(sql`
    update mail_outbox set status = 'sending', attempts = attempts + 1,
      claimed_until = ${new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString()}::timestamptz
    where id = (select id from mail_outbox
      where (status = 'pending' or (status = 'sending' and claimed_until < ${now.toISOString()}::timestamptz)) ${wave}
      order by created_at, id limit 1 for update skip locked)
    returning id`),
  );
  if (!claimed.length) return null;
  const [m] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, claimed[0].id));
  return m;
}

/**
 * Sends queued messages over SMTP, one claimed row at a time, with a pause between
 * messages (throttling). A permanent SMTP refusal (5xx) is recorded as rejected; a passing
 * failure puts the row back for a later attempt. Once sent, the body (with the personal
 * link) is erased. Resumable: run it again after a crash and it continues where it stopped.
 */
export async function deliverOutbox(
  db: Db,
  transport: MailTransport,
  options: { from: string; now: () => Date; throttleMs?: number; limit?: number; waveId?: string; publicUrl?: string },
) {
  const result = { sent: 0, rejected: 0, retry: 0 };
  const secret = options.publicUrl ? await linkSecret(db) : null;
  for (let i = 0; i < (options.limit ?? Infinity); i++) {
    const m = await claim(db, options.now(), options.waveId);
    if (!m) break;
    if (!m.toAddress || !m.body) {
      await db.update(mailOutbox).set({ status: "cancelled", claimedUntil: null }).where(eq(mailOutbox.id, m.id));
      continue;
    }
    try {
      const attachments = m.reportDeliveryId ? await reportAttachment(db, m.reportDeliveryId) : undefined;
      const info = await transport.sendMail({
        from: options.from,
        to: m.toAddress,
        subject: m.subject,
        text: m.body,
        messageId: `<${m.id}@ketenspiegel>`,
        ...(attachments ? { attachments } : {}),
        headers: {
          "X-Ketenspiegel-Message": m.id,
          // RFC 8058 one-click unsubscribe, as large mailbox providers ask of bulk senders.
          ...(secret && m.invitationId
            ? {
                "List-Unsubscribe": `<${unsubscribeUrl(options.publicUrl!, unsubscribeTokenFor(secret, m.invitationId, m.kind, m.round))}>`,
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
              }
            : {}),
        },
      });
      if (info.rejected?.length) {
        // Why by code (the dashboard says it in the reader's language); the server's own words, if it gave any, beside it.
        const detail = serverText(info.rejectedErrors?.map((e) => e.response ?? e.message).join("; "));
        await db
          .update(mailOutbox)
          .set({ status: "rejected", errorCode: "mail_recipient_rejected", error: detail, claimedUntil: null })
          .where(eq(mailOutbox.id, m.id));
        await settleReport(db, m, { status: "failed", error: detail ?? "mail_recipient_rejected" });
        result.rejected++;
      } else {
        await db
          .update(mailOutbox)
          .set({
            status: "sent",
            sentAt: options.now(),
            messageId: info.messageId ?? `<${m.id}@ketenspiegel>`,
            body: null,
            claimedUntil: null,
            errorCode: null,
            error: null,
          })
          .where(eq(mailOutbox.id, m.id));
        await settleReport(db, m, { status: "sent", sentAt: options.now() });
        result.sent++;
      }
    } catch (e) {
      const err = e as { responseCode?: number; response?: string; message?: string };
      const permanent = (err.responseCode ?? 0) >= 500;
      const status = permanent ? "rejected" : m.attempts >= MAX_ATTEMPTS ? "failed" : "pending";
      const errorCode: MailErrorCode = permanent ? "mail_smtp_refused" : status === "failed" ? "mail_smtp_failed" : "mail_smtp_retry";
      const error = serverText(err.response ?? err.message);
      await db.update(mailOutbox).set({ status, errorCode, error, claimedUntil: null }).where(eq(mailOutbox.id, m.id));
      if (status !== "pending") await settleReport(db, m, { status: "failed", error: error ?? errorCode });
      if (permanent) result.rejected++;
      else result.retry++;
      if (!permanent && (err.responseCode === undefined || err.responseCode < 400)) break; // connection trouble: stop this run
    }
    if (options.throttleMs) await new Promise((r) => setTimeout(r, options.throttleMs));
  }
  return result;
}
