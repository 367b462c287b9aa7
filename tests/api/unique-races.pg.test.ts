import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type As, count, testApp } from "../helpers/app.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { auditLog } from "../../db/schema.ts";

/**
 * Parallel requests that pass the same "is this name free?" check, on the engine of the vitest
 * project: the database's unique index refuses all but one, and each of those gets the check's
 * own 409 (never a 500), with nothing stored. And a link made by parallel requests is recorded once.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const N = 8;
type Reply = { status: number; code?: string };
async function race(path: string, json: (i: number) => unknown, as: As = "kwaliteit"): Promise<Reply[]> {
  const responses = await Promise.all(Array.from({ length: N }, (_, i) => t.request(path, { method: "POST", as, json: json(i) })));
  return Promise.all(
    responses.map(async (r) => ({
      status: r.status,
      code: r.status === 409 ? ((await r.json()) as { error: { code: string } }).error.code : undefined,
    })),
  );
}
const oneWins = (replies: Reply[], code: string) =>
  expect(replies.map((r) => `${r.status} ${r.code ?? ""}`.trim()).sort()).toEqual(["201", ...Array(N - 1).fill(`409 ${code}`)]);

describe("parallel creates of one name", () => {
  it("a wave: one 201, the others 409 wave_name_taken, one wave and one audit entry", async () => {
    for (let round = 0; round < 3; round++) {
      const name = `KTO parallel ${round}`;
      const audits = await count(t.db, "audit_log");
      oneWins(
        await race("/api/waves", () => ({ name, opensAt: "2026-10-01T00:00:00Z", closesAt: "2026-12-01T00:00:00Z" })),
        "wave_name_taken",
      );
      expect(await count(t.db, "audit_log")).toBe(audits + 1);
    }
  });

  it("a copied wave: one 201, the others 409 wave_name_taken", async () => {
    for (let round = 0; round < 3; round++) {
      const json = () => ({ name: `KTO kopie parallel ${round}`, opensAt: "2027-01-01T00:00:00Z", closesAt: "2027-02-01T00:00:00Z" });
      oneWins(await race(`/api/waves/${t.wave.id}/copy`, json), "wave_name_taken");
    }
  });

  it("a questionnaire: one 201, the others 409 questionnaire_key_taken", async () => {
    for (let round = 0; round < 3; round++) {
      const json = () => ({ key: `parallel-${round}`, title: "Parallel", definition: defaultQuestionnaire });
      oneWins(await race("/api/questionnaires", json), "questionnaire_key_taken");
    }
  });

  it("an account, in any case: one 201, the others 409 email_taken", async () => {
    for (let round = 0; round < 3; round++) {
      const email = (i: number) => (i % 2 ? `parallel${round}@zvh.test` : `PARALLEL${round}@ZVH.TEST`);
      oneWins(await race("/api/users", (i) => ({ email: email(i), role: "kwaliteit" }), "admin"), "email_taken");
    }
  });

  it("a theme, in any case: one 201, the others 409 theme_exists", async () => {
    for (let round = 0; round < 3; round++) {
      oneWins(await race("/api/themes", (i) => ({ name: i % 2 ? `Parallel thema ${round}` : `PARALLEL THEMA ${round}` })), "theme_exists");
    }
  });
});

describe("an open link made by parallel requests", () => {
  it("is the same link for every request, recorded once in the audit trail", async () => {
    const made = await Promise.all(Array.from({ length: N }, () => t.request(`/api/waves/${t.wave.id}/open-link`, { method: "POST" })));
    expect(made.map((r) => r.status)).toEqual(Array(N).fill(200));
    const urls = await Promise.all(made.map(async (r) => ((await r.json()) as { url: string }).url));
    expect(new Set(urls).size).toBe(1);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "open_link"), eq(auditLog.entityId, t.wave.id)));
    expect(entries).toHaveLength(1);
  });
});
