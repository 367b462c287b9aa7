/**
 * The Cloudflare Workers entry. Postgres comes through a Hyperdrive binding or a plain
 * DATABASE_URL. Workers may not share I/O objects between requests, so each request
 * gets its own small postgres.js client (Hyperdrive pools the real connections).
 */
import { connectPostgres } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { appRoleFromEnv, ensureAppRole } from "../db/app-role.ts";
import { createApp } from "./app.ts";
import { runRetention } from "./registry/retention.service.ts";

interface Env {
  HYPERDRIVE?: { connectionString: string };
  DATABASE_URL?: string;
  PUBLIC_URL?: string;
  /** The restricted role the app takes (default ketenspiegel_app, "off" for none); see docs/security.md. */
  DATABASE_ROLE?: string;
}
interface ExecutionContext { waitUntil(promise: Promise<unknown>): void }

let migrated: Promise<string | undefined> | undefined;

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
      return role && await ensureAppRole(conn.db, role) ? role : undefined;
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
    const role = await ensureMigrated(env);
    const conn = connectPostgres(connectionString(env), { max: 2, role });
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

  /** The daily retention job (cron in wrangler.toml): erases working notes past their term. */
  async scheduled(_event: unknown, env: Env, ctx: ExecutionContext): Promise<void> {
    const role = await ensureMigrated(env);
    const conn = connectPostgres(connectionString(env), { max: 1, role });
    ctx.waitUntil(runRetention(conn.db, new Date()).finally(() => conn.close()));
  },
};
