import { sql } from "drizzle-orm";
import type { Db } from "../db/types.ts";
import { actions, cases, internalAudits, managementReviews, questionnaires, risks, waves } from "../db/schema.ts";
import { rows } from "../db/migrate.ts";

/**
 * True when every table a demo seed fills already has rows: then each seed's own check
 * (db/seed/*.ts, one query each, after seedReference's five inserts) would find nothing to
 * do, and `npm start` on an existing database asks once instead of a dozen times.
 */
export async function demoSeeded(db: Db): Promise<boolean> {
  const tables = [waves, cases, internalAudits, risks, actions, managementReviews, questionnaires];
  const all = sql.join(
    tables.map((t) => sql`exists (select 1 from ${t})`),
    sql` and `,
  );
  const result = await db.execute(sql`select ${all} as seeded`);
  return rows<{ seeded: boolean }>(result)[0]?.seeded === true;
}
