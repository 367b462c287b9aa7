import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { TEST_PASSWORDS } from "../helpers/passwords.ts";
import { createApp } from "../../api/app.ts";
import type { PasswordHasher } from "../../api/domain/auth/password.ts";
import { rows } from "../../db/migrate.ts";
import { auditLog, loginThrottle } from "../../db/schema.ts";
import { throttleKeys } from "../../api/auth/throttle.ts";

/**
 * A password change ends the user's other sessions; a login that verified the old password
 * while the change went through must not end with a live session either. The logins here
 * go through a hasher whose verification can be held, so the change lands exactly between
 * a login's password check and its session insert.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let app: ReturnType<typeof createApp>;
const gate = heldVerification(TEST_PASSWORDS);
beforeAll(async () => {
  t = await testApp();
  app = createApp({
    db: t.db,
    passwords: gate.hasher,
    config: {
      publicUrl: "http://test.local",
      now: () => t.clock.now,
      version: "test",
      clientIp: (c) => c.req.header("x-test-ip") ?? "192.0.2.1",
    },
  });
});
afterAll(async () => {
  await t.close();
});

const OLD = "Lange-zin met 4 woorden";
const NEW = "Een heel ander wachtwoord 7";
const LOGINS = 6;
const onPostgres = process.env.KS_TEST_DB === "postgres";

/**
 * Verification that, once armed, holds the next `n` calls until released (the later ones
 * pass), or takes `slowness` milliseconds, as production scrypt does (~150 ms).
 */
function heldVerification(inner: PasswordHasher) {
  let armed = 0;
  let entered = 0;
  let open = Promise.resolve();
  let release = () => {};
  const state = { slowness: 0 };
  const hasher: PasswordHasher = {
    hash: (password) => inner.hash(password),
    dummyHash: inner.dummyHash,
    async verify(hash, password) {
      const ok = await inner.verify(hash, password);
      if (state.slowness) await new Promise((resolve) => setTimeout(resolve, state.slowness));
      if (armed > 0) {
        armed--;
        entered++;
        await open;
      }
      return ok;
    },
  };
  return {
    hasher,
    state,
    arm(n: number) {
      armed = n;
      entered = 0;
      open = new Promise<void>((resolve) => (release = resolve));
    },
    held: () => entered,
    release: () => release(),
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const call = (path: string, init: RequestInit & { json?: unknown; cookie?: string; ip?: string } = {}) => {
  const headers = new Headers({ "x-test-ip": init.ip ?? "192.0.2.1", origin: "http://localhost" });
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  return app.request(path, { ...init, headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
};
const login = (email: string, password: string, ip: string) => call("/api/auth/login", { method: "POST", ip, json: { email, password } });
const me = (cookie: string) => call("/api/auth/me", { cookie });
const cookieOf = (res: Response) => {
  const m = /ks_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
  return m ? `ks_session=${m[1]}` : null;
};

async function newAccount(email: string) {
  const res = await t.request("/api/users", { method: "POST", as: "admin", json: { email, role: "kwaliteit" } });
  expect(res.status).toBe(201);
  const token = ((await res.json()) as { setPasswordUrl: string }).setPasswordUrl.split("/wachtwoord/")[1];
  expect((await call("/api/auth/set-password", { method: "POST", json: { token, password: OLD } })).status).toBe(204);
  const first = await login(email, OLD, "198.51.100.1");
  expect(first.status).toBe(200);
  return cookieOf(first)!;
}

const changePassword = (cookie: string) =>
  call("/api/auth/password", { method: "POST", cookie, json: { currentPassword: OLD, newPassword: NEW } });

const failedLogins = async (email: string) =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, email), eq(auditLog.action, "login_failed")))
  ).length;

/** After the change: no old-password session lives, the new password and the changer's new session work. */
async function expectOnlyNewPassword(email: string, oldCookies: string[], changed: Response, logins: Response[]) {
  for (const cookie of oldCookies) expect((await me(cookie)).status, "a session of the old password").toBe(401);
  // A login that lost the race reads exactly like a wrong password.
  const wrong = await (await login(email, "fout-wachtwoord-123", "198.51.100.250")).json();
  for (const res of logins.filter((r) => r.status !== 200)) {
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(wrong);
  }
  expect((await me(cookieOf(changed)!)).status).toBe(200);
  const fresh = await login(email, NEW, "198.51.100.251");
  expect(fresh.status).toBe(200);
  expect((await me(cookieOf(fresh)!)).status).toBe(200);
  expect((await login(email, OLD, "198.51.100.252")).status).toBe(401);
}

describe("a password change racing logins with the old password", () => {
  it("leaves no live session to logins that verified the old password before the change", { timeout: 60_000 }, async () => {
    const email = "wissel@zvh.test";
    const own = await newAccount(email);
    const failedBefore = await failedLogins(email);
    gate.arm(LOGINS);
    const logins = Array.from({ length: LOGINS }, (_, i) => login(email, OLD, `198.18.2.${i + 1}`));
    await until(() => gate.held() === LOGINS, "the logins to verify the old password");
    const changed = await changePassword(own);
    expect(changed.status).toBe(204);
    gate.release();
    const answers = await Promise.all(logins);
    const failedAfter = await failedLogins(email);
    const oldCookies = [own, ...answers.map(cookieOf).filter((c): c is string => c !== null)];
    await expectOnlyNewPassword(email, oldCookies, changed, answers);
    // Each login is answered, audited and counted by the throttle as the failed login it now is.
    expect(answers.map((r) => r.status)).toEqual(Array(LOGINS).fill(401));
    expect(failedAfter).toBe(failedBefore + LOGINS);
    for (let i = 0; i < LOGINS; i++) {
      const [counter] = await t.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, throttleKeys(email, `198.18.2.${i + 1}`).account));
      expect(counter?.failures).toBe(1);
    }
  });

  it("ends every old-password session also when logins and the change simply run side by side", { timeout: 60_000 }, async () => {
    const email = "zijaanzij@zvh.test";
    const own = await newAccount(email);
    gate.state.slowness = 150;
    try {
      // Both verify at once; the change, a step ahead, commits while the logins are about to insert.
      const change = changePassword(own);
      const logins = Array.from({ length: LOGINS }, (_, i) => login(email, OLD, `198.18.3.${i + 1}`));
      const changed = await change;
      expect(changed.status).toBe(204);
      const answers = await Promise.all(logins);
      gate.state.slowness = 0;
      const oldCookies = [own, ...answers.map(cookieOf).filter((c): c is string => c !== null)];
      await expectOnlyNewPassword(email, oldCookies, changed, answers);
    } finally {
      gate.state.slowness = 0;
    }
  });

  /**
   * The change's transaction is held open (a sleep before it deletes the sessions) while the
   * logins insert theirs: a check of the hash that does not wait for the change's row lock
   * still sees the old hash, and the delete's snapshot misses the new sessions. Needs real
   * concurrency; PGlite runs one statement at a time.
   */
  it.skipIf(!onPostgres)("leaves no live session to logins that insert while the change is uncommitted", { timeout: 60_000 }, async () => {
    const email = "openstaand@zvh.test";
    const own = await newAccount(email);
    await t.db.execute(sql`create function test_slow_session_delete() returns trigger language plpgsql as $$
      begin perform pg_sleep(1); return null; end $$`);
    await t.db.execute(sql`create trigger test_slow_session_delete before delete on sessions
      for each statement execute function test_slow_session_delete()`);
    try {
      gate.arm(LOGINS);
      const logins = Array.from({ length: LOGINS }, (_, i) => login(email, OLD, `198.18.4.${i + 1}`));
      await until(() => gate.held() === LOGINS, "the logins to verify the old password");
      const change = changePassword(own);
      await until(async () => {
        const sleeping = rows<{ n: number }>(
          await t.db.execute(
            sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event = 'PgSleep'`,
          ),
        );
        return Number(sleeping[0].n) > 0;
      }, "the change to be inside its transaction");
      gate.release();
      const changed = await change;
      expect(changed.status).toBe(204);
      const answers = await Promise.all(logins);
      const oldCookies = [own, ...answers.map(cookieOf).filter((c): c is string => c !== null)];
      await t.db.execute(sql`drop trigger test_slow_session_delete on sessions`);
      await expectOnlyNewPassword(email, oldCookies, changed, answers);
      // Every login waited for the change's row lock, then found the hash replaced.
      expect(answers.map((r) => r.status)).toEqual(Array(LOGINS).fill(401));
    } finally {
      gate.release();
      await t.db.execute(sql`drop trigger if exists test_slow_session_delete on sessions`);
      await t.db.execute(sql`drop function if exists test_slow_session_delete()`);
    }
  });
});

describe("two password changes sent at once", () => {
  it("takes one: the other finds the current password changed (400 wrong_password), and only the winner's session lives", {
    timeout: 60_000,
  }, async () => {
    const email = "tweetabs@zvh.test";
    const own = await newAccount(email);
    const next = ["Eerste nieuwe wachtzin 11", "Tweede nieuwe wachtzin 22"];
    gate.arm(2);
    const changes = next.map((newPassword) =>
      call("/api/auth/password", { method: "POST", cookie: own, json: { currentPassword: OLD, newPassword } }),
    );
    await until(() => gate.held() === 2, "both changes to verify the current password");
    gate.release();
    const answers = await Promise.all(changes);
    expect(answers.map((r) => r.status).sort()).toEqual([204, 400]);
    const lost = answers.find((r) => r.status === 400)!;
    expect(((await lost.json()) as { error: { code: string } }).error.code).toBe("wrong_password");
    const won = next[answers.findIndex((r) => r.status === 204)];
    const other = next.find((p) => p !== won)!;
    expect((await me(cookieOf(answers.find((r) => r.status === 204)!)!)).status).toBe(200);
    expect((await me(own)).status).toBe(401);
    expect((await login(email, won, "198.51.100.240")).status).toBe(200);
    expect((await login(email, other, "198.51.100.241")).status).toBe(401);
  });
});
