import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "./schema.ts";
import type { Db } from "./types.ts";
import { connectPostgres } from "./client.ts";

export interface Database {
  db: Db;
  close: () => Promise<void>;
  kind: "postgres" | "pglite";
}

/**
 * Embedded PGlite, persisted in `dir`, or in memory when dir is undefined (tests). A new
 * directory starts from `loadDataDir` when given (a dumped data directory) instead of initdb.
 */
export async function openPglite(dir?: string, loadDataDir?: Blob): Promise<Database> {
  const client = new PGlite(dir, loadDataDir ? { loadDataDir } : {});
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

export async function openDatabase(env: { DATABASE_URL?: string; PGLITE_DIR?: string }, loadDataDir?: Blob): Promise<Database> {
  if (env.DATABASE_URL) return { ...connectPostgres(env.DATABASE_URL), kind: "postgres" };
  return openPglite(env.PGLITE_DIR ?? "./data/pglite", loadDataDir);
}
