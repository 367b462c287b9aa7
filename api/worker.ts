/**
 * The Cloudflare Workers entry. Postgres comes through a Hyperdrive binding or a plain
 * DATABASE_URL. The app (routes, OpenAPI document) is built once per isolate; Workers may
 * not share I/O objects between requests, so each request gets its own small postgres.js
 * client through middleware (Hyperdrive pools the real connections).
 */
import type { ExecutionContext, MiddlewareHandler } from "hono";
import { queueOverdueActionMails } from "./mail/notices.service.ts";
import { connectPostgres } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import type { Db } from "../db/types.ts";
import { appRoleFromEnv, ensureAppRole } from "../db/app-role.ts";
import { createApp } from "./app.ts";
import type { AppEnv } from "./lib/context.ts";
import { runRetention } from "./registry/retention.service.ts";
import { eraseExpiredContactData } from "./contacts/contacts.service.ts";
import { queueDueReminders } from "./mail/outbox.service.ts";
import { mixPool } from "./respond/pool.service.ts";

interface Env {
  HYPERDRIVE?: { connectionString: string };
  DATABASE_URL?: string;
  PUBLIC_URL?: string;
  /** The restricted role the app takes (default ketenspiegel_app, "off" for none); see docs/security.md. */
  DATABASE_ROLE?: string;
  /** Batch size of the anonymity pool (docs/privacy.md); default 10. */
  POOL_MIN_BATCH?: string;
}

/** The restricted database role the app runs as, once migrations (as the owner) are done. */
let migrated: Promise<string | undefined> | undefined;
let app: ReturnType<typeof createApp> | undefined;

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
      const role = appRoleFromEnv(env);
      return role && (await ensureAppRole(conn.db, role)) ? role : undefined;
    } finally {
      await conn.close();
    }
  })().catch((e) => {
    migrated = undefined;
    throw e;
  });
  return migrated;
}

/** Stands in for the database outside a request: using it is a programming error. */
const noDatabase = new Proxy(
  {},
  {
    get() {
      throw new Error("No database outside a request on Workers: use c.var.deps.db");
    },
  },
) as Db;

/**
 * Puts a connection of this request into deps and closes it once the response is out and
 * the work after the answer (mixing the anonymity pool) has finished with it.
 */
const requestDatabase: MiddlewareHandler<AppEnv & { Bindings: Env }> = async (c, next) => {
  const conn = connectPostgres(connectionString(c.env), { max: 2, role: await ensureMigrated(c.env) });
  const after: Promise<unknown>[] = [];
  const background = (task: () => Promise<unknown>) => {
    after.push(task().catch((e) => console.error("achtergrondtaak mislukt", e)));
  };
  c.set("deps", { ...c.var.deps, db: conn.db, config: { ...c.var.deps.config, background } });
  try {
    await next();
  } finally {
    c.executionCtx.waitUntil(Promise.allSettled(after).then(() => conn.close()));
  }
};

function appFor(env: Env, request: Request) {
  app ??= createApp(
    {
      db: noDatabase,
      config: {
        publicUrl: env.PUBLIC_URL ?? new URL(request.url).origin,
        now: () => new Date(),
        version: "0.1.0",
        clientIp: (c) => c.req.header("cf-connecting-ip") ?? null,
        poolMinBatch: env.POOL_MIN_BATCH ? Number(env.POOL_MIN_BATCH) : undefined,
      },
    },
    { perRequest: requestDatabase as unknown as MiddlewareHandler<AppEnv> },
  );
  return app;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    await ensureMigrated(env);
    return appFor(env, request).fetch(request, env, ctx);
  },

  /**
   * Cron (wrangler.toml): every ten minutes the anonymity pool is mixed (full batches, and what
   * is left of closed waves); once a day the retention job erases working notes past their term.
   */
  async scheduled(event: { cron?: string }, env: Env, ctx: ExecutionContext): Promise<void> {
    const role = await ensureMigrated(env);
    const conn = connectPostgres(connectionString(env), { max: 1, role });
    const now = new Date();
    const minBatch = env.POOL_MIN_BATCH ? Number(env.POOL_MIN_BATCH) : undefined;
    const jobs: Promise<unknown>[] = [mixPool(conn.db, now, { minBatch })];
    if (event.cron !== MIX_CRON) {
      // Daily: overdue improvement actions told to their owners (once each); working notes and invitation addresses past their term; reminders due (the queue is the
      // outbox: Workers have no SMTP). Reminder links need PUBLIC_URL; without it they wait for an on-demand send.
      jobs.push(
        runRetention(conn.db, now)
          .then(() => eraseExpiredContactData(conn.db, now))
          .then(() => queueOverdueActionMails(conn.db, now))
          .then(() => (env.PUBLIC_URL ? queueDueReminders(conn.db, env.PUBLIC_URL, now) : undefined)),
      );
    }
    ctx.waitUntil(Promise.all(jobs).finally(() => conn.close()));
  },
};
