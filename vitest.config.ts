import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * Tests that touch a database run once on PGlite and, when DATABASE_URL is set (CI),
 * once more on real PostgreSQL. Pure unit tests run once.
 */
const dbTests = ["tests/api/**/*.test.ts", "tests/db/**/*.test.ts", "api/**/*.db.test.ts"];
const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: "unit", include: ["api/**/*.test.ts", "tests/unit/**/*.test.ts"], exclude: dbTests } },
  { extends: true, test: { name: "pglite", include: dbTests, env: { KS_TEST_DB: "pglite" } } },
  { extends: true, test: { name: "system", include: ["tests/system/**/*.test.ts"], testTimeout: 180_000 } },
];
if (process.env.DATABASE_URL) {
  projects.push({ extends: true, test: { name: "postgres", include: dbTests, env: { KS_TEST_DB: "postgres" } } });
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects,
  },
});
