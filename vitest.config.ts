import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { POSTGRES_TOO } from "./tests/engines.ts";
import LongestFirst from "./tests/setup/sequencer.ts";

/**
 * Unit tests run once. Database tests run on PGlite and, when DATABASE_URL is set (CI),
 * the files listed in tests/engines.ts once more on PostgreSQL. The global setup pays the
 * fixed costs once per run (database templates, front-end build, one shared Chromium).
 */
const dbTests = ["tests/api/**/*.test.ts", "tests/db/**/*.test.ts", "api/**/*.db.test.ts"];
const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: "unit", include: ["api/**/*.test.ts", "tests/unit/**/*.test.ts"], exclude: dbTests, isolate: false } },
  { extends: true, test: { name: "pglite", include: dbTests, env: { KS_TEST_DB: "pglite" }, isolate: false } },
  // The system files too keep their imports between files (isolate: false): each imported the whole API again,
  // half of their import time. Every such file starts its own server, database copy and browser context.
  { extends: true, test: { name: "system", include: ["tests/system/**/*.test.ts"], testTimeout: 300_000, isolate: false } },
];
if (process.env.DATABASE_URL) {
  projects.push({ extends: true, test: { name: "postgres", include: POSTGRES_TOO, env: { KS_TEST_DB: "postgres" }, isolate: false } });
}

export default defineConfig({
  test: {
    // Two cores, two files at a time. A third worker was meant to fill the moments a file waits on PostgreSQL,
    // Chromium or workerd, but the suite leaves no core idle anyway (4 % idle over a clean-clone CI run), and every
    // extra worker imports the API again: clean-clone CI 252 s with two, 259 s with three (same machine, back to back).
    maxWorkers: 2,
    // Safety nets against a hang, not speed checks (those are benchmarks): a loaded machine is slow, not broken.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ["tests/setup/global.ts"],
    reporters: ["default", "./tests/setup/slowest-files.ts"],
    // The slow files first, whatever their project (a short run beats a tail of one busy worker).
    sequence: { sequencer: LongestFirst },
    projects,
  },
});
