import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";

/** Issue 16: the week view of one's own hours (getMyWeek). */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-07-09T10:00:00Z") });
});
afterAll(async () => {
  await t.close();
});

const register = async (performedOn: string, hours: number, as: "kwaliteit" | "medewerker") => {
  const res = await t.request("/api/activities", {
    method: "POST",
    as,
    json: { kind: "advies", municipalityId: "heiloo", performedOn, hours, staffRole: "adviseur" },
  });
  expect(res.status, await res.clone().text()).toBe(201);
};
type Week = {
  week: string;
  from: string;
  to: string;
  days: { date: string; hours: number; cost: number }[];
  totalHours: number;
  totalCost: number;
  activities: { performedOn: string; hours: number }[];
};

describe("my hours per week", () => {
  it("shows only one's own hours of that Monday-to-Sunday week, per day and in total", async () => {
    await register("2026-07-06", 2, "medewerker");
    await register("2026-07-08", 1.5, "medewerker");
    await register("2026-07-05", 1, "medewerker"); // the Sunday before
    await register("2026-07-07", 3, "kwaliteit"); // someone else's
    const res = await t.request("/api/activities/week?date=2026-07-09", { as: "medewerker" });
    expect(res.status).toBe(200);
    const week = (await res.json()) as Week;
    expect(week).toMatchObject({ week: "2026-W28", from: "2026-07-06", to: "2026-07-12", totalHours: 3.5, totalCost: 308 }); // 3.5 × € 88
    expect(week.days.map((d) => d.hours)).toEqual([2, 0, 1.5, 0, 0, 0, 0]);
    expect(week.days.map((d) => d.date)).toEqual([
      "2026-07-06",
      "2026-07-07",
      "2026-07-08",
      "2026-07-09",
      "2026-07-10",
      "2026-07-11",
      "2026-07-12",
    ]);
    expect(week.activities.map((a) => a.performedOn)).toEqual(["2026-07-06", "2026-07-08"]);
    // Without a date: the current week (the clock says Thursday 9 July).
    expect(((await (await t.request("/api/activities/week", { as: "medewerker" })).json()) as Week).totalHours).toBe(3.5);
    expect((await (await t.request("/api/activities/week?date=2026-07-05", { as: "medewerker" })).json()) as Week).toMatchObject({
      week: "2026-W27",
      totalHours: 1,
    });
    expect(((await (await t.request("/api/activities/week?date=2026-07-07", { as: "kwaliteit" })).json()) as Week).totalHours).toBe(3);
  });

  it("refuses a bad date naming the field, and roles that register no hours", async () => {
    for (const date of ["2026-13-01", "gisteren", "2026-7-6"]) {
      const res = await t.request(`/api/activities/week?date=${date}`, { as: "medewerker" });
      expect(res.status, date).toBe(400);
      expect(((await res.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)).toEqual(["date"]);
    }
    expect((await t.request("/api/activities/week", { as: "management" })).status).toBe(403);
    expect((await t.request("/api/activities/week", { as: "anonymous" })).status).toBe(401);
  });
});
