import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "../../db/client.node.ts";
import { migrate, rows } from "../../db/migrate.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { waves } from "../../db/schema.ts";
import { createInvitations } from "../../api/waves/waves.service.ts";
import { mixPool } from "../../api/respond/pool.service.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { pgliteCopy } from "../helpers/db.ts";
import { compiledEntry } from "../helpers/compiled.ts";

/**
 * Issue 15: acknowledged means durable. A real server process is killed with SIGKILL
 * (1) while every acknowledged anonymous response still waits in the pool, and (2) in the
 * middle of parallel submissions with mixing running after each; after a restart every
 * acknowledged response is there exactly once, and nothing is there twice.
 */
const ADMIN_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const N = 60;

async function postgresReachable() {
  const s = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await s`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await s.end({ timeout: 1 });
  }
}

type Env = { PGLITE_DIR?: string; DATABASE_URL?: string };

/** Seeds reference data, an open anonymous wave and N invitations; returns the tokens. */
async function prepare(env: Env) {
  // PGlite: a copy of the run's migrated template in the data directory (no initdb).
  const db = env.PGLITE_DIR ? await pgliteCopy(env.PGLITE_DIR) : await openDatabase(env);
  try {
    await migrate(db.db);
    await seedReference(db.db);
    const questionnaireId = await ensureDefaultQuestionnaire(db.db);
    const now = new Date();
    const [wave] = await db.db
      .insert(waves)
      .values({
        name: "KTO crash",
        questionnaireId,
        opensAt: new Date(now.getTime() - 86_400_000),
        closesAt: new Date(now.getTime() + 86_400_000),
      })
      .returning();
    const invited = await createInvitations(
      db.db,
      wave.id,
      Array.from({ length: N }, () => ({ organisation: "Politie Noord-Holland", organisationType: "veiligheid" as const })),
      "http://127.0.0.1",
      now,
      { actorId: null, actor: "test", ip: null },
    );
    return invited.map((i) => i.token);
  } finally {
    await db.close();
  }
}

/** Every server this file started, so that a failed test leaves none running. */
const children = new Set<ChildProcess>();
/** The server fixture compiled once: six starts through tsx spent most of this file's minute and a half transpiling. */
let serverScript = "";
beforeAll(async () => {
  serverScript = await compiledEntry("tests/fixtures/pool-server.ts");
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  if (serverScript) rmSync(serverScript, { force: true });
});

async function start(env: Env, minBatch: number) {
  // Node itself on compiled JavaScript: the pid is the server's, so SIGKILL really kills it
  // (a wrapper such as the tsx binary would leave its child alive).
  const child = spawn(process.execPath, [serverScript], {
    env: { ...process.env, ...env, POOL_MIN_BATCH: String(minBatch) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (d) => {
    output += d;
  });
  child.stderr!.on("data", (d) => {
    output += d;
  });
  const deadline = Date.now() + 60_000;
  while (!output.includes("ready")) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const port = /ready port=(\d+)/.exec(output)![1];
  return { child, base: `http://127.0.0.1:${port}`, output: () => output };
}

function kill(child: ChildProcess, signal: NodeJS.Signals) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

const marker = (i: number) => `crash-${i}`;
const submit = (base: string, token: string, i: number) =>
  fetch(`${base}/api/s/${token}/response`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `crash-key-${i}` },
    body: JSON.stringify({ data: { ...COMPLETE, goed: marker(i) } }),
  });

/** Every marker in the responses and in the pool, with how often it appears. */
async function stored(db: Database) {
  const r = rows<{ m: string; where: string }>(
    await db.db.execute(sql`
    select data->>'goed' as m, 'responses' as where from responses
    union all select payload->'data'->>'goed', 'pool' from response_pool`),
  );
  const counts = new Map<string, number>();
  for (const x of r) counts.set(x.m, (counts.get(x.m) ?? 0) + 1);
  return { counts, inPool: r.filter((x) => x.where === "pool").length };
}

async function scenario(env: Env) {
  const tokens = await prepare(env);
  const acked = new Set<number>();

  // (1) Batches never fill (k = 1000): everything acknowledged waits in the pool; then SIGKILL.
  let server = await start(env, 1000);
  for (let i = 0; i < 20; i++) {
    const res = await submit(server.base, tokens[i], i);
    expect(res.status, server.output()).toBe(201);
    acked.add(i);
  }
  await kill(server.child, "SIGKILL");

  // Restart with k = 5: the mixer at start moves all twenty; then SIGKILL in the middle of
  // forty parallel submissions, each followed by mixing in the background.
  server = await start(env, 5);
  expect(server.output()).toMatch(/ready port=\d+ mixed=20/);
  const attempts = tokens.slice(20).map((tok, j) =>
    submit(server.base, tok, 20 + j).then(
      (r) => {
        if (r.status === 201) acked.add(20 + j);
        else expect(r.status).toBe(201);
      },
      () => {
        /* the connection died with the server: not acknowledged */
      },
    ),
  );
  while (acked.size < 40) await new Promise((r) => setTimeout(r, 2));
  await kill(server.child, "SIGKILL");
  await Promise.all(attempts);

  // Restart once more; the mixer at start takes whatever full batches were left.
  server = await start(env, 5);
  await kill(server.child, "SIGTERM");

  const db = await openDatabase(env);
  try {
    const before = await stored(db);
    for (const i of acked) expect(before.counts.get(marker(i)), marker(i)).toBe(1);
    for (const [m, n] of before.counts) expect(n, m).toBe(1);
    const [{ submitted }] = rows<{ submitted: number }>(
      await db.db.execute(sql`select count(*)::int as submitted from invitations where submitted_at is not null`),
    );
    expect(before.counts.size).toBe(Number(submitted)); // each used invitation has exactly one stored payload
    // The last incomplete batch, as at wave close: then every acknowledged response is a response.
    await mixPool(db.db, new Date(Date.now() + 2 * 86_400_000));
    const after = await stored(db);
    expect(after.inPool).toBe(0);
    for (const i of acked) expect(after.counts.get(marker(i))).toBe(1);
    expect(after.counts.size).toBe(before.counts.size);
    return { acked: acked.size, stored: after.counts.size };
  } finally {
    await db.close();
  }
}

const reachable = await postgresReachable();

describe("a server killed between acknowledgement and mixing loses nothing and stores nothing twice", () => {
  it("PGlite with a data directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ks-crash-"));
    try {
      // DATABASE_URL cleared: CI sets it for the PostgreSQL project, and the server would follow it.
      const r = await scenario({ PGLITE_DIR: join(dir, "pglite"), DATABASE_URL: "" });
      expect(r.acked).toBeGreaterThanOrEqual(40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it.skipIf(!reachable)(
    "PostgreSQL",
    async () => {
      const name = `ks_crash_${randomBytes(5).toString("hex")}`;
      const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      try {
        const url = new URL(ADMIN_URL);
        url.pathname = `/${name}`;
        const r = await scenario({ DATABASE_URL: url.toString() });
        expect(r.acked).toBeGreaterThanOrEqual(40);
      } finally {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    300_000,
  );
});
