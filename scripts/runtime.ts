import { openDatabase, type Database } from "../db/client.node.ts";
import { acquireLock, type LockInfo } from "../db/lock.node.ts";
import { migrate } from "../db/migrate.ts";

export const PGLITE_DIR = process.env.PGLITE_DIR ?? "./data/pglite";
export const VERSION = "0.1.0";

/** Opens the configured database (locking a PGlite directory first) and migrates it. */
export async function openMigrated(role: LockInfo["role"], extra: Omit<LockInfo, "pid" | "role"> = {},
  env: { DATABASE_URL?: string; PGLITE_DIR?: string } = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR }): Promise<Database> {
  const dir = env.PGLITE_DIR ?? PGLITE_DIR;
  const release = env.DATABASE_URL ? () => {} : acquireLock(dir, { role, ...extra });
  const database = await openDatabase({ DATABASE_URL: env.DATABASE_URL, PGLITE_DIR: dir });
  await migrate(database.db);
  return { ...database, close: async () => { await database.close(); release(); } };
}
