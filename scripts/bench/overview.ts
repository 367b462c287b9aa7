/**
 * The start page (issue 17): GET /api/overview at the demo data size and at 10× it, each
 * against a baseline measured in the same rounds: GET /api/registry/metrics, the one
 * request of the Kengetallen page (it loads the same registry). Target: the overview's
 * median under 1000 ms at both sizes. The machine is shared: read the ratio, and the
 * absolute target only as an upper bound.
 *
 *   npx tsx scripts/bench/overview.ts [--runs 15] [--warmup 2] [--engine pglite|postgres] [--browser] [--dist ./dist]
 *
 * 10× demo: the registry (cases, themes, conferences with their cases, attendance and
 * follow-ups, hours) is copied nine more times with new ids and codes, and every answer
 * count is multiplied by ten (what ten times the responses means for the statistics the
 * service reads). Exit code 1 when a median reaches 1000 ms.
 *
 * --browser (needs the front ends built, and Chromium at /usr/bin/chromium): also loads the
 * dashboard page /overzicht in Chromium until its figures are visible, against the page
 * /kengetallen until its figures are visible (same server, same rounds, alternating).
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { createApp } from "../../api/app.ts";
import { createSession } from "../../api/auth/sessions.ts";
import { chromium, type Browser } from "playwright-core";
import { createNodeApp, DIST, frontEndsBuilt, listen, NODE_PASSWORDS } from "../../api/server.node.ts";
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
import { CHROMIUM } from "./delivery.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "2" },
    engine: { type: "string", default: process.env.DATABASE_URL ? "postgres" : "pglite" },
    browser: { type: "boolean", default: false },
    dist: { type: "string", default: DIST },
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
  const token = (await createSession(db, quality.id, now, null)).token;
  const cookie = `ks_session=${token}`;
  if (values.browser && !frontEndsBuilt(values.dist)) throw new Error(`--browser: front ends not built in ${values.dist} (npm run build)`);
  const pages = values.browser ? await pageTimer(db, token, now, values.dist) : null;
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
    if (pages) await pages.measure(size);
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
  await pages?.close();
} finally {
  await database.close();
}

/**
 * The dashboard in Chromium, served as `npm start` serves it (api/server.node.ts): the time
 * from navigation until the start page shows its figures (the grade and the branch rows, no
 * loading line left), against the Kengetallen page until its figures show, alternating.
 */
async function pageTimer(db: Db, token: string, now: Date, dist: string) {
  const server = await listen(
    createNodeApp(db, { publicUrl: "http://127.0.0.1", now: () => now, version: "bench", clientIp: () => "127.0.0.1" }, dist),
    0,
  );
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const load = async (path: string, ready: string) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: "ks_session", value: token, url: base }]);
    const page = await context.newPage();
    try {
      const start = performance.now();
      await page.goto(`${base}${path}`);
      await page.locator(ready).first().waitFor({ state: "visible", timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"), undefined, { timeout: 60_000 });
      return performance.now() - start;
    } finally {
      await context.close();
    }
  };
  const targets = {
    overview: ["/overzicht", "[data-testid=grade], [data-testid^=branch-]"],
    baseline: ["/kengetallen", "main table, main [role=img]"],
  } as const;
  return {
    async measure(size: string) {
      for (let i = 0; i < WARMUP; i++) for (const [p, r] of Object.values(targets)) await load(p, r);
      const samples = { overview: [] as number[], baseline: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        const order = i % 2 ? (["baseline", "overview"] as const) : (["overview", "baseline"] as const);
        for (const k of order) samples[k].push(await load(targets[k][0], targets[k][1]));
      }
      const o = summarise(samples.overview),
        b = summarise(samples.baseline);
      console.log(
        `${size.padEnd(10)} Chromium: /overzicht figures visible median ${o.median.toFixed(0)} ms (p90 ${o.p90.toFixed(0)})  ` +
          `/kengetallen median ${b.median.toFixed(0)} ms  ratio ${(o.median / b.median).toFixed(2)}`,
      );
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
