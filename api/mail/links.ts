import { sql } from "drizzle-orm";
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "../../db/types.ts";
import { rows } from "../../db/migrate.ts";

/**
 * Personal links in e-mails are derived, not stored: token = HMAC(secret, invitation id and
 * link generation). The invitation keeps only the token's SHA-256, as for links made by hand,
 * while a reminder can repeat the link of the invitation e-mail. "Re-send link" bumps the
 * generation: a new token, and the old one no longer matches. The secret is made once, at
 * random, and kept in settings.
 */
const KEY = "mail_link_secret";

export async function linkSecret(db: Db): Promise<Uint8Array> {
  const fresh = new Uint8Array(32);
  crypto.getRandomValues(fresh);
  await db.execute(
    sql`insert into settings (key, value) values (${KEY}, ${JSON.stringify(encodeHexLowerCase(fresh))}::jsonb) on conflict (key) do nothing`,
  );
  const [row] = rows<{ value: string }>(await db.execute(sql`select value from settings where key = ${KEY}`));
  const hex = String(row.value);
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

export function derivedToken(secret: Uint8Array, purpose: string): string {
  return encodeBase32LowerCaseNoPadding(hmac(SHA256, secret, new TextEncoder().encode(purpose)).slice(0, 20));
}

export const invitationToken = (secret: Uint8Array, invitationId: string, generation: number) =>
  derivedToken(secret, `invitation:${invitationId}:${generation}`);

export const openLinkToken = (secret: Uint8Array, waveId: string) => derivedToken(secret, `open:${waveId}`);

export const surveyUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, "")}/s/${token}`;
export const unsubscribeUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, "")}/api/u/${token}`;
