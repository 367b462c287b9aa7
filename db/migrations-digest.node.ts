import { createHash } from "node:crypto";
import { migrations } from "./migrations/bundle.ts";

/** A short hash of every bundled migration: names a database made from them (the PGlite dump, the tests' PostgreSQL template). */
export function migrationsDigest(extra = ""): string {
  return createHash("sha256")
    .update(extra)
    .update(migrations.map((m) => m.tag + m.sql).join("\n"))
    .digest("hex")
    .slice(0, 12);
}
