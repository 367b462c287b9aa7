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

/** Embedded PGlite, persisted in `dir`, or in memory when dir is undefined (tests). */
export async function openPglite(dir?: string): Promise<Database> {
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

export async function openDatabase(env: { DATABASE_URL?: string; PGLITE_DIR?: string }): Promise<Database> {
  if (env.DATABASE_URL) return { ...connectPostgres(env.DATABASE_URL), kind: "postgres" };
  return openPglite(env.PGLITE_DIR ?? "./data/pglite");
}
