/**
 * Compiles the Node entries (server and CLI) to dist/server/*.mjs with esbuild, so that
 * `npm start` and `npm run cli` run plain JavaScript instead of transpiling TypeScript on
 * every start. Packages stay external (loaded from node_modules as they are); our own code
 * is bundled and split, so a dynamic import() loads its own chunk only when reached.
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
import { build } from "esbuild";
import { readFileSync, readdirSync, statSync } from "node:fs";
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

/**
 * Packages bundled into our chunks instead of loaded from node_modules: each is hundreds of
 * small ES modules (date-fns with all its locales, pdf-lib, drizzle-orm, @stdlib), and Node's
 * ESM loader pays per file; bundled, esbuild keeps what we use in a few files. zod, hono and
 * @hono/zod-openapi stay external: zod-openapi patches the one zod instance, a second copy
 * breaks `.openapi()`. PGlite stays external (it finds its wasm next to itself), vite and
 * esbuild are build tools.
 */
const BUNDLED = ["date-fns", "pdf-lib", "@stdlib/", "drizzle-orm"];

function externals() {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
    (name) => !BUNDLED.some((b) => name === b || (b.endsWith("/") && name.startsWith(b))),
  );
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
    external: externals(),
    // Bundled CommonJS packages require() Node built-ins; ESM output has no require of its own.
    banner: { js: 'import { createRequire as __ksCreateRequire } from "node:module"; const require = __ksCreateRequire(import.meta.url);' },
    sourcemap: true,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
