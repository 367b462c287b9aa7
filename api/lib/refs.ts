import { sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { rows } from "../../db/migrate.ts";

/**
 * Readable, gap-free references per prefix and year (BEV-2026-007, ALK-2026-0042). The
 * advisory lock serialises concurrent creations of the same prefix within transactions.
 */
export async function nextRef(tx: Db, table: string, prefix: string, year: string, width = 3, column = "ref") {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ref:${table}:${prefix}`}))`);
  const like = `${prefix}-${year}-%`;
  const [{ n }] = rows<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} like ${like}`),
  );
  return `${prefix}-${year}-${String(Number(n) + 1).padStart(width, "0")}`;
}
