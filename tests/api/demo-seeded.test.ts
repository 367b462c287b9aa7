import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { TEST_PASSWORDS } from "../helpers/passwords.ts";
import { waves } from "../../db/schema.ts";
import { seedDemo } from "../../db/seed/demo.ts";
import { seedRegistryDemo } from "../../db/seed/registry.ts";
import { seedAuditsDemo } from "../../db/seed/audits.ts";
import { seedRisksDemo } from "../../db/seed/risks.ts";
import { seedQualityDemo } from "../../db/seed/quality.ts";
import { seedReviewsDemo } from "../../db/seed/reviews.ts";
import { demoSeeded } from "../../scripts/demo-seeded.ts";

/**
 * `npm start` skips the seven seed checks when demoSeeded says the demo is complete (issue 18):
 * it must say so only when every seed would indeed find its table filled.
 */
let t: Awaited<ReturnType<typeof testApp>>;
const NOW = new Date("2026-11-20T10:00:00Z");
beforeAll(async () => {
  t = await testApp({ now: NOW });
  await t.db.delete(waves);
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe("demoSeeded", () => {
  it("is false until the last seed has run, then true, and every seed then finds nothing to do", async () => {
    expect(await demoSeeded(t.db)).toBe(false);
    expect(await seedDemo(t.db, NOW, TEST_PASSWORDS)).toBe(true);
    expect(await seedRegistryDemo(t.db, NOW)).toBe(true);
    const rest = [seedAuditsDemo, seedRisksDemo, seedQualityDemo];
    for (const seed of rest) {
      expect(await demoSeeded(t.db)).toBe(false);
      expect(await seed(t.db, NOW)).toBe(true);
    }
    // The management review (seeded last) still missing: not complete.
    expect(await demoSeeded(t.db)).toBe(false);
    expect(await seedReviewsDemo(t.db, NOW)).toBe(true);
    expect(await demoSeeded(t.db)).toBe(true);
    for (const seed of [...rest, seedReviewsDemo, seedRegistryDemo]) expect(await seed(t.db, NOW)).toBe(false);
    expect(await seedDemo(t.db, NOW, TEST_PASSWORDS)).toBe(false);
  }, 120_000);
});
