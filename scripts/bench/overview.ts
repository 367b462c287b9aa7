/**
 * The start page (issue 17): GET /api/overview at the demo data size and at 10× it, each
 * against a baseline measured in the same rounds: GET /api/registry/metrics, the one
 * request of the Kengetallen page (it loads the same registry). Target: the overview's
 * median under 1000 ms at both sizes. The machine is shared: read the ratio, and the
 * absolute target only as an upper bound.
 *
 *   npx tsx scripts/bench/overview.ts [--runs 15] [--warmup 2] [--engine pglite|postgres]
 *
 * 10× demo: the registry (cases, themes, conferences with their cases, attendance and
 * follow-ups, hours) is copied nine more times with new ids and codes, and every answer
 * count is multiplied by ten (what ten times the responses means for the statistics the
 * service reads). Exit code 1 when a median reaches 1000 ms.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { createApp } from "../../api/app.ts";
import { createSession } from "../../api/auth/sessions.ts";
import { NODE_PASSWORDS } from "../../api/server.node.ts";
import { cases, conferences, users } from "../../db/schema.ts";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { seedAuditsDemo } from "../../db/seed/audits.ts";
import { seedDemo } from "../../db/seed/demo.ts";
import { seedQualityDemo } from "../../db/seed/quality.ts";
import { seedRegistryDemo } from "../../db/seed/registry.ts";
import { seedReviewsDemo } from "../../db/seed/reviews.ts";
import { seedRisksDemo } from "../../db/seed/risks.ts";
import { type Engine, openBenchDatabase } from "./engine.ts";
import { scaleRegistry } from "./overview-scale.ts";
import { summarise, timed } from "./timing.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "2" },
    engine: { type: "string", default: process.env.DATABASE_URL ? "postgres" : "pglite" },
  },
});
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
const TARGET_MS = 1000;

const database = await openBenchDatabase(values.engine as Engine, process.env.DATABASE_URL);
const now = new Date();
try {
  const db = database.db as Db;
  await seedDemo(db, now, NODE_PASSWORDS);
  await seedRegistryDemo(db, now);
  for (const seed of [seedAuditsDemo, seedRisksDemo, seedQualityDemo, seedReviewsDemo]) await seed(db, now);
  const app = createApp({ db, config: { publicUrl: "http://bench.local", now: () => now, version: "bench", clientIp: () => "192.0.2.1" } });
  const [quality] = await db.select().from(users).where(eq(users.role, "kwaliteit")).limit(1);
  const cookie = `ks_session=${(await createSession(db, quality.id, now, null)).token}`;
  const get = async (path: string) => {
    const res = await app.request(path, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  async function measure(size: string) {
    const counts = { cases: (await db.select().from(cases)).length, conferences: (await db.select().from(conferences)).length };
    const paths = { overview: "/api/overview", baseline: "/api/registry/metrics" } as const;
    for (let i = 0; i < WARMUP; i++) for (const p of Object.values(paths)) await get(p);
    const samples = { overview: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      // The order alternates per round, so neither side always runs on a warmer cache.
      const order = i % 2 ? (["baseline", "overview"] as const) : (["overview", "baseline"] as const);
      for (const k of order) samples[k].push((await timed(() => get(paths[k]))).ms);
    }
    const o = summarise(samples.overview),
      b = summarise(samples.baseline);
    console.log(
      `${size.padEnd(10)} cases ${String(counts.cases).padStart(5)}  conferences ${String(counts.conferences).padStart(5)}  ` +
        `overview median ${o.median.toFixed(0)} ms (p90 ${o.p90.toFixed(0)})  metrics median ${b.median.toFixed(0)} ms  ratio ${(o.median / b.median).toFixed(2)}`,
    );
    return o.median;
  }

  console.log(`Overzicht (GET /api/overview) on ${database.label}, ${RUNS} runs after ${WARMUP} warm-up`);
  const demo = await measure("demo");
  await scaleRegistry(db, 10);
  await db.execute(sql`update answer_counts set n = n * 10`);
  const tenfold = await measure("10× demo");
  const ok = demo < TARGET_MS && tenfold < TARGET_MS;
  console.log(ok ? `Both medians under ${TARGET_MS} ms.` : `A median reached ${TARGET_MS} ms.`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await database.close();
}
