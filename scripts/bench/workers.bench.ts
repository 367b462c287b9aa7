/**
 * Per-request overhead of the Workers build under `wrangler dev` (workerd, offline):
 * N sequential GET /api/health (public, one `select 1`) and N sequential authenticated
 * GET /api/waves (session lookup + permission check + one small query), median and p90 ms,
 * and N GET of an unknown API path (404 without touching the database: the app's own overhead).
 *   npx tsx scripts/bench/workers.bench.ts [--requests 100] [--json FILE]
 * Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres);
 * a throwaway database ks_wbench_<random> is created and dropped.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { connectPostgres } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { users } from "../../db/schema.ts";
import { createSession } from "../../api/auth/sessions.ts";
import { summarise } from "./timing.ts";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "100" },
    json: { type: "string", default: "/tmp/ketenspiegel-bench/last-workers-bench.json" },
  },
});
const N = Number(args.requests);
const ADMIN_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function series(label: string, url: string, headers: Record<string, string>, status = 200) {
  const sample: number[] = [];
  for (let i = 0; i < N + 5; i++) {
    const start = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== status) throw new Error(`${label}: HTTP ${res.status}`);
    if (i >= 5) sample.push(performance.now() - start); // the first few warm the isolate
  }
  return { label, ...summarise(sample) };
}

const name = `ks_wbench_${randomBytes(5).toString("hex")}`;
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
const state = mkdtempSync(join(tmpdir(), "ks-wbench-"));
await admin.unsafe(`create database ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const conn = connectPostgres(url.toString(), { max: 2 });
let child: ReturnType<typeof spawn> | undefined;
try {
  await migrate(conn.db);
  await seedReference(conn.db);
  const [user] = await conn.db.insert(users).values({ email: "kwaliteit@bench.test", name: "K", role: "kwaliteit" }).returning();
  const cookie = `ks_session=${(await createSession(conn.db, user.id, new Date(), null)).token}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = "";
  child = spawn(
    "node_modules/.bin/wrangler",
    [
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--var",
      `DATABASE_URL:${url}`,
      "--var",
      `PUBLIC_URL:${base}`,
      "--persist-to",
      state,
      "--show-interactive-dev-session=false",
    ],
    {
      detached: true,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" },
    },
  );
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const deadline = Date.now() + 90_000;
  while (
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`wrangler dev did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const results = [
    await series("GET /api/health", `${base}/api/health`, {}),
    await series("GET /api/waves (kwaliteit)", `${base}/api/waves`, { cookie }),
    await series("GET /api/no-such-path (404)", `${base}/api/no-such-path`, {}, 404),
  ];
  for (const r of results)
    console.log(
      `${r.label.padEnd(28)} median ${r.median.toFixed(1)} ms  p90 ${r.p90.toFixed(1)} ms  min ${r.min.toFixed(1)} ms  (n=${r.runs})`,
    );
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(args.json, JSON.stringify({ requests: N, results }, null, 2));
} finally {
  if (child?.pid) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  await conn.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
  rmSync(state, { recursive: true, force: true });
}
