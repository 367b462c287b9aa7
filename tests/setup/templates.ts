import postgres from "postgres";
import { migrate } from "../../db/migrate.ts";
import { migrationsDigest } from "../../db/migrations-digest.node.ts";
import { connectPostgres } from "../../db/client.ts";

/**
 * The migrated PostgreSQL database made once per test run, copied for each test file
 * (CREATE DATABASE … TEMPLATE is a file copy). PGlite's template is the dumped data
 * directory that `npm start` uses too (db/pglite-template.node.ts).
 */
const fingerprint = migrationsDigest();

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
