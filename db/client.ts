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
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, close: () => client.end({ timeout: 5 }) };
}
