import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { actions, mailOutbox, users } from "../../db/schema.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { audited } from "../audit/audit.service.ts";

/**
 * E-mail to staff and municipalities, outside the survey: the same outbox, so without
 * SMTP_URL the messages wait there and with it the Node mailer sends them. Each message
 * has a dedupe key (unique in the table), so a notice is queued exactly once however many
 * schedulers or clicks race for it.
 */
export type NoticeKind = "municipality_report" | "action_assigned" | "action_overdue";

export interface Notice {
  kind: NoticeKind;
  to: string;
  subject: string;
  body: string;
  dedupeKey: string;
  reportDeliveryId?: string;
}

/** Queues notices; returns how many were new (a key already queued counts 0). */
export async function queueNotices(db: Db, notices: Notice[], now: Date): Promise<number> {
  if (!notices.length) return 0;
  const queued = await db
    .insert(mailOutbox)
    .values(
      notices.map((n) => ({
        kind: n.kind,
        round: 0,
        toAddress: n.to,
        subject: n.subject,
        body: n.body,
        dedupeKey: n.dedupeKey,
        reportDeliveryId: n.reportDeliveryId ?? null,
        // Staff notices have no unsubscribe link; the column is unique, so it holds the key's hash.
        unsubscribeHash: sha256Hex(`notice:${n.dedupeKey}`),
        createdAt: now,
      })),
    )
    // No conflict target: the unsubscribe hash is unique too and derived from the same key. With only
    // dedupe_key as the arbiter, two schedulers inserting the same notice at once could meet on the hash
    // index instead, which ON CONFLICT (dedupe_key) does not absorb: a 23505 instead of "already queued".
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  return queued.length;
}

const dateNl = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

interface ActionFacts {
  id: string;
  ref: string;
  title: string;
  dueOn: string;
}

export function actionAssignedNotice(a: ActionFacts, owner: { email: string; name: string }, assignedAt: Date): Notice {
  return {
    kind: "action_assigned",
    to: owner.email,
    subject: `Verbeteractie ${a.ref} is aan u toegewezen`,
    body: `Beste ${owner.name || "collega"},

De verbeteractie ${a.ref} "${a.title}" is aan u toegewezen. De deadline is ${dateNl(a.dueOn)}.

U vindt de actie in Ketenspiegel onder Verbetercyclus.`,
    // Per assignment: a later re-assignment to the same person is a new message.
    dedupeKey: `action_assigned:${a.id}:${owner.email}:${assignedAt.toISOString()}`,
  };
}

export function actionOverdueNotice(a: ActionFacts, owner: { email: string; name: string }): Notice {
  return {
    kind: "action_overdue",
    to: owner.email,
    subject: `Verbeteractie ${a.ref} is over de deadline`,
    body: `Beste ${owner.name || "collega"},

De deadline van verbeteractie ${a.ref} "${a.title}" was ${dateNl(a.dueOn)}, en de actie is nog niet gereed.

Werk de status bij of spreek een nieuwe deadline af in Ketenspiegel onder Verbetercyclus.`,
    // Once per action: overdue is announced one time, whatever the schedule does.
    dedupeKey: `action_overdue:${a.id}`,
  };
}

/**
 * Queues one "overdue" message per open action past its deadline whose owner has an active
 * account. Safe to call from every scheduler at once: the dedupe key makes it once per action.
 */
export async function queueOverdueActionMails(db: Db, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const late = await db
    .select({ a: actions, email: users.email, name: users.name })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(
      and(
        inArray(actions.status, ["gepland", "in_uitvoering"]),
        lt(actions.dueOn, today),
        sql`${users.disabledAt} is null`,
        sql`not exists (select 1 from mail_outbox m where m.dedupe_key = 'action_overdue:' || ${actions.id}::text)`,
      ),
    );
  if (!late.length) return 0;
  return audited(db, now, async (tx) => {
    const queued = await queueNotices(
      tx,
      late.map((r) => actionOverdueNotice(r.a, r)),
      now,
    );
    return {
      result: queued,
      // A run that lost the race to another queued nothing and has nothing to record.
      audit: queued
        ? [{ actorId: null, actor: "systeem (actiebewaking)", ip: null, action: "send", entity: "mail_action_overdue", after: { queued } }]
        : [],
    };
  });
}
