/**
 * Dashboard landing on the survey page's profile (issue 18: Slow 4G, 4× CPU): signed in as
 * kwaliteit, the time from navigation to the landing view /overzicht showing its tiles, and to
 * the first Recharts chart (the results view, /resultaten). Baseline from the same run: a
 * static minimal page with one inline SVG, from a plain server, in the same throttled browser.
 */
import { Hono } from "hono";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { createNodeApp, frontEndsBuilt, listen } from "../../api/server.node.ts";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../../db/seed/demo.ts";
import { seedRegistryDemo } from "../../db/seed/registry.ts";
import { openBenchDatabase } from "./engine.ts";
import { CHROMIUM, SLOW_4G } from "./delivery.ts";

const MINIMAL = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Basis</title></head>
<body><h1>Overzicht</h1><svg class="recharts-surface" width="200" height="100" role="img" aria-label="basis"><rect width="120" height="60" fill="#246"/></svg></body></html>`;

export interface DashboardLoad {
  ms: number;
  bytes: number;
}

async function timed(context: BrowserContext, url: string, selector: string, throttle: boolean): Promise<DashboardLoad> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  // A cold load: no cached assets from an earlier measurement in this context.
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle) {
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
  });
  const start = Date.now();
  await page.goto(url);
  await page.locator(selector).first().waitFor({ state: "visible", timeout: 120_000 });
  const ms = Date.now() - start;
  await page.close();
  return { ms, bytes };
}

/** `compareDist`: another build (e.g. main's dist/) timed on the same pages in the same rounds, for a before/after. */
export async function benchDashboard(opts: { throttle: boolean; runs: number; compareDist?: string }) {
  if (!frontEndsBuilt()) throw new Error("front ends not built: run `npm run build` first");
  const database = await openBenchDatabase("pglite");
  const now = new Date();
  await seedDemo(database.db, now);
  await seedRegistryDemo(database.db, now);
  const app = createNodeApp(database.db, { publicUrl: "http://127.0.0.1", now: () => new Date(), version: "bench" });
  const plain = new Hono().get("/", (c) => c.html(MINIMAL));
  const other = createNodeApp(database.db, { publicUrl: "http://127.0.0.1", now: () => new Date(), version: "bench" }, opts.compareDist);
  const servers = [await listen(app, 0), await listen(plain, 0), await listen(other, 0)];
  const [ours, base, before] = servers.map((s) => `http://127.0.0.1:${(s.address() as { port: number }).port}`);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const email = DEMO_USERS.find((u) => u.role === "kwaliteit")!.email;
    const login = await context.request.post(`${ours}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
    if (!login.ok()) throw new Error(`login: ${login.status()} ${await login.text()}`);
    // The session cookie is per host (not per port): one login serves both builds.
    const landing: DashboardLoad[] = [],
      chart: DashboardLoad[] = [],
      baseline: DashboardLoad[] = [],
      compareLanding: DashboardLoad[] = [],
      compareChart: DashboardLoad[] = [];
    for (let r = 0; r < opts.runs; r++) {
      baseline.push(await timed(context, `${base}/`, "svg.recharts-surface", opts.throttle));
      landing.push(await timed(context, `${ours}/overzicht`, "#overview-title ~ .tiles", opts.throttle));
      chart.push(await timed(context, `${ours}/resultaten`, "svg.recharts-surface", opts.throttle));
      if (opts.compareDist) {
        compareLanding.push(await timed(context, `${before}/overzicht`, "#overview-title ~ .tiles", opts.throttle));
        compareChart.push(await timed(context, `${before}/resultaten`, "svg.recharts-surface", opts.throttle));
      }
    }
    await context.close();
    return { landing, chart, baseline, compareLanding, compareChart };
  } finally {
    await browser.close();
    for (const s of servers) s.close();
    await database.close();
  }
}
