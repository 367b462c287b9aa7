import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { invitations } from "../../db/schema.ts";
import { demoLink } from "../../scripts/demo-link.ts";
import { COMPLETE } from "../helpers/answers.ts";

let t: Awaited<ReturnType<typeof testApp>>;
const dir = mkdtempSync(join(tmpdir(), "ks-demo-link-"));
const file = join(dir, "pglite.demo-link.json");
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const invited = async () => (await t.db.select({ n: count() }).from(invitations).where(eq(invitations.waveId, t.wave.id)))[0].n;

describe("the demo link of npm start", () => {
  it("is made once and printed again on every restart, without a new invitation", async () => {
    const first = await demoLink(t.db, t.wave.id, "http://localhost:8787", t.clock.now, file);
    expect(first).toMatch(/^http:\/\/localhost:8787\/s\/[a-z2-7]{32}$/);
    const n = await invited();
    for (let restart = 0; restart < 3; restart++)
      expect(await demoLink(t.db, t.wave.id, "http://localhost:8787/", t.clock.now, file)).toBe(first);
    expect(await invited()).toBe(n);
    // The link works: the survey opens.
    const token = first.split("/s/")[1];
    expect((await t.request(`/api/s/${token}`, { as: "anonymous" })).status).toBe(200);
  });

  it("is replaced once used, for another wave, or when the file is damaged", async () => {
    const first = await demoLink(t.db, t.wave.id, "http://x", t.clock.now, file);
    const token = first.split("/s/")[1];
    expect((await t.request(`/api/s/${token}/response`, { method: "POST", as: "anonymous", json: { data: COMPLETE } })).status).toBe(201);
    const second = await demoLink(t.db, t.wave.id, "http://x", t.clock.now, file);
    expect(second).not.toBe(first);
    expect(JSON.parse(readFileSync(file, "utf8")).token).toBe(second.split("/s/")[1]);
    writeFileSync(file, "{kapot");
    const third = await demoLink(t.db, t.wave.id, "http://x", t.clock.now, file);
    expect(third).not.toBe(second);
    expect(await demoLink(t.db, t.wave.id, "http://x", t.clock.now, file)).toBe(third);
  });
});
