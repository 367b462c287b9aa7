import { PGlite } from "@electric-sql/pglite";

/**
 * One in-memory PGlite per test worker, handed from file to file. Booting a copy of the
 * migrated template costs 0.5–1 s of CPU (the wasm instance, postgres' start-up and loading
 * the data directory), some 60 times per run; putting a used one back costs a TRUNCATE.
 *
 * A database is only handed on when it provably looks like a fresh copy: after the reset
 * its catalogue fingerprint (relations, columns, triggers, functions, roles, types, grants
 * and the migrations log) must equal the template's. A test that changed the schema, made
 * a role or left a transaction open gets its database closed instead, as before. Each lease
 * sees the client through its own fence, so a previous file's stray background work (a pool
 * mixer, a scheduler) fails on its revoked handle instead of writing into the next file.
 * `KS_TEST_FRESH_DB=1` turns reuse off.
 */

const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema', 'pg_toast')`;

/** Everything a test could change in the catalogue that a TRUNCATE would not put back. */
const FINGERPRINT = `
  with user_ns as (
    select oid, nspname from pg_namespace
     where nspname not in ${SYSTEM_SCHEMAS} and nspname not like 'pg_temp_%' and nspname not like 'pg_toast_temp_%')
  select md5(concat_ws('|',
    (select string_agg(oid::text || nspname, ',' order by oid) from user_ns),
    (select string_agg(c.oid::text || c.relname || c.relkind::text || c.relnamespace::text || c.relrowsecurity::text
                       || coalesce(c.relacl::text, ''), ',' order by c.oid)
       from pg_class c where c.relnamespace in (select oid from user_ns)),
    (select string_agg(a.attrelid::text || a.attname || a.atttypid::text || a.attnotnull::text || a.attisdropped::text
                       || a.atthasdef::text, ',' order by a.attrelid, a.attnum)
       from pg_attribute a join pg_class c on c.oid = a.attrelid where c.relnamespace in (select oid from user_ns)),
    (select string_agg(oid::text || tgname || tgenabled::text, ',' order by oid) from pg_trigger),
    (select string_agg(oid::text || proname || md5(prosrc), ',' order by oid) from pg_proc where pronamespace in (select oid from user_ns)),
    (select string_agg(oid::text || conname, ',' order by oid) from pg_constraint where connamespace in (select oid from user_ns)),
    (select string_agg(oid::text || typname, ',' order by oid) from pg_type where typnamespace in (select oid from user_ns)),
    (select string_agg(oid::text || enumlabel, ',' order by oid) from pg_enum),
    (select string_agg(rolname || rolsuper::text || rolcanlogin::text, ',' order by rolname) from pg_roles),
    (select string_agg(oid::text || polname, ',' order by oid) from pg_policy),
    (select count(*)::text from pg_db_role_setting),
    (select count(*)::text from pg_default_acl),
    (select count(*)::text from pg_largeobject_metadata),
    (select string_agg(tag, ',' order by tag) from public.ketenspiegel_migrations))) as fingerprint`;

/** Session state first (roles, settings, locks, prepared statements), then every row but the migrations log. */
async function resetSql(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ${SYSTEM_SCHEMAS} and n.nspname not like 'pg_temp_%'
        and c.relname <> 'ketenspiegel_migrations'`,
  );
  // Replica mode: the trail's BEFORE TRUNCATE guard is a rule for the application, not for throwing a test database away.
  return `set session_replication_role = replica;
    truncate table ${rows.map((r) => r.name).join(", ")} restart identity cascade;
    reset session_replication_role;`;
}

async function fingerprint(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ fingerprint: string }>(FINGERPRINT);
  return rows[0].fingerprint;
}

/** The worker's database between two files; only `giveBack` sets it, and never with reuse turned off. */
let idle: PGlite | undefined;
let template: { fingerprint: string; reset: string } | undefined;
/** How many leases got a used database: tests/api/pglite-reuse.test.ts reads it. */
export const reuseStats = { fresh: 0, reused: 0, discarded: 0 };

export interface Lease {
  /** The client as this lease sees it: refuses every call once the lease is returned. */
  client: PGlite;
  release: () => Promise<void>;
}

export async function leasePglite(loadDataDir: () => Blob): Promise<Lease> {
  let client: PGlite;
  if (idle) {
    client = idle;
    idle = undefined;
    reuseStats.reused++;
  } else {
    client = new PGlite({ loadDataDir: loadDataDir() });
    await client.waitReady;
    reuseStats.fresh++;
    template ??= { fingerprint: await fingerprint(client), reset: await resetSql(client) };
  }
  let revoked = false;
  const fenced = new Proxy(client, {
    get(target, key, receiver) {
      if (revoked && key !== "closed") throw new Error("this test database was returned (a previous test file's work still running?)");
      const value = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return {
    client: fenced,
    release: async () => {
      if (revoked) return;
      revoked = true;
      await giveBack(client);
    },
  };
}

async function giveBack(client: PGlite) {
  try {
    if (process.env.KS_TEST_FRESH_DB === "1" || idle || !template) throw new Error("not kept");
    await client.exec("discard all"); // alone: it refuses to run inside a multi-statement string's implicit transaction
    await client.exec(template.reset);
    if ((await fingerprint(client)) !== template.fingerprint) throw new Error("catalogue changed");
    idle = client;
  } catch {
    reuseStats.discarded++;
    await client.close().catch(() => {});
  }
}
