import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "./migrate.ts";
import { migrationsDigest } from "./migrations-digest.node.ts";
import type { Db } from "./types.ts";

/**
 * A migrated PGlite data directory, dumped once (by `npm run build`, and by the test run's
 * global setup), from which a new database directory starts: PGlite's initdb costs 5–7 s of
 * CPU on a fresh start, loading the dump about 1.5 s (issue 18: fresh PGlite healthy ≤ 10 s).
 * The file name carries a hash of the migrations and the PGlite version, so a dump that no
 * longer matches the code is never loaded; without one, PGlite runs initdb as before.
 */
export const TEMPLATE_DIR = "./dist/pglite";

/** PGlite's version, from its package.json (its exports do not include that file). */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}

export function templateFile(dir = TEMPLATE_DIR): string {
  return join(dir, `template-${migrationsDigest(pgliteVersion())}.tar.gz`);
}

/** Makes the template unless it exists, and removes the dumps of earlier migrations beside it; returns its path. */
export async function makePgliteTemplate(file = templateFile()): Promise<string> {
  if (existsSync(file)) return file;
  const client = new PGlite();
  try {
    await client.waitReady;
    await migrate(drizzle(client) as unknown as Db);
    // gzip: 5 MB instead of 42, and loading it was faster too (less to copy into the wasm heap).
    const dump = await client.dumpDataDir("gzip");
    mkdirSync(dirname(file), { recursive: true });
    // Written aside and renamed, so a parallel build or test run never reads half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
    removeStaleTemplates(file);
  } finally {
    await client.close();
  }
  return file;
}

/** Deletes the dumps of earlier migrations next to `file` (5 MB each; `vite build` empties only the front ends' folders). */
export function removeStaleTemplates(file: string) {
  const dir = dirname(file);
  for (const name of readdirSync(dir))
    if (/^template-[0-9a-f]{12}\.tar\.gz$/.test(name) && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
}

/** The template to start `dataDir` from when that directory is new (missing or empty) and a current template exists. */
export function templateFor(dataDir: string, file = templateFile()): Blob | undefined {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return undefined;
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}
