/**
 * How the results cost grows with responses, measured in one run (scripts/bench/README.md):
 *   npx tsx scripts/bench/results-growth.ts --sizes 10000,100000 [--runs 15] [--engine pglite|postgres]
 * Loads one synthetic wave per size into the same throwaway database, checks that the
 * service agrees with one query over the raw invitations and answer counts for each, then
 * times GET /api/waves/:id/results for every wave in each round (order rotating), so the
 * waves share the machine's load minute by minute and the ratio is paired, not two runs apart.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { getWaveResults } from "../../api/waves/results.service.ts";
import { createApp } from "../../api/app.ts";
import { createSession } from "../../api/auth/sessions.ts";
import { users } from "../../db/schema.ts";
import { analyse, BENCH_NOW, loadSyntheticWave, type SyntheticWave } from "./synthetic-wave.ts";
import { runCountsBaseline } from "./results.counts-baseline.sql.ts";
import { disagreements } from "./agreement.ts";
import { openBenchDatabase, plannerSettings, type BenchDatabase, type Engine } from "./engine.ts";
import { median, summarise, timed, type Summary } from "./timing.ts";

/** Issue 18: p50 at the largest size ≤ 150 ms, largest ÷ smallest ≤ 1.2. */
const TARGET_P50_MS = 150;
const TARGET_GROWTH = 1.2;

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "2" },
    engine: { type: "string", default: process.env.DATABASE_URL ? "postgres" : "pglite" },
    json: { type: "string", default: "/tmp/ketenspiegel-bench/last-results-growth.json" },
  },
});
const sizes = args.sizes!.split(",").map(Number);
const runs = Number(args.runs),
  warmup = Number(args.warmup);
const engine = args.engine as Engine;
if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 10) || !(runs >= 1) || !["pglite", "postgres"].includes(engine)) {
  console.error(
    "usage: npx tsx scripts/bench/results-growth.ts [--sizes N1,N2,...] [--runs K] [--warmup W] [--engine pglite|postgres] [--json FILE]",
  );
  process.exit(2);
}

let database: BenchDatabase | undefined;
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => void (database?.close() ?? Promise.resolve()).finally(() => process.exit(130)));

async function main(): Promise<number> {
  database = await openBenchDatabase(engine, process.env.DATABASE_URL);
  const { db } = database;
  console.log(`Ketenspiegel bench: results cost by responses, ${database.label}`);
  if (database.kind === "postgres") console.log(`  ${await plannerSettings(database)}`);
  const loaded: SyntheticWave[] = [];
  for (const n of sizes) {
    const load = await timed(() => loadSyntheticWave(db, n));
    loaded.push(load.result);
    console.log(`load: ${n} responses, ${load.result.invited} invitations in ${(load.ms / 1000).toFixed(1)} s`);
  }
  await analyse(db);

  for (const wave of loaded) {
    const differences = disagreements(await getWaveResults(db, wave.waveId, BENCH_NOW), await runCountsBaseline(db, wave.waveId));
    if (differences.length) {
      console.error(`FAIL at ${wave.responses}: service and the raw query disagree:\n  ${differences.slice(0, 20).join("\n  ")}`);
      return 1;
    }
  }
  console.log("agreement: at every size the service equals one query over the invitations and answer counts");

  const [user] = await db.insert(users).values({ email: "bench-groei@bench.local", name: "Bench", role: "kwaliteit" }).returning();
  const { token } = await createSession(db, user.id, BENCH_NOW, null);
  const app = createApp({
    db,
    config: { publicUrl: "http://localhost", now: () => BENCH_NOW, version: "bench", clientIp: () => "127.0.0.1" },
  });
  const get = async (waveId: string) => {
    const res = await app.request(`/api/waves/${waveId}/results`, { headers: { cookie: `ks_session=${token}` } });
    if (res.status !== 200) throw new Error(`API answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  for (let i = 0; i < warmup; i++) for (const w of loaded) await get(w.waveId);
  const samples = loaded.map(() => [] as number[]);
  const paired: number[] = [];
  for (let i = 0; i < runs; i++) {
    const round: number[] = [];
    for (let k = 0; k < loaded.length; k++) {
      const j = (k + i) % loaded.length;
      round[j] = (await timed(() => get(loaded[j].waveId))).ms;
    }
    round.forEach((ms, j) => samples[j].push(ms));
    paired.push(round.at(-1)! / round[0]);
  }

  const summary: Summary[] = samples.map(summarise);
  console.log(`\n${runs} rounds after ${warmup} warm-up rounds, GET /api/waves/:id/results`);
  console.log(
    `${"responses".padStart(10)}${"invited".padStart(10)}${"p50 ms".padStart(10)}${"p90 ms".padStart(10)}${"min ms".padStart(10)}`,
  );
  loaded.forEach((w, j) =>
    console.log(
      `${String(w.responses).padStart(10)}${String(w.invited).padStart(10)}${summary[j].median.toFixed(1).padStart(10)}` +
        `${summary[j].p90.toFixed(1).padStart(10)}${summary[j].min.toFixed(1).padStart(10)}`,
    ),
  );
  const growth = summary.at(-1)!.median / summary[0].median;
  const largest = summary.at(-1)!.median;
  const growthOk = growth <= TARGET_GROWTH,
    p50Ok = largest <= TARGET_P50_MS;
  console.log(
    `growth ${sizes[0]} → ${sizes.at(-1)}: ${growth.toFixed(2)}x (median of paired per-round ratios ${median(paired).toFixed(2)}x), ` +
      `target ≤ ${TARGET_GROWTH}x: ${growthOk ? "PASS" : "FAIL"}; p50 at ${sizes.at(-1)} ${largest.toFixed(0)} ms, ` +
      `target ≤ ${TARGET_P50_MS} ms: ${p50Ok ? "met" : "not met (absolute times depend on the machine's load)"}`,
  );
  const report = {
    at: new Date().toISOString(),
    engine: database.label,
    sizes: loaded.map((w, j) => ({ responses: w.responses, invited: w.invited, api: summary[j], samples: samples[j] })),
    growth,
    growthPairedMedian: median(paired),
    targetGrowth: TARGET_GROWTH,
    targetP50Ms: TARGET_P50_MS,
    pass: growthOk,
  };
  await mkdir(dirname(args.json!), { recursive: true });
  await writeFile(args.json!, JSON.stringify(report, null, 2));
  console.log(`json: ${args.json}`);
  return growthOk ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(e);
} finally {
  await database?.close().catch((e) => console.error("could not close the benchmark database:", e));
}
process.exit(code);
