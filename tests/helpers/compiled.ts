import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { build } from "esbuild";

/**
 * A TypeScript entry compiled to one JavaScript file, as `npm run build` compiles the
 * server: a process started from it runs plain Node. Through the tsx loader every start
 * transpiles the whole API again (5–10 s each on a loaded two-core machine, several per test).
 * Packages stay external, so the file must sit inside the project to find node_modules;
 * it goes under test-artifacts/, never dist/ (a test does not build into dist/).
 */
export async function compiledEntry(entry: string): Promise<string> {
  const dir = join("test-artifacts", "bin");
  mkdirSync(dir, { recursive: true });
  // One file per process, so parallel runs never read one another's half-written output.
  const out = join(dir, `${basename(entry).replace(/\.ts$/, "")}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return out;
}
