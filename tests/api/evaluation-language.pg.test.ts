import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { branches, conferences, effectivenessReviews, users } from "../../db/schema.ts";
import { errorText, type ErrorParams } from "../../api/lib/error-text.ts";

/**
 * An action's automatic evaluation says its outcome, why it is not measurable yet and the period it
 * measured by catalog code (issue 12), so the dashboard renders it in the reader's language. On both
 * engines: the period and the explanation travel as jsonb in a stored effectiveness review, and an
 * evaluation stored before the codes (Dutch sentences) must still come back as it was stored.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let ids: Record<string, string>;
const at = async (iso: string) => {
  t.clock.now = new Date(iso);
  await t.renewSessions();
};

beforeAll(async () => {
  t = await testApp({ now: new Date("2026-07-10T10:00:00Z") });
  ids = Object.fromEntries((await t.db.select().from(users)).map((u) => [u.role, u.id]));
});
afterAll(async () => {
  await t.close();
});

const post = (path: string, json: unknown) => t.request(path, { method: "POST", json, as: "kwaliteit" });
const data = async <T>(res: Response, status: number): Promise<T> => {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body as T;
};

describe("a conference metric evaluated over its period", () => {
  it("labels the period by code and explains the share by code, in either language", async () => {
    await at("2026-07-10T10:00:00Z");
    const [branch] = await t.db.select().from(branches).limit(1);
    // Two of three conferences in Q2 explained the roles; none in the quarter before, so no baseline.
    await t.db.insert(conferences).values(
      [true, true, false].map((rolesExplained, i) => ({
        heldOn: `2026-0${4 + i}-15`,
        branchId: branch.id,
        chair: "Voorzitter",
        rolesExplained,
        hasAanleiding: true,
        hasDoel: true,
        hasAanpak: true,
      })),
    );
    const { finding } = await data<{ finding: { id: string } }>(
      await post("/api/findings", {
        source: "complaint",
        title: "Rollen niet toegelicht",
        description: "Partners wisten niet wie wat deed.",
        classification: "observation",
        clauses: ["8.5.1"],
        foundOn: "2026-07-09",
      }),
      201,
    );
    const { action } = await data<{ action: { id: string } }>(
      await post("/api/actions", {
        findingIds: [finding.id],
        title: "Rollen toelichten bij de start",
        ownerId: ids.kwaliteit,
        dueOn: "2026-08-01",
        criterion: {
          kind: "conference_metric",
          text: "rollen toegelicht in ≥ 90 % over Q2",
          metric: "rolesExplained",
          comparator: ">=",
          target: 90,
          from: "2026-04-01",
          to: "2026-06-30",
        },
      }),
      201,
    );
    const ev = await data<{
      status: string;
      baseline: unknown;
      result: { label: { code: string; params: ErrorParams; message: string }; n: number };
      explanation: { code: string; params: ErrorParams; message: string };
    }>(await t.request(`/api/actions/${action.id}/evaluation`), 200);
    expect(ev).toMatchObject({ status: "niet_gehaald", baseline: null, result: { n: 3 } });
    const period = { code: "eval_period", params: { from: "2026-04-01", to: "2026-06-30" } };
    expect(ev.result.label).toEqual({ ...period, message: "1 april 2026 t/m 30 juni 2026" });
    expect(ev.explanation).toEqual({
      code: "eval_outcome_share",
      params: { result: 66.7, resultLabel: period, comparator: "≥", target: 90, verdict: { code: "eval_not_met" } },
      message: "66,7\u00a0% (1 april 2026 t/m 30 juni 2026); doel ≥ 90\u00a0%: niet gehaald.",
    });
    expect(errorText("en", ev.result.label.code, ev.result.label.params)).toBe("1 April 2026 to 30 June 2026");
    expect(errorText("en", ev.explanation.code, ev.explanation.params)).toBe(
      "66.7% (1 April 2026 to 30 June 2026); target ≥ 90%: not met.",
    );

    // A review stored before the codes: its Dutch period, sentence and caveat come back as stored, next to a coded one.
    const coded = { ...ev, actionId: action.id, ref: "ACT-OUD" };
    const old = {
      ...coded,
      result: { ...ev.result, label: "1 april 2026 t/m 30 juni 2026" },
      caveats: ["Kleine aantallen (n = 3): het resultaat is onzeker."],
      explanation: "66,7 % (1 april 2026 t/m 30 juni 2026); doel ≥ 90,0 %: niet gehaald.",
    };
    await t.db.insert(effectivenessReviews).values(
      [old, coded].map((evaluation, i) => ({
        findingId: finding.id,
        reviewerId: ids.management,
        reviewedOn: `2026-07-0${i + 1}`,
        effective: false,
        explanation: "Nog niet doeltreffend.",
        evaluation: [evaluation],
      })),
    );
    const { finding: detail } = await data<{ finding: { reviews: { reviewedOn: string; evaluation: unknown[] }[] } }>(
      await t.request(`/api/findings/${finding.id}`),
      200,
    );
    const byDay = Object.fromEntries(detail.reviews.map((r) => [r.reviewedOn, r.evaluation[0]]));
    expect(byDay["2026-07-01"]).toMatchObject({
      result: { label: "1 april 2026 t/m 30 juni 2026" },
      caveats: ["Kleine aantallen (n = 3): het resultaat is onzeker."],
      explanation: "66,7 % (1 april 2026 t/m 30 juni 2026); doel ≥ 90,0 %: niet gehaald.",
    });
    expect(byDay["2026-07-02"]).toMatchObject({ result: { label: ev.result.label }, explanation: ev.explanation });
  });
});
