import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { partnerIds, registerCase, registerConference, type Partners } from "../helpers/registry.ts";

/** Issue 16: server-side paging, sorting and search by case code on listCases and listConferences (count(*) and ILIKE on both engines). */
let t: Awaited<ReturnType<typeof testApp>>;
let p: Partners;
const codes: string[] = [],
  caseIds: string[] = [];
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-10-01T10:00:00Z") });
  p = await partnerIds(t.db);
  const days = ["2026-03-05", "2026-01-10", "2026-06-20", "2026-02-14", "2026-06-20", "2026-04-01"];
  for (const [i, registeredOn] of days.entries()) {
    const c = await registerCase(t, p, { registeredOn, ...(i === 3 ? { municipalityId: "den-helder" } : {}) });
    codes.push(c.code);
    caseIds.push(c.id);
  }
  await registerConference(t, p, [caseIds[0]], { heldOn: "2026-03-17" });
  await registerConference(t, p, [caseIds[5]], { heldOn: "2026-07-01", followUps: [] });
  await registerConference(t, p, [caseIds[0], caseIds[5]], { heldOn: "2026-05-05", followUps: [] });
});
afterAll(async () => {
  await t.close();
});

type CasePage = { cases: { code: string; registeredOn: string }[]; total: number; limit: number | null; offset: number };
type ConfPage = { conferences: { heldOn: string }[]; total: number; limit: number | null; offset: number };
const get = async <T>(path: string, as: "kwaliteit" | "medewerker" = "kwaliteit") => {
  const res = await t.request(path, { as });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body as T;
};

describe("listCases paging", () => {
  it("without a limit returns every case, oldest first, with the total", async () => {
    const all = await get<CasePage>("/api/cases");
    expect(all).toMatchObject({ total: 6, limit: null, offset: 0 });
    expect(all.cases.map((c) => c.registeredOn)).toEqual([
      "2026-01-10",
      "2026-02-14",
      "2026-03-05",
      "2026-04-01",
      "2026-06-20",
      "2026-06-20",
    ]);
  });

  it("pages without overlap or gaps, also where the sort key ties, and counts the filtered total", async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 6; offset += 2) {
      const page = await get<CasePage>(`/api/cases?limit=2&offset=${offset}&sort=-registeredOn`);
      expect(page).toMatchObject({ total: 6, limit: 2, offset });
      seen.push(...page.cases.map((c) => c.code));
    }
    expect(new Set(seen).size).toBe(6);
    expect((await get<CasePage>("/api/cases?limit=2&offset=6")).cases).toEqual([]);
    const dates = (await get<CasePage>("/api/cases?sort=-registeredOn")).cases.map((c) => c.registeredOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const byCode = (await get<CasePage>("/api/cases?sort=code")).cases.map((c) => c.code);
    expect(byCode).toEqual([...byCode].sort());
    expect(await get<CasePage>("/api/cases?municipality=alkmaar&limit=1")).toMatchObject({ total: 5, limit: 1 });
  });

  it("searches by (part of) the case code, literally and case-insensitively", async () => {
    const target = codes[4];
    const hit = await get<CasePage>(`/api/cases?q=${target.slice(-4)}`);
    expect(hit.cases.map((c) => c.code)).toContain(target);
    expect(hit.total).toBe(hit.cases.length);
    expect((await get<CasePage>(`/api/cases?q=${target.toLowerCase()}`)).cases.map((c) => c.code)).toEqual([target]);
    expect(await get<CasePage>("/api/cases?q=DHR")).toMatchObject({ total: 1, cases: [{ code: codes[3] }] });
    expect((await get<CasePage>("/api/cases?q=ZZZ-9999")).total).toBe(0);
  });

  it("keeps a branch employee to the own branch in the total too", async () => {
    const own = await get<CasePage>("/api/cases?limit=2", "medewerker");
    expect(own.total).toBe(5);
  });

  it("refuses bad paging input naming the field", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["limit=abc", "limit"],
      ["offset=-1", "offset"],
      ["sort=naam", "sort"],
      ["q=%25", "q"],
      ["q=", "q"],
      [`q=${"A".repeat(41)}`, "q"],
    ] as const) {
      const res = await t.request(`/api/cases?${query}`);
      const body = (await res.json()) as { error: { details: { path: string }[] } };
      expect(res.status, query).toBe(400);
      expect(
        body.error.details.map((d) => d.path),
        query,
      ).toContain(field);
    }
  });
});

describe("listConferences paging", () => {
  it("pages, sorts, counts and searches by the code of a case discussed", async () => {
    expect(await get<ConfPage>("/api/conferences")).toMatchObject({ total: 3, limit: null, offset: 0 });
    const first = await get<ConfPage>("/api/conferences?limit=2&sort=-heldOn");
    expect(first).toMatchObject({ total: 3, limit: 2 });
    expect(first.conferences.map((c) => c.heldOn)).toEqual(["2026-07-01", "2026-05-05"]);
    expect((await get<ConfPage>("/api/conferences?limit=2&offset=2&sort=-heldOn")).conferences.map((c) => c.heldOn)).toEqual([
      "2026-03-17",
    ]);
    const about = await get<ConfPage>(`/api/conferences?q=${codes[5]}`);
    expect(about.conferences.map((c) => c.heldOn).sort()).toEqual(["2026-05-05", "2026-07-01"]);
    expect(about.total).toBe(2);
    expect((await get<ConfPage>("/api/conferences?q=DHR")).total).toBe(0);
    expect((await t.request("/api/conferences?sort=code")).status).toBe(400);
  });
});
