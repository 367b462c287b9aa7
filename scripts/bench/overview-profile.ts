/**
 * Profiling aid for the start page: seeds demo (and 10×) as overview.ts does, then times one
 * GET /api/overview with every SQL statement logged (duration, rows) — PGlite or postgres.
 */
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { PgPreparedQuery } from "drizzle-orm/pg-core/session";
import { createApp } from "../../api/app.ts";
import { createSession } from "../../api/auth/sessions.ts";
import { NODE_PASSWORDS } from "../../api/server.node.ts";
import { users } from "../../db/schema.ts";
import type { Db } from "../../db/types.ts";
import { seedAuditsDemo } from "../../db/seed/audits.ts";
import { seedDemo } from "../../db/seed/demo.ts";
import { seedQualityDemo } from "../../db/seed/quality.ts";
import { seedRegistryDemo } from "../../db/seed/registry.ts";
import { seedReviewsDemo } from "../../db/seed/reviews.ts";
import { seedRisksDemo } from "../../db/seed/risks.ts";
import { type Engine, openBenchDatabase } from "./engine.ts";
import { scaleRegistry } from "./overview-scale.ts";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: process.env.DATABASE_URL ? "postgres" : "pglite" },
    factor: { type: "string", default: "10" },
  },
});
const log: { t0: number; ms: number; q: string }[] = [];
let logging = false;
const T0 = { v: 0 };
// Every statement Drizzle sends, on either engine, passes through queryWithCache.
const proto = PgPreparedQuery.prototype as unknown as {
  queryWithCache: (q: string, p: unknown[], run: () => Promise<unknown>) => Promise<unknown>;
};
const original = proto.queryWithCache;
proto.queryWithCache = async function (this: unknown, q: string, p: unknown[], run: () => Promise<unknown>) {
  const s = performance.now();
  try {
    return await original.call(this, q, p, run);
  } finally {
    if (logging) log.push({ t0: s - T0.v, ms: performance.now() - s, q });
  }
};
const database = await openBenchDatabase(values.engine as Engine, process.env.DATABASE_URL);
const now = new Date();
try {
  const db = database.db as Db;
  await seedDemo(db, now, NODE_PASSWORDS);
  await seedRegistryDemo(db, now);
  for (const seed of [seedAuditsDemo, seedRisksDemo, seedQualityDemo, seedReviewsDemo]) await seed(db, now);

  if (Number(values.factor) > 1) {
    await scaleRegistry(db, Number(values.factor));
    await db.execute(sql`update answer_counts set n = n * ${Number(values.factor)}`);
  }
  await db.execute(sql`analyze`);
  const app = createApp({ db, config: { publicUrl: "http://bench.local", now: () => now, version: "bench", clientIp: () => "192.0.2.1" } });
  const [quality] = await db.select().from(users).where(eq(users.role, "kwaliteit")).limit(1);
  const cookie = `ks_session=${(await createSession(db, quality.id, now, null)).token}`;
  for (let i = 0; i < 3; i++) await app.request("/api/overview", { headers: { cookie } });
  for (let i = 0; i < 3; i++) {
    log.length = 0;
    logging = true;
    T0.v = performance.now();
    const res = await app.request("/api/overview", { headers: { cookie } });
    await res.text();
    const total = performance.now() - T0.v;
    logging = false;
    const sum = log.reduce((s, l) => s + l.ms, 0);
    console.log(`run ${i}: total ${total.toFixed(0)} ms, ${log.length} queries, sum ${sum.toFixed(0)} ms`);
    if (i === 2) {
      // PGlite runs one statement at a time: a statement's own cost is from the end of the one
      // before it (or its start) to its end. On postgres (a pool) "own" is only a lower bound.
      let prevEnd = 0;
      for (const l of [...log].sort((a, b) => a.t0 + a.ms - (b.t0 + b.ms))) {
        const end = l.t0 + l.ms;
        const own = end - Math.max(l.t0, prevEnd);
        prevEnd = end;
        console.log(
          `${l.t0.toFixed(0).padStart(5)} +${l.ms.toFixed(1).padStart(6)} own ${own.toFixed(1).padStart(6)}  ${l.q.replace(/\s+/g, " ").slice(0, 160)}`,
        );
      }
    }
  }
} finally {
  await database.close();
}
