import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "../../db/migrate.ts";
import type { Db } from "../../db/types.ts";
import { pgliteCopy } from "../helpers/db.ts";
import { testApp } from "../helpers/app.ts";
import { reuseStats } from "../helpers/pglite-reuse.ts";

/**
 * The test harness hands a used in-memory PGlite to the next test file after a reset
 * (tests/helpers/pglite-reuse.ts). A file must not be able to tell: these tests compare a
 * reused database with a fresh copy of the template, and check that what a reset cannot
 * undo makes the harness throw the database away instead.
 */

/** What a test could observe of a database it was just given. */
async function observe(db: Db) {
  const tables = rows<{ name: string }>(
    await db.execute(sql`select format('%I.%I', schemaname, tablename) as name from pg_tables
                          where schemaname not in ('pg_catalog', 'information_schema') order by 1`),
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = Number(rows<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${name}`)))[0].n);
  }
  const [session] = rows<Record<string, unknown>>(
    await db.execute(sql`select current_setting('TimeZone') as tz, current_user as usr,
                                (select count(*)::int from pg_locks where locktype = 'advisory') as advisory,
                                (select count(*)::int from pg_prepared_statements) as prepared,
                                current_setting('session_replication_role') as replication`),
  );
  // The trail's sequence starts again at its first value, as in a fresh copy.
  const [seq] = rows<{ seq: string }>(await db.execute(sql`select nextval('audit_log_seq_seq')::text as seq`));
  return { counts, session, seq: seq.seq };
}

describe("a test database handed from file to file", () => {
  const before = { ...reuseStats };
  afterEach(() => Object.assign(before, reuseStats));

  it("looks exactly like a fresh copy after a file filled it, changed its session and took locks", async () => {
    const fresh = await pgliteCopy();
    const expected = await observe(fresh.db);
    await fresh.close();
    Object.assign(before, reuseStats);

    const t = await testApp();
    expect(reuseStats.reused).toBe(before.reused + 1);
    await t.db.execute(sql`set timezone = 'Asia/Tokyo'`);
    await t.db.execute(sql`select pg_advisory_lock(42)`);
    await t.db.execute(sql`select nextval('audit_log_seq_seq')`);
    const used = await observe(t.db);
    expect(used.counts["public.waves"]).toBe(1);
    expect(used.session).not.toEqual(expected.session);
    await t.close();

    const again = await pgliteCopy();
    expect(reuseStats.reused).toBe(before.reused + 2);
    expect(await observe(again.db)).toEqual(expected);
    await again.close();
  });

  it("refuses the previous file's handle once it was given back", async () => {
    const a = await pgliteCopy();
    await a.close();
    const error = await a.db.execute(sql`select 1`).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/returned/);
  });

  it.each([
    ["a new table", "create table leftover (id int)"],
    ["a new role", "create role leftover_role"],
    ["a disabled trigger", "alter table audit_log disable trigger user"],
    ["a transaction left open", "begin"],
  ])("throws the database away instead of handing it on after %s", async (_what, statement) => {
    const a = await pgliteCopy();
    await a.db.execute(sql.raw(statement));
    await a.close();
    const b = await pgliteCopy();
    expect(reuseStats.discarded).toBe(before.discarded + 1);
    expect(reuseStats.fresh).toBe(before.fresh + 1);
    const leftovers = rows<{ n: number }>(
      await b.db.execute(sql`select (select count(*) from pg_class where relname = 'leftover')
                                  + (select count(*) from pg_roles where rolname = 'leftover_role') as n`),
    );
    expect(Number(leftovers[0].n)).toBe(0);
    await b.close();
  });
});
