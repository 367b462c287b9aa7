import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openPglite, type Database } from "../../db/client.node.ts";
import { connectPostgres } from "../../db/client.ts";
import { migrate, rows } from "../../db/migrate.ts";

export type Engine = "pglite" | "postgres";

export interface BenchDatabase extends Database {
  label: string;
}

/**
 * A throwaway, migrated database, as tests/helpers/db.ts makes one: PGlite in memory, or
 * a fresh `ks_bench_<random>` database on the server in DATABASE_URL, dropped by close()
 * (idempotent, so that both the finally block and a signal handler may call it).
 */
export async function openBenchDatabase(engine: Engine, databaseUrl?: string): Promise<BenchDatabase> {
  if (engine === "pglite") {
    const db = await openPglite();
    await migrate(db.db);
    return { ...db, label: `pglite ${await version(db)}` };
  }
  if (!databaseUrl) throw new Error("--engine postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)");
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const name = `ks_bench_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  let closed: Promise<void> | undefined;
  const drop = async (conn?: { close: () => Promise<void> }) => {
    await conn?.close().catch(() => {});
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  // The pool size of the production Node entry (db/client.ts default), so Promise.all behaves as in the API.
  const conn = connectPostgres(url.toString());
  try {
    await migrate(conn.db);
  } catch (e) {
    await drop(conn);
    throw e;
  }
  const database: Database = { db: conn.db, kind: "postgres", close: () => (closed ??= drop(conn)) };
  return { ...database, label: `postgres ${await version(database)} (database ${name})` };
}

async function version(database: Database) {
  const [r] = rows<{ v: string }>(await database.db.execute(sql`select current_setting('server_version') as v`));
  return r.v;
}

/** Planner settings that explain most differences between machines. */
export async function plannerSettings(database: Database) {
  const r = rows<{ name: string; setting: string }>(
    await database.db.execute(sql`select name, current_setting(name) as setting
    from pg_settings where name in ('work_mem', 'max_parallel_workers_per_gather', 'shared_buffers', 'jit') order by name`),
  );
  return r.map((s) => `${s.name}=${s.setting}`).join(" ");
}
