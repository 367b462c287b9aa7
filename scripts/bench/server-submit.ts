/**
 * Issue 18, submissions: `POST /api/s/<token>/response` over real HTTP (the app on a port, keep-alive
 * connections from node:http) on a throwaway PostgreSQL database, against pgbench on the same server
 * in the same run (a one-row jsonb insert, 32 clients). Three figures: throughput at 50 connections,
 * p99 and errors at 200 connections, and p50 with one connection. See scripts/bench/README.md.
 */
import { execFile } from "node:child_process";
import { Session } from "node:inspector";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { createApp } from "../../api/app.ts";
import { listen } from "../../api/server.node.ts";
import { randomToken, sha256Hex } from "../../api/lib/crypto.ts";
import { verifyAuditChain } from "../../api/audit/audit.service.ts";
import { scryptHasher } from "../../api/domain/auth/password.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { invitations, waves } from "../../db/schema.ts";
import type { Db } from "../../db/types.ts";
import { mixPool } from "../../api/respond/pool.service.ts";
import { rebuildAnswerCounts } from "../../api/waves/answer-counts.ts";
import { rows } from "../../db/migrate.ts";
import { openBenchDatabase } from "./engine.ts";
import { median, percentile } from "./timing.ts";
import { VALID_ANSWERS } from "./answers.ts";
import { drive as runDriver, driveOnThread, OUT_OF_LINKS, type DriveResult } from "./submit-driver.mjs";

export interface KindFigures {
  /** Submissions per second at 50 connections. */
  tps50: number;
  p99at50: number;
  p99at200: number;
  /** The same without the first request of each connection (which also waits for the burst of 200 connections being set up). */
  p99at200Warm: number;
  errors200: number;
  p50at1: number;
  /** CPU milliseconds of the Node process (server and load driver) per submission, at 50 connections. */
  cpuMs50: number;
  /**
   * CPU milliseconds of the PostgreSQL backends of the bench database per submission, at 50
   * connections (from /proc; null when the server runs elsewhere). With the Node figure, what a
   * submission costs regardless of the share of the cores the load on the machine leaves us.
   */
  pgCpuMs50: number | null;
}

export interface SubmitFigures {
  pgbenchTps: number;
  anonymous: KindFigures;
  named: KindFigures;
  errors: string[];
  chainOk: boolean;
  label: string;
}

/**
 * One phase of load (submit-driver.mjs), on its own thread unless SUBMIT_DRIVER=inline (the
 * driver in the server's event loop, as this bench measured until 2026-11-29: for a same-run comparison).
 */
async function drive(port: number, tokens: string[], connections: number, seconds: number, maxRequests = Infinity): Promise<DriveResult> {
  const options = { port, tokens, connections, seconds, maxRequests, body: JSON.stringify({ data: VALID_ANSWERS }) };
  const r = await (process.env.SUBMIT_DRIVER === "inline" ? runDriver(options) : driveOnThread(options));
  tokens.length -= r.used;
  return r;
}

/** CPU milliseconds so far of each backend of the bench database, by pid; null when /proc does not have them. */
async function backendCpu(db: Db): Promise<Map<number, number> | null> {
  const pids = rows<{ pid: number }>(await db.execute(sql`select pid from pg_stat_activity where datname = current_database()`));
  const tick = 1000 / Number((await promisify(execFile)("getconf", ["CLK_TCK"])).stdout.trim());
  const out = new Map<number, number>();
  for (const { pid } of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      return null; // not on this machine
    }
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    out.set(Number(pid), (Number(f[11]) + Number(f[12])) * tick);
  }
  return out;
}

/** CPU milliseconds spent between two readings; a backend that started in between counts from zero. */
function cpuSpent(before: Map<number, number>, after: Map<number, number>) {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}

/** pgbench on its own table in the same database: one-row jsonb inserts, `clients` clients, `seconds` long. */
async function pgbench(url: string, clients: number, seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), "ks-pgbench-"));
  try {
    const script = join(dir, "insert.sql");
    writeFileSync(
      script,
      `insert into pgbench_jsonb (data) values ('${JSON.stringify({ data: VALID_ANSWERS }).replaceAll("'", "''")}');\n`,
    );
    const u = new URL(url);
    const { stdout } = await promisify(execFile)(
      "/usr/bin/pgbench",
      [
        "-n",
        "-c",
        String(clients),
        "-j",
        "2",
        "-T",
        String(seconds),
        "-f",
        script,
        "-h",
        u.hostname,
        "-p",
        u.port || "5432",
        "-U",
        u.username,
        u.pathname.slice(1),
      ],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } },
    );
    const tps = /tps = ([\d.]+)/.exec(stdout);
    if (!tps) throw new Error(`pgbench: no tps in\n${stdout}`);
    return Number(tps[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the V8 CPU profiler in this process (server and driver); the returned function writes the profile to `file`. */
async function startProfile() {
  const session = new Session();
  session.connect();
  const post = promisify(session.post.bind(session)) as (method: string, params?: object) => Promise<unknown>;
  await post("Profiler.enable");
  await post("Profiler.start");
  return async (file: string) => {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    return file;
  };
}

export async function benchSubmit(options: {
  seconds: number;
  databaseUrl?: string;
  log?: (s: string) => void;
  /** Write a .cpuprofile of each 50-connection phase to `<profile>.<anonymous|named>.cpuprofile`. */
  profile?: string;
}): Promise<SubmitFigures> {
  const log = options.log ?? (() => {});
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const database = await openBenchDatabase("postgres", databaseUrl);
  const dbUrl = new URL(databaseUrl);
  dbUrl.pathname = `/${/database (\w+)/.exec(database.label)![1]}`;
  let server: Awaited<ReturnType<typeof listen>> | undefined;
  const errors: string[] = [];
  try {
    const db = database.db;
    await seedReference(db);
    const questionnaireId = await ensureDefaultQuestionnaire(db);
    const day = 86_400_000;
    // Two waves: anonymous (the default: the answers are parked in the pool, no trail entry) and
    // named (response, answer rows, answer counts and a trail entry per submission).
    const waveOf = async (anonymous: boolean) =>
      (
        await db
          .insert(waves)
          .values({
            name: `Bench submit ${anonymous ? "anoniem" : "op naam"}`,
            questionnaireId,
            anonymous,
            opensAt: new Date(Date.now() - day),
            closesAt: new Date(Date.now() + 30 * day),
          })
          .returning()
      )[0];
    // Unused links are made before each phase, for twice the fastest rate seen so far (at least
    // 1 500 /s): a fixed number ran out on a faster machine.
    let fastest = 1500;
    let made = 0;
    const topUp = async (waveId: string, tokens: string[], wanted: number) => {
      for (let n = tokens.length; n < wanted; n += 2000) {
        const batch = Array.from({ length: Math.min(2000, wanted - n) }, (_, i) => {
          const token = randomToken();
          tokens.push(token);
          const k = made + i;
          return {
            waveId,
            tokenHash: sha256Hex(token),
            organisation: `Organisatie ${k}`,
            organisationType: "gemeente" as const,
            municipalityId: k % 3 ? null : "alkmaar",
            branchId: k % 3 ? "alkmaar" : null,
            email: `contact${k}@voorbeeld.nl`,
          };
        });
        made += batch.length;
        await db.insert(invitations).values(batch);
      }
    };
    const anonymousWave = (await waveOf(true)).id;
    const namedWave = (await waveOf(false)).id;
    const anonymousTokens: string[] = [];
    const namedTokens: string[] = [];
    // Most of them before the statistics are taken (vacuum analyze below), as a real wave has them.
    await topUp(anonymousWave, anonymousTokens, Math.round(options.seconds * 3 * fastest + 1000));
    await topUp(namedWave, namedTokens, Math.round(options.seconds * 3 * fastest + 1000));
    await db.execute(sql`create table pgbench_jsonb (id bigserial primary key, data jsonb not null)`);
    await db.execute(sql`vacuum analyze`);
    // Background work as the Node server runs it (runDetached): after each anonymous submission
    // the mixer may move a batch from the pool, on the same process and pool of connections.
    const backgroundTasks = new Set<Promise<unknown>>();
    const background = (task: () => Promise<unknown>) => {
      const p = task().catch((e) => errors.push(`background: ${String(e)}`));
      backgroundTasks.add(p);
      void p.finally(() => backgroundTasks.delete(p));
    };
    const app = createApp({
      db,
      passwords: scryptHasher(),
      config: { publicUrl: "http://127.0.0.1", now: () => new Date(), version: "bench", background },
    });
    server = await listen(app, 0);
    const port = (server.address() as { port: number }).port;

    let sent = 0;
    const phase = async (waveId: string, tokens: string[], connections: number, max = Infinity) => {
      await topUp(waveId, tokens, Math.min(max, Math.ceil(options.seconds * 2 * fastest)) + 1000);
      const r = await drive(port, tokens, connections, options.seconds, max);
      fastest = Math.max(fastest, r.done / r.seconds);
      sent += r.done - r.errors.filter((e) => e !== OUT_OF_LINKS).length;
      errors.push(...r.errors);
      return r;
    };
    const kind = async (name: string, waveId: string, tokens: string[]): Promise<KindFigures> => {
      log(`${name}: warming up`);
      await phase(waveId, tokens, 4, 100);
      log(`${name}: 1 connection`);
      const one = await phase(waveId, tokens, 1);
      log(`${name}: 50 connections`);
      const stopProfile = options.profile ? await startProfile() : undefined;
      const pgBefore = await backendCpu(db);
      const fifty = await phase(waveId, tokens, 50);
      const pgAfter = await backendCpu(db);
      if (stopProfile) log(`CPU profile of the 50-connection phase: ${await stopProfile(`${options.profile}.${name}.cpuprofile`)}`);
      log(`${name}: 200 connections`);
      const twoHundred = await phase(waveId, tokens, 200);
      return {
        tps50: fifty.done / fifty.seconds,
        p99at50: percentile(fifty.latencies, 99),
        p99at200: percentile(twoHundred.latencies, 99),
        p99at200Warm: percentile(twoHundred.warm, 99),
        errors200: twoHundred.errors.length,
        p50at1: median(one.latencies),
        cpuMs50: fifty.cpuMs,
        pgCpuMs50: pgBefore && pgAfter ? cpuSpent(pgBefore, pgAfter) / fifty.done : null,
      };
    };
    log("pgbench, 32 clients");
    const pgbenchTps = await pgbench(dbUrl.toString(), 32, options.seconds);
    const anonymous = await kind("anonymous", anonymousWave, anonymousTokens);
    const named = await kind("named", namedWave, namedTokens);
    // The rest of the pool, as at wave close; then every acknowledged submission is a response.
    while (backgroundTasks.size) await Promise.all(backgroundTasks);
    await mixPool(db, new Date(), { minBatch: 1 });
    errors.push(...(await countsDiffer(db)));
    const [{ n }] = rows<{ n: number }>(
      await db.execute(sql`select (select count(*) from responses) + (select count(*) from response_pool)::int as n`),
    );
    if (Number(n) !== sent) errors.push(`stored ${n}, acknowledged ${sent}`);
    const chain = await verifyAuditChain(db);
    return {
      pgbenchTps,
      anonymous,
      named,
      errors,
      chainOk: chain.ok,
      label: database.label,
    };
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await database.close();
  }
}

/**
 * The answer counts kept by the submissions (named) and the mixer (anonymous) against a
 * recount from the answer rows: the same rows, the same n, or a message saying how many differ.
 */
async function countsDiffer(db: Db): Promise<string[]> {
  const cols = sql`wave_id, kind, item, value, organisation_type, branch_id, municipality_id, n`;
  await db.execute(sql`create table bench_counts_kept as select ${cols} from answer_counts`);
  for (const w of await db.select({ id: waves.id }).from(waves)) await rebuildAnswerCounts(db, w.id);
  const [{ d, total }] = rows<{ d: number; total: number }>(
    await db.execute(sql`select (select count(*) from ((select ${cols} from bench_counts_kept except all select ${cols} from answer_counts)
                                  union all (select ${cols} from answer_counts except all select ${cols} from bench_counts_kept)) x)::int as d,
                                (select coalesce(sum(n), 0) from answer_counts where kind = 'question')::int as total`),
  );
  if (Number(total) === 0) return ["answer_counts: no answers counted at all"];
  return Number(d) ? [`answer_counts: ${d} rows differ from a recount of the answers`] : [];
}

/** The rows of `npm run bench:perf -- --only submit`, each against pgbench from the same run. */
export async function submitRows(seconds: number) {
  const r = await benchSubmit({ seconds, log: (s) => console.error(`submit bench: ${s}`) });
  if (r.errors.length || !r.chainOk)
    throw new Error(`submit bench: chain ${r.chainOk ? "ok" : "BROKEN"}, errors: ${r.errors.slice(0, 5).join("; ")}`);
  const n = (x: number, unit: string, digits = 1) => `${x.toLocaleString("en", { maximumFractionDigits: digits })} ${unit}`;
  const out = [];
  for (const kind of ["anonymous", "named"] as const) {
    const k = r[kind];
    out.push(
      {
        what: `submitResponse, ${kind} wave, 50 connections (vs pgbench jsonb insert, 32 clients)`,
        ours: n(k.tps50, "/s"),
        baseline: n(r.pgbenchTps, "/s", 0),
        ratio: `${(k.tps50 / r.pgbenchTps).toFixed(3)}x`,
        target: ">= 0.05x",
      },
      {
        what: "  the same, CPU of the Node process per submit (server + driver)",
        ours: n(k.cpuMs50, "ms", 2),
        baseline: "-",
        ratio: "-",
        target: "-",
      },
      {
        what: "  the same, CPU of the PostgreSQL backends per submit",
        ours: k.pgCpuMs50 === null ? "-" : n(k.pgCpuMs50, "ms", 2),
        baseline: "-",
        ratio: "-",
        target: "-",
      },
      {
        what: `  p99 at 200 connections (${k.errors200} errors; without each connection's first request ${n(k.p99at200Warm, "ms", 0)})`,
        ours: n(k.p99at200, "ms", 0),
        baseline: "-",
        ratio: "-",
        target: "< 1000 ms, 0 errors",
      },
      { what: "  p50 at one connection", ours: n(k.p50at1, "ms"), baseline: "-", ratio: "-", target: "<= 15 ms" },
    );
  }
  return out;
}

// Run on its own: npx tsx scripts/bench/server-submit.ts [seconds] [profile-prefix]
if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSubmit({ seconds: Number(process.argv[2] ?? 5), log: (s) => console.error(s), profile: process.argv[3] });
  console.log(JSON.stringify({ ...r, errors: r.errors.slice(0, 5), errorCount: r.errors.length }, null, 2));
  process.exit(0);
}
