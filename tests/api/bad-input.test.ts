import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { rows } from "../../db/migrate.ts";
import { questionnaires, waves } from "../../db/schema.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let token = "";
let choiceToken = "";

async function inviteTo(waveId: string) {
  const res = await t.request(`/api/waves/${waveId}/invitations`, {
    method: "POST",
    json: { invitations: [{ organisation: "Politie Noord-Holland", organisationType: "veiligheid" }] },
  });
  return ((await res.json()) as { invitations: { token: string }[] }).invitations[0].token;
}

beforeAll(async () => {
  t = await testApp();
  token = await inviteTo(t.wave.id);
  const [q] = await t.db
    .insert(questionnaires)
    .values({
      key: "keuzes",
      version: 1,
      title: "Keuzes",
      definition: { pages: [{ elements: [{ type: "radiogroup", name: "rol", isRequired: true, choices: ["gemeente", "politie"] }] }] },
    })
    .returning();
  const [w] = await t.db
    .insert(waves)
    .values({
      name: "Keuzemeting",
      questionnaireId: q.id,
      opensAt: new Date("2026-09-01T00:00:00Z"),
      closesAt: new Date("2026-11-01T00:00:00Z"),
    })
    .returning();
  choiceToken = await inviteTo(w.id);
  await t.request(`/api/s/${token}/progress`, { method: "PUT", json: { data: { bek_weten: 2 } } });
});
afterAll(async () => {
  await t.close();
});

async function snapshot() {
  const r = rows<Record<string, unknown>>(
    await t.db.execute(sql`select
    (select count(*)::int from responses) as responses, (select count(*)::int from answers) as answers,
    (select count(*)::int from open_answers) as open_answers, (select count(*)::int from invitations) as invitations,
    (select coalesce(string_agg(progress::text, '|' order by id), '') from invitations) as progress`),
  );
  return r[0];
}

let before: Record<string, unknown>;
beforeEach(async () => {
  before = await snapshot();
});

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string; details?: { question?: string; reason?: string }[] } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(await snapshot()).toEqual(before);
  return body.error;
}

const put = (tok: string, data: unknown) => t.request(`/api/s/${tok}/progress`, { method: "PUT", as: "anonymous", json: { data } });
const post = (tok: string, data: unknown) => t.request(`/api/s/${tok}/response`, { method: "POST", as: "anonymous", json: { data } });

describe("bad answers are refused with 4xx JSON naming the question, and nothing is stored", () => {
  for (const [label, send] of [
    ["saveProgress", put],
    ["submitResponse", post],
  ] as const) {
    it(`${label}: unknown question`, async () => {
      const e = await expectError(await send(token, { ...COMPLETE, adres: "Dorpsstraat 1" }), 422, "invalid_answers");
      expect(e.details).toContainEqual(expect.objectContaining({ question: "adres", reason: "unknown_question" }));
    });
    it(`${label}: rating out of range`, async () => {
      const e = await expectError(await send(token, { ...COMPLETE, aanbeveling: 11 }), 422, "invalid_answers");
      expect(e.details).toContainEqual(expect.objectContaining({ question: "aanbeveling", reason: "out_of_range" }));
    });
    it(`${label}: wrong type`, async () => {
      const e = await expectError(await send(token, { ...COMPLETE, cijfer: "acht" }), 422, "invalid_answers");
      expect(e.details).toContainEqual(expect.objectContaining({ question: "cijfer", reason: "wrong_type" }));
    });
    it(`${label}: text over the length limit`, async () => {
      const e = await expectError(await send(token, { ...COMPLETE, beter: "x".repeat(2001) }), 422, "invalid_answers");
      expect(e.details).toContainEqual(expect.objectContaining({ question: "beter", reason: "too_long" }));
    });
    it(`${label}: choice not in the list`, async () => {
      const e = await expectError(await send(choiceToken, { rol: "burgemeester" }), 422, "invalid_answers");
      expect(e.details).toContainEqual(expect.objectContaining({ question: "rol", reason: "invalid_choice" }));
    });
  }

  it("submitResponse: a required question left empty", async () => {
    const { cijfer: _, ...partial } = COMPLETE;
    const e = await expectError(await post(token, partial), 422, "invalid_answers");
    expect(e.details).toContainEqual(expect.objectContaining({ question: "cijfer", reason: "required" }));
  });

  it("malformed JSON is a 400", async () => {
    await expectError(
      await t.request(`/api/s/${token}/response`, {
        method: "POST",
        as: "anonymous",
        headers: { "content-type": "application/json" },
        body: '{"data": {"cijfer": 8',
      }),
      400,
      "malformed_request",
    );
  });

  it("a body that does not match the contract is a 400", async () => {
    await expectError(
      await t.request(`/api/s/${token}/response`, { method: "POST", as: "anonymous", json: { answers: COMPLETE } }),
      400,
      "invalid_input",
    );
    await expectError(
      await t.request(`/api/s/${token}/response`, { method: "POST", as: "anonymous", json: { data: COMPLETE, extra: 1 } }),
      400,
      "invalid_input",
    );
    await expectError(
      await t.request(`/api/s/${token}/response`, { method: "POST", as: "anonymous", json: { data: [1, 2] } }),
      400,
      "invalid_input",
    );
  });

  it("an oversized body is a 413", async () => {
    await expectError(await post(token, { ...COMPLETE, beter: "x".repeat(300_000) }), 413, "payload_too_large");
  });

  it("an unknown token is a 404, a malformed one a 400", async () => {
    await expectError(await post("a".repeat(32), COMPLETE), 404, "unknown_token");
    await expectError(await t.request(`/api/s/${"a".repeat(32)}`, { as: "anonymous" }), 404, "unknown_token");
    await expectError(await post("NIET-GELDIG!", COMPLETE), 400, "invalid_input");
  });

  it("a closed wave is a 410 and a wave not yet open a 403", async () => {
    const now = t.clock.now;
    try {
      t.clock.now = new Date("2026-11-02T00:00:00Z");
      await expectError(await post(token, COMPLETE), 410, "wave_closed");
      await expectError(await put(token, { bek_weten: 1 }), 410, "wave_closed");
      t.clock.now = new Date("2026-08-01T00:00:00Z");
      await expectError(await t.request(`/api/s/${token}`, { as: "anonymous" }), 403, "wave_not_open");
    } finally {
      t.clock.now = now;
    }
  });

  it("a second, different submission is a 409", async () => {
    const fresh = await inviteTo(t.wave.id);
    expect((await post(fresh, COMPLETE)).status).toBe(201);
    before = await snapshot();
    await expectError(await post(fresh, { ...COMPLETE, cijfer: 2 }), 409, "already_submitted");
    await expectError(await put(fresh, { cijfer: 2 }), 409, "already_submitted");
  });
});

describe("bad invitations are refused and create nothing", () => {
  const create = (invitations: unknown, waveId = t.wave.id) =>
    t.request(`/api/waves/${waveId}/invitations`, { method: "POST", json: { invitations } });
  const ok = { organisation: "Gemeente Texel", organisationType: "gemeente", municipality: "Texel" };

  it("unknown municipality (Uitgeest is not in Noord-Holland Noord)", async () => {
    await expectError(await create([ok, { ...ok, municipality: "Uitgeest" }]), 400, "unknown_municipality");
  });
  it("municipality and branch that do not belong together", async () => {
    await expectError(await create([{ ...ok, branch: "alkmaar" }]), 400, "branch_mismatch");
  });
  it("invalid e-mail, organisation type, empty list, unknown field", async () => {
    await expectError(await create([{ ...ok, email: "geen-mail" }]), 400, "invalid_input");
    await expectError(await create([{ ...ok, organisationType: "bakkerij" }]), 400, "invalid_input");
    await expectError(await create([]), 400, "invalid_input");
    await expectError(await create([{ ...ok, bsn: "123456782" }]), 400, "invalid_input");
  });
  it("unknown wave is a 404, a closed wave a 409", async () => {
    await expectError(await create([ok], "00000000-0000-4000-8000-000000000000"), 404, "wave_not_found");
    await expectError(await create([ok], "geen-uuid"), 400, "invalid_input");
    const [closed] = await t.db
      .insert(waves)
      .values({
        name: "KTO gesloten",
        questionnaireId: t.questionnaireId,
        opensAt: new Date("2026-01-01T00:00:00Z"),
        closesAt: new Date("2026-02-01T00:00:00Z"),
      })
      .returning();
    before = await snapshot();
    await expectError(await create([ok], closed.id), 409, "wave_closed");
  });
});

describe("ids that are not uuids", () => {
  it("are a 404 JSON error on every id route, never a database error", async () => {
    const fake = "-".repeat(36);
    const paths = [
      `/api/conferences/${fake}`,
      `/api/evidence/${fake}`,
      `/api/reports/deliveries/${fake}`,
      `/api/findings/${fake}`,
      `/api/actions/${fake}/evaluation`,
      `/api/risks/${fake}`,
      `/api/management-reviews/${fake}`,
      `/api/cases/${fake}`,
    ];
    for (const path of paths) {
      const res = await t.request(path, { as: "kwaliteit" });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message, path).toBeTruthy();
    }
    const patch = await t.request(`/api/follow-ups/${fake}`, { method: "PATCH", json: { doneOn: "2026-01-01" } });
    expect(patch.status).toBe(404);
  });
});
