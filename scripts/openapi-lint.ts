/**
 * Lints the generated OpenAPI document with Redocly's recommended rules (redocly.yaml).
 *   npm run lint:openapi            exit code 1 on any error
 *   npm run lint:openapi -- --out F also keep the document in F
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApp, openApiDocument } from "../api/app.ts";
import type { Db } from "../db/types.ts";

const { values: args } = parseArgs({ options: { out: { type: "string" } }, allowPositionals: true });

// The document needs no database: the routes are all there once the app is built.
const publicUrl = "https://ketenspiegel.example.nl";
const app = createApp({ db: {} as Db, config: { publicUrl, now: () => new Date(), version: "lint" } });
const dir = mkdtempSync(join(tmpdir(), "ks-openapi-"));
const file = args.out ?? join(dir, "openapi.json");
try {
  writeFileSync(file, JSON.stringify(openApiDocument(app, publicUrl), null, 2));
  const result = spawnSync("node_modules/.bin/redocly", ["lint", file, "--config", "redocly.yaml"], { stdio: "inherit" });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
