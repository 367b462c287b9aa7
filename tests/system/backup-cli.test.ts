import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPglite, type Database } from "../../db/client.node.ts";
import { acquireLock } from "../../db/lock.node.ts";
import { pgliteCopy } from "../helpers/db.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { createNodeApp, listen } from "../../api/server.node.ts";
import { sha256Hex } from "../../api/lib/crypto.ts";
import { createUser } from "../../api/auth/users.service.ts";
import { runCli } from "../../scripts/cli/main.ts";
import { TEST_PASSWORDS } from "../helpers/passwords.ts";

/**
 * The CLI's backup of PGlite while the server holds the data directory (through the
 * server), its restore into a fresh directory, and the anchor that outlives both.
 */
const dir = mkdtempSync(join(tmpdir(), "ks-backup-"));
const source = join(dir, "bron");
const target = join(dir, "doel");
const file = join(dir, "backup.ndjson");
const envOf = (pglite: string) => ({ PGLITE_DIR: pglite, DATABASE_URL: "", PUBLIC_URL: "http://example.test" });
let db: Database;

beforeAll(async () => {
  const seed = await pgliteCopy(source);
  await seedReference(seed.db);
  for (const email of ["a@zvh.test", "b@zvh.test"]) {
    await createUser(seed.db, { email, role: "auditor" }, { actorId: null, actor: "test", ip: null }, "http://example.test", new Date());
  }
  await seed.close();
  // The restore's target: a fresh directory holding a migrated, empty database, as the CLI's own first open
  // leaves it, copied from the run's template (initdb and the migrations were half of this file's time).
  await (await pgliteCopy(target)).close();
  db = await openPglite(source);
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore from the command line (PGlite)", () => {
  let anchor = "";

  it("backs up through the running server and prints the SHA-256 and the chain head", async () => {
    const cliToken = "secret-cli-token-for-backup-test";
    const app = createNodeApp(
      db.db,
      { publicUrl: "http://server.test", now: () => new Date(), version: "test", cliToken },
      undefined,
      TEST_PASSWORDS,
    );
    const server = await listen(app, 0);
    const release = acquireLock(source, {
      role: "server",
      url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      cliToken,
    });
    try {
      const head = await runCli(["audit", "anchor"], envOf(source));
      expect(head.code, head.stderr).toBe(0);
      anchor = head.stdout.split("\n")[0];
      expect(anchor).toMatch(/^\d+:[0-9a-f]{64}$/);
      const out = await runCli(["backup", "--out", file], envOf(source));
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toContain(`SHA-256: ${sha256Hex(readFileSync(file, "utf8"))}`);
      expect(out.stdout).toContain(`Kop van de hashketen: ${anchor}`);
      const refused = await runCli(["restore", file], envOf(source));
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("Stop de server eerst");
    } finally {
      release();
      server.close();
    }
  });

  it("restores into a fresh, empty database, where the chain verifies against the anchor", async () => {
    const restored = await runCli(["restore", file], envOf(target));
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Back-up teruggezet: \d+ rijen/);
    expect(restored.stdout).toContain("Audittrail intact");
    const verify = await runCli(["audit", "verify", "--anchor", anchor], envOf(target));
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Audittrail intact: \d+ regels, keten klopt\. Het anker \(regel \d+\) staat er nog onveranderd in\./);
    const users = await runCli(["user", "list"], envOf(target));
    expect(users.stdout).toContain("a@zvh.test");
    const again = await runCli(["restore", file], envOf(target));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("niet leeg");
  });

  it("says which anchor is missing", async () => {
    const bad = await runCli(["audit", "verify", "--anchor", `1:${"0".repeat(64)}`], envOf(target));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("verbroken bij regel 1: het anker staat niet meer in de trail");
    const malformed = await runCli(["audit", "verify", "--anchor", "xyz"], envOf(target));
    expect(malformed.stderr).toContain("--anchor");
  });
});
