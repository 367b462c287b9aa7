import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { count, testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { LIMITS } from "../../api/auth/throttle.ts";
import { verifyAuditChain } from "../../api/audit/audit.service.ts";
import { auditLog, users } from "../../db/schema.ts";

/**
 * Races from issue 13, each with parallel requests on the engine of the vitest project
 * (PGlite and PostgreSQL): the audit chain, the login counters, the lock-out and the
 * single use of a set-password link.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const PASSWORD = "Lange-zin met 4 woorden";
const WRONG = "fout-wachtwoord-123";

async function newAccount(email: string) {
  const res = await t.request("/api/users", { method: "POST", as: "admin", json: { email, role: "kwaliteit" } });
  expect(res.status).toBe(201);
  const token = ((await res.json()) as { setPasswordUrl: string }).setPasswordUrl.split("/wachtwoord/")[1];
  const set = await t.request("/api/auth/set-password", { method: "POST", as: "anonymous", json: { token, password: PASSWORD } });
  expect(set.status).toBe(204);
}

const login = (email: string, password: string, ip: string) =>
  t.request("/api/auth/login", { method: "POST", as: "anonymous", headers: { "x-test-ip": ip }, json: { email, password } });

const parallel = <T>(n: number, make: (i: number) => T | Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i)));
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});

describe("the audit chain under parallel writes", () => {
  it("stays linear with parallel failed logins and parallel logouts", { timeout: 120_000 }, async () => {
    await newAccount("keten@zvh.test");
    const before = (await t.db.select().from(auditLog)).length;
    // Each from its own address, so the throttle lets every one through to the trail.
    const failed = parallel(10, (i) => login(`niemand${i}@zvh.test`, WRONG, `198.18.0.${i + 1}`));
    const sessions = await parallel(8, async (i) => {
      const res = await login("keten@zvh.test", PASSWORD, `198.18.1.${i + 1}`);
      expect(res.status).toBe(200);
      return /ks_session=([^;]+)/.exec(res.headers.get("set-cookie")!)![1];
    });
    const logouts = parallel(8, (i) =>
      t.request("/api/auth/logout", { method: "POST", headers: { cookie: `ks_session=${sessions[i]}`, origin: "http://localhost" } }),
    );
    expect((await failed).map((r) => r.status)).toEqual(Array(10).fill(401));
    expect((await logouts).map((r) => r.status)).toEqual(Array(8).fill(204));
    expect((await t.db.select().from(auditLog)).length).toBe(before + 10 + 8 + 8);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, breaks: [] });
  });
});

describe("login throttling under parallel requests", () => {
  it("refuses every parallel guess beyond the free ones for one account", { timeout: 120_000 }, async () => {
    await newAccount("doelwit@zvh.test");
    const statuses = (await parallel(40, () => login("doelwit@zvh.test", WRONG, "203.0.113.40"))).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 401: LIMITS.account.free, 429: 40 - LIMITS.account.free });
  });

  it("refuses every parallel guess beyond the address limit, over many accounts", { timeout: 120_000 }, async () => {
    const statuses = (await parallel(60, (i) => login(`gok${i}@zvh.test`, WRONG, "203.0.113.60"))).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 401: LIMITS.ip.free, 429: 60 - LIMITS.ip.free });
  });

  it("does not let an attacker keep the owner out: the right password from another address still works", { timeout: 120_000 }, async () => {
    await newAccount("eigenaar@zvh.test");
    const attacker = "203.0.113.66";
    const attack = (await parallel(12, () => login("eigenaar@zvh.test", WRONG, attacker))).map((r) => r.status);
    expect(attack.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await login("eigenaar@zvh.test", PASSWORD, attacker)).status).toBe(429); // the attacker's address waits
    expect((await login("eigenaar@zvh.test", PASSWORD, "198.51.100.20")).status).toBe(200); // the owner does not
    // The attack goes on while the owner works; the owner's address stays free.
    await parallel(5, () => login("eigenaar@zvh.test", WRONG, attacker));
    expect((await login("eigenaar@zvh.test", PASSWORD, "198.51.100.20")).status).toBe(200);
  });
});

describe("set-password links under parallel use", () => {
  it("lets exactly one of eight parallel uses of one link set the password", { timeout: 120_000 }, async () => {
    const res = await t.request("/api/users", { method: "POST", as: "admin", json: { email: "link@zvh.test", role: "auditor" } });
    const token = ((await res.json()) as { setPasswordUrl: string }).setPasswordUrl.split("/wachtwoord/")[1];
    const [user] = await t.db.select().from(users).where(eq(users.email, "link@zvh.test"));
    const changesBefore = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id))).length;
    const statuses = (
      await parallel(8, (i) =>
        t.request("/api/auth/set-password", { method: "POST", as: "anonymous", json: { token, password: `${PASSWORD} nummer ${i}` } }),
      )
    ).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 204: 1, 400: 7 });
    const changes = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id))).filter(
      (e) => e.action === "password_change",
    );
    expect(changes.length).toBe(1);
    expect(changesBefore).toBe(1); // only the creation
    const winner = statuses.indexOf(204);
    expect((await login("link@zvh.test", `${PASSWORD} nummer ${winner}`, "198.51.100.30")).status).toBe(200);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});

describe("one personal link submitted in parallel", () => {
  /** 8 retries of one submission and 8 different submissions, all at once, on a fresh link of the wave. */
  async function race(waveId: string) {
    const res = await t.request(`/api/waves/${waveId}/invitations`, {
      method: "POST",
      json: { invitations: [{ organisation: "Woonwaard", organisationType: "wonen" }] },
    });
    expect(res.status).toBe(201);
    const { token } = ((await res.json()) as { invitations: { token: string }[] }).invitations[0];
    const submit = (key: string, data: object) =>
      t.request(`/api/s/${token}/response`, { method: "POST", as: "anonymous", headers: { "Idempotency-Key": key }, json: { data } });
    // Odd: one key and the same answers (retries of one submission); even: each its own key and answers.
    const results = await parallel(16, async (i) => {
      const r = await submit(i % 2 ? "dezelfde-sleutel" : `andere-sleutel-${i}`, i % 2 ? COMPLETE : { ...COMPLETE, goed: `Antwoord ${i}` });
      return { status: r.status, i, receipt: ((await r.json()) as { receipt?: string }).receipt };
    });
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    // Every request with the winner's key gets the winner's receipt back; every other one is refused.
    for (const r of results.filter((x) => x.status !== 201)) {
      if (r.i % 2 === created[0].i % 2 && r.i % 2 === 1) expect(r).toMatchObject({ status: 200, receipt: created[0].receipt });
      else expect(r.status).toBe(409);
    }
  }

  it("stores an anonymous wave's answers once", { timeout: 120_000 }, async () => {
    const before = await count(t.db, "response_pool");
    await race(t.wave.id);
    expect(await count(t.db, "response_pool")).toBe(before + 1);
  });

  it("stores a named wave's response, its counts and one trail entry once, the chain linear", { timeout: 120_000 }, async () => {
    const res = await t.request("/api/waves", {
      method: "POST",
      json: { name: "Op naam, parallel", opensAt: "2026-09-01T00:00:00Z", closesAt: "2026-10-31T23:59:00+01:00", anonymous: false },
    });
    expect(res.status).toBe(201);
    const { wave } = (await res.json()) as { wave: { id: string } };
    const entries = await count(t.db, "audit_log");
    await race(wave.id);
    await race(wave.id);
    const { rows } = await import("../../db/migrate.ts");
    const [r] = rows<{ responses: number; answers: number; counted: number }>(
      await t.db.execute(sql`select (select count(*)::int from responses where wave_id = ${wave.id}) as responses,
        (select count(*)::int from answers where wave_id = ${wave.id}) as answers,
        (select coalesce(sum(n), 0)::int from answer_counts where wave_id = ${wave.id} and kind = 'question') as counted`),
    );
    expect(r.responses).toBe(2);
    expect(r.answers).toBeGreaterThan(2 * 10);
    expect(r.counted).toBe(r.answers);
    // Two trail entries for the two responses (plus the invitations' own), nothing for the refused ones.
    const [{ n }] = rows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from audit_log where entity = 'response' and seq > ${entries}`),
    );
    expect(n).toBe(2);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
