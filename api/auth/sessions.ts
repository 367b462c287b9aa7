import { and, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { sessions, users, type User } from "../../db/schema.ts";
import { randomToken, sha256Hex } from "../lib/crypto.ts";

/**
 * Sessions after Lucia's design (lucia-auth.com): a random token goes in the cookie,
 * only its SHA-256 is stored, expiry slides forward while the session is used.
 */
export const SESSION_DAYS = 14;
const DAY = 86_400_000;
export const SESSION_COOKIE = "ks_session";

export async function createSession(db: Db, userId: string, now: Date, ip: string | null) {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY);
  await db.insert(sessions).values({ id: sha256Hex(token), userId, createdAt: now, expiresAt, ip });
  return { token, expiresAt };
}

/**
 * A session for a login whose password check used `verifiedHash`, only while that is still
 * the user's hash (and the account is not disabled); null otherwise. A password change that
 * commits between the check and this insert has ended the old password's sessions, and the
 * row lock orders the two: either the change waits for this insert and then deletes the
 * session, or this waits for the change and finds the hash replaced. A plain look at the hash
 * would not wait, and could insert after the change's delete but before its commit.
 */
export async function createSessionIfPasswordIs(db: Db, userId: string, verifiedHash: string, now: Date, ip: string | null) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [current] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.passwordHash, verifiedHash), isNull(users.disabledAt)))
      .for("share");
    return current ? createSession(tx, userId, now, ip) : null;
  });
}

/** Returns the user of a live session, extending it once it is past half its lifetime. */
export async function validateSession(db: Db, token: string, now: Date): Promise<{ user: User; expiresAt: Date; renewed: boolean } | null> {
  const id = sha256Hex(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  if (row.session.expiresAt <= now || row.user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const renewed = row.session.expiresAt.getTime() - now.getTime() < (SESSION_DAYS / 2) * DAY;
  if (!renewed) return { user: row.user, expiresAt: row.session.expiresAt, renewed };
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY);
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
  return { user: row.user, expiresAt, renewed };
}

export async function invalidateSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sha256Hex(token)));
}

export async function invalidateUserSessions(db: Db, userId: string) {
  const gone = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return gone.length;
}

export async function purgeExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
