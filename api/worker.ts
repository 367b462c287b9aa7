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
import { mixPool } from "./respond/pool.service.ts";

interface Env {
  HYPERDRIVE?: { connectionString: string };
  DATABASE_URL?: string;
  PUBLIC_URL?: string;
  /** Batch size of the anonymity pool (docs/privacy.md); default 10. */
  POOL_MIN_BATCH?: string;
}
interface ExecutionContext { waitUntil(promise: Promise<unknown>): void }

let migrated: Promise<unknown> | undefined;

/** The frequent cron of wrangler.toml; any other trigger also runs the daily jobs. */
const MIX_CRON = "*/10 * * * *";

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
    // Work after the answer (mixing the anonymity pool) must finish before the connection closes.
    const after: Promise<unknown>[] = [];
    const poolMinBatch = env.POOL_MIN_BATCH ? Number(env.POOL_MIN_BATCH) : undefined;
    const app = createApp({
      db: conn.db,
      config: {
        publicUrl: env.PUBLIC_URL ?? new URL(request.url).origin,
        now: () => new Date(),
        version: "0.1.0",
        clientIp: (c) => c.req.header("cf-connecting-ip") ?? null,
        poolMinBatch,
        background: (task) => { after.push(task().catch((e) => console.error("achtergrondtaak mislukt", e))); },
      },
    });
    try {
      return await app.fetch(request);
    } finally {
      ctx.waitUntil(Promise.allSettled(after).then(() => conn.close()));
    }
  },

  /**
   * Cron (wrangler.toml): every ten minutes the anonymity pool is mixed (full batches, and what
   * is left of closed waves); once a day the retention job erases working notes past their term.
   */
  async scheduled(event: { cron?: string }, env: Env, ctx: ExecutionContext): Promise<void> {
    await ensureMigrated(env);
    const conn = connectPostgres(connectionString(env), { max: 1 });
    const now = new Date();
    const minBatch = env.POOL_MIN_BATCH ? Number(env.POOL_MIN_BATCH) : undefined;
    const jobs: Promise<unknown>[] = [mixPool(conn.db, now, { minBatch })];
    if (event.cron !== MIX_CRON) {
      // Daily: working notes and invitation addresses past their term; reminders due (the queue is the
      // outbox: Workers have no SMTP). Reminder links need PUBLIC_URL; without it they wait for an on-demand send.
      jobs.push(runRetention(conn.db, now).then(() => eraseExpiredContactData(conn.db, now))
        .then(() => (env.PUBLIC_URL ? queueDueReminders(conn.db, env.PUBLIC_URL, now) : undefined)));
    }
    ctx.waitUntil(Promise.all(jobs).finally(() => conn.close()));
  },
};
