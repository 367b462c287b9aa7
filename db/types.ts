import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema.ts";

/** Both drivers (postgres.js and PGlite) produce this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
