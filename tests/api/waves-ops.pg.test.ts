import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { count, testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { parseXlsx } from "../../api/domain/contacts/table.ts";
import { OPEN_LINK_PER_HOUR } from "../../api/waves/open-link.service.ts";
import { mixPool } from "../../api/respond/pool.service.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-10-10T10:00:00Z") });
});
afterAll(async () => {
  await t.close();
});

const body = async <T>(res: Response) => (await res.json()) as T;
type Wave = { id: string; status: string; closesAt: string; opensAt: string; invited: number; anonymous: boolean };
const status = (waveId: string, action: string, extra: Record<string, unknown> = {}) =>
  t.request(`/api/waves/${waveId}/status`, { method: "POST", json: { action, ...extra } });

async function invite(waveId: string, org: string, type = "zorg", extra: Record<string, unknown> = {}) {
  const res = await t.request(`/api/waves/${waveId}/invitations`, {
    method: "POST",
    json: { invitations: [{ organisation: org, organisationType: type, ...extra }] },
  });
  expect(res.status).toBe(201);
  return (await body<{ invitations: { token: string }[] }>(res)).invitations[0].token;
}

describe("wave lifecycle", () => {
  it("opens, pauses, resumes, extends and closes early, each in the audit trail; wrong moves are 409", async () => {
    const created = await body<{ wave: Wave }>(
      await t.request("/api/waves", {
        method: "POST",
        json: { name: "KTO 2027", opensAt: "2026-11-01T00:00:00Z", closesAt: "2026-12-01T00:00:00Z" },
      }),
    );
    const id = created.wave.id;
    expect((await status(id, "pause")).status).toBe(409);
    const opened = await body<{ wave: Wave }>(await status(id, "open"));
    expect(opened.wave).toMatchObject({ status: "open", opensAt: t.clock.now.toISOString() });
    const token = await invite(id, "GGD Hollands Noorden");
    expect((await body<{ wave: Wave }>(await status(id, "pause"))).wave.status).toBe("gepauzeerd");
    const paused = await t.request(`/api/s/${token}`);
    expect(paused.status).toBe(403);
    expect((await body<{ error: { code: string } }>(paused)).error.code).toBe("wave_paused");
    expect((await body<{ wave: Wave }>(await status(id, "resume"))).wave.status).toBe("open");
    expect((await t.request(`/api/s/${token}`)).status).toBe(200);
    expect((await status(id, "extend", { closesAt: "2026-11-15T00:00:00Z" })).status).toBe(400);
    expect((await body<{ wave: Wave }>(await status(id, "extend", { closesAt: "2026-12-15T00:00:00Z" }))).wave.closesAt).toBe(
      "2026-12-15T00:00:00.000Z",
    );
    expect((await body<{ wave: Wave }>(await status(id, "close"))).wave.status).toBe("gesloten");
    expect((await t.request(`/api/s/${token}`)).status).toBe(410);
    expect((await status(id, "close")).status).toBe(409);
    expect((await status(id, "open", { bogus: 1 })).status).toBe(400);
    expect((await t.request(`/api/waves/${id}/status`, { method: "POST", as: "management", json: { action: "open" } })).status).toBe(403);
    const trail = await body<{ entries: { action: string; entity: string; entityId: string; after: { action?: string } }[] }>(
      await t.request(`/api/audit?entity=wave&limit=50`),
    );
    const mine = trail.entries.filter((e) => e.entityId === id && e.after?.action).map((e) => e.after.action);
    expect(mine.sort()).toEqual(["close", "extend", "open", "pause", "resume"]);
  });

  it("two close requests at once: one wins, the other is a 409, one audit entry", async () => {
    const w = await body<{ wave: Wave }>(
      await t.request("/api/waves", {
        method: "POST",
        json: { name: "Race", opensAt: "2026-10-01T00:00:00Z", closesAt: "2026-12-01T00:00:00Z" },
      }),
    );
    const audits = await count(t.db, "audit_log");
    const res = await Promise.all([status(w.wave.id, "close"), status(w.wave.id, "close")]);
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count(t.db, "audit_log")).toBe(audits + 1);
  });

  it("copies a wave with its settings; the latest closed wave with results is the default view", async () => {
    await t.request(`/api/waves/${t.wave.id}/settings`, {
      method: "PATCH",
      json: { contactPerson: "Fatima Yilmaz, 072-123", reminderDays: [14, 7] },
    });
    const copy = await t.request(`/api/waves/${t.wave.id}/copy`, {
      method: "POST",
      json: { name: "KTO kopie", opensAt: "2027-01-01T00:00:00Z", closesAt: "2027-02-01T00:00:00Z" },
    });
    expect(copy.status).toBe(201);
    const c = await body<{ wave: Wave & { contactPerson: string; reminderDays: number[]; copiedFromId: string } }>(copy);
    expect(c.wave).toMatchObject({
      status: "gepland",
      contactPerson: "Fatima Yilmaz, 072-123",
      reminderDays: [7, 14],
      copiedFromId: t.wave.id,
    });
    expect(
      (
        await t.request(`/api/waves/${t.wave.id}/copy`, {
          method: "POST",
          json: { name: "KTO kopie", opensAt: "2027-01-01T00:00:00Z", closesAt: "2027-02-01T00:00:00Z" },
        })
      ).status,
    ).toBe(409);
    // Nothing closed with answers yet.
    expect((await body<{ wave: null }>(await t.request("/api/waves/latest-closed"))).wave).toBeNull();
    const token = await invite(t.wave.id, "Politie");
    expect((await t.request(`/api/s/${token}/response`, { method: "POST", json: { data: COMPLETE } })).status).toBe(201);
    expect((await body<{ wave: null }>(await t.request("/api/waves/latest-closed"))).wave).toBeNull(); // still running
    const running = await body<{ fieldwork: { running: boolean } }>(await t.request(`/api/waves/${t.wave.id}/results`));
    expect(running.fieldwork.running).toBe(true);
    await status(t.wave.id, "close");
    await mixPool(t.db, t.clock.now, { waveId: t.wave.id }); // anonymous: the rest of the pool is mixed in at close
    expect((await body<{ wave: Wave }>(await t.request("/api/waves/latest-closed"))).wave.id).toBe(t.wave.id);
    expect((await body<{ wave: Wave }>(await t.request(`/api/waves/${t.wave.id}`))).wave.status).toBe("gesloten");
  });
});

describe("fieldwork monitor", () => {
  it("counts invited, opened, started, submitted per day and group, against the previous wave at the same fieldwork day", async () => {
    const day = 86_400_000;
    const start = new Date("2027-03-01T08:00:00Z");
    t.clock.now = start;
    await t.renewSessions();
    const prev = await body<{ wave: Wave }>(
      await t.request("/api/waves", {
        method: "POST",
        json: { name: "FW vorige", opensAt: start.toISOString(), closesAt: new Date(start.getTime() + 30 * day).toISOString() },
      }),
    );
    const tokens = [await invite(prev.wave.id, "GGD", "zorg"), await invite(prev.wave.id, "Woonwaard", "wonen")];
    t.clock.now = new Date(start.getTime() + day);
    await t.request(`/api/s/${tokens[0]}/response`, { method: "POST", json: { data: COMPLETE } });
    const later = new Date(start.getTime() + 60 * day);
    t.clock.now = later;
    await t.renewSessions();
    const cur = await body<{ wave: Wave }>(
      await t.request("/api/waves", {
        method: "POST",
        json: { name: "FW nu", opensAt: later.toISOString(), closesAt: new Date(later.getTime() + 30 * day).toISOString() },
      }),
    );
    const a = await invite(cur.wave.id, "Gemeente Hoorn", "gemeente", { municipality: "Hoorn" });
    await invite(cur.wave.id, "Politie", "veiligheid");
    await invite(cur.wave.id, "Reclassering", "justitie");
    await invite(cur.wave.id, "Veilig Thuis", "zorg");
    t.clock.now = new Date(later.getTime() + day + 3600_000);
    await t.request(`/api/s/${a}`);
    await t.request(`/api/s/${a}/progress`, { method: "PUT", json: { data: { bek_weten: 4 } } });
    const fw = await body<{
      fieldworkDay: number;
      totals: { invited: number; opened: number; started: number; submitted: number };
      days: { date: string; invited: number; opened: number }[];
      groups: { organisationType: { group: string; invited: number; opened: number }[]; branch: { group: string; invited: number }[] };
      sameDay: { current: { responseRate: number }; previous: { name: string; responseRate: number } };
    }>(await t.request(`/api/waves/${cur.wave.id}/fieldwork`));
    expect(fw.fieldworkDay).toBe(1);
    expect(fw.totals).toMatchObject({ invited: 4, opened: 1, started: 1, submitted: 0 });
    expect(fw.days.map((d) => [d.date, d.invited, d.opened])).toEqual([
      ["2027-04-30", 4, 0],
      ["2027-05-01", 0, 1],
    ]);
    expect(fw.groups.organisationType.find((g) => g.group === "gemeente")).toMatchObject({ invited: 1, opened: 1 });
    expect(fw.groups.branch.find((g) => g.group === "west-friesland")).toMatchObject({ invited: 1 });
    expect(fw.sameDay.current.responseRate).toBe(0);
    expect(fw.sameDay.previous).toMatchObject({ name: "FW vorige", responseRate: 0.5 });
  });
});

describe("open link for an anonymous wave", () => {
  it("one link, many responses, QR as PNG and SVG, rate-limited per client", async () => {
    t.clock.now = new Date("2027-06-01T10:00:00Z");
    await t.renewSessions();
    const w = await body<{ wave: Wave }>(
      await t.request("/api/waves", {
        method: "POST",
        json: { name: "Puls open", opensAt: "2027-06-01T00:00:00Z", closesAt: "2027-07-01T00:00:00Z" },
      }),
    );
    const link = await body<{ url: string; token: string }>(await t.request(`/api/waves/${w.wave.id}/open-link`, { method: "POST" }));
    expect(link.url).toBe(`http://test.local/o/${link.token}`);
    expect((await body<{ url: string }>(await t.request(`/api/waves/${w.wave.id}/open-link`, { method: "POST" }))).url).toBe(link.url);
    const png = await t.request(`/api/waves/${w.wave.id}/open-link/qr?format=png`);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await png.arrayBuffer()).slice(1, 4)]).toEqual([80, 78, 71]);
    const svg = await t.request(`/api/waves/${w.wave.id}/open-link/qr?format=svg`);
    expect(await svg.text()).toMatch(/^<svg /);
    expect((await t.request(`/api/o/${link.token}`, { as: "anonymous" })).status).toBe(200);
    const responses = await count(t.db, "response_pool");
    const send = (ip: string) =>
      t.request(`/api/o/${link.token}/response`, {
        as: "anonymous",
        method: "POST",
        headers: { "x-test-ip": ip },
        json: { data: COMPLETE },
      });
    const first = await Promise.all(Array.from({ length: OPEN_LINK_PER_HOUR }, () => send("198.51.100.7")));
    expect(first.map((r) => r.status)).toEqual(Array(OPEN_LINK_PER_HOUR).fill(201));
    const over = await send("198.51.100.7");
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBeTruthy();
    expect((await send("198.51.100.8")).status).toBe(201);
    expect(await count(t.db, "response_pool")).toBe(responses + OPEN_LINK_PER_HOUR + 1); // anonymous: parked, mixed in batches
    expect(
      (await t.request(`/api/o/${link.token}/response`, { as: "anonymous", method: "POST", json: { data: { cijfer: 99 } } })).status,
    ).toBe(422);
    // A named wave gets no open link.
    const named = await body<{ wave: Wave }>(
      await t.request("/api/waves", {
        method: "POST",
        json: { name: "Benoemd", anonymous: false, opensAt: "2027-06-01T00:00:00Z", closesAt: "2027-07-01T00:00:00Z" },
      }),
    );
    expect((await t.request(`/api/waves/${named.wave.id}/open-link`, { method: "POST" })).status).toBe(409);
  });
});

describe("raw export and trend", () => {
  it("exports responses with a codebook: XLSX with two sheets, CSV as a ZIP; anonymous without organisation columns; formulas neutralised", async () => {
    t.clock.now = new Date("2027-06-02T10:00:00Z");
    await t.renewSessions();
    const named = (await body<{ waves: { id: string; name: string }[] }>(await t.request("/api/waves"))).waves.find(
      (w) => w.name === "Benoemd",
    )!;
    const token = await invite(named.id, '=HYPERLINK("x")', "zorg");
    await t.request(`/api/s/${token}/response`, { method: "POST", json: { data: { ...COMPLETE, goed: "=1+1" } } });
    const xlsx = await t.request(`/api/waves/${named.id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const table = parseXlsx(new Uint8Array(await xlsx.arrayBuffer()));
    expect(table[0].slice(0, 7)).toEqual([
      "respondent",
      "ingevuld_op",
      "organisatietype",
      "vestiging",
      "gemeente",
      "organisatie",
      "uitnodiging",
    ]);
    expect(table[1][5]).toBe('\'=HYPERLINK("x")');
    expect(table[1][table[0].indexOf("goed")]).toBe("'=1+1");
    const zip = unzipSync(new Uint8Array(await (await t.request(`/api/waves/${t.wave.id}/export?format=csv`)).arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual(["antwoorden.csv", "codeboek.csv"]);
    const header = strFromU8(zip["antwoorden.csv"])
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0];
    expect(header).not.toContain("organisatie;");
    expect(header).not.toContain("uitnodiging");
    expect(strFromU8(zip["codeboek.csv"])).toContain("bek_weten;Ik weet wanneer ik een casus kan aanmelden");
    expect((await t.request(`/api/waves/${named.id}/export?format=pdf`)).status).toBe(400);
    expect((await t.request(`/api/waves/${named.id}/export`, { as: "auditor" })).status).toBe(403);
  });

  it("gives the trend per dimension over all waves, suppressing small groups", async () => {
    const trend = await body<{
      waves: { id: string; running: boolean }[];
      dimensions: { dimension: string; points: { waveId: string; n: number; mean: number | null; suppressed: boolean }[] }[];
    }>(await t.request("/api/results/trend?questionnaireKey=kto-partners"));
    expect(trend.waves.length).toBeGreaterThanOrEqual(3);
    const nps = trend.dimensions.find((d) => d.dimension === "nps")!;
    expect(nps.points.find((p) => p.waveId === t.wave.id)).toMatchObject({ n: 1, mean: null, suppressed: true });
    const open = trend.waves.find((w) => w.running);
    expect(open).toBeTruthy();
  });
});
