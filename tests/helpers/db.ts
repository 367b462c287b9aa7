import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "../../db/schema.ts";
import type { Database } from "../../db/client.node.ts";
import { connectPostgres } from "../../db/client.ts";
import type { Db } from "../../db/types.ts";
import { leasePglite } from "./pglite-reuse.ts";

/** The migrated PGlite data directory the global setup dumped, read once per test file. */
let pgliteTemplate: Blob | undefined;

/**
 * A copy of the migrated template in memory, or in `dir` on disk (for tests of the CLI
 * and the server, which open a data directory themselves).
 */
export async function pgliteCopy(dir?: string): Promise<Database> {
  const template = () => (pgliteTemplate ??= new Blob([readFileSync(inject("pgliteTemplate"))]));
  if (!dir) {
    // In memory: the worker's database of the previous file, reset, when it is as good as a fresh copy.
    const lease = await leasePglite(template);
    return { db: drizzle(lease.client, { schema }) as unknown as Db, kind: "pglite", close: lease.release };
  }
  const client = new PGlite(dir, { loadDataDir: template() });
  await client.waitReady;
  return { db: drizzle(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close() };
}

/** A copy of the PostgreSQL template; `max` connections (one, to look at a single session). */
export async function postgresCopy(max = 4): Promise<Database> {
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const name = `ks_test_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database ${name} template ${inject("postgresTemplate")}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const conn = connectPostgres(url.toString(), { max });
  return {
    db: conn.db,
    kind: "postgres",
    close: async () => {
      await conn.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A throwaway, migrated database, copied from the run's template (tests/setup/global.ts).
 * KS_TEST_DB=postgres (the postgres project) copies a PostgreSQL template database;
 * otherwise an in-memory PGlite loaded from a dumped data directory.
 */
export function testDatabase(): Promise<Database> {
  return process.env.KS_TEST_DB === "postgres" ? postgresCopy() : pgliteCopy();
}
