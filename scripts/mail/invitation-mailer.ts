import nodemailer from "nodemailer";
import type { Db } from "../../db/types.ts";
import { deliverOutbox, queueDueReminders, type MailTransport } from "../../api/mail/outbox.service.ts";
import { queueOverdueActionMails } from "../../api/mail/notices.service.ts";
import { eraseExpiredContactData } from "../../api/contacts/contacts.service.ts";

/**
 * E-mail on Node (SMTP needs raw sockets): sends the outbox over SMTP_URL (survey mail,
 * municipality reports, notices to action owners), queues the scheduled reminders and the
 * overdue-action notices, and erases invitation addresses past their term. Without SMTP_URL
 * the messages stay in the outbox (dashboard, `npm run cli -- outbox`).
 */
export function surveyMailFromEnv(env: NodeJS.ProcessEnv): { transport: MailTransport; from: string; throttleMs: number } | null {
  if (!env.SMTP_URL) return null;
  return {
    transport: nodemailer.createTransport(env.SMTP_URL),
    from: env.SURVEY_MAIL_FROM ?? env.DIGEST_FROM ?? "ketenspiegel@localhost",
    // Most relays accept a few messages a second; 50 partners take 10 s, not minutes.
    throttleMs: Number(env.SURVEY_MAIL_THROTTLE_MS ?? 200),
  };
}

export function startSurveyMail(db: Db, publicUrl: string, now: () => Date, env: NodeJS.ProcessEnv = process.env) {
  const mail = surveyMailFromEnv(env);
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await queueDueReminders(db, publicUrl, now());
      await queueOverdueActionMails(db, now());
      if (mail) await deliverOutbox(db, mail.transport, { from: mail.from, now, throttleMs: mail.throttleMs, publicUrl });
    } catch (e) {
      console.error("enquête-e-mail mislukt", e);
    } finally {
      busy = false;
    }
  };
  const erase = () =>
    eraseExpiredContactData(db, now())
      .then(({ erased }) => {
        if (erased.length) console.log(`Bewaartermijn: contactgegevens van ${erased.length} meting(en) gewist.`);
      })
      .catch((e) => console.error("wissen contactgegevens mislukt", e));
  void tick();
  void erase();
  const timers = [setInterval(tick, 60_000), setInterval(erase, 24 * 3600_000)];
  for (const timer of timers) timer.unref();
  return { smtp: !!mail, tick, stop: () => timers.forEach(clearInterval) };
}
