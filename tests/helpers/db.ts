import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPglite, type Database } from "../../db/client.node.ts";
import { connectPostgres } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";

/**
 * A throwaway, migrated database. Which engine depends on the vitest project:
 * KS_TEST_DB=postgres makes a fresh database on the server in DATABASE_URL and drops it
 * afterwards; otherwise an in-memory PGlite.
 */
export async function testDatabase(): Promise<Database> {
  if (process.env.KS_TEST_DB !== "postgres") {
    const db = await openPglite();
    await migrate(db.db);
    return db;
  }
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const name = `ks_test_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const conn = connectPostgres(url.toString(), { max: 4 });
  await migrate(conn.db);
  return {
    db: conn.db, kind: "postgres",
    close: async () => {
      await conn.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
