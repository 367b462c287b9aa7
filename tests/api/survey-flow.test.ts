import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, testApp } from "../helpers/app.ts";
import { createNodeApp } from "../../api/server.node.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { mixAll } from "../helpers/pool.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

async function invite(org = "Politie Noord-Holland", extra: Record<string, unknown> = {}) {
  const res = await t.request(`/api/waves/${t.wave.id}/invitations`, {
    method: "POST",
    json: { invitations: [{ organisation: org, organisationType: "veiligheid", ...extra }] },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { invitations: { token: string; url: string }[] };
  return body.invitations[0];
}

describe("survey flow: invite → open → save → resume → submit → duplicate → results", () => {
  it("runs end to end", async () => {
    const inv = await invite("Gemeente Alkmaar", { organisationType: "gemeente", municipality: "Alkmaar" });
    expect(inv.url).toBe(`http://test.local/s/${inv.token}`);
    expect(inv.token.length).toBeGreaterThanOrEqual(26); // ≥128 bits in base32

    const open = await t.request(`/api/s/${inv.token}`);
    expect(open.status).toBe(200);
    const survey = (await open.json()) as { definition: { pages: unknown[] }; data: object; organisation: string };
    expect(survey.definition.pages.length).toBeGreaterThan(3);
    expect(survey.data).toEqual({});

    const save = await t.request(`/api/s/${inv.token}/progress`, { method: "PUT", json: { data: { bek_weten: 4, rol_taken: 2 } } });
    expect(save.status).toBe(200);
    const resumed = (await (await t.request(`/api/s/${inv.token}`)).json()) as { data: object };
    expect(resumed.data).toEqual({ bek_weten: 4, rol_taken: 2 });

    const headers = { "Idempotency-Key": "submit-abc-123" };
    const first = await t.request(`/api/s/${inv.token}/response`, { method: "POST", headers, json: { data: COMPLETE } });
    expect(first.status).toBe(201);
    const receipt = ((await first.json()) as { receipt: string }).receipt;

    const retry = await t.request(`/api/s/${inv.token}/response`, { method: "POST", headers, json: { data: COMPLETE } });
    expect(retry.status).toBe(200);
    expect((await retry.json()) as { receipt: string; replayed: boolean }).toMatchObject({ receipt, replayed: true });
    // Anonymous wave: parked in the pool once, mixed into the responses later.
    expect(await count(t.db, "response_pool")).toBe(1);
    expect(await count(t.db, "responses")).toBe(0);
    await mixAll(t.db, t.clock.now);
    expect(await count(t.db, "response_pool")).toBe(0);
    expect(await count(t.db, "responses")).toBe(1);

    const other = await t.request(`/api/s/${inv.token}/response`, { method: "POST", json: { data: { ...COMPLETE, cijfer: 3 } } });
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("already_submitted");
    expect((await t.request(`/api/s/${inv.token}`)).status).toBe(409);
    expect(await count(t.db, "responses")).toBe(1);
    expect(await count(t.db, "answers")).toBe(18);
    expect(await count(t.db, "open_answers")).toBe(2);

    const results = (await (await t.request(`/api/waves/${t.wave.id}/results`)).json()) as {
      overall: { respondents: number; invited: number; suppressed: boolean; questions: unknown[] };
      groups: { organisationType: { key: string; suppressed: boolean }[] };
    };
    const listed = (await (await t.request("/api/waves")).json()) as {
      waves: { id: string; invited: number; responded: number; status: string }[];
    };
    expect(listed.waves.find((w) => w.id === t.wave.id)).toMatchObject({ invited: 1, responded: 1, status: "open" });
    // One respondent: counts are shown, scores are not (fewer than 5).
    expect(results.overall).toMatchObject({ respondents: 1, invited: 1, suppressed: true, questions: [] });
    expect(JSON.stringify(results)).not.toContain('"mean"');
    expect(results.groups.organisationType.find((g) => g.key === "gemeente")).toEqual({ key: "gemeente", suppressed: true });
  });

  it("sends the questionnaire gzip-compressed to a phone that accepts it, as the same JSON (Node entry)", async () => {
    const inv = await invite("Reclassering Nederland");
    const web = createNodeApp(t.db, { publicUrl: "http://test.local", now: () => t.clock.now, version: "t", clientIp: () => "192.0.2.1" });
    const plain = await web.request(`/api/s/${inv.token}`);
    const packed = await web.request(`/api/s/${inv.token}`, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(packed.status).toBe(200);
    expect(packed.headers.get("content-encoding")).toBe("gzip");
    const bytes = new Uint8Array(await packed.arrayBuffer());
    const text = await plain.text();
    expect(bytes.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(bytes).toString("utf8")).toBe(text);
    // Without Accept-Encoding (a client that cannot inflate), the JSON comes as it is.
    expect(plain.headers.get("content-encoding")).toBeNull();
  });

  it("keeps no link between an anonymous response and its invitation", async () => {
    const inv = await invite("GGD Hollands Noorden", { organisationType: "zorg" });
    await t.request(`/api/s/${inv.token}/response`, { method: "POST", json: { data: COMPLETE } });
    await mixAll(t.db, t.clock.now);
    const { sql } = await import("drizzle-orm");
    const { rows } = await import("../../db/migrate.ts");
    const r = rows<Record<string, unknown>>(await t.db.execute(sql`select * from responses`));
    for (const row of r) {
      expect(row.invitation_id).toBeNull();
      expect(row.organisation).toBeNull();
      expect(String(row.submitted_on)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("creating waves", () => {
  it("creates a named wave whose responses keep their invitation, and refuses bad waves", async () => {
    const res = await t.request("/api/waves", {
      method: "POST",
      json: {
        name: "KTO 2026 (op naam)",
        opensAt: "2026-09-15T00:00:00+02:00",
        closesAt: "2026-10-31T23:59:00+01:00",
        anonymous: false,
      },
    });
    expect(res.status).toBe(201);
    const { wave } = (await res.json()) as { wave: { id: string; status: string; anonymous: boolean } };
    expect(wave).toMatchObject({ status: "open", anonymous: false });
    const inv = (await (
      await t.request(`/api/waves/${wave.id}/invitations`, {
        method: "POST",
        json: { invitations: [{ organisation: "Woonwaard", organisationType: "wonen" }] },
      })
    ).json()) as { invitations: { token: string }[] };
    expect(
      (await t.request(`/api/s/${inv.invitations[0].token}/response`, { method: "POST", as: "anonymous", json: { data: COMPLETE } }))
        .status,
    ).toBe(201);
    const { sql } = await import("drizzle-orm");
    const { rows } = await import("../../db/migrate.ts");
    const [named] = rows<{ invitation_id: string | null; organisation: string }>(
      await t.db.execute(sql`select invitation_id, organisation from responses where wave_id = ${wave.id}`),
    );
    expect(named.invitation_id).not.toBeNull();
    expect(named.organisation).toBe("Woonwaard");

    const before = await count(t.db, "waves");
    const backwards = await t.request("/api/waves", {
      method: "POST",
      json: { name: "Achterstevoren", opensAt: "2026-10-01T00:00:00Z", closesAt: "2026-09-01T00:00:00Z" },
    });
    expect(backwards.status).toBe(400);
    const dup = await t.request("/api/waves", {
      method: "POST",
      json: { name: "KTO 2026 (op naam)", opensAt: "2026-10-01T00:00:00Z", closesAt: "2026-12-01T00:00:00Z" },
    });
    expect(dup.status).toBe(409);
    expect(await count(t.db, "waves")).toBe(before);
  });
});
