import { sql } from "drizzle-orm";
import type { Db } from "./types.ts";
import { rows } from "./migrate.ts";

/**
 * The database role the application runs as on PostgreSQL (docs/security.md): it may read
 * and write the application's tables, but on the audit trail only SELECT and INSERT, and
 * as it owns nothing it cannot drop or disable the append-only triggers either. The
 * migrations run as the owner (the user in DATABASE_URL, or MIGRATION_DATABASE_URL).
 */
export const APP_ROLE = "ketenspiegel_app";

/** Which role the app's connections take, from DATABASE_ROLE: default ketenspiegel_app, "off" for none. */
export function appRoleFromEnv(env: { DATABASE_ROLE?: string }): string | undefined {
  const role = env.DATABASE_ROLE ?? APP_ROLE;
  return role === "off" || role === "" ? undefined : role;
}

/**
 * Creates the role (NOLOGIN) when missing and grants it what it needs, after every
 * migration run so new tables are covered. Roles belong to the whole server, not one
 * database: parallel runs on other databases may create it at the same moment, which
 * the exception handler absorbs. Returns false when the owner may not create roles and
 * the role does not exist; the app then runs as the owner (and says so).
 * Not for PGlite: one process, one user, nothing to separate (see docs/security.md).
 */
export async function ensureAppRole(db: Db, role = APP_ROLE): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`DATABASE_ROLE '${role}' is geen geldige rolnaam.`);
  await db.execute(
    sql.raw(`do $$ begin
    if not exists (select 1 from pg_roles where rolname = '${role}') then
      begin
        create role ${role} nologin;
      exception when duplicate_object or unique_violation then null;
        when insufficient_privilege then raise notice 'cannot create role ${role}';
      end;
    end if;
  end $$`),
  );
  const [exists] = rows<{ ok: boolean }>(
    await db.execute(sql.raw(`select exists (select 1 from pg_roles where rolname = '${role}') as ok`)),
  );
  if (!exists?.ok) return false;
  await db.transaction(async (tx) => {
    // One migrating process per database at a time (grants on the same objects would collide).
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    for (const statement of [
      `grant usage on schema public to ${role}`,
      `grant select, insert, update, delete on all tables in schema public to ${role}`,
      `revoke update, delete, truncate on audit_log from ${role}`,
      `revoke insert, update, delete, truncate on ketenspiegel_migrations from ${role}`,
      // UPDATE lets a restore move sequences past the restored rows (setval); it cannot change a row.
      `grant usage, select, update on all sequences in schema public to ${role}`,
    ])
      await tx.execute(sql.raw(statement));
  });
  // The owner must be allowed to SET ROLE to it (a superuser always is).
  await db.execute(
    sql.raw(`do $$ begin
    if not pg_has_role(current_user, '${role}', 'MEMBER') then
      begin
        execute format('grant %I to %I', '${role}', current_user);
      exception when others then raise notice 'cannot grant ${role} to %', current_user;
      end;
    end if;
  end $$`),
  );
  return true;
}
