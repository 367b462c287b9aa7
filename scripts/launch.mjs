/**
 * `npm start` and `npm run cli`: runs the compiled entry from dist/server, compiling it
 * first when it is missing or older than the sources (scripts/build/server-bundle.mjs).
 *   node scripts/launch.mjs start|cli [arguments]
 * Plain JavaScript, so that starting needs no TypeScript transpiler.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const entry = process.argv[2];
if (entry !== "start" && entry !== "cli") {
  console.error("Gebruik: node scripts/launch.mjs start|cli [argumenten]");
  process.exit(2);
}
// The entry reads its own arguments from process.argv.slice(2).
process.argv.splice(2, 1);
const { buildServer, OUT, serverBundleStale } = await import("./build/server-bundle.mjs");
if (serverBundleStale()) {
  if (entry === "start") console.log("Server compileren…");
  await buildServer();
}
await import(pathToFileURL(join(OUT, `${entry}.mjs`)).href);
