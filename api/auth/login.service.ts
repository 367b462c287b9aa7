import { eq } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { users } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import type { PasswordHasher } from "../domain/auth/password.ts";
import { appendAudit } from "../audit/audit.service.ts";
import { clearFailures, purgeExpiredThrottle, returnAttempt, takeAttempt, throttleKeys } from "./throttle.ts";
import { createSessionIfPasswordIs, invalidateSession } from "./sessions.ts";

function tooMany(wait: number) {
  return new ApiError(429, "too_many_attempts", { seconds: wait }, undefined, {
    "Retry-After": String(wait),
  });
}

/**
 * Checks the password and starts a fresh session. Any session token presented before
 * login is discarded, so a planted token can never become a logged-in one (fixation).
 * The attempt is counted before the (slow) password check, so parallel guesses are
 * throttled as strictly as sequential ones.
 */
export async function login(
  db: Db,
  passwords: PasswordHasher,
  email: string,
  password: string,
  ip: string | null,
  now: Date,
  previousToken: string | null,
) {
  const address = email.trim().toLowerCase();
  const keys = throttleKeys(address, ip);
  await purgeExpiredThrottle(db, now);
  const ipWait = await takeAttempt(db, keys.ip, "ip", now);
  if (ipWait > 0) throw tooMany(ipWait);
  const accountWait = await takeAttempt(db, keys.account, "account", now);
  if (accountWait > 0) throw tooMany(accountWait);
  const [user] = await db.select().from(users).where(eq(users.email, address));
  const usable = user?.passwordHash && !user.disabledAt;
  const ok = (await passwords.verify(usable ? user.passwordHash! : passwords.dummyHash, password)) && usable;
  if (previousToken) await invalidateSession(db, previousToken);
  // The password may have changed during the check: then it is a wrong password now, with the same answer and count.
  const session = ok ? await createSessionIfPasswordIs(db, user.id, user.passwordHash!, now, ip) : null;
  if (!session) {
    await appendAudit(db, { actor: address, ip, action: "login_failed", entity: "session", actorId: user?.id ?? null }, now);
    throw new ApiError(401, "invalid_credentials");
  }
  await clearFailures(db, keys.account);
  await returnAttempt(db, keys.ip, "ip");
  await appendAudit(db, { actorId: user.id, actor: user.email, ip, action: "login", entity: "session" }, now);
  return { user, ...session };
}
