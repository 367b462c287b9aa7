import { createApp } from "../../api/app.ts";
import type { Db } from "../../db/types.ts";
import { testDatabase } from "./db.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { users, waves, ROLES, type Role } from "../../db/schema.ts";
import { createSession } from "../../api/auth/sessions.ts";
import { TEST_PASSWORDS } from "./passwords.ts";

export type As = Role | "anonymous";

/** One account per role, each with a live session (no password hashing: fast). */
async function sessionsPerRole(db: Db, now: Date) {
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) {
    const [u] = await db
      .insert(users)
      .values({
        email: `${role}@test.local`,
        name: role,
        role,
        municipalityId: role === "gemeente" ? "alkmaar" : null,
        branchId: role === "medewerker" ? "alkmaar" : null,
      })
      .returning();
    cookies[role] = `ks_session=${(await createSession(db, u.id, now, null)).token}`;
  }
  return cookies;
}

export interface Clock {
  now: Date;
}

/** An app on a fresh database with reference data, a questionnaire and one open wave. */
export async function testApp(options: { now?: Date } = {}) {
  const database = await testDatabase();
  const clock: Clock = { now: options.now ?? new Date("2026-10-01T10:00:00Z") };
  const day = 86_400_000;
  const app = createApp({
    db: database.db,
    passwords: TEST_PASSWORDS,
    config: {
      publicUrl: "http://test.local",
      now: () => clock.now,
      version: "test",
      // Tests pose as different client addresses through this header; real entries read the socket or CF-Connecting-IP.
      clientIp: (c) => c.req.header("x-test-ip") ?? "192.0.2.1",
    },
  });
  await seedReference(database.db);
  const questionnaireId = await ensureDefaultQuestionnaire(database.db);
  const [wave] = await database.db
    .insert(waves)
    .values({
      name: "KTO test",
      questionnaireId,
      opensAt: options.now ? new Date(clock.now.getTime() - 30 * day) : new Date("2026-09-01T00:00:00Z"),
      closesAt: options.now ? new Date(clock.now.getTime() + 30 * day) : new Date("2026-11-01T00:00:00Z"),
    })
    .returning();
  const cookies = await sessionsPerRole(database.db, clock.now);
  /** Calls the API; as a logged-in quality manager unless `as` says otherwise. */
  const request = (path: string, init: RequestInit & { json?: unknown; as?: As } = {}) => {
    const headers = new Headers(init.headers);
    const as = init.as ?? "kwaliteit";
    if (as !== "anonymous" && !headers.has("cookie")) {
      headers.set("cookie", cookies[as]);
      if (!headers.has("origin")) headers.set("origin", "http://localhost");
    }
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    return app.request(path, { ...init, headers, body });
  };
  /** New sessions at the current clock, for tests that jump further ahead than a session lives. */
  const renewSessions = async () => {
    const { users: table } = await import("../../db/schema.ts");
    for (const u of await database.db.select().from(table)) {
      if (u.email === `${u.role}@test.local`)
        cookies[u.role] = `ks_session=${(await createSession(database.db, u.id, clock.now, null)).token}`;
    }
  };
  return { app, db: database.db as Db, close: database.close, clock, wave, questionnaireId, request, cookies, renewSessions };
}

export async function count(db: Db, table: string): Promise<number> {
  const { sql } = await import("drizzle-orm");
  const { rows } = await import("../../db/migrate.ts");
  const r = rows<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)));
  return Number(r[0].n);
}
