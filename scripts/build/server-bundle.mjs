/**
 * Compiles the Node entries (server and CLI) to dist/server/*.mjs with esbuild, so that
 * `npm start` and `npm run cli` run plain JavaScript instead of transpiling TypeScript on
 * every start. Packages stay external (loaded from node_modules as they are); our own code
 * is bundled and split, so a dynamic import() loads its own chunk only when reached.
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
import { build } from "esbuild";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const OUT = join(ROOT, "dist/server");
export const ENTRIES = { start: "scripts/start.ts", cli: "scripts/cli.ts" };
/** What the compiled entries are made of; a newer file here means the compiled files are stale. */
const SOURCES = ["api", "db", "scripts", "i18n", "package.json"];

function newest(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".") || (path.endsWith("scripts") && e.name === "bench")) continue;
    max = Math.max(max, newest(join(path, e.name)));
  }
  return max;
}

/** True when a compiled entry is missing or older than a source file. */
export function serverBundleStale() {
  const built = Math.min(
    ...Object.keys(ENTRIES).map((name) => statSync(join(OUT, `${name}.mjs`), { throwIfNoEntry: false })?.mtimeMs ?? 0),
  );
  return built === 0 || SOURCES.some((s) => newest(join(ROOT, s)) > built);
}

export async function buildServer() {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
