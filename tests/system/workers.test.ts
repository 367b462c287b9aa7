import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connectPostgres } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { users, waves } from "../../db/schema.ts";
import { createSession } from "../../api/auth/sessions.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { seedExpiredNote } from "../helpers/registry.ts";

const ADMIN_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function postgresReachable() {
  const sql = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

const reachable = await postgresReachable();
if (!reachable) console.warn(`Skipping the wrangler test: no PostgreSQL at ${ADMIN_URL}`);

const PUBLIC_URL = "http://workers.test";

describe.skipIf(!reachable)("the Workers build under wrangler dev (workerd, offline)", () => {
  const name = `ks_wrk_${randomBytes(5).toString("hex")}`;
  const state = mkdtempSync(join(tmpdir(), "ks-wrangler-"));
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  let child: ChildProcess | undefined;
  let output = "";
  let base = "";
  let cookie = "";
  let waveId = "";
  let db: ReturnType<typeof connectPostgres>;

  beforeAll(async () => {
    await admin.unsafe(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    db = connectPostgres(url.toString(), { max: 2 });
    await migrate(db.db);
    await seedReference(db.db);
    const questionnaireId = await ensureDefaultQuestionnaire(db.db);
    const [wave] = await db.db
      .insert(waves)
      .values({
        name: "KTO workers",
        questionnaireId,
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    waveId = wave.id;
    const [user] = await db.db.insert(users).values({ email: "kwaliteit@wrk.test", name: "K", role: "kwaliteit" }).returning();
    cookie = `ks_session=${(await createSession(db.db, user.id, new Date(), null)).token}`;

    // Port 0: the OS picks a free port and wrangler prints it, so nothing can take it in between.
    child = spawn(
      "node_modules/.bin/wrangler",
      [
        "dev",
        "--port",
        "0",
        "--ip",
        "127.0.0.1",
        "--var",
        `DATABASE_URL:${url}`,
        "--var",
        `PUBLIC_URL:${PUBLIC_URL}`,
        "--persist-to",
        state,
        "--show-interactive-dev-session=false",
        "--test-scheduled",
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
    for (;;) {
      base ||= /Ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? "";
      const ok =
        base !== "" &&
        (await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        ));
      if (ok) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`wrangler dev did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 120_000);

  afterAll(async () => {
    if (child?.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    await db?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(state, { recursive: true, force: true });
  });

  it("answers getHealth from workerd with the database reachable", async () => {
    const res = await fetch(`${base}/api/health`);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("runs a survey round-trip: invite, open, save, submit once, replay", async () => {
    const created = await fetch(`${base}/api/waves/${waveId}/invitations`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: base },
      body: JSON.stringify({ invitations: [{ organisation: "Openbaar Ministerie Noord-Holland", organisationType: "justitie" }] }),
    });
    expect(created.status, output).toBe(201);
    const { invitations } = (await created.json()) as { invitations: { token: string; url: string }[] };
    expect(invitations[0].url.startsWith(`${PUBLIC_URL}/s/`)).toBe(true);
    const token = invitations[0].token;

    const open = await fetch(`${base}/api/s/${token}`);
    expect(open.status).toBe(200);
    const save = await fetch(`${base}/api/s/${token}/progress`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: { bek_weten: 3 } }),
    });
    expect(save.status).toBe(200);
    expect(((await (await fetch(`${base}/api/s/${token}`)).json()) as { data: object }).data).toEqual({ bek_weten: 3 });

    const submit = () =>
      fetch(`${base}/api/s/${token}/response`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "wrk-key-0001" },
        body: JSON.stringify({ data: COMPLETE }),
      });
    expect((await submit()).status).toBe(201);
    expect((await submit()).status).toBe(200);
    const [{ n }] = (await db.db.execute<{ n: number }>(
      (
        await import("drizzle-orm")
      ).sql`select (select count(*) from responses)::int + (select count(*) from response_pool)::int as n`,
    )) as unknown as { n: number }[];
    expect(Number(n)).toBe(1);
  });

  it("renders the municipality report (PDF and XLSX) inside workerd", async () => {
    for (const [format, type] of [
      ["pdf", "application/pdf"],
      ["xlsx", "spreadsheetml"],
    ]) {
      const res = await fetch(`${base}/api/municipalities/alkmaar/report?from=2026-01-01&to=2026-06-30&format=${format}`, {
        headers: { cookie },
      });
      expect(res.status, output).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe(format === "pdf" ? "%PDF" : "PK\u0003\u0004");
    }
  });

  it("runs the retention job from the cron trigger", async () => {
    const { conferences } = await import("../../db/schema.ts");
    const { eq } = await import("drizzle-orm");
    const k = { id: await seedExpiredNote(db.db) };
    expect((await fetch(`${base}/__scheduled?cron=17+3+*+*+*`)).status, output).toBe(200);
    let note: string | null = "";
    for (let i = 0; i < 40 && note !== null; i++) {
      await new Promise((r) => setTimeout(r, 250));
      [{ aanleidingNote: note }] = await db.db
        .select({ aanleidingNote: conferences.aanleidingNote })
        .from(conferences)
        .where(eq(conferences.id, k.id));
    }
    expect(note).toBeNull();
  });
});
