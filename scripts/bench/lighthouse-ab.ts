/**
 * Lighthouse A/B on /s/<token> (`npx tsx scripts/bench/lighthouse-ab.ts --compare-dist DIR [--runs 3]`): this build (./dist) against another build (`--compare-dist DIR`)
 * and the minimal page, alternating in the same minutes, `--runs` rounds; prints each run and medians.
 * `--serve` only prints the URLs and keeps serving (for tracing by hand).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Hono } from "hono";
import { createNodeApp, listen } from "../../api/server.node.ts";
import { createInvitations, listWaves } from "../../api/waves/waves.service.ts";
import { seedDemo } from "../../db/seed/demo.ts";
import { openBenchDatabase } from "./engine.ts";
import { median } from "./timing.ts";
import { lighthouseReport, MINIMAL, warmUp } from "./client-lighthouse.ts";

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "3" }, "compare-dist": { type: "string" }, serve: { type: "boolean", default: false } },
});
async function lh(url: string, dir: string) {
  const l = await lighthouseReport(url, dir);
  const s = (c: string) => Math.round((l.categories[c]?.score ?? 0) * 100);
  const a = (id: string) => l.audits[id].numericValue as number;
  return {
    perf: s("performance"),
    a11y: s("accessibility"),
    bp: s("best-practices"),
    fcp: a("first-contentful-paint"),
    lcp: a("largest-contentful-paint"),
    tbt: a("total-blocking-time"),
    cls: a("cumulative-layout-shift"),
    si: a("speed-index"),
  };
}

const database = await openBenchDatabase("pglite");
const now = new Date();
await seedDemo(database.db, now);
const wave = (await listWaves(database.db, now)).find((w) => w.status === "open")!;
const [inv] = await createInvitations(database.db, wave.id, [{ organisation: "Bench", organisationType: "zorg" }], "http://x", now, {
  actorId: null,
  actor: "bench",
  ip: null,
});
const config = { publicUrl: "http://127.0.0.1", now: () => new Date(), version: "bench" };
const apps: [string, { fetch: (r: Request) => Response | Promise<Response> }][] = [["ours", createNodeApp(database.db, config)]];
if (args["compare-dist"]) apps.unshift(["base", createNodeApp(database.db, config, args["compare-dist"])]);
apps.push(["minimal", new Hono().get("/", (c) => c.html(MINIMAL))]);
const urls: [string, string][] = [];
for (const [name, app] of apps) {
  const s = await listen(app, 0);
  const origin = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  urls.push([name, name === "minimal" ? `${origin}/` : `${origin}/s/${inv.token}`]);
}
await warmUp(urls.map(([, url]) => url));
if (args.serve) {
  console.log(JSON.stringify(Object.fromEntries(urls)));
} else {
  const dir = mkdtempSync(join(tmpdir(), "ks-lh-"));
  const all: Record<string, Awaited<ReturnType<typeof lh>>[]> = {};
  for (let r = 0; r < Number(args.runs); r++)
    for (const [name, url] of r % 2 ? [...urls].reverse() : urls) {
      const res = await lh(url, dir);
      (all[name] ??= []).push(res);
      console.log(
        new Date().toISOString().slice(11, 19),
        name,
        JSON.stringify(res, (_, v) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : v)),
      );
    }
  for (const [name, rs] of Object.entries(all)) {
    const m = (k: keyof (typeof rs)[0]) => median(rs.map((x) => x[k]));
    console.log(
      `MEDIAN ${name}: perf ${m("perf")} (${rs.map((x) => x.perf).join(", ")}) fcp ${Math.round(m("fcp"))} lcp ${Math.round(m("lcp"))} tbt ${Math.round(m("tbt"))} cls ${m("cls").toFixed(3)} si ${Math.round(m("si"))} a11y ${m("a11y")} bp ${m("bp")}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  await database.close();
  process.exit(0);
}
