/**
 * The Cloudflare Workers entry. Postgres comes through a Hyperdrive binding or a plain
 * DATABASE_URL. The app (routes, OpenAPI document) is built once per isolate; Workers may
 * not share I/O objects between requests, so each request gets its own small postgres.js
 * client through middleware (Hyperdrive pools the real connections).
 */
import type { ExecutionContext, MiddlewareHandler } from "hono";
import { connectPostgres } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import type { Db } from "../db/types.ts";
import { createApp } from "./app.ts";
import type { AppEnv } from "./lib/context.ts";
import { runRetention } from "./registry/retention.service.ts";

interface Env {
  HYPERDRIVE?: { connectionString: string };
  DATABASE_URL?: string;
  PUBLIC_URL?: string;
}

let migrated: Promise<unknown> | undefined;
let app: ReturnType<typeof createApp> | undefined;

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

/** Stands in for the database outside a request: using it is a programming error. */
const noDatabase = new Proxy({}, {
  get() {
    throw new Error("No database outside a request on Workers: use c.var.deps.db");
  },
}) as Db;

/** Puts a connection of this request into deps and closes it once the response is out. */
const requestDatabase: MiddlewareHandler<AppEnv & { Bindings: Env }> = async (c, next) => {
  const conn = connectPostgres(connectionString(c.env), { max: 2 });
  c.set("deps", { ...c.var.deps, db: conn.db });
  try {
    await next();
  } finally {
    c.executionCtx.waitUntil(conn.close());
  }
};

function appFor(env: Env, request: Request) {
  app ??= createApp({
    db: noDatabase,
    config: {
      publicUrl: env.PUBLIC_URL ?? new URL(request.url).origin,
      now: () => new Date(),
      version: "0.1.0",
      clientIp: (c) => c.req.header("cf-connecting-ip") ?? null,
    },
  }, { perRequest: requestDatabase as unknown as MiddlewareHandler<AppEnv> });
  return app;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    await ensureMigrated(env);
    return appFor(env, request).fetch(request, env, ctx);
  },

  /** The daily retention job (cron in wrangler.toml): erases working notes past their term. */
  async scheduled(_event: unknown, env: Env, ctx: ExecutionContext): Promise<void> {
    await ensureMigrated(env);
    const conn = connectPostgres(connectionString(env), { max: 1 });
    ctx.waitUntil(runRetention(conn.db, new Date()).finally(() => conn.close()));
  },
};
