import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { MAX_PREPARED_PARAMETERS } from "../../db/client.ts";
import type { Database } from "../../db/client.node.ts";
import { rows } from "../../db/migrate.ts";
import { branches } from "../../db/schema.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { postgresCopy } from "../helpers/db.ts";

/**
 * drizzle on postgres.js prepares its statements (db/client.ts `preparing`): one round trip
 * per statement instead of two. Checked on the one connection of a pool of one, in the
 * server's own list of the session's prepared statements. PostgreSQL only: PGlite has no
 * wire protocol in between.
 */
const onPostgres = process.env.KS_TEST_DB === "postgres";
let conn: Database;

beforeAll(async () => {
  if (!onPostgres) return;
  conn = await postgresCopy(1);
  await seedReference(conn.db);
});
afterAll(async () => {
  if (onPostgres) await conn.close();
});

/** How many of this session's prepared statements contain `fragment`. */
async function prepared(fragment: string) {
  const r = await conn.db.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${fragment}%`}`);
  return rows<{ n: number }>(r)[0].n;
}

describe.skipIf(!onPostgres)("statements on postgres.js", () => {
  it("prepares a query builder's statement once and runs it again without preparing", async () => {
    for (let i = 0; i < 3; i++) {
      const [b] = await conn.db.select().from(branches).where(eq(branches.id, "alkmaar"));
      expect(b.name).toBe("Alkmaar");
    }
    expect(await prepared(`from "branches" where "branches"."id" = $1`)).toBe(1);
  });

  it("prepares raw SQL, and statements in a transaction and in a savepoint", async () => {
    await conn.db.execute(sql`select ${"raw"}::text as marker_raw`);
    await conn.db.transaction(async (tx) => {
      await tx.execute(sql`select ${"tx"}::text as marker_tx`);
      await tx.transaction(async (sp) => {
        await sp.execute(sql`select ${"sp"}::text as marker_sp`);
      });
    });
    expect([await prepared("marker_raw"), await prepared("marker_tx"), await prepared("marker_sp")]).toEqual([1, 1, 1]);
  });

  it("leaves a statement of many parameters unprepared: its text changes with a list's length", async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `tak-${i}`);
    await conn.db
      .select()
      .from(branches)
      .where(inArray(branches.id, ids(MAX_PREPARED_PARAMETERS)));
    await conn.db
      .select()
      .from(branches)
      .where(inArray(branches.id, ids(MAX_PREPARED_PARAMETERS + 1)));
    expect(await prepared(`$${MAX_PREPARED_PARAMETERS})`)).toBe(1);
    expect(await prepared(`$${MAX_PREPARED_PARAMETERS + 1})`)).toBe(0);
  });

  it("prepares again a statement whose table changed shape since", async () => {
    await conn.db.execute(sql`create table shape_test (a int)`);
    await conn.db.execute(sql`insert into shape_test values (1)`);
    const read = () => conn.db.execute(sql`select * from shape_test where a = ${1}`);
    expect(rows(await read())).toEqual([{ a: 1 }]);
    await conn.db.execute(sql`alter table shape_test add column b int default 2`);
    expect(rows(await read())).toEqual([{ a: 1, b: 2 }]);
  });
});
