/**
 * The Cloudflare Workers entry. Postgres comes through a Hyperdrive binding or a plain
 * DATABASE_URL. Workers may not share I/O objects between requests, so each request
 * gets its own small postgres.js client (Hyperdrive pools the real connections).
 */
import { connectPostgres } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { createApp } from "./app.ts";
import { runRetention } from "./registry/retention.service.ts";
import { eraseExpiredContactData } from "./contacts/contacts.service.ts";
import { queueDueReminders } from "./mail/outbox.service.ts";

interface Env {
  HYPERDRIVE?: { connectionString: string };
  DATABASE_URL?: string;
  PUBLIC_URL?: string;
}
interface ExecutionContext { waitUntil(promise: Promise<unknown>): void }

let migrated: Promise<unknown> | undefined;

function connectionString(env: Env) {
  const url = env.HYPERDRIVE?.connectionString ?? env.DATABASE_URL;
  if (!url) throw new Error("No database: bind HYPERDRIVE or set DATABASE_URL");
  return url;
}

/** Once per isolate; a failure is forgotten so the next request tries again. */
async function ensureMigrated(env: Env) {
  migrated ??= (async () => {
    const conn = connectPostgres(connectionString(env), { max: 1 });
    try {
      await migrate(conn.db);
    } finally {
      await conn.close();
    }
  })().catch((e) => {
    migrated = undefined;
    throw e;
  });
  return migrated;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    await ensureMigrated(env);
    const conn = connectPostgres(connectionString(env), { max: 2 });
    const app = createApp({
      db: conn.db,
      config: {
        publicUrl: env.PUBLIC_URL ?? new URL(request.url).origin,
        now: () => new Date(),
        version: "0.1.0",
        clientIp: (c) => c.req.header("cf-connecting-ip") ?? null,
      },
    });
    try {
      return await app.fetch(request);
    } finally {
      ctx.waitUntil(conn.close());
    }
  },

  /**
   * The daily job (cron in wrangler.toml): erases working notes and invitation addresses past
   * their term, and queues the reminders due. Workers have no SMTP: the queue is the outbox,
   * sent by a Node process or by hand.
   */
  async scheduled(_event: unknown, env: Env, ctx: ExecutionContext): Promise<void> {
    await ensureMigrated(env);
    const conn = connectPostgres(connectionString(env), { max: 1 });
    const now = new Date();
    ctx.waitUntil(runRetention(conn.db, now)
      .then(() => eraseExpiredContactData(conn.db, now))
      // Links in reminders need the public address; without PUBLIC_URL they wait for an on-demand send.
      .then(() => (env.PUBLIC_URL ? queueDueReminders(conn.db, env.PUBLIC_URL, now) : undefined))
      .finally(() => conn.close()));
  },
};
