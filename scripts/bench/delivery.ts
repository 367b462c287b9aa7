/**
 * Bytes transferred (and, throttled, time until the first rating button is clickable) for the
 * survey page /s/<token>, measured in Chromium over CDP: the server of api/server.node.ts against
 * a same-run baseline, a plain static file server (no compression, no caching headers) over the
 * same build and the same API.
 */
import { Hono } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { chromium, type Browser } from "playwright-core";
import { createApp } from "../../api/app.ts";
import { createNodeApp, DIST, frontEndsBuilt, listen } from "../../api/server.node.ts";
import { createInvitations, listWaves } from "../../api/waves/waves.service.ts";
import { seedDemo } from "../../db/seed/demo.ts";
import { openBenchDatabase } from "./engine.ts";

export const CHROMIUM = "/usr/bin/chromium";
/** Slow 4G as in issue 18: 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, 4× CPU slowdown. */
export const SLOW_4G = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, offline: false };

export interface PageLoad {
  bytes: number;
  requests: number;
  clickableMs: number;
  encodings: string[];
}

async function load(browser: Browser, url: string, throttle: boolean, warm = false): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (throttle) {
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  if (warm) await page.goto(url, { waitUntil: "networkidle" });
  let bytes = 0,
    requests = 0;
  const encodings = new Set<string>();
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  cdp.on("Network.responseReceived", (e: { response: { headers: Record<string, string> } }) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (h["content-encoding"]) encodings.add(h["content-encoding"]);
  });
  const start = Date.now();
  await page.goto(url);
  await page.locator("label.sd-rating__item").first().waitFor({ state: "visible", timeout: 120_000 });
  const clickableMs = Date.now() - start;
  await page.waitForLoadState("networkidle");
  await context.close();
  return { bytes, requests, clickableMs, encodings: [...encodings] };
}

export async function benchDelivery(opts: { throttle: boolean }) {
  if (!frontEndsBuilt()) throw new Error("front ends not built: run `npm run build` first");
  const database = await openBenchDatabase("pglite");
  const now = new Date();
  await seedDemo(database.db, now);
  const wave = (await listWaves(database.db, now)).find((w) => w.status === "open")!;
  const by = { actorId: null, actor: "bench", ip: null };
  const config = { publicUrl: "http://127.0.0.1", now: () => new Date(), version: "bench" };
  const app = createNodeApp(database.db, config);
  const plain = new Hono();
  plain.route("/", createApp({ db: database.db, config: { ...config, clientIp: () => "127.0.0.1" } }));
  plain.use("/survey-assets/*", serveStatic({ root: `${DIST}/survey`, rewriteRequestPath: (p) => p.replace(/^\/survey-assets/, "") }));
  plain.get("/s/*", serveStatic({ path: `${DIST}/survey/index.html` }));
  const servers = [await listen(app, 0), await listen(plain, 0)];
  const [ours, base] = servers.map((s) => `http://127.0.0.1:${(s.address() as { port: number }).port}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    // A fresh link per load: the survey page of a used link would show a notice instead of questions.
    const link = async () =>
      (await createInvitations(database.db, wave.id, [{ organisation: "Bench", organisationType: "zorg" }], "http://x", new Date(), by))[0]
        .token;
    return {
      baseline: await load(browser, `${base}/s/${await link()}`, opts.throttle),
      server: await load(browser, `${ours}/s/${await link()}`, opts.throttle),
      repeat: await load(browser, `${ours}/s/${await link()}`, opts.throttle, true),
    };
  } finally {
    await browser.close();
    for (const s of servers) s.close();
    await database.close();
  }
}
