/**
 * Lighthouse 12 (mobile defaults: simulated Slow 4G, 4× CPU) on the survey page /s/<token>,
 * against a same-run baseline: a static minimal page on a plain server, audited the same way.
 * Runs `npx lighthouse@12.2.3` from the npm registry (not a dependency of the project) with
 * Debian's Chromium, as issue 18 prescribes.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Hono } from "hono";
import { createNodeApp, frontEndsBuilt, listen } from "../../api/server.node.ts";
import { createInvitations, listWaves } from "../../api/waves/waves.service.ts";
import { seedDemo } from "../../db/seed/demo.ts";
import { openBenchDatabase } from "./engine.ts";
import { CHROMIUM } from "./delivery.ts";

/** The same-run baseline: a minimal static page, audited the same way. */
export const MINIMAL = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Basis"><title>Basis</title></head><body><main><h1>Vragenlijst</h1><p>Een minimale pagina.</p></main></body></html>`;

export interface Audit {
  performance: number;
  accessibility: number;
  "best-practices": number;
  lcpMs: number;
  tbtMs: number;
  failing: string[];
}

/**
 * One Lighthouse run (mobile defaults) on `url`: its JSON report, written into `dir`. Lighthouse
 * sometimes loses its own trace ("Runtime error encountered", NO_NAVSTART); that run is repeated once.
 */
export async function lighthouseReport(url: string, dir: string) {
  try {
    return await lighthouseOnce(url, dir);
  } catch (e) {
    if (!String((e as { stderr?: string }).stderr).includes("Runtime error encountered")) throw e;
    return await lighthouseOnce(url, dir);
  }
}

async function lighthouseOnce(url: string, dir: string) {
  const out = join(dir, `lh-${Date.now()}.json`);
  await promisify(execFile)(
    "npx",
    [
      "-y",
      "lighthouse@12.2.3",
      url,
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility,best-practices",
      "--chrome-flags=--headless=new --no-sandbox",
      "--quiet",
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 },
  );
  return JSON.parse(readFileSync(out, "utf8"));
}

/**
 * One untimed request of each page and its assets: a running server is warm, and Lighthouse would
 * otherwise fold this process's first-request JIT work into the document's response time.
 */
export async function warmUp(urls: string[]) {
  for (const url of urls) {
    const html = await (await fetch(url)).text();
    for (const [, path] of html.matchAll(/(?:src|href)="(\/[^"]+)"/g)) await (await fetch(new URL(path, url))).arrayBuffer();
  }
}

async function lighthouse(url: string, dir: string): Promise<Audit> {
  const lhr = await lighthouseReport(url, dir);
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const failing = Object.values(
    lhr.audits as Record<string, { id: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>,
  )
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable")
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    lcpMs: lhr.audits["largest-contentful-paint"].numericValue,
    tbtMs: lhr.audits["total-blocking-time"].numericValue,
    failing,
  };
}

export async function benchLighthouse() {
  if (!frontEndsBuilt()) throw new Error("front ends not built: run `npm run build` first");
  const database = await openBenchDatabase("pglite");
  const now = new Date();
  await seedDemo(database.db, now);
  const wave = (await listWaves(database.db, now)).find((w) => w.status === "open")!;
  const [invitation] = await createInvitations(
    database.db,
    wave.id,
    [{ organisation: "Bench", organisationType: "zorg" }],
    "http://x",
    now,
    { actorId: null, actor: "bench", ip: null },
  );
  const app = createNodeApp(database.db, { publicUrl: "http://127.0.0.1", now: () => new Date(), version: "bench" });
  const plain = new Hono().get("/", (c) => c.html(MINIMAL));
  const servers = [await listen(app, 0), await listen(plain, 0)];
  const [ours, base] = servers.map((s) => `http://127.0.0.1:${(s.address() as { port: number }).port}`);
  const dir = mkdtempSync(join(tmpdir(), "ks-lighthouse-"));
  try {
    await warmUp([`${ours}/s/${invitation.token}`, `${base}/`]);
    const baseline = await lighthouse(`${base}/`, dir);
    const survey = await lighthouse(`${ours}/s/${invitation.token}`, dir);
    return { baseline, survey };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const s of servers) s.close();
    await database.close();
  }
}
