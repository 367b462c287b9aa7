import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { count, testApp } from "../helpers/app.ts";
import { partnerIds, registerCase, registerConference, type Partners } from "../helpers/registry.ts";

/** Issue 16: bulk hours for a conference (all or nothing), corrections that keep history, and the mail status. */
let t: Awaited<ReturnType<typeof testApp>>;
let p: Partners;
let caseId: string;
let conferenceId: string;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-07-09T10:00:00Z") });
  p = await partnerIds(t.db);
  caseId = (await registerCase(t, p)).id;
  conferenceId = (await registerConference(t, p, [caseId])).id;
});
afterAll(async () => {
  await t.close();
});

type Activity = { id: string; hours: number; cost: number; correctsId: string | null; correctedById: string | null; userId: string | null };
type Err = { error: { code: string; details?: { path: string }[] } };
const row = (over: Record<string, unknown> = {}) => ({
  kind: "casusoverleg",
  municipalityId: "alkmaar",
  caseId,
  performedOn: "2026-03-17",
  hours: 1.5,
  staffRole: "procesregisseur",
  ...over,
});
const totals = async (from = "2026-03-01", to = "2026-03-31") => {
  const res = await t.request(`/api/registry/metrics?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { hours: { total: { hours: number; cost: number } } }).hours.total;
};
const bulk = (json: unknown, as: "kwaliteit" | "medewerker" | "management" = "kwaliteit") =>
  t.request("/api/activities/bulk", { method: "POST", json, as });

describe("bulk hours for a conference's attendees", () => {
  it("stores every row in one request, linked to the conference, and audits each", async () => {
    const before = await totals();
    const trail = await count(t.db, "audit_log");
    const res = await bulk({
      conferenceId,
      activities: [row(), row({ organisationId: p.politie, staffRole: "adviseur", hours: 1 }), row({ organisationId: p.vt, hours: 2 })],
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { activities } = (await res.json()) as { activities: (Activity & { conferenceId: string })[] };
    expect(activities).toHaveLength(3);
    expect(activities.every((a) => a.conferenceId === conferenceId)).toBe(true);
    expect(await count(t.db, "audit_log")).toBe(trail + 3);
    const after = await totals();
    expect(after.hours).toBe(before.hours + 4.5);
    expect(after.cost).toBe(before.cost + 1.5 * 92 + 88 + 2 * 92);
    const listed = (await (await t.request(`/api/activities?conference=${conferenceId}`)).json()) as { activities: Activity[] };
    expect(listed.activities).toHaveLength(3);
  });

  it("stores nothing when one row is bad, and names that row's field", async () => {
    const other = await registerCase(t, p);
    const stored = await count(t.db, "activities");
    const trail = await count(t.db, "audit_log");
    // Caught by the schema: an absurd number of hours in row 2.
    let res = await bulk({ conferenceId, activities: [row(), row(), row({ hours: 400 })] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Err).error.details?.map((d) => d.path)).toEqual(["activities.2.hours"]);
    // Caught by the service: a function without an hourly rate in row 1.
    res = await bulk({ conferenceId, activities: [row(), row({ staffRole: "stagiair" })] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Err;
    expect(body.error.code).toBe("unknown_staff_role");
    expect(body.error.details?.map((d) => d.path)).toEqual(["activities.1.staffRole"]);
    // A case that was not discussed in this conference.
    res = await bulk({ conferenceId, activities: [row({ caseId: other.id })] });
    expect(((await res.json()) as Err).error.details?.map((d) => d.path)).toEqual(["activities.0.caseId"]);
    expect(await count(t.db, "activities")).toBe(stored);
    expect(await count(t.db, "audit_log")).toBe(trail);
  });

  it("is for the roles that register hours; only kwaliteit may name another staff member", async () => {
    expect((await bulk({ activities: [row()] }, "management")).status).toBe(403);
    const res = await bulk({ activities: [row({ userId: "00000000-0000-4000-8000-000000000000" })] }, "medewerker");
    expect(res.status).toBe(403);
    expect(((await res.json()) as Err).error.details?.map((d) => d.path)).toEqual(["activities.0.userId"]);
    expect((await bulk({ activities: [row()] }, "medewerker")).status).toBe(201);
    expect((await t.request("/api/activities/bulk", { method: "POST", json: { activities: [row()] }, as: "anonymous" })).status).toBe(401);
  });
});

describe("corrections keep history", () => {
  it("replaces a record with a new one; the old stays, marked, and only the new counts", async () => {
    const created = await t.request("/api/activities", {
      method: "POST",
      json: row({ caseId: undefined, performedOn: "2026-07-07", hours: 3, kind: "advies" }),
      as: "medewerker",
    });
    expect(created.status).toBe(201);
    const old = ((await created.json()) as { activity: Activity }).activity;
    const before = await totals("2026-07-01", "2026-07-31");
    const trail = await count(t.db, "audit_log");
    const res = await t.request(`/api/activities/${old.id}/correction`, {
      method: "POST",
      json: { ...row({ caseId: undefined, performedOn: "2026-07-07", hours: 2, kind: "advies" }), reason: "Dubbel geteld uur" },
      as: "medewerker",
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const fixed = ((await res.json()) as { activity: Activity }).activity;
    expect(fixed).toMatchObject({ correctsId: old.id, hours: 2, userId: old.userId });
    expect(await count(t.db, "audit_log")).toBe(trail + 1);
    const after = await totals("2026-07-01", "2026-07-31");
    expect(after.hours).toBe(before.hours - 1);

    // The old one is still there, marked as corrected, in the history and in the week view.
    const history = (await (await t.request("/api/activities?from=2026-07-07&to=2026-07-07&history=true")).json()) as {
      activities: Activity[];
    };
    expect(history.activities.find((a) => a.id === old.id)?.correctedById).toBe(fixed.id);
    const current = (await (await t.request("/api/activities?from=2026-07-07&to=2026-07-07")).json()) as { activities: Activity[] };
    expect(current.activities.map((a) => a.id)).toEqual([fixed.id]);
    const week = (await (await t.request("/api/activities/week?date=2026-07-07", { as: "medewerker" })).json()) as {
      totalHours: number;
      activities: Activity[];
    };
    expect(week.activities.map((a) => a.id).sort()).toEqual([old.id, fixed.id].sort());
    expect(week.totalHours).toBe(2);

    // The auditor's evidence pack counts the correction, not the record it replaced: the same hours as Rendement.
    // A pack holds what was entered by the end of its period, and a period ends before today: three days on.
    const today = t.clock.now;
    t.clock.now = new Date("2026-07-12T10:00:00Z");
    const pack = await t.request("/api/evidence-pack?from=2026-07-01&to=2026-07-10", { as: "auditor" });
    t.clock.now = today;
    expect(pack.status, pack.status === 200 ? "" : await pack.clone().text()).toBe(200);
    const files = unzipSync(new Uint8Array(await pack.arrayBuffer()));
    const name = Object.keys(files).find((f) => /^data\/9\.1\.3\/kengetallen-.*\.json$/.test(f))!;
    const figures = JSON.parse(strFromU8(files[name])) as { hours: { total: { hours: number } } };
    expect(figures.hours.total.hours).toBe((await totals("2026-07-01", "2026-07-10")).hours);

    // Corrected once: a second correction of the old record is refused; the new one can be corrected.
    const again = await t.request(`/api/activities/${old.id}/correction`, {
      method: "POST",
      json: { ...row({ caseId: undefined, performedOn: "2026-07-07", hours: 1, kind: "advies" }), reason: "Nog een keer" },
      as: "medewerker",
    });
    expect(again.status).toBe(409);
  });

  it("refuses a correction without a reason (naming the field), of someone else's hours, or by a reader", async () => {
    const created = await t.request("/api/activities", { method: "POST", json: row({ caseId: undefined, performedOn: "2026-07-06" }) });
    const theirs = ((await created.json()) as { activity: Activity }).activity;
    const fix = { ...row({ caseId: undefined, performedOn: "2026-07-06", hours: 1 }), reason: "Verkeerde dag" };
    const noReason = await t.request(`/api/activities/${theirs.id}/correction`, { method: "POST", json: { ...fix, reason: undefined } });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as Err).error.details?.map((d) => d.path)).toEqual(["reason"]);
    expect((await t.request(`/api/activities/${theirs.id}/correction`, { method: "POST", json: fix, as: "medewerker" })).status).toBe(403);
    expect((await t.request(`/api/activities/${theirs.id}/correction`, { method: "POST", json: fix, as: "management" })).status).toBe(403);
    expect((await t.request("/api/activities/bestaat-niet/correction", { method: "POST", json: fix })).status).toBe(404);
  });
});

describe("mail status", () => {
  it("says whether SMTP is configured, only yes or no, for those who configure", async () => {
    const res = await t.request("/api/settings/mail", { as: "admin" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ smtpConfigured: false, digestConfigured: false });
    expect((await t.request("/api/settings/mail", { as: "medewerker" })).status).toBe(403);
  });
});
