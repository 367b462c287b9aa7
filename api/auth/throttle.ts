import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { loginThrottle } from "../../db/schema.ts";

/**
 * Login throttling per account and per IP. After a few failures each further failure
 * doubles the wait, up to a cap: a burst of guesses gets 429, the real owner is never
 * locked out for good. Counters live in the database so all instances share them.
 */
export const LIMITS = {
  account: { free: 5, baseSeconds: 30, maxSeconds: 15 * 60 },
  ip: { free: 20, baseSeconds: 60, maxSeconds: 15 * 60 },
};
/** Failures older than this are forgotten. */
const WINDOW_MS = 60 * 60 * 1000;

export const throttleKeys = (email: string, ip: string | null) => ({
  account: `account:${email.toLowerCase()}`, ip: `ip:${ip ?? "unknown"}`,
});

/** Seconds until a new attempt is allowed, or 0. */
export async function retryAfter(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(db: Db, key: string, kind: keyof typeof LIMITS, now: Date) {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  const stale = !row || now.getTime() - row.lastFailureAt.getTime() > WINDOW_MS;
  const failures = stale ? 1 : row.failures + 1;
  const limit = LIMITS[kind];
  const over = failures - limit.free;
  const blockedUntil = over >= 0
    ? new Date(now.getTime() + 1000 * Math.min(limit.maxSeconds, limit.baseSeconds * 2 ** over)) : null;
  await db.insert(loginThrottle).values({ key, failures, lastFailureAt: now, blockedUntil })
    .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, lastFailureAt: now, blockedUntil } });
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
