import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDatabase } from "../helpers/db.ts";
import { runScheduledBackup, scheduleFromEnv } from "../../scripts/backup/scheduled.ts";
import { lastBackup } from "../../api/backup/backup.service.ts";
import { sha256Hex } from "../../api/lib/crypto.ts";
import type { Database } from "../../db/client.node.ts";

let d: Database;
const dir = mkdtempSync(join(tmpdir(), "ks-backups-"));
beforeAll(async () => {
  d = await testDatabase();
});
afterAll(async () => {
  await d.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the daily backup", () => {
  it("makes one a day, keeps the newest N files, and records each in the trail", async () => {
    const schedule = { dir, keep: 2 };
    const start = new Date("2026-10-01T03:00:00Z");
    const at = (hours: number) => new Date(start.getTime() + hours * 3600_000);
    const first = await runScheduledBackup(d.db, schedule, at(0));
    expect(first).not.toBeNull();
    expect(await runScheduledBackup(d.db, schedule, at(5))).toBeNull(); // not yet a day
    expect(await runScheduledBackup(d.db, schedule, at(24))).not.toBeNull();
    const third = await runScheduledBackup(d.db, schedule, at(48));
    const files = readdirSync(dir).sort();
    expect(files).toEqual(["ketenspiegel-2026-10-02T03-00-00-000Z.ndjson", "ketenspiegel-2026-10-03T03-00-00-000Z.ndjson"]);
    const last = await lastBackup(d.db);
    expect(last).toMatchObject({ at: at(48).toISOString(), actor: "dagelijkse back-up" });
    expect(last!.sha256).toBe(sha256Hex(readFileSync(third!, "utf8")));
  });

  it("reads its settings from the environment", () => {
    expect(scheduleFromEnv({})).toEqual({ dir: "./data/backups", keep: 7 });
    expect(scheduleFromEnv({ BACKUP_DIR: "off" })).toBeNull();
    expect(scheduleFromEnv({ BACKUP_DIR: "/var/backups/ks", BACKUP_KEEP: "30" })).toEqual({ dir: "/var/backups/ks", keep: 30 });
    expect(() => scheduleFromEnv({ BACKUP_KEEP: "nul" })).toThrow(/BACKUP_KEEP/);
  });
});
