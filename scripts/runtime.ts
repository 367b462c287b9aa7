import { openDatabase, type Database } from "../db/client.node.ts";
import { acquireLock, type LockInfo } from "../db/lock.node.ts";
import { migrate } from "../db/migrate.ts";
import { connectPostgres } from "../db/client.ts";
import { appRoleFromEnv, ensureAppRole } from "../db/app-role.ts";

export const PGLITE_DIR = process.env.PGLITE_DIR ?? "./data/pglite";
export const VERSION = "0.1.0";

/**
 * Opens the configured database (locking a PGlite directory first) and migrates it. On
 * PostgreSQL the migrations run as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL)
 * on a connection of their own; the app's connections then take the restricted role.
 */
export async function openMigrated(role: LockInfo["role"], extra: Omit<LockInfo, "pid" | "role"> = {}): Promise<Database> {
  if (process.env.DATABASE_URL) return openPostgres(process.env.DATABASE_URL);
  const release = process.env.DATABASE_URL ? () => {} : acquireLock(PGLITE_DIR, { role, ...extra });
  const database = await openDatabase({ DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR });
  await migrate(database.db);
  return { ...database, close: async () => { await database.close(); release(); } };
}

async function openPostgres(url: string): Promise<Database> {
  const owner = connectPostgres(process.env.MIGRATION_DATABASE_URL || url, { max: 1 });
  const appRole = appRoleFromEnv(process.env);
  let usable = false;
  try {
    await migrate(owner.db);
    usable = appRole ? await ensureAppRole(owner.db, appRole) : false;
  } finally {
    await owner.close();
  }
  if (appRole && !usable) {
    console.warn(`Let op: de rol ${appRole} bestaat niet en kon niet worden aangemaakt; de app draait als eigenaar van de tabellen (zie docs/security.md).`);
  }
  return { ...connectPostgres(url, { role: usable ? appRole : undefined }), kind: "postgres" };
}
