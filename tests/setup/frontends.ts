import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCES = ["survey-app", "dashboard", "i18n"];
const BUILT = ["dist/survey/index.html", "dist/dashboard/index.html"];

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** True when a built front end is missing or older than any of its sources. */
export function frontEndsStale(): boolean {
  if (!BUILT.every((f) => existsSync(f))) return true;
  const built = Math.min(...BUILT.map((f) => statSync(f).mtimeMs));
  return SOURCES.some((dir) => existsSync(dir) && newest(dir) > built);
}

/** Built once per run, before any test file starts, so parallel files never race into dist/. */
export async function buildFrontEnds(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: "survey-app/vite.config.ts", logLevel: "warn" });
  await build({ configFile: "dashboard/vite.config.ts", logLevel: "warn" });
}
