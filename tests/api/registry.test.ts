import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testApp, count } from "../helpers/app.ts";
import { newCase, newConference, partnerIds, registerCase, registerConference, type Partners } from "../helpers/registry.ts";
import { rows } from "../../db/migrate.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let p: Partners;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-10-01T10:00:00Z") });
  p = await partnerIds(t.db);
});
afterAll(async () => {
  await t.close();
});

const post = (path: string, json: unknown, as?: "kwaliteit" | "medewerker" | "gemeente" | "management") =>
  t.request(path, { method: "POST", json, as });

describe("case registry: validation", () => {
  it("registers a case under a generated pseudonymous code", async () => {
    const c = await registerCase(t, p);
    expect(c.code).toMatch(/^ALK-2026-\d{4}$/);
    const res = await t.request(`/api/cases/${c.code}`);
    expect(((await res.json()) as { case: { id: string; branchId: string } }).case).toMatchObject({ id: c.id, branchId: "alkmaar" });
  });

  it("refuses personal-data and other unknown fields, and stores nothing", async () => {
    const before = await count(t.db, "cases");
    for (const extra of [
      { naam: "Jan Jansen" },
      { bsn: "123456782" },
      { adres: "Dorpsstraat 1" },
      { code: "JANSEN-01" },
      { geboortedatum: "1990-01-01" },
    ]) {
      const res = await post("/api/cases", newCase(p, extra));
      expect(res.status, JSON.stringify(extra)).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid_input");
    }
    const res = await post("/api/conferences", { ...newConference(p, ["00000000-0000-4000-8000-000000000000"]), naam: "Jan" });
    expect(res.status).toBe(400);
    expect(await count(t.db, "cases")).toBe(before);
  });

  it("refuses unknown references, future dates and the PGA without both intake criteria", async () => {
    expect((await post("/api/cases", newCase(p, { municipalityId: "uitgeest" }))).status).toBe(400);
    expect((await post("/api/cases", newCase(p, { themeIds: ["bestaat-niet"] }))).status).toBe(400);
    expect((await post("/api/cases", newCase(p, { registeredOn: "2027-01-01" }))).status).toBe(400);
    const pga = await post("/api/cases", newCase(p, { themeIds: ["persoonsgerichte-aanpak"], societalImpact: false }));
    expect(pga.status).toBe(422);
    expect(((await pga.json()) as { error: { code: string } }).error.code).toBe("pga_criteria_not_met");
    expect((await post("/api/cases", newCase(p, { themeIds: ["persoonsgerichte-aanpak"] }))).status).toBe(201);
  });

  it("keeps a medewerker to the own branch", async () => {
    expect((await post("/api/cases", newCase(p, { municipalityId: "den-helder" }), "medewerker")).status).toBe(403);
    await registerCase(t, p, { municipalityId: "den-helder" });
    const list = (await (await t.request("/api/cases", { as: "medewerker" })).json()) as { cases: { branchId: string }[] };
    expect(list.cases.length).toBeGreaterThan(0);
    expect(new Set(list.cases.map((c) => c.branchId))).toEqual(new Set(["alkmaar"]));
    const dh = ((await (await t.request("/api/cases?municipality=den-helder")).json()) as { cases: { code: string }[] }).cases[0];
    expect((await t.request(`/api/cases/${dh.code}`, { as: "medewerker" })).status).toBe(404);
  });
});

describe("case conferences", () => {
  it("records the five elements and attendance, and shows notes only to those who run cases", async () => {
    const c = await registerCase(t, p);
    const conf = await registerConference(t, p, [c.id]);
    for (const [as, notes] of [
      ["kwaliteit", true],
      ["medewerker", true],
      ["management", false],
      ["auditor", false],
    ] as const) {
      const res = await t.request(`/api/conferences/${conf.id}`, { as });
      const body = ((await res.json()) as { conference: { notes: { aanleiding: string } | null; elementsRecorded: number } }).conference;
      expect(body.elementsRecorded).toBe(5);
      expect(body.notes?.aanleiding ?? null, as).toBe(notes ? newConference(p, []).aanleiding : null);
    }
    const caseNow = (await (await t.request(`/api/cases/${c.id}`)).json()) as { case: { status: string } };
    expect(caseNow.case.status).toBe("in_behandeling");
  });

  it("refuses cases of another branch, duplicate partners and follow-ups due before the meeting", async () => {
    const dh = await registerCase(t, p, { municipalityId: "den-helder" });
    const alk = await registerCase(t, p);
    expect((await post("/api/conferences", newConference(p, [dh.id]))).status).toBe(400);
    const dup = newConference(p, [alk.id]);
    dup.attendance.push({ organisationId: p.politie, status: "afwezig" });
    expect((await post("/api/conferences", dup)).status).toBe(400);
    expect(
      (await post("/api/conferences", newConference(p, [alk.id], { followUps: [{ ownerOrganisationId: p.vt, dueOn: "2026-03-01" }] })))
        .status,
    ).toBe(400);
  });

  it("honours 'lokaal, tenzij': the municipality marks its own case, after which the ZVH registers nothing more", async () => {
    const alk = await registerCase(t, p);
    const dh = await registerCase(t, p, { municipalityId: "den-helder" });
    expect((await post(`/api/cases/${dh.code}/local`, {}, "gemeente")).status).toBe(404);
    const res = await post(`/api/cases/${alk.code}/local`, { on: "2026-03-10" }, "gemeente");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { case: { handledLocallyOn: string } }).case.handledLocallyOn).toBe("2026-03-10");
    const conf = await post("/api/conferences", newConference(p, [alk.id]));
    expect(conf.status).toBe(409);
    const hours = await post("/api/activities", {
      kind: "procesregie",
      municipalityId: "alkmaar",
      caseId: alk.id,
      performedOn: "2026-03-20",
      hours: 1,
      staffRole: "procesregisseur",
    });
    expect(hours.status).toBe(409);
  });

  it("marks a follow-up agreement done", async () => {
    const c = await registerCase(t, p);
    const conf = await registerConference(t, p, [c.id]);
    const res = await t.request(`/api/follow-ups/${conf.followUps[0].id}`, { method: "PATCH", json: { doneOn: "2026-04-03" } });
    expect(await res.json()).toMatchObject({ followUp: { doneOn: "2026-04-03", state: "te_laat" } });
    expect((await t.request(`/api/follow-ups/${conf.followUps[0].id}`, { method: "PATCH", json: { doneOn: "2026-03-01" } })).status).toBe(
      400,
    );
  });
});

describe("activities and rates", () => {
  it("prices hours by the staff role's rate and refuses unknown roles", async () => {
    const ok = await post("/api/activities", {
      kind: "advies",
      municipalityId: "heiloo",
      performedOn: "2026-05-04",
      hours: 1.5,
      staffRole: "adviseur",
    });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { activity: { cost: number } }).activity.cost).toBe(132); // 1.5 × € 88
    expect(
      (
        await post("/api/activities", {
          kind: "advies",
          municipalityId: "heiloo",
          performedOn: "2026-05-04",
          hours: 1,
          staffRole: "stagiair",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post("/api/activities", {
          kind: "advies",
          municipalityId: "heiloo",
          performedOn: "2026-05-04",
          hours: 0.3,
          staffRole: "adviseur",
        })
      ).status,
    ).toBe(400);
  });
});

describe("retention of working notes", () => {
  it("erases the notes once the term has passed, keeps the metrics and writes the erasure to the audit trail", async () => {
    const c = await registerCase(t, p, { registeredOn: "2026-02-02" });
    const conf = await registerConference(t, p, [c.id], {
      heldOn: "2026-02-10",
      followUps: [{ ownerOrganisationId: p.vt, dueOn: "2026-02-20", note: "Werkaantekening-vervolg: bellen." }],
    });
    const open = await registerConference(t, p, [(await registerCase(t, p)).id]);
    expect(
      (await t.request(`/api/cases/${c.id}`, { method: "PATCH", json: { status: "afgesloten", closedOn: "2026-05-01" } })).status,
    ).toBe(200);
    const metricsBefore = await (await t.request("/api/registry/metrics")).json();

    const run = await post("/api/registry/retention/run", {});
    expect(run.status).toBe(200);
    expect(((await run.json()) as { erased: string[] }).erased).toEqual([conf.id]);

    const after = ((await (await t.request(`/api/conferences/${conf.id}`)).json()) as { conference: Record<string, unknown> }).conference;
    expect(after.notes).toEqual({ aanleiding: null, doel: null, aanpak: null });
    expect(after.notesErasedAt).toBe("2026-10-01T10:00:00.000Z");
    expect((after.followUps as { note: string | null }[])[0].note).toBeNull();
    expect(after.elementsRecorded).toBe(5);
    const still = ((await (await t.request(`/api/conferences/${open.id}`)).json()) as { conference: { notes: { aanleiding: string } } })
      .conference;
    expect(still.notes.aanleiding).not.toBeNull(); // its case still runs
    expect(await (await t.request("/api/registry/metrics")).json()).toEqual(metricsBefore);

    const audit = rows<{ action: string; entity: string; entity_id: string; after: unknown }>(
      await t.db.execute(sql`select * from audit_log where action = 'erase'`),
    );
    expect(audit.map((a) => [a.entity, a.entity_id])).toEqual([["conference_notes", conf.id]]);
    const leaked = rows(
      await t.db.execute(
        sql`select seq from audit_log where before::text like '%Werkaantekening%' or after::text like '%Werkaantekening%'`,
      ),
    );
    expect(leaked).toEqual([]); // the trail never held the notes
    expect(((await (await post("/api/registry/retention/run", {})).json()) as { erased: string[] }).erased).toEqual([]);
  });
});

describe("metrics API", () => {
  it("answers with figures and names, and keeps a gemeente to its own municipality", async () => {
    const all = (await (await t.request("/api/registry/metrics?from=2026-01-01&to=2026-12-31")).json()) as {
      conferences: number;
      names: Record<string, string>;
    };
    expect(all.conferences).toBeGreaterThan(3);
    expect(Object.values(all.names)).toContain("Veilig Thuis Noord-Holland Noord");
    const own = await t.request("/api/registry/metrics", { as: "gemeente" });
    expect(own.status).toBe(200);
    const body = (await own.json()) as { cases: { byMunicipality: { municipalityId: string }[] }; names: Record<string, string> };
    expect(body.cases.byMunicipality.map((m) => m.municipalityId)).toEqual(["alkmaar"]);
    expect(Object.values(body.names)).not.toContain("Den Helder");
    expect((await t.request("/api/registry/metrics?municipality=den-helder", { as: "gemeente" })).status).toBe(404);
    expect((await t.request("/api/registry/metrics?from=2026-05-01&to=2026-01-01")).status).toBe(400);
    expect((await t.request("/api/registry/metrics?theme=onbekend")).status).toBe(404);
  });
});
