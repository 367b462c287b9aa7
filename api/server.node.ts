import { serve, type ServerType } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { existsSync } from "node:fs";
import { createApp } from "./app.ts";
import { mixPool } from "./respond/pool.service.ts";
import { serveAssets, serveFile } from "./static.node.ts";
import type { AppConfig } from "./lib/context.ts";
import { errorBody } from "./lib/errors.ts";
import type { Db } from "../db/types.ts";
import { scryptHasher } from "./domain/auth/password.ts";
import { nativeScrypt } from "./lib/scrypt.node.ts";

/** Production parameters, hashed natively off the event loop. */
export const NODE_PASSWORDS = scryptHasher(undefined, nativeScrypt);

export const DIST = "./dist";

/**
 * The Node entry: the API plus the two built front ends. /s/<token> and /o/<token> are the survey app,
 * everything else outside /api is the dashboard (client-side routing).
 */
export function createNodeApp(db: Db, config: AppConfig, dist = DIST, passwords = NODE_PASSWORDS) {
  const api = createApp({
    db,
    passwords,
    config: { clientIp: (c) => getConnInfo(c).remote.address ?? null, background: runDetached, ...config },
  });
  const web = new Hono();
  // A partner's phone loads the questionnaire (about 14 KB of JSON) while it downloads survey-core on
  // the same slow connection: compressed, it is a sixth of that. Only these two reads, which carry no
  // secret next to anything the caller chose (compression side channels need both). Here and not in
  // createApp: workerd compresses a Worker's responses itself, and would compress them twice.
  web.on("GET", ["/api/s/:token", "/api/o/:token"], compress());
  web.route("/", api);
  // An unknown API route is a JSON 404 in the one error shape, never the dashboard's index.html.
  web.all("/api/*", (c) => c.json(errorBody("not_found"), 404));
  // Precompressed (brotli, gzip) at build time; hashed assets are immutable, the index pages revalidated.
  web.use("/survey-assets/assets/*", serveAssets("/survey-assets/assets/", `${dist}/survey/assets`));
  web.get("/s/*", serveFile(`${dist}/survey/index.html`));
  // The open link of an anonymous wave: the same survey page, which reads /o/ from its path.
  web.get("/o/*", serveFile(`${dist}/survey/index.html`));
  web.use("/assets/*", serveAssets("/assets/", `${dist}/dashboard/assets`));
  web.get("*", serveFile(`${dist}/dashboard/index.html`));
  return web;
}

/** Node keeps running a promise after the response is sent; a failure is logged, the next run retries. */
export function runDetached(task: () => Promise<unknown>) {
  void task().catch((e) => console.error("achtergrondtaak mislukt", e));
}

/**
 * Mixes the anonymity pool at start (payloads acknowledged before a crash) and then every
 * `intervalMs`, so that a wave's last, incomplete batch is mixed soon after it closes.
 */
export function startPoolMixer(db: Db, now: () => Date, minBatch: number | undefined, intervalMs = 60_000) {
  const run = () =>
    mixPool(db, now(), { minBatch }).catch((e) => {
      console.error("anonieme pool verwerken mislukt", e);
      return 0;
    });
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { first: run(), stop: () => clearInterval(timer) };
}

export function frontEndsBuilt(dist = DIST) {
  return existsSync(`${dist}/survey/index.html`) && existsSync(`${dist}/dashboard/index.html`);
}

export function listen(app: { fetch: (r: Request) => Response | Promise<Response> }, port: number, hostname = "127.0.0.1") {
  return new Promise<ServerType>((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server));
  });
}
