import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema.ts";
import type { Db } from "./types.ts";

/**
 * postgres.js: used on Node when DATABASE_URL is set, and on Workers. With `role`, every
 * connection starts as that role (sent in the startup packet, so no query runs before it).
 */
export function connectPostgres(url: string, options: { max?: number; role?: string } = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...(options.role ? { connection: { role: options.role } } : {}),
  });
  const db = drizzle(preparing(client), { schema }) as unknown as Db;
  return { db, close: () => client.end({ timeout: 5 }) };
}

type Unsafe = postgres.Sql["unsafe"];
type Scoped = (...args: unknown[]) => unknown;

/**
 * drizzle sends every query through `sql.unsafe(text, params)`, which postgres.js leaves
 * unprepared (drizzle-orm#6096). Unprepared, postgres.js first asks the server for the
 * parameter types (Parse, Describe, Flush), waits for them, and only then binds and executes:
 * two round trips per statement, and a transaction's pipeline stalls at each one while the
 * transaction holds its locks. Prepared, the types are learnt once per connection and
 * statement text, and every later run is one Bind/Execute in the pipeline.
 *
 * The statements a connection prepares stay until it closes (postgres.js keeps no LRU; it
 * replaces a connection after 30 to 60 minutes), so only statements of a few parameters are
 * prepared (MAX_PREPARED_PARAMETERS): their texts vary with little but the length of a short
 * list. A statement invalidated by DDL is prepared again by postgres.js itself.
 */
export function preparing(sql: postgres.Sql): postgres.Sql {
  prepareUnsafe(sql);
  // A transaction runs on an sql object of its own, and so does each savepoint in it.
  sql.begin = inScope(sql.begin as Scoped) as postgres.Sql["begin"];
  return sql;
}

/**
 * Statements with more parameters than this stay unprepared: a multi-row insert or a long
 * `in (…)` list, whose text changes with its length, so that each length would stay prepared
 * on its connection until the connection closes. Hot statements take lists as one array or
 * jsonb parameter instead, and are prepared.
 */
export const MAX_PREPARED_PARAMETERS = 32;

function prepareUnsafe(sql: Pick<postgres.Sql, "unsafe">) {
  const unsafe: Unsafe = sql.unsafe;
  // Set either way: drizzle's query builders pass `prepare: false` for every unnamed query.
  sql.unsafe = ((text, args, options) =>
    unsafe(text, args, { ...options, prepare: (args?.length ?? 0) <= MAX_PREPARED_PARAMETERS })) as Unsafe;
}

/** `begin` or `savepoint`, whose last argument is the callback that receives the scoped sql. */
function inScope(open: Scoped): Scoped {
  return (...args) => {
    const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
    return open(...args, (tx: postgres.TransactionSql) => {
      prepareUnsafe(tx);
      tx.savepoint = inScope(tx.savepoint as Scoped) as postgres.TransactionSql["savepoint"];
      return fn(tx);
    });
  };
}
