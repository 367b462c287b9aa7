import type { Context } from "hono";
import type { Db } from "../../db/types.ts";
import type { Principal, Scope } from "../domain/auth/permissions.ts";
import type { PasswordHasher } from "../domain/auth/password.ts";

export interface AppConfig {
  /** Base URL printed in survey links, e.g. http://localhost:8787 */
  publicUrl: string;
  now: () => Date;
  version: string;
  /** Shared secret of the local CLI, so that it can work through a running server that holds PGlite. */
  cliToken?: string;
  /** How this runtime learns the caller's address (socket on Node, CF-Connecting-IP on Workers). */
  clientIp?: (c: Context) => string | null;
  /** Anonymous submissions are mixed into the results in batches of at least this many (default 10). */
  poolMinBatch?: number;
  /**
   * Runs work after the answer has gone out: a detached promise on Node, waitUntil on Workers.
   * Without it (tests) nothing runs in the background; the timer, the cron and results reads still mix.
   */
  background?: (task: () => Promise<unknown>) => void;
  /**
   * Whether this server sends the weekly quality digest by e-mail (Node with SMTP_URL and
   * DIGEST_TO). Without it the dashboard must not say the digest goes round by e-mail.
   */
  digestByMail?: boolean;
}

export interface AppDeps {
  db: Db;
  config: AppConfig;
  passwords: PasswordHasher;
}

/** What an entry passes in; createApp fills in production defaults. */
export type AppInput = Omit<AppDeps, "passwords"> & { passwords?: PasswordHasher };

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    principal: Principal | null;
    sessionToken: string | null;
    scope: Scope | null;
    ip: string | null;
  };
};

/** The actor fields of an audit entry for this request. */
export function actorOf(c: Context<AppEnv>) {
  const p = c.var.principal;
  return { actorId: p?.userId ?? null, actor: p?.label ?? "anoniem", ip: c.var.ip };
}
