import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { connectPostgres } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";
import { APP_ROLE, ensureAppRole } from "../../db/app-role.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { createApp } from "../../api/app.ts";
import { verifyAuditChain } from "../../api/audit/audit.service.ts";
import { writeBackup } from "../../api/backup/backup.service.ts";
import type { Db } from "../../db/types.ts";
import { TEST_PASSWORDS } from "../helpers/passwords.ts";

/**
 * On PostgreSQL the app runs as a role that may only SELECT and INSERT on the audit
 * trail, so it can neither rewrite entries nor switch the append-only triggers off.
 * PGlite has one user in one process: there is nothing to separate (docs/security.md),
 * so this file runs on PostgreSQL only.
 */
const onPostgres = process.env.KS_TEST_DB === "postgres";

let admin: ReturnType<typeof postgres>;
let owner: ReturnType<typeof connectPostgres>;
let app: ReturnType<typeof connectPostgres>;
const name = `ks_test_${randomBytes(6).toString("hex")}`;

beforeAll(async () => {
  if (!onPostgres) return;
  admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  owner = connectPostgres(url.toString(), { max: 1 });
  await migrate(owner.db);
  expect(await ensureAppRole(owner.db)).toBe(true);
  expect(await ensureAppRole(owner.db)).toBe(true); // again, as at every start: no error
  await seedReference(owner.db);
  app = connectPostgres(url.toString(), { max: 4, role: APP_ROLE });
});
afterAll(async () => {
  if (!onPostgres) return;
  await app.close();
  await owner.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

async function refused(db: Db, statement: ReturnType<typeof sql>, why: RegExp) {
  const err = await db.execute(statement).then(
    () => null,
    (e: Error & { cause?: Error }) => e,
  );
  expect(err, String(statement.queryChunks)).not.toBeNull();
  expect(String(err!.cause?.message ?? err!.message)).toMatch(why);
}

describe.skipIf(!onPostgres)("the application's database role", () => {
  it("runs the app: logins append to the trail and the chain verifies", async () => {
    const api = createApp({
      db: app.db,
      passwords: TEST_PASSWORDS,
      config: { publicUrl: "http://test.local", now: () => new Date(), version: "test", clientIp: () => "192.0.2.9" },
    });
    const res = await api.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "niemand@zvh.test", password: "fout-wachtwoord-123" }),
    });
    expect(res.status).toBe(401);
    const [{ who }] = (await app.db.execute<{ who: string }>(sql`select current_user as who`)) as unknown as { who: string }[];
    expect(who).toBe(APP_ROLE);
    expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true, entries: 1 });
    const backup = await writeBackup(app.db, new Date(), { actorId: null, actor: "test", ip: null }, async () => {});
    expect(backup.rows).toBeGreaterThan(0);
  });

  it("cannot change, delete or truncate trail entries, nor switch the triggers off", async () => {
    await refused(app.db, sql`update audit_log set actor = 'iemand anders'`, /permission denied/);
    await refused(app.db, sql`delete from audit_log`, /permission denied/);
    await refused(app.db, sql`truncate audit_log`, /permission denied/);
    await refused(app.db, sql`alter table audit_log disable trigger audit_log_no_update`, /must be owner/);
    await refused(app.db, sql`drop trigger audit_log_no_update on audit_log`, /must be owner/);
    await refused(app.db, sql`drop table audit_log`, /must be owner/);
    await refused(app.db, sql`insert into ketenspiegel_migrations (tag) values ('9999_vals')`, /permission denied/);
    expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true });
  });
});
