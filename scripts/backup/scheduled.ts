import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "../../db/types.ts";
import { lastBackup, writeBackup } from "../../api/backup/backup.service.ts";

/**
 * The daily backup of a running Node server: when the last backup in the trail is a day
 * old, a new file goes into `dir` and only the newest `keep` files stay. Configured by
 * BACKUP_DIR (default ./data/backups, "off" to disable) and BACKUP_KEEP (default 7).
 */
export interface BackupSchedule {
  dir: string;
  keep: number;
}

const DAY_MS = 24 * 3600_000;
const NAME = /^ketenspiegel-\d{4}-\d{2}-\d{2}T[\d-]+Z\.ndjson$/;

export function scheduleFromEnv(env: Record<string, string | undefined>): BackupSchedule | null {
  const dir = env.BACKUP_DIR ?? "./data/backups";
  if (dir === "off" || dir === "") return null;
  const keep = Number(env.BACKUP_KEEP ?? 7);
  if (!Number.isInteger(keep) || keep < 1)
    throw new Error(`BACKUP_KEEP moet een geheel getal van 1 of meer zijn (nu '${env.BACKUP_KEEP}').`);
  return { dir, keep };
}

/** Makes a backup when the last one is a day old or there is none; returns the new file, or null. */
export async function runScheduledBackup(db: Db, schedule: BackupSchedule, now: Date): Promise<string | null> {
  const last = await lastBackup(db);
  if (last && now.getTime() - new Date(last.at).getTime() < DAY_MS) return null;
  await mkdir(schedule.dir, { recursive: true, mode: 0o700 });
  const path = join(schedule.dir, `ketenspiegel-${now.toISOString().replace(/[:.]/g, "-")}.ndjson`);
  const partial = `${path}.deel`;
  const file = await open(partial, "w", 0o600);
  try {
    await writeBackup(db, now, { actorId: null, actor: "dagelijkse back-up", ip: null }, async (chunk) => {
      await file.write(chunk);
    });
    await file.sync();
    await file.close();
    await rename(partial, path);
  } catch (e) {
    await file.close().catch(() => {});
    await rm(partial, { force: true });
    throw e;
  }
  const ours = (await readdir(schedule.dir)).filter((f) => NAME.test(f)).sort(); // ISO names sort by time
  for (const old of ours.slice(0, Math.max(0, ours.length - schedule.keep))) await rm(join(schedule.dir, old), { force: true });
  return path;
}
