/**
 * The rows of issue 18 this bench covers, each against a baseline from the same run (the
 * machine is shared and noisy: read the ratios). See scripts/bench/README.md.
 *   npm run bench:perf -- [--only delivery,dashboard,lighthouse,validation,invitations,startup,cli,submit] [--throttle]
 *                          [--validations 200] [--items 5000] [--engine pglite|postgres] [--seconds 5]
 */
import { spawn, execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { createServer } from "node:net";
import { validateAnswers, surveyCoreErrorsFresh } from "../../api/domain/survey/validate.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { createInvitations } from "../../api/waves/waves.service.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { invitations, waves } from "../../db/schema.ts";
import { randomToken, sha256Hex } from "../../api/lib/crypto.ts";
import { buildServer, OUT, serverBundleStale } from "../build/server-bundle.mjs";
import { openBenchDatabase, type Engine } from "./engine.ts";
import { median } from "./timing.ts";
import { VALID_ANSWERS } from "./answers.ts";

const { values: args } = parseArgs({
  options: {
    only: { type: "string", default: "delivery,dashboard,lighthouse,validation,invitations,startup,cli" },
    throttle: { type: "boolean", default: false },
    validations: { type: "string", default: "200" },
    items: { type: "string", default: "5000" },
    runs: { type: "string", default: "3" },
    seconds: { type: "string", default: "5" },
    engine: { type: "string", default: process.env.DATABASE_URL ? "postgres" : "pglite" },
    "compare-dist": { type: "string" },
  },
});
const only = new Set(args.only!.split(","));
const runs = Number(args.runs);

interface Row {
  what: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
}
const rows: Row[] = [];
const fmt = (n: number, unit: string, digits = 1) => `${n.toLocaleString("en", { maximumFractionDigits: digits })} ${unit}`;
const add = (what: string, ours: number, base: number, unit: string, target: string, digits = 1) =>
  rows.push({ what, ours: fmt(ours, unit, digits), baseline: fmt(base, unit, digits), ratio: `${(ours / base).toFixed(2)}x`, target });

/** CPU milliseconds of this process spent in fn, per call. */
function cpuPerCall(n: number, fn: (i: number) => void) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) fn(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

async function validation() {
  const n = Number(args.validations);
  const data = VALID_ANSWERS;
  // Each submission brings its definition fresh from the database (jsonb), as in submitResponse.
  const definition = () => JSON.parse(JSON.stringify(defaultQuestionnaire));
  validateAnswers(definition(), data, "submit");
  const fresh = cpuPerCall(Math.max(10, n / 10), () => {
    if (validateAnswers(definition(), data, "progress").length || surveyCoreErrorsFresh(definition(), data).length)
      throw new Error("invalid");
  });
  const kept = cpuPerCall(n, () => {
    if (validateAnswers(definition(), data, "submit").length) throw new Error("invalid");
  });
  add("validation CPU per submit (kept model vs a survey-core Model per submit)", kept, fresh, "ms", "<= 8 ms", 2);
}

async function invitationsRow() {
  const items = Number(args.items);
  const database = await openBenchDatabase(args.engine as Engine, process.env.DATABASE_URL);
  try {
    await seedReference(database.db);
    const questionnaireId = await ensureDefaultQuestionnaire(database.db);
    const [wave] = await database.db
      .insert(waves)
      .values({ name: "Bench", questionnaireId, opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000) })
      .returning();
    const list = Array.from({ length: items }, (_, i) => ({
      organisation: `Organisatie ${i}`,
      organisationType: "gemeente" as const,
      municipality: i % 3 ? "Texel" : undefined,
      branch: i % 3 ? undefined : "alkmaar",
      email: `contact${i}@voorbeeld.nl`,
    }));
    const service: number[] = [],
      baseline: number[] = [];
    for (let r = 0; r < runs; r++) {
      let t = performance.now();
      await createInvitations(database.db, wave.id, list, "http://localhost", new Date(), { actorId: null, actor: "bench", ip: null });
      service.push(performance.now() - t);
      // Baseline: the same rows as one INSERT, made by hand (no validation, no places, no audit entry).
      t = performance.now();
      await database.db.insert(invitations).values(
        list.map((l) => ({
          waveId: wave.id,
          tokenHash: sha256Hex(randomToken()),
          organisation: l.organisation,
          organisationType: l.organisationType,
          email: l.email,
          municipalityId: null,
          branchId: null,
        })),
      );
      baseline.push(performance.now() - t);
    }
    add(
      `createInvitations, ${items} items (${database.label.split(" ")[0]}; vs one hand-written INSERT)`,
      median(service),
      median(baseline),
      "ms",
      "<= 1000 ms",
      0,
    );
  } finally {
    await database.close();
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * CPU seconds (user + system) a running process has used so far, from /proc (Linux): on a
 * loaded machine the wall time mostly measures the queue for a core, the CPU time does not.
 */
function cpuSeconds(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14, 15) in clock ticks of 1/100 s
}

/** Runs a short command and returns its CPU seconds, as /usr/bin/time reports them. */
async function cpuOfRun(args: string[], env: NodeJS.ProcessEnv) {
  const { stderr, stdout } = await promisify(execFile)("/usr/bin/time", ["-f", "%U %S", process.execPath, ...args], { env });
  const [user, sys] = stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { cpu: user + sys, stdout };
}

/** Spawns a node process and returns how long until `url` answers 200, its CPU seconds by then, and the process. */
async function untilHealthy(args: string[], env: NodeJS.ProcessEnv, url: string) {
  const start = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { ms: performance.now() - start, cpu: cpuSeconds(child.pid!), child, output: () => output };
    if (performance.now() - start > 180_000) {
      child.kill();
      throw new Error(`not healthy after 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

const stop = (child: ReturnType<typeof spawn>) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

async function startupAndCli() {
  if (serverBundleStale()) await buildServer();
  const dir = mkdtempSync(join(tmpdir(), "ks-bench-start-"));
  try {
    const port = await freePort();
    const env = { ...process.env, PGLITE_DIR: join(dir, "pglite"), PORT: String(port), DATABASE_URL: "", SMTP_URL: "" };
    const health = `http://127.0.0.1:${port}/api/health`;
    const bare = async () => {
      const p = await freePort();
      const b = await untilHealthy(
        ["-e", `require("http").createServer((q, s) => s.end("ok")).listen(${p}, "127.0.0.1")`],
        env,
        `http://127.0.0.1:${p}/`,
      );
      await stop(b.child);
      return b;
    };
    const fresh = await untilHealthy([join(OUT, "start.mjs")], env, health);
    await stop(fresh.child);
    const base1 = await bare();
    if (only.has("startup")) {
      add("npm start until healthy, fresh PGlite (vs a bare node HTTP server)", fresh.ms / 1000, base1.ms / 1000, "s", "<= 10 s", 2);
      add("  the same, CPU seconds of the process until healthy", fresh.cpu, base1.cpu, "s CPU", "-", 2);
    }
    const again: number[] = [],
      bases: number[] = [],
      againCpu: number[] = [],
      basesCpu: number[] = [];
    let server: Awaited<ReturnType<typeof untilHealthy>> | undefined;
    for (let r = 0; r < runs; r++) {
      server = await untilHealthy([join(OUT, "start.mjs")], env, health);
      again.push(server.ms);
      againCpu.push(server.cpu);
      if (r < runs - 1) await stop(server.child);
      const b = await bare();
      bases.push(b.ms);
      basesCpu.push(b.cpu);
    }
    if (only.has("startup")) {
      add(
        "npm start until healthy, existing PGlite (vs a bare node HTTP server)",
        median(again) / 1000,
        median(bases) / 1000,
        "s",
        "<= 3 s",
        2,
      );
      add("  the same, CPU seconds of the process until healthy", median(againCpu), median(basesCpu), "s CPU", "-", 2);
    }
    if (only.has("cli")) {
      const run = promisify(execFile);
      const cli: number[] = [],
        nodeOnly: number[] = [],
        cliCpu: number[] = [],
        nodeCpu: number[] = [];
      for (let r = 0; r < runs; r++) {
        let t = performance.now();
        const out = await run(process.execPath, ["scripts/launch.mjs", "cli", "waves"], { env });
        cli.push(performance.now() - t);
        if (!out.stdout.includes("Pulsmeting")) throw new Error(`cli waves: ${out.stdout}${out.stderr}`);
        t = performance.now();
        await run(process.execPath, ["-e", "0"]);
        nodeOnly.push(performance.now() - t);
        cliCpu.push((await cpuOfRun(["scripts/launch.mjs", "cli", "waves"], env)).cpu);
        nodeCpu.push((await cpuOfRun(["-e", "0"], env)).cpu);
      }
      add("npm run cli -- waves, server running (vs node -e 0)", median(cli) / 1000, median(nodeOnly) / 1000, "s", "<= 1.5 s", 2);
      add("  the same, CPU seconds of the CLI process", median(cliCpu), median(nodeCpu), "s CPU", "-", 2);
    }
    if (server) await stop(server.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function delivery() {
  const { benchDelivery } = await import("./delivery.ts");
  const r = await benchDelivery({ throttle: args.throttle! });
  add(
    `survey page /s/<token>, bytes transferred (vs plain static server; ${r.server.encodings.join("+") || "none"})`,
    r.server.bytes / 1000,
    r.baseline.bytes / 1000,
    "kB",
    "<= 450 kB",
    0,
  );
  add("survey page, repeat visit (cached assets)", r.repeat.bytes / 1000, r.baseline.bytes / 1000, "kB", "-", 1);
  add(
    `survey page, first rating button clickable${args.throttle ? " (Slow 4G, 4x CPU)" : " (unthrottled)"}`,
    r.server.clickableMs / 1000,
    r.baseline.clickableMs / 1000,
    "s",
    args.throttle ? "<= 4 s" : "-",
    2,
  );
}

async function dashboardRow() {
  const { benchDashboard } = await import("./client-dashboard.ts");
  const r = await benchDashboard({ throttle: args.throttle!, runs, compareDist: args["compare-dist"] });
  const ms = (xs: { ms: number }[]) => median(xs.map((x) => x.ms)) / 1000;
  const profile = args.throttle ? " (Slow 4G, 4x CPU)" : " (unthrottled)";
  const base = ms(r.baseline);
  add(`dashboard landing /overzicht as kwaliteit, tiles shown${profile} (vs a minimal static page)`, ms(r.landing), base, "s", "-", 2);
  add(`dashboard first Recharts chart, /resultaten${profile}`, ms(r.chart), base, "s", args.throttle ? "<= 6 s" : "-", 2);
  if (r.compareLanding.length) {
    add(`  the same landing from ${args["compare-dist"]}`, ms(r.compareLanding), base, "s", "-", 2);
    add(`  the same first chart from ${args["compare-dist"]}`, ms(r.compareChart), base, "s", "-", 2);
  }
  add(
    "  the landing's bytes transferred",
    median(r.landing.map((x) => x.bytes)) / 1000,
    median(r.baseline.map((x) => x.bytes)) / 1000,
    "kB",
    "-",
    0,
  );
}

async function lighthouseRow() {
  const { benchLighthouse } = await import("./client-lighthouse.ts");
  const r = await benchLighthouse();
  for (const category of ["performance", "accessibility", "best-practices"] as const)
    add(
      `Lighthouse 12 mobile, /s/<token>: ${category} (vs a minimal static page)`,
      r.survey[category],
      r.baseline[category],
      "",
      category === "performance" ? ">= 90" : "100",
      0,
    );
  add("  the same: largest contentful paint", r.survey.lcpMs / 1000, r.baseline.lcpMs / 1000, "s", "-", 2);
  add("  the same: total blocking time", r.survey.tbtMs, r.baseline.tbtMs, "ms", "-", 0);
  // What to fix next: the audits of the survey page below 0.9.
  console.log(`Lighthouse, /s/<token>, audits below 0.9: ${r.survey.failing.join("; ") || "none"}`);
}

if (only.has("validation")) await validation();
if (only.has("invitations")) await invitationsRow();
if (only.has("startup") || only.has("cli")) await startupAndCli();
if (only.has("delivery")) await delivery();
if (only.has("dashboard")) await dashboardRow();
if (only.has("lighthouse")) await lighthouseRow();
if (only.has("submit")) {
  const { submitRows } = await import("./server-submit.ts");
  rows.push(...(await submitRows(Number(args.seconds))));
}

const cols: (keyof Row)[] = ["what", "ours", "baseline", "ratio", "target"];
const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...rows.map((r) => r[c].length))]));
console.log(
  `\nKetenspiegel perf bench (${new Date().toISOString()}, load average ${(await import("node:os"))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")})`,
);
console.log(`| ${cols.map((c) => c.padEnd(width[c])).join(" | ")} |\n|${cols.map((c) => "-".repeat(width[c] + 2)).join("|")}|`);
for (const r of rows) console.log(`| ${cols.map((c) => r[c].padEnd(width[c])).join(" | ")} |`);
process.exit(0);
