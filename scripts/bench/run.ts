/**
 * Benchmark of the Klanttevredenheid view (wave results). See scripts/bench/README.md.
 *   npm run bench -- --responses 100000 --runs 15 --engine pglite|postgres
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { getWaveResults } from "../../api/waves/results.service.ts";
import { createApp } from "../../api/app.ts";
import { createSession } from "../../api/auth/sessions.ts";
import { users } from "../../db/schema.ts";
import { scoredQuestions } from "../../api/domain/survey/definition.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { analyse, BENCH_NOW, loadSyntheticWave } from "./synthetic-wave.ts";
import { runBaseline } from "./results.baseline.sql.ts";
import { runCountsBaseline } from "./results.counts-baseline.sql.ts";
import { disagreements } from "./agreement.ts";
import { openBenchDatabase, plannerSettings, type BenchDatabase, type Engine } from "./engine.ts";
import { median, summarise, timed, type Summary } from "./timing.ts";

const TARGET_API_MS = 1000;

const { values: args } = parseArgs({
  options: {
    responses: { type: "string", default: "100000" },
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "2" },
    engine: { type: "string", default: process.env.DATABASE_URL ? "postgres" : "pglite" },
    "skip-api": { type: "boolean", default: false },
    json: { type: "string", default: "/tmp/ketenspiegel-bench/last-results-bench.json" },
  },
});
const responses = Number(args.responses),
  runs = Number(args.runs),
  warmup = Number(args.warmup);
const engine = args.engine as Engine;
if (!Number.isInteger(responses) || responses < 10 || !Number.isInteger(runs) || runs < 1 || !["pglite", "postgres"].includes(engine)) {
  console.error(
    "usage: npm run bench -- [--responses N>=10] [--runs K] [--warmup W] [--engine pglite|postgres] [--skip-api] [--json FILE]",
  );
  process.exit(2);
}

const ms = (v: number) => v.toFixed(1).padStart(9);
let database: BenchDatabase | undefined;
const closeOnSignal = (signal: string) =>
  process.once(signal, () => {
    console.error(`\n${signal}: dropping the benchmark database`);
    void (database?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
closeOnSignal("SIGINT");
closeOnSignal("SIGTERM");

async function main(): Promise<number> {
  database = await openBenchDatabase(engine, process.env.DATABASE_URL);
  const { db } = database;
  console.log(`Ketenspiegel bench: Klanttevredenheid view (wave results), ${database.label}`);
  if (database.kind === "postgres") console.log(`  ${await plannerSettings(database)}`);

  const load = await timed(() => loadSyntheticWave(db, responses));
  const vacuum = await timed(() => analyse(db));
  const wave = load.result;
  console.log(
    `load: ${wave.responses} responses, ${wave.answers} answers, ${wave.openAnswers} open answers, ` +
      `${wave.invited} invitations in ${(load.ms / 1000).toFixed(1)} s (+ vacuum analyze ${(vacuum.ms / 1000).toFixed(1)} s)`,
  );

  const specs = scoredQuestions(defaultQuestionnaire); // the questionnaire of the synthetic wave
  const [user] = await db.insert(users).values({ email: "bench-kwaliteit@bench.local", name: "Bench", role: "kwaliteit" }).returning();
  const { token } = await createSession(db, user.id, BENCH_NOW, null);
  const app = createApp({
    db,
    config: { publicUrl: "http://localhost", now: () => BENCH_NOW, version: "bench", clientIp: () => "127.0.0.1" },
  });

  const contenders = [
    { key: "service", label: "(a) getWaveResults (service)", run: () => getWaveResults(db, wave.waveId, BENCH_NOW) },
    { key: "baseline", label: "(b) baseline: one query on answers", run: () => runBaseline(db, wave.waveId, specs) },
    { key: "counts", label: "(b2) one query on answer_counts", run: () => runCountsBaseline(db, wave.waveId) },
    ...(args["skip-api"]
      ? []
      : [
          {
            key: "api",
            label: "(c) GET /api/waves/:id/results",
            run: async () => {
              const res = await app.request(`/api/waves/${wave.waveId}/results`, { headers: { cookie: `ks_session=${token}` } });
              if (res.status !== 200) throw new Error(`API answered ${res.status}: ${await res.text()}`);
              return res.json();
            },
          },
        ]),
  ];

  // Same work? Checked before any timing; a baseline that computes less would flatter the ratio.
  const service = await getWaveResults(db, wave.waveId, BENCH_NOW);
  for (const [name, rows] of [
    ["baseline", await runBaseline(db, wave.waveId, specs)],
    ["answer_counts query", await runCountsBaseline(db, wave.waveId)],
  ] as const) {
    const differences = disagreements(service, rows);
    if (differences.length) {
      console.error(`FAIL: service and ${name} disagree (${differences.length}):\n  ${differences.slice(0, 20).join("\n  ")}`);
      return 1;
    }
  }
  console.log(
    "agreement: service, baseline and answer_counts query agree on n, mean, sd, distribution and counts (everyone and every shown group)",
  );

  for (let i = 0; i < warmup; i++) for (const c of contenders) await c.run();
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.key, []]));
  const paired: number[] = [],
    pairedCounts: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Rotate the order each round, so that no contender always runs right after another one.
    const order = contenders.map((_, k) => contenders[(k + i) % contenders.length]);
    const round: Record<string, number> = {};
    for (const c of order) round[c.key] = (await timed(c.run)).ms;
    for (const c of contenders) samples[c.key].push(round[c.key]);
    paired.push(round.service / round.baseline);
    pairedCounts.push(round.service / round.counts);
  }

  const summary: Record<string, Summary> = Object.fromEntries(contenders.map((c) => [c.key, summarise(samples[c.key])]));
  console.log(
    `\n${runs} alternating runs after ${warmup} warm-up rounds\n${"contender".padEnd(34)}${"median ms".padStart(10)}${"p90 ms".padStart(10)}${"min ms".padStart(10)}`,
  );
  for (const c of contenders) {
    const s = summary[c.key];
    console.log(`${c.label.padEnd(34)}${ms(s.median)} ${ms(s.p90)} ${ms(s.min)}`);
  }
  const ratio = summary.service.median / summary.baseline.median;
  const ratioCounts = summary.service.median / summary.counts.median;
  console.log(`ratio service/baseline (median): ${ratio.toFixed(2)}x   (median of paired per-round ratios: ${median(paired).toFixed(2)}x)`);
  console.log(`ratio service/answer_counts query (median): ${ratioCounts.toFixed(2)}x   (paired: ${median(pairedCounts).toFixed(2)}x)`);

  const judged = summary.api ?? summary.service;
  const judgedName = summary.api ? "API" : "service (API skipped)";
  const pass = judged.median < TARGET_API_MS;
  console.log(
    `verdict: ${judgedName} median ${judged.median.toFixed(0)} ms ${pass ? "<" : ">="} ${TARGET_API_MS} ms: ${pass ? "PASS" : "FAIL"}; ` +
      `ratio service/baseline ${ratio.toFixed(2)}x, service/answer_counts query ${ratioCounts.toFixed(2)}x reported` +
      `${ratioCounts > 3 ? " (> 3: the service does much more work than one query on its own source)" : ""}`,
  );

  const report = {
    at: new Date().toISOString(),
    engine: database.label,
    responses: wave.responses,
    answers: wave.answers,
    invited: wave.invited,
    openAnswers: wave.openAnswers,
    loadMs: load.ms,
    vacuumAnalyzeMs: vacuum.ms,
    runs,
    warmup,
    summary,
    samples,
    ratioServiceBaselineMedian: ratio,
    ratioPairedMedian: median(paired),
    ratioServiceCountsQueryMedian: ratioCounts,
    ratioCountsPairedMedian: median(pairedCounts),
    targetApiMs: TARGET_API_MS,
    pass,
  };
  await mkdir(dirname(args.json!), { recursive: true });
  await writeFile(args.json!, JSON.stringify(report, null, 2));
  console.log(`json: ${args.json}`);
  return pass ? 0 : 1;
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
