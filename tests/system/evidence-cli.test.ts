import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.node.ts";
import { acquireLock } from "../../db/lock.node.ts";
import { pgliteCopy } from "../helpers/db.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { auditLog, users } from "../../db/schema.ts";
import { createNodeApp, listen } from "../../api/server.node.ts";
import { sha256Bytes } from "../../api/lib/crypto.ts";
import { createRisk, updateRisk } from "../../api/risks/risks.service.ts";
import { createFinding } from "../../api/quality/findings.service.ts";
import { VERSION } from "../../scripts/runtime.ts";
import { runCli, runWith } from "../../scripts/cli/main.ts";
import { directBackend } from "../../scripts/cli/backend.ts";

const dir = mkdtempSync(join(tmpdir(), "ks-evidence-"));
const pgliteDir = join(dir, "pglite");
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const PERIOD = ["--from", "2025-01-01", "--to", "2025-12-31"];

const env = { PGLITE_DIR: pgliteDir, DATABASE_URL: "", PUBLIC_URL: "http://example.test" };
let database: Database;
/** The CLI's own parsing and commands, in-process, on the directory this file holds open. */
const cli = (...args: string[]) => runWith(async () => directBackend({ ...database, close: async () => {} }, env.PUBLIC_URL), args);

const hashIn = (stdout: string) => /SHA-256: ([0-9a-f]{64})/.exec(stdout)?.[1];

beforeAll(async () => {
  const db = await pgliteCopy(pgliteDir);
  await seedReference(db.db);
  await ensureDefaultQuestionnaire(db.db);
  const [owner] = await db.db.insert(users).values({ email: "eigenaar@zvh.test", name: "Eigenaar Risico", role: "kwaliteit" }).returning();
  const by = { actorId: owner.id, actor: owner.email, ip: null };
  const risk = await createRisk(
    db.db,
    {
      kind: "risk",
      title: "Datalek bij informatiedeling",
      description: "Verkeerde ontvanger.",
      processId: "informatiedeling-privacy",
      inherentLikelihood: 3,
      inherentImpact: 5,
      residualLikelihood: 2,
      residualImpact: 4,
      treatment: "Vier-ogen-principe",
      ownerId: owner.id,
      reviewIntervalDays: 90,
    },
    at("2025-02-03"),
    by,
  );
  await updateRisk(db.db, risk.id, { title: "NA-DE-PERIODE" }, at("2026-02-01"), by);
  await createFinding(
    db.db,
    {
      source: "other",
      title: "Privacyverklaring verouderd",
      description: "Versie 2019.",
      classification: "minor_nc",
      clauses: ["7.5"],
      foundOn: "2025-03-01",
    },
    at("2025-03-01"),
    by,
  );
  database = db;
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("evidence export and verify from the command line", () => {
  let first = "";

  it("exports a pack, prints its SHA-256, and gives the same bytes the second time", async () => {
    const a = await cli("evidence", "export", ...PERIOD, "--out", join(dir, "a.zip"));
    expect(a.code, a.stderr).toBe(0);
    first = hashIn(a.stdout)!;
    expect(first).toBe(sha256Bytes(readFileSync(join(dir, "a.zip"))));
    const b = await cli("evidence", "export", ...PERIOD, "--clauses", "6.1,7.5,9.1.2,9.1.3,9.2,9.3,10.2", "--out", join(dir, "b.zip"));
    expect(b.code, b.stderr).toBe(0);
    expect(hashIn(b.stdout)).toBe(first);
    const files = unzipSync(readFileSync(join(dir, "a.zip")));
    expect(strFromU8(files["data/6.1/risicos.csv"])).toContain("Datalek bij informatiedeling");
    expect(strFromU8(files["data/6.1/risicos.csv"])).not.toContain("NA-DE-PERIODE");
    expect(strFromU8(files["bag-info.txt"])).toContain("Generated-By: cli");

    const exports = await database.db.select().from(auditLog).where(eq(auditLog.entity, "evidence_pack"));
    expect(exports.map((e) => (e.after as { sha256: string }).sha256)).toEqual([first, first]);
    expect(exports[0]).toMatchObject({ action: "export", actor: "cli", entityId: "2025-01-01/2025-12-31" });
  });

  it("verifies an untouched pack offline", async () => {
    const ok = await cli("evidence", "verify", join(dir, "a.zip"));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Bewijspakket intact: \d+ bestanden/);
    expect(ok.stdout).toContain(`SHA-256 van het pakket: ${first}`);
  });

  it("names every changed, missing and extra file, with a non-zero exit", async () => {
    const files = unzipSync(readFileSync(join(dir, "a.zip")));
    const csv = "data/6.1/risicos.csv";
    const changed = { ...files, [csv]: strToU8(strFromU8(files[csv]).replace("Datalek", "Datalik")) };
    const { "data/7.5/audittrail.json": _gone, ...removed } = files;
    const added = { ...files, "data/10.2/bewijs/untrusted.txt": strToU8("ondergeschoven") };
    const cases: [string, Record<string, Uint8Array>, string][] = [
      ["changed.zip", changed, `gewijzigd: ${csv}`],
      ["removed.zip", removed, "ontbreekt: data/7.5/audittrail.json"],
      ["added.zip", added, "extra: data/10.2/bewijs/untrusted.txt"],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(join(dir, name), zipSync(content));
      const r = await cli("evidence", "verify", join(dir, name));
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain("Bewijspakket NIET intact");
      expect(r.stderr, name).toContain(message);
    }
    const raw = readFileSync(join(dir, "a.zip"));
    raw[raw.length >> 1] ^= 0x01;
    writeFileSync(join(dir, "flipped.zip"), raw);
    const flipped = await cli("evidence", "verify", join(dir, "flipped.zip"));
    expect(flipped.code).toBe(2);
    expect(flipped.stderr).toMatch(/gewijzigd: data\//);
  });

  it("signs packs: verify names the instance key, and re-hashing both manifests after a change fails", async () => {
    const key = await cli("evidence", "key");
    expect(key.code, key.stderr).toBe(0);
    const fingerprint = /Vingerafdruk \(SHA-256\): ([0-9a-f ]+)\n/.exec(key.stdout)?.[1];
    expect(fingerprint?.replace(/ /g, "")).toMatch(/^[0-9a-f]{64}$/);
    const ok = await cli("evidence", "verify", join(dir, "a.zip"));
    expect(ok.stdout).toContain(
      `Ondertekend met Ed25519-sleutel ${fingerprint}; de handtekening klopt. Dit is de sleutel van deze installatie.`,
    );

    const files = unzipSync(readFileSync(join(dir, "a.zip")));
    const csv = "data/6.1/risicos.csv";
    files[csv] = strToU8(strFromU8(files[csv]).replace("Datalek", "Datalik"));
    const rehash = (_name: string, paths: string[]) =>
      strToU8(
        paths
          .sort()
          .map((p) => `${sha256Bytes(files[p])}  ${p}\n`)
          .join(""),
      );
    files["manifest-sha256.txt"] = rehash(
      "manifest-sha256.txt",
      Object.keys(files).filter((p) => p.startsWith("data/")),
    );
    files["tagmanifest-sha256.txt"] = rehash("tagmanifest-sha256.txt", ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]);
    writeFileSync(join(dir, "rehashed.zip"), zipSync(files));
    const forged = await cli("evidence", "verify", join(dir, "rehashed.zip"));
    expect(forged.code).toBe(2);
    expect(forged.stderr).toContain("Bewijspakket NIET intact");
    expect(forged.stderr).toContain("handtekening: De handtekening klopt NIET");
  });

  it("refuses a period that has not ended and a missing --out, leaving no file behind", async () => {
    const future = await cli("evidence", "export", "--from", "2025-01-01", "--to", "2030-12-31", "--out", join(dir, "toekomst.zip"));
    expect(future.code).toBe(2);
    expect(future.stderr).toContain("vóór vandaag");
    expect(existsSync(join(dir, "toekomst.zip")) || existsSync(join(dir, "toekomst.zip.deel"))).toBe(false);
    const noOut = await cli("evidence", "export", ...PERIOD);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--out");
  });

  it("exports through the running server that holds the database, streaming the same bytes", async () => {
    const db = database;
    const cliToken = "secret-cli-token-for-evidence";
    const app = createNodeApp(db.db, { publicUrl: "http://server.test", now: () => new Date(), version: VERSION, cliToken });
    const server = await listen(app, 0);
    const port = (server.address() as { port: number }).port;
    const release = acquireLock(pgliteDir, { role: "server", url: `http://127.0.0.1:${port}`, cliToken });
    try {
      const r = await runCli(["evidence", "export", ...PERIOD, "--out", join(dir, "server.zip")], env);
      expect(r.code, r.stderr).toBe(0);
      expect(hashIn(r.stdout)).toBe(first);
      expect(sha256Bytes(readFileSync(join(dir, "server.zip")))).toBe(first);
      const bad = await runCli(
        ["evidence", "export", "--from", "2025-01-01", "--to", "2025-12-31", "--clauses", "4.4", "--out", join(dir, "x.zip")],
        env,
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("Onbekende paragraaf: 4.4");
    } finally {
      release();
      server.close();
    }
  });
});
