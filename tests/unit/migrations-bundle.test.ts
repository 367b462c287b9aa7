import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderBundle } from "../../scripts/bundle-migrations.ts";

describe("bundled migrations", () => {
  it("match the committed drizzle-kit SQL (run npm run db:generate after a schema change)", () => {
    const committed = readFileSync("db/migrations/bundle.ts", "utf8");
    expect(committed).toBe(renderBundle("db/migrations"));
  });
});
