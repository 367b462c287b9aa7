import type { Database } from "../db/client.node.ts";
import type { LockInfo } from "../db/lock.node.ts";

export const PGLITE_DIR = process.env.PGLITE_DIR ?? "./data/pglite";
export const VERSION = "0.1.0";

export interface RuntimeEnv {
  DATABASE_URL?: string;
  PGLITE_DIR?: string;
  MIGRATION_DATABASE_URL?: string;
  DATABASE_ROLE?: string;
}

/**
 * Opens the configured database (locking a PGlite directory first) and migrates it. On
 * PostgreSQL the migrations run as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL)
 * on a connection of their own; the app's connections then take the restricted role
 * (docs/security.md). The database drivers are imported here, on first use, so that a
 * CLI command that goes through a running server never loads them.
 */
export async function openMigrated(
  role: LockInfo["role"],
  extra: Omit<LockInfo, "pid" | "role"> = {},
  env: RuntimeEnv = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR },
): Promise<Database> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL, { ...process.env, ...env });
  const [{ openDatabase }, { acquireLock }, { migrate }, { templateFor }] = await Promise.all([
    import("../db/client.node.ts"),
    import("../db/lock.node.ts"),
    import("../db/migrate.ts"),
    import("../db/pglite-template.node.ts"),
  ]);
  const dir = env.PGLITE_DIR ?? PGLITE_DIR;
  const release = acquireLock(dir, { role, ...extra });
  try {
    // A new directory starts from the migrated template when the build made one (migrate then finds nothing to do).
    const database = await openDatabase({ PGLITE_DIR: dir }, templateFor(dir));
    await migrate(database.db);
    return {
      ...database,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

async function openPostgres(url: string, env: RuntimeEnv): Promise<Database> {
  const [{ connectPostgres }, { migrate }, { appRoleFromEnv, ensureAppRole }] = await Promise.all([
    import("../db/client.ts"),
    import("../db/migrate.ts"),
    import("../db/app-role.ts"),
  ]);
  const owner = connectPostgres(env.MIGRATION_DATABASE_URL || url, { max: 1 });
  const appRole = appRoleFromEnv(env);
  let usable = false;
  try {
    await migrate(owner.db);
    usable = appRole ? await ensureAppRole(owner.db, appRole) : false;
  } finally {
    await owner.close();
  }
  if (appRole && !usable) {
    console.warn(
      `Let op: de rol ${appRole} bestaat niet en kon niet worden aangemaakt; de app draait als eigenaar van de tabellen (zie docs/security.md).`,
    );
  }
  return { ...connectPostgres(url, { role: usable ? appRole : undefined }), kind: "postgres" };
}
