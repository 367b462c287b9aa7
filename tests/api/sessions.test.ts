import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { LIMITS } from "../../api/auth/throttle.ts";
import { SESSION_DAYS } from "../../api/auth/sessions.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const PASSWORD = "Lange-zin met 4 woorden";
const DAY = 86_400_000;

async function newAccount(email: string, role = "kwaliteit") {
  const res = await t.request("/api/users", { method: "POST", as: "admin", json: { email, role } });
  expect(res.status).toBe(201);
  const { setPasswordUrl } = (await res.json()) as { setPasswordUrl: string };
  const token = setPasswordUrl.split("/wachtwoord/")[1];
  const set = await t.request("/api/auth/set-password", { method: "POST", as: "anonymous", json: { token, password: PASSWORD } });
  expect(set.status).toBe(204);
  return token;
}

async function login(email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  return t.request("/api/auth/login", { method: "POST", as: "anonymous", headers, json: { email, password } });
}

function sessionCookie(res: Response) {
  const m = /ks_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
  return m ? `ks_session=${m[1]}` : "";
}

const me = (cookie: string) => t.request("/api/auth/me", { headers: { cookie } });

describe("accounts and sessions", () => {
  it("sets an HttpOnly SameSite=Lax cookie, stores only the token's hash, and /me works", async () => {
    await newAccount("anna@zvh.test");
    const res = await login("anna@zvh.test");
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = sessionCookie(res);
    const token = cookie.split("=")[1];
    const { sql } = await import("drizzle-orm");
    const { rows } = await import("../../db/migrate.ts");
    const ids = rows<{ id: string }>(await t.db.execute(sql`select id from sessions`)).map((r) => r.id);
    expect(ids).not.toContain(token);
    const who = await me(cookie);
    expect(who.status).toBe(200);
    expect(((await who.json()) as { user: { email: string; role: string } }).user).toMatchObject({
      email: "anna@zvh.test",
      role: "kwaliteit",
    });
  });

  it("refuses weak passwords and used or unknown set-password links", async () => {
    const res = await t.request("/api/users", { method: "POST", as: "admin", json: { email: "weak@zvh.test", role: "auditor" } });
    const token = ((await res.json()) as { setPasswordUrl: string }).setPasswordUrl.split("/wachtwoord/")[1];
    for (const password of ["kort", "wachtwoord123", "aaaaaaaaaaaaaaaa"]) {
      const r = await t.request("/api/auth/set-password", { method: "POST", as: "anonymous", json: { token, password } });
      expect(r.status, password).toBe(400);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe("weak_password");
    }
    expect(
      (await t.request("/api/auth/set-password", { method: "POST", as: "anonymous", json: { token, password: PASSWORD } })).status,
    ).toBe(204);
    const again = await t.request("/api/auth/set-password", { method: "POST", as: "anonymous", json: { token, password: PASSWORD } });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("invalid_link");
  });

  it("ends the session on logout", async () => {
    const cookie = sessionCookie(await login("anna@zvh.test"));
    const out = await t.request("/api/auth/logout", { method: "POST", headers: { cookie, origin: "http://localhost" } });
    expect(out.status).toBe(204);
    expect((await me(cookie)).status).toBe(401);
  });

  it("expires sessions, and slides expiry forward while in use", async () => {
    const start = t.clock.now;
    const cookie = sessionCookie(await login("anna@zvh.test"));
    t.clock.now = new Date(start.getTime() + (SESSION_DAYS - 1) * DAY);
    const used = await me(cookie);
    expect(used.status).toBe(200);
    expect(used.headers.get("set-cookie")).toMatch(/ks_session=/); // renewed
    t.clock.now = new Date(start.getTime() + (SESSION_DAYS + 3) * DAY); // still within the renewed lifetime
    expect((await me(cookie)).status).toBe(200);
    t.clock.now = new Date(start.getTime() + 3 * SESSION_DAYS * DAY); // idle for longer than a lifetime
    expect((await me(cookie)).status).toBe(401);
    t.clock.now = start;
  });

  it("does not keep a session token set before login (fixation)", async () => {
    const planted = sessionCookie(await login("anna@zvh.test"));
    const res = await login("anna@zvh.test", PASSWORD, { cookie: planted, origin: "http://localhost" });
    expect(res.status).toBe(200);
    const fresh = sessionCookie(res);
    expect(fresh).not.toBe("");
    expect(fresh).not.toBe(planted);
    expect((await me(planted)).status).toBe(401);
    expect((await me(fresh)).status).toBe(200);
  });

  it("lets an admin revoke all sessions of a user, and disabling also ends them", async () => {
    await newAccount("bert@zvh.test", "management");
    const a = sessionCookie(await login("bert@zvh.test"));
    const b = sessionCookie(await login("bert@zvh.test"));
    const user = ((await (await me(a)).json()) as { user: { id: string } }).user;
    const revoke = await t.request(`/api/users/${user.id}/revoke-sessions`, { method: "POST", as: "admin" });
    expect(await revoke.json()).toEqual({ revoked: 2 });
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    const c = sessionCookie(await login("bert@zvh.test"));
    expect((await t.request(`/api/users/${user.id}`, { method: "PATCH", as: "admin", json: { disabled: true } })).status).toBe(200);
    expect((await me(c)).status).toBe(401);
    expect((await login("bert@zvh.test")).status).toBe(401);
  });

  it("ends other sessions on a password change and keeps the user logged in on a new one", async () => {
    await newAccount("carla@zvh.test");
    const other = sessionCookie(await login("carla@zvh.test"));
    const current = sessionCookie(await login("carla@zvh.test"));
    const res = await t.request("/api/auth/password", {
      method: "POST",
      headers: { cookie: current, origin: "http://localhost" },
      json: { currentPassword: PASSWORD, newPassword: "Een nieuw en lang wachtwoord" },
    });
    expect(res.status).toBe(204);
    expect((await me(other)).status).toBe(401);
    expect((await me(current)).status).toBe(401);
    expect((await me(sessionCookie(res))).status).toBe(200);
  });
});

describe("login throttling", () => {
  it("answers a burst of wrong passwords with 429 and Retry-After, and lets the owner in once the wait is over", async () => {
    await newAccount("dirk@zvh.test");
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.account.free + 1; i++) statuses.push((await login("dirk@zvh.test", "fout-wachtwoord-123")).status);
    expect(statuses.slice(0, LIMITS.account.free)).toEqual(Array(LIMITS.account.free).fill(401));
    const blocked = await login("dirk@zvh.test"); // even the right password waits
    expect(blocked.status).toBe(429);
    const retry = Number(blocked.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(LIMITS.account.maxSeconds);
    const start = t.clock.now;
    t.clock.now = new Date(start.getTime() + (retry + 1) * 1000);
    expect((await login("dirk@zvh.test")).status).toBe(200);
    t.clock.now = start;
  });

  it("throttles one IP address that tries many accounts", { timeout: 120_000 }, async () => {
    const ip = { "x-test-ip": "203.0.113.9" };
    // The attempts count when they start, so they may as well run in parallel.
    const results = await Promise.all(
      Array.from({ length: LIMITS.ip.free + 1 }, (_, i) => login(`onbekend${i}@zvh.test`, "fout-wachtwoord-123", ip).then((r) => r.status)),
    );
    expect(results.filter((s) => s === 429)).toEqual([429]);
    expect((await login("anna@zvh.test", PASSWORD, { "x-test-ip": "198.51.100.7" })).status).toBe(200);
  });

  it("forgets expired counters on a later login attempt, a bounded number at a time, and keeps live ones", async () => {
    const { sql } = await import("drizzle-orm");
    const { rows } = await import("../../db/migrate.ts");
    const { purgeExpiredThrottle } = await import("../../api/auth/throttle.ts");
    const keys = async () => rows<{ key: string }>(await t.db.execute(sql`select key from login_throttle order by key`)).map((r) => r.key);
    const start = t.clock.now;
    for (let i = 1; i <= 3; i++) await login(`purge${i}@zvh.test`, "fout-wachtwoord-123", { "x-test-ip": `192.0.2.${i}` });
    const before = await keys();
    expect(before).toContain("ip:192.0.2.3");
    // Two hours later every failure so far is outside the window. A bounded purge removes only its batch.
    t.clock.now = new Date(start.getTime() + 2 * 3600_000);
    expect(await purgeExpiredThrottle(t.db, t.clock.now, 2)).toBe(2);
    expect((await keys()).length).toBe(before.length - 2);
    // A fresh failure at the new time stays; the login attempt itself clears the rest.
    await login("purge-live@zvh.test", "fout-wachtwoord-123", { "x-test-ip": "192.0.2.9" });
    expect(await keys()).toEqual(["account:purge-live@zvh.test|ip:192.0.2.9", "ip:192.0.2.9"]);
    t.clock.now = start;
  });
});

describe("CSRF", () => {
  it("refuses a cookie-authenticated state change from another origin", async () => {
    const before = ((await (await t.request("/api/users", { as: "admin" })).json()) as { users: unknown[] }).users.length;
    for (const origin of ["https://evil.example", undefined]) {
      const headers: Record<string, string> = { cookie: t.cookies.admin };
      if (origin) headers.origin = origin;
      const res = await t.request("/api/users", { method: "POST", headers, json: { email: "x@evil.example", role: "admin" } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("csrf");
    }
    const after = ((await (await t.request("/api/users", { as: "admin" })).json()) as { users: unknown[] }).users.length;
    expect(after).toBe(before);
  });
});
