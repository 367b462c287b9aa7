import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { loginThrottle } from "../../db/schema.ts";
import { rows } from "../../db/migrate.ts";

/**
 * Login throttling (design and reasons in docs/security.md). Two counters per attempt:
 * - per account and client address: a few free attempts, then each further one doubles
 *   the wait (exponential back-off). An attacker at address A only ever delays account
 *   logins from A; the owner at B, who has no failures there, is never kept out.
 * - per client address, over all accounts: caps guessing across many accounts.
 * Attempts are counted when they start, in one atomic statement per counter, so a burst
 * of parallel requests cannot all be evaluated before the first failure is written down.
 * A successful login gives its attempt back. Counters live in the database so all
 * instances share them.
 */
export const LIMITS = {
  account: { free: 5, baseSeconds: 30, maxSeconds: 15 * 60 },
  ip: { free: 20, baseSeconds: 60, maxSeconds: 15 * 60 },
};
/** Attempts older than this are forgotten. */
const WINDOW_SECONDS = 60 * 60;

export const throttleKeys = (email: string, ip: string | null) => {
  const address = ip ?? "unknown";
  return { account: `account:${email.toLowerCase()}|ip:${address}`, ip: `ip:${address}` };
};

/**
 * Counts one attempt against `key` unless the key is blocked, in one statement: the
 * WHERE of ON CONFLICT DO UPDATE is checked against the row as it is once locked, so
 * parallel attempts queue on the row and each sees the ones before it. Returns the
 * seconds to wait when blocked, else 0. The attempt that uses up the free ones starts the
 * block, so every parallel attempt beyond them is refused.
 */
export async function takeAttempt(db: Db, key: string, kind: keyof typeof LIMITS, now: Date): Promise<number> {
  const { free, baseSeconds, maxSeconds } = LIMITS[kind];
  const at = sql`${now.toISOString()}::timestamptz`;
  const next = sql`(case when t.last_failure_at < ${at} - make_interval(secs => ${WINDOW_SECONDS}::int) then 1 else t.failures + 1 end)`;
  const counted = rows<{ failures: number }>(
    await db.execute(sql`
    insert into login_throttle as t (key, failures, last_failure_at, blocked_until)
    values (${key}, 1, ${at}, case when 1 >= ${free}::int then ${at} + make_interval(secs => ${baseSeconds}::int) end)
    on conflict (key) do update set
      failures = ${next},
      last_failure_at = ${at},
      blocked_until = case when ${next} >= ${free}::int
        then ${at} + make_interval(secs => least(${maxSeconds}::float8, ${baseSeconds}::float8 * power(2, ${next} - ${free}::int)))
        end
    where t.blocked_until is null or t.blocked_until <= ${at}
    returning failures`),
  );
  if (counted.length) return 0;
  return Math.max(1, await blockedFor(db, key, now));
}

/** Whether a counter is blocked right now, without counting an attempt. */
export async function blockedFor(db: Db, key: string, now: Date): Promise<number> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  const until = row?.blockedUntil?.getTime() ?? 0;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** How many forgotten counters one login attempt clears at most, so the purge stays cheap. */
export const PURGE_BATCH = 200;

/**
 * Deletes counters that no longer count: no failure within the window and no block still
 * running (takeAttempt would start them afresh anyway). Without this every address and
 * e-mail ever tried would stay in the table for good. Run opportunistically on each login
 * attempt, bounded to PURGE_BATCH rows, so no schedule is needed on either runtime.
 * Returns the number of rows removed.
 */
export async function purgeExpiredThrottle(db: Db, now: Date, limit = PURGE_BATCH): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const gone = rows<{ key: string }>(
    await db.execute(sql`
    delete from login_throttle where key in (
      select key from login_throttle
      where last_failure_at < ${at} - make_interval(secs => ${WINDOW_SECONDS}::int)
        and (blocked_until is null or blocked_until <= ${at})
      limit ${limit}::int
      for update skip locked)
    returning key`),
  );
  return gone.length;
}

/** A correct password: the account counter for this address starts afresh. */
export async function clearFailures(db: Db, key: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/**
 * A correct password gives its attempt back to the address counter; a block it started
 * ends only when the count falls below the free attempts again, so logging in to an
 * account of one's own cannot reset a block earned by guessing.
 */
export async function returnAttempt(db: Db, key: string, kind: keyof typeof LIMITS) {
  const left = sql`greatest(${loginThrottle.failures} - 1, 0)`;
  await db
    .update(loginThrottle)
    .set({
      failures: left,
      blockedUntil: sql`case when ${left} < ${LIMITS[kind].free} then null else ${loginThrottle.blockedUntil} end`,
    })
    .where(eq(loginThrottle.key, key));
}
