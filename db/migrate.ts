import { sql } from "drizzle-orm";
import type { Db } from "./types.ts";
import { migrations } from "./migrations/bundle.ts";

/**
 * Applies the committed drizzle-kit migrations. Written against the bundled SQL instead of
 * drizzle's file-based migrator so that the same code runs on Node and on Workers. An
 * advisory lock keeps two starting processes from migrating at once.
 */
export async function migrate(db: Db): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727274)`);
    await tx.execute(sql`create table if not exists ketenspiegel_migrations (
      tag text primary key, applied_at timestamptz not null default now())`);
    const done = await tx.execute<{ tag: string }>(sql`select tag from ketenspiegel_migrations`);
    const seen = new Set(rows<{ tag: string }>(done).map((r) => r.tag));
    for (const m of migrations) {
      if (seen.has(m.tag)) continue;
      for (const statement of m.sql.split("--> statement-breakpoint")) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into ketenspiegel_migrations (tag) values (${m.tag})`);
      applied.push(m.tag);
    }
  });
  return applied;
}

/** postgres.js returns an array, PGlite an object with rows: accept both. */
export function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
