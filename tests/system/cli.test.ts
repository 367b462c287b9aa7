import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql, eq } from "drizzle-orm";
import { openPglite, type Database } from "../../db/client.node.ts";
import { rows } from "../../db/migrate.ts";
import { acquireLock } from "../../db/lock.node.ts";
import { pgliteCopy } from "../helpers/db.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { conferences, waves } from "../../db/schema.ts";
import { createNodeApp, listen } from "../../api/server.node.ts";
import { sha256Hex } from "../../api/lib/crypto.ts";
import { seedExpiredNote } from "../helpers/registry.ts";
import { runCli, runWith } from "../../scripts/cli/main.ts";
import { directBackend } from "../../scripts/cli/backend.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "ks-cli-"));
const pgliteDir = join(dir, "pglite");
const env = { PGLITE_DIR: pgliteDir, DATABASE_URL: "", PUBLIC_URL: "http://example.test" };

/**
 * The real binary, as `npm run cli` starts it (compiled JavaScript through scripts/launch.mjs):
 * one process start per run of this file. Through tsx it transpiled the whole API first, 5–10 s.
 */
function spawnCli(...args: string[]) {
  return run(process.execPath, ["scripts/launch.mjs", "cli", ...args], { env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

let waveId = "";
let db: Database;
/**
 * The commands in-process on the directory this file keeps open: the same parsing and
 * command functions as the binary, without a process start and a PGlite boot per command.
 */
const cli = (...args: string[]) => runWith(async () => directBackend({ ...db, close: async () => {} }, env.PUBLIC_URL), args);

beforeAll(async () => {
  const seed = await pgliteCopy(pgliteDir);
  await seedReference(seed.db);
  const questionnaireId = await ensureDefaultQuestionnaire(seed.db);
  const [w] = await seed.db
    .insert(waves)
    .values({
      name: "KTO cli",
      questionnaireId,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  waveId = w.id;
  await seed.close();
  // The real binary first, while no one holds the directory.
  smoke = await spawnCli("waves");
  db = await openPglite(pgliteDir);
});
let smoke: Awaited<ReturnType<typeof spawnCli>>;
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tokenExists(token: string) {
  const r = rows<{ n: number }>(await db.db.execute(sql`select count(*)::int n from invitations where token_hash = ${sha256Hex(token)}`));
  return Number(r[0].n) === 1;
}

describe("cli on the embedded database", () => {
  it("runs as a real process on the data directory", () => {
    expect(smoke.code, smoke.stderr).toBe(0);
    expect(smoke.stdout).toContain(waveId);
    expect(smoke.stdout).toMatch(/KTO cli\s+open/);
  });

  it("lists waves and prints a survey link whose token is stored only as a hash", async () => {
    const list = await cli("waves");
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(waveId);
    expect(list.stdout).toMatch(/KTO cli\s+open/);

    const inv = await cli("invite", "--wave", waveId, "--org", "Gemeente Hoorn", "--type", "gemeente", "--municipality", "Hoorn");
    expect(inv.code, inv.stderr).toBe(0);
    const url = inv.stdout.trim();
    expect(url).toMatch(/^http:\/\/example\.test\/s\/[a-z2-7]{32}$/);
    expect(await tokenExists(url.split("/s/")[1])).toBe(true);
  });

  it("creates a wave", async () => {
    const r = await cli("wave", "create", "--name", "KTO 2028", "--opens", "2028-09-01", "--closes", "2028-10-31");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Meting 'KTO 2028' aangemaakt \(anoniem\)/);
    const bad = await cli("wave", "create", "--name", "KTO 2029", "--opens", "2029-10-01", "--closes", "2029-09-01");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("closesAt moet na opensAt liggen");
    expect((await cli("waves")).stdout).not.toContain("KTO 2029");
  });

  it("rejects bad input with a clear message and a non-zero exit", async () => {
    const bad = await cli("invite", "--wave", waveId, "--org", "X Y", "--type", "bakkerij");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/organisationType/);
    const unknownTown = await cli(
      "invite",
      "--wave",
      waveId,
      "--org",
      "Gemeente Uitgeest",
      "--type",
      "gemeente",
      "--municipality",
      "Uitgeest",
    );
    expect(unknownTown.code).toBe(2);
    expect(unknownTown.stderr).toContain("Onbekende gemeente 'Uitgeest'");
    const unknownOption = await cli("waves", "--bestaat-niet");
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^Fout: /);
  });

  it("goes through the running server when it holds the PGlite directory", async () => {
    const cliToken = "secret-cli-token-for-test";
    const app = createNodeApp(db.db, { publicUrl: "http://server.test", now: () => new Date(), version: "test", cliToken });
    const server = await listen(app, 0);
    const port = (server.address() as { port: number }).port;
    const release = acquireLock(pgliteDir, { role: "server", url: `http://127.0.0.1:${port}`, cliToken });
    try {
      const inv = await runCli(["invite", "--wave", waveId, "--org", "Politie Noord-Holland", "--type", "veiligheid"], env);
      expect(inv.code, inv.stderr).toBe(0);
      expect(inv.stdout.trim()).toMatch(/^http:\/\/server\.test\/s\//);
      expect(await tokenExists(inv.stdout.trim().split("/s/")[1])).toBe(true);
    } finally {
      release();
      server.close();
    }
  });

  it("adds, lists and disables users, and verifies the audit trail", async () => {
    const add = await cli("user", "add", "--email", "Wethouder@Alkmaar.test", "--role", "gemeente", "--municipality", "Alkmaar");
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/http:\/\/example\.test\/wachtwoord\/[a-z2-7]{32}/);
    const noTown = await cli("user", "add", "--email", "x@zvh.test", "--role", "gemeente");
    expect(noTown.code).toBe(2);
    expect(noTown.stderr).toContain("precies één gemeente");
    const badRole = await cli("user", "add", "--email", "x@zvh.test", "--role", "baas");
    expect(badRole.code).toBe(2);
    const list = await cli("user", "list");
    expect(list.stdout).toMatch(/wethouder@alkmaar\.test\s+gemeente\s+alkmaar\s+actief/);
    expect((await cli("user", "disable", "--email", "wethouder@alkmaar.test")).code).toBe(0);
    expect((await cli("user", "list")).stdout).toMatch(/wethouder@alkmaar\.test.*geblokkeerd/);
    const ok = await cli("audit", "verify");
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/intact: \d+ regels/);
  });

  it("runs the retention job: erases notes past their term", async () => {
    const k = { id: await seedExpiredNote(db.db) };
    const r = await cli("retention", "run");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("werkaantekeningen van 1 casusoverleg(gen) gewist");
    const [after] = await db.db.select().from(conferences).where(eq(conferences.id, k.id));
    expect([after.aanleidingNote, after.hasAanleiding]).toEqual([null, true]);
  });

  it("names the first broken audit entry after tampering in SQL", async () => {
    await db.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.db.execute(sql`update audit_log set actor = 'vervalst' where seq = (select min(seq) + 1 from audit_log)`);
    await db.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const [{ seq }] = rows<{ seq: number }>(await db.db.execute(sql`select min(seq) + 1 as seq from audit_log`));
    const broken = await cli("audit", "verify");
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`verbroken bij regel ${seq}: inhoud gewijzigd`);
  });

  it("refuses, without touching the directory, while another CLI holds it", async () => {
    const release = acquireLock(pgliteDir, { role: "cli" });
    try {
      const r = await runCli(["waves"], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("in gebruik door een ander CLI-proces");
    } finally {
      release();
    }
  });
});
