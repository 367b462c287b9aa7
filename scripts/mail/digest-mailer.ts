import { eq } from "drizzle-orm";
import { getISOWeek, getISOWeekYear } from "date-fns";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../../db/types.ts";
import { settings } from "../../db/schema.ts";
import { digestText, qualityDigest } from "../../api/quality/digest.service.ts";

/**
 * The weekly quality digest by e-mail. Node only (SMTP needs raw sockets), so it lives
 * beside the Node entry; without SMTP configured the same digest is shown in the app.
 */
export interface DigestMail {
  from: string;
  to: string[];
  dashboardUrl: string;
}

export function mailFromEnv(env: NodeJS.ProcessEnv, dashboardUrl: string): { transport: Transporter; mail: DigestMail } | null {
  if (!env.SMTP_URL || !env.DIGEST_TO) return null;
  return {
    transport: nodemailer.createTransport(env.SMTP_URL),
    mail: { from: env.DIGEST_FROM ?? "ketenspiegel@localhost", to: env.DIGEST_TO.split(",").map((s) => s.trim()), dashboardUrl },
  };
}

const KEY = "digest_last_sent_week";

/** Sends once per ISO week; returns whether it sent. Safe to call every hour. */
export async function sendWeeklyDigest(db: Db, transport: Transporter, mail: DigestMail, now: Date) {
  const week = `${getISOWeekYear(now)}-W${String(getISOWeek(now)).padStart(2, "0")}`;
  const [last] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (last?.value === week) return false;
  const digest = await qualityDigest(db, now);
  await transport.sendMail({
    from: mail.from,
    to: mail.to,
    subject: `Ketenspiegel kwaliteitsoverzicht ${week}: ${digest.total} aandachtspunt(en)`,
    text: digestText(digest, mail.dashboardUrl),
  });
  await db
    .insert(settings)
    .values({ key: KEY, value: week, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: week, updatedAt: now } });
  return true;
}
