import { readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/**
 * PGlite is single-process: two processes opening the same directory corrupt it. The
 * owner writes a lock file next to the directory with its pid (and, for the server, how
 * to reach it); a lock whose pid is gone is stale and taken over.
 */
export interface LockInfo {
  pid: number;
  role: "server" | "cli";
  url?: string;
  cliToken?: string;
}

export class DatabaseLockedError extends Error {
  constructor(readonly holder: LockInfo) {
    super(`De database wordt gebruikt door een ander proces (${holder.role}, pid ${holder.pid}).`);
  }
}

export const lockPath = (dir: string) => `${dir.replace(/\/$/, "")}.lock`;

export function readLock(dir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(lockPath(dir), "utf8")) as LockInfo;
    return isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireLock(dir: string, info: Omit<LockInfo, "pid">): () => void {
  const path = lockPath(dir);
  mkdirSync(dirname(path), { recursive: true });
  const mine = JSON.stringify({ ...info, pid: process.pid });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, mine, { flag: "wx", mode: 0o600 });
      const release = () => {
        try {
          if (readFileSync(path, "utf8") === mine) rmSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readLock(dir);
      if (holder) throw new DatabaseLockedError(holder);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Kon ${path} niet vergrendelen.`);
}
