/**
 * Which database test files run a second time on PostgreSQL. Every file runs on PGlite;
 * a file runs on PostgreSQL too when what it tests can behave differently there:
 * real concurrency (PGlite serialises everything on one connection), raw SQL whose
 * parameter typing or result mapping differs between postgres.js and PGlite (numerics,
 * timestamps, bigint, jsonb), locking, or database errors mapped to API errors.
 * Files that only exercise HTTP contracts, permissions or rendering run on PGlite alone.
 * See tests/README.md.
 */
export const POSTGRES_TOO = [
  "tests/api/audit.test.ts", // hash chain under advisory locks, raw SQL
  "tests/api/sessions.test.ts", // throttle upserts, concurrent logins
  "tests/api/survey-flow.test.ts", // idempotent submit, transactions, jsonb
  "tests/api/results.test.ts", // answer_counts aggregates, numeric mapping
  "tests/api/comparison.test.ts", // statistics over aggregates
  "tests/api/registry.test.ts", // registry metrics SQL, dates as text
  "tests/api/packs.test.ts", // typed timestamp parameters, period queries over the trail
  "tests/api/bad-input.test.ts", // database errors mapped to 4xx
  "tests/api/reports.test.ts", // municipality aggregates
  "tests/api/risks.test.ts", // history triggers, raw SQL
  "tests/api/reviews.test.ts", // immutability trigger, pre-fill SQL
  "tests/api/audit-checklist-risk-actions.test.ts", // jsonb checklist, action links under the risk row lock
  "tests/api/hostile-input.test.ts", // NUL and lone surrogates: text and jsonb refuse them differently per engine
  "tests/api/overview.test.ts", // start page: reads side by side on the pool, date arithmetic in raw SQL
  "tests/**/*.pg.test.ts", // new files opt in by name
  "api/**/*.db.test.ts",
];
