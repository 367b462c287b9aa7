import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { testApp } from "../helpers/app.ts";
import { TEST_PASSWORDS } from "../helpers/passwords.ts";
import { waves } from "../../db/schema.ts";
import { seedDemo } from "../../db/seed/demo.ts";
import { seedRegistryDemo } from "../../db/seed/registry.ts";
import { seedAuditsDemo } from "../../db/seed/audits.ts";
import { seedRisksDemo } from "../../db/seed/risks.ts";
import { seedQualityDemo } from "../../db/seed/quality.ts";
import { seedReviewsDemo } from "../../db/seed/reviews.ts";

/**
 * Issue 16: the demo records its work on the dates it happened, so an evidence pack over a
 * past period has content (before, every record was dated the day the demo was seeded).
 */
let t: Awaited<ReturnType<typeof testApp>>;
const NOW = new Date("2026-11-20T10:00:00Z");
beforeAll(async () => {
  t = await testApp({ now: NOW });
  // The demo only seeds an empty instance: the test app's own wave goes first.
  await t.db.delete(waves);
  expect(await seedDemo(t.db, NOW, TEST_PASSWORDS)).toBe(true);
  expect(await seedRegistryDemo(t.db, NOW)).toBe(true);
  for (const seed of [seedAuditsDemo, seedRisksDemo, seedQualityDemo, seedReviewsDemo]) expect(await seed(t.db, NOW)).toBe(true);
}, 120_000);
afterAll(async () => {
  await t.close();
});

async function pack(from: string, to: string) {
  const res = await t.request(`/api/evidence-pack?from=${from}&to=${to}`, { as: "auditor" });
  expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return <T>(path: string) => {
    expect(files[path], path).toBeDefined();
    return JSON.parse(strFromU8(files[path])) as T;
  };
}

describe("the demo's 2025 evidence pack", () => {
  it("has reported audits, hours and their cost", async () => {
    const json = await pack("2025-01-01", "2025-12-31");
    const audits = json<{ status: string }[]>("data/9.2/audits.json");
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(audits.some((a) => a.status === "gerapporteerd")).toBe(true);
    const metrics = json<{ hours: { total: { hours: number; cost: number } } }>("data/9.1.3/kengetallen-2025.json");
    expect(metrics.hours.total.hours).toBeGreaterThan(0);
    expect(metrics.hours.total.cost).toBeGreaterThan(0);
  }, 120_000);

  it("has the 2025 management review, finalised in January 2026", async () => {
    // A pack shows records as they stood at its end: the review of 2025 is there once the pack reaches its finalisation.
    const json = await pack("2025-01-01", "2026-01-31");
    const reviews = json<{ periodTo: string; finalizedAt: string }[]>("data/9.3/directiebeoordelingen.json");
    expect(reviews.length).toBeGreaterThanOrEqual(1);
    expect(reviews[0]).toMatchObject({ periodTo: "2025-12-31" });
    expect(reviews[0].finalizedAt.slice(0, 7)).toBe("2026-01");
  }, 120_000);
});
