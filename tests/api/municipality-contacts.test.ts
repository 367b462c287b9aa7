import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { rows } from "../../db/migrate.ts";

/** Issue 16: the recipient of each municipality's report is set from the settings page, audited, hostile input refused. */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-07-09T10:00:00Z") });
});
afterAll(async () => {
  await t.close();
});

type M = { id: string; reportEmail: string | null; reportContact: string | null };
type Err = { error: { code: string; details?: { path: string }[] } };
const put = (json: unknown, as: "kwaliteit" | "admin" | "management" | "medewerker" = "kwaliteit", id = "hoorn") =>
  t.request(`/api/municipalities/${id}`, { method: "PUT", json, as });
const hoorn = async () => {
  const res = await t.request("/api/municipalities");
  expect(res.status).toBe(200);
  return ((await res.json()) as { municipalities: M[] }).municipalities.find((m) => m.id === "hoorn")!;
};

describe("municipality report contacts", () => {
  it("stores the e-mail and contact, lists them and writes the audit trail", async () => {
    const res = await put({ reportEmail: "veiligheid@hoorn.nl.example", reportContact: "  J. de Vries " });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ id: "hoorn", reportEmail: "veiligheid@hoorn.nl.example", reportContact: "J. de Vries" });
    expect(await hoorn()).toMatchObject({ reportEmail: "veiligheid@hoorn.nl.example", reportContact: "J. de Vries" });
    const trail = rows<{ action: string; entity_id: string; before: M; after: M }>(
      await t.db.execute(sql`select action, entity_id, before, after from audit_log where entity = 'municipality' order by seq`),
    );
    const last = trail.at(-1)!;
    expect(last).toMatchObject({ action: "update", entity_id: "hoorn", before: { reportEmail: null } });
    expect(last.after).toMatchObject({ reportEmail: "veiligheid@hoorn.nl.example", reportContact: "J. de Vries" });
  });

  it("lists the municipalities by name for the admin who sets their contacts (not only codes like den-helder)", async () => {
    const res = await t.request("/api/municipalities", { as: "admin" });
    expect(res.status).toBe(200);
    const list = ((await res.json()) as { municipalities: (M & { name: string })[] }).municipalities;
    expect(list).toHaveLength(16);
    expect(list.find((m) => m.id === "den-helder")?.name).toBe("Den Helder");
  });

  it("clears both with null", async () => {
    const res = await put({ reportEmail: null, reportContact: null }, "admin");
    expect(res.status).toBe(200);
    expect(await hoorn()).toMatchObject({ reportEmail: null, reportContact: null });
  });

  it("refuses a bad e-mail or a hostile contact with 400 naming the field, and stores nothing", async () => {
    await put({ reportEmail: "a@hoorn.nl.example", reportContact: "A" });
    for (const [body, field] of [
      [{ reportEmail: "geen-adres", reportContact: "B" }, "reportEmail"],
      [{ reportEmail: "b@hoorn.nl.example", reportContact: "B\u0000" }, "reportContact"],
      [{ reportEmail: "b@hoorn.nl.example", reportContact: "B\nC" }, "reportContact"],
    ] as const) {
      const res = await put(body);
      expect(res.status).toBe(400);
      const err = (await res.json()) as Err;
      expect(JSON.stringify(err)).toContain(field);
    }
    expect(await hoorn()).toMatchObject({ reportEmail: "a@hoorn.nl.example", reportContact: "A" });
  });

  it("is refused to roles that do not configure the registry, and 404 for an unknown municipality", async () => {
    expect((await put({ reportEmail: null, reportContact: null }, "management")).status).toBe(403);
    expect((await put({ reportEmail: null, reportContact: null }, "medewerker")).status).toBe(403);
    expect(await hoorn()).toMatchObject({ reportEmail: "a@hoorn.nl.example" });
    expect((await put({ reportEmail: null, reportContact: null }, "kwaliteit", "atlantis")).status).toBe(404);
  });
});
