import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import postgres from "postgres";
import { migrate } from "../../db/migrate.ts";
import { migrations } from "../../db/migrations/bundle.ts";
import { connectPostgres } from "../../db/client.ts";
import type { Db } from "../../db/types.ts";

/**
 * Migrated databases made once per test run, copied for each test file: booting a fresh
 * PGlite runs initdb (3–10 s) and migrating adds another second, where loading a dumped
 * data directory takes under one; on PostgreSQL, CREATE DATABASE … TEMPLATE is a file copy.
 */
const fingerprint = createHash("sha256")
  .update(migrations.map((m) => m.tag + m.sql).join("\n"))
  .digest("hex")
  .slice(0, 12);

/** Kept between runs, keyed by the migrations, so a second local run skips initdb altogether. */
export async function makePgliteTemplate(): Promise<string> {
  const dir = join(tmpdir(), "ketenspiegel-tests");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-${fingerprint}.tar`);
  if (existsSync(file)) return file;
  const client = new PGlite();
  await client.waitReady;
  await migrate(drizzle(client) as unknown as Db);
  // Uncompressed: a larger file, but loading skips the gunzip on every test file.
  const dump = await client.dumpDataDir("none");
  // Written aside and renamed, so a parallel run never reads half a file.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  renameSync(partial, file);
  await client.close();
  return file;
}

/** The template database's name; a second run of the same migrations reuses it. */
export async function makePostgresTemplate(adminUrl: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `ks_template_${fingerprint}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const conn = connectPostgres(url.toString(), { max: 1 });
  try {
    await migrate(conn.db);
  } finally {
    await conn.close();
  }
  return {
    name,
    drop: async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
