import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { unzipSync, strFromU8 } from "fflate";
import { testApp } from "../helpers/app.ts";
import { partnerIds, registerCase, registerConference, type Partners } from "../helpers/registry.ts";
import { rows } from "../../db/migrate.ts";
import { sha256Bytes } from "../../api/lib/crypto.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let p: Partners;
let alk: { id: string; code: string }, dh: { id: string; code: string };
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-10-01T10:00:00Z") });
  p = await partnerIds(t.db);
  alk = await registerCase(t, p, { registeredOn: "2026-03-02", themeIds: ["huiselijk-geweld", "verward-gedrag"] });
  dh = await registerCase(t, p, { municipalityId: "den-helder", registeredOn: "2026-03-03" });
  await registerConference(t, p, [alk.id], { heldOn: "2026-03-17" });
  await registerConference(t, p, [dh.id], { heldOn: "2026-03-18", branchId: "den-helder" });
  // A formula planted in a name must reach spreadsheets as text.
  const theme = await t.request("/api/themes", { method: "POST", json: { name: '=HYPERLINK("http://x")' } });
  const formulaTheme = ((await theme.json()) as { theme: { id: string } }).theme.id;
  await registerCase(t, p, { registeredOn: "2026-04-01", themeIds: [formulaTheme] });
  const hours = {
    kind: "casusoverleg",
    municipalityId: "alkmaar",
    caseId: alk.id,
    performedOn: "2026-03-17",
    hours: 2,
    staffRole: "procesregisseur",
  };
  expect((await t.request("/api/activities", { method: "POST", json: hours })).status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

const PERIOD = "from=2026-01-01&to=2026-06-30";

async function pdfText(bytes: ArrayBuffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

describe("the municipality report", () => {
  it("is a Dutch PDF with this municipality's cases, conferences, partners and hours", async () => {
    const res = await t.request(`/api/municipalities/alkmaar/report?${PERIOD}`, { as: "gemeente" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("uitdraai-alkmaar-2026-01-01-2026-06-30.pdf");
    const text = await pdfText(await res.arrayBuffer());
    for (const expected of [
      "Alkmaar",
      "1 januari 2026",
      "30 juni 2026",
      alk.code,
      "Huiselijk geweld",
      "Veilig Thuis Noord-Holland Noord",
      "Politie Noord-Holland",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain(dh.code);
    expect(text).not.toContain("Werkaantekening"); // working notes never leave in a report
  });

  it("exports CSV and XLSX with formulas neutralised", async () => {
    const csv = await (await t.request(`/api/municipalities/alkmaar/report?${PERIOD}&format=csv`)).text();
    expect(csv).toContain(alk.code);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toMatch(/(^|;|\n)"?=HYPERLINK/);
    const xlsx = await t.request(`/api/municipalities/alkmaar/report?${PERIOD}&format=xlsx`);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const sheets = Object.keys(files)
      .filter((f) => f.startsWith("xl/worksheets/"))
      .map((f) => strFromU8(files[f]))
      .join("");
    const shared = files["xl/sharedStrings.xml"] ? strFromU8(files["xl/sharedStrings.xml"]) : "";
    expect(sheets + shared).toContain(alk.code);
    expect(sheets + shared).toContain("'=HYPERLINK");
    expect(sheets).not.toContain("<f>"); // no formula cells at all
  });

  it("writes every download to the audit trail with the file's hash", async () => {
    const res = await t.request(`/api/municipalities/alkmaar/report?${PERIOD}&format=json`);
    const body = new Uint8Array(await res.arrayBuffer());
    const audit = rows<{ after: { sha256: string; format: string } }>(
      await t.db.execute(
        sql`select after from audit_log where action = 'export' and entity = 'municipality_report' order by seq desc limit 1`,
      ),
    );
    expect(audit[0].after).toMatchObject({ format: "json", sha256: sha256Bytes(body) });
  });

  it("refuses bad periods with a clear error", async () => {
    for (const q of ["from=2026-06-30&to=2026-01-01", "from=2020-01-01&to=2026-01-01", "from=2026-01-01", `${PERIOD}&format=docx`]) {
      const res = await t.request(`/api/municipalities/alkmaar/report?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
    }
  });
});

describe("tenancy of the report", () => {
  it("gives a gemeente account only its own report, also when guessing", async () => {
    for (const id of ["den-helder", "bergen", "texel", "bestaat-niet"]) {
      const res = await t.request(`/api/municipalities/${id}/report?${PERIOD}`, { as: "gemeente" });
      expect(res.status, id).toBe(404);
    }
    expect((await t.request(`/api/municipalities/den-helder/report?${PERIOD}`, { as: "kwaliteit" })).status).toBe(200);
  });

  it("sends every municipality its report in one action; each sees only its own", async () => {
    const sent = await t.request("/api/reports/municipalities", {
      method: "POST",
      json: { from: "2026-01-01", to: "2026-06-30" },
      as: "management",
    });
    expect(sent.status).toBe(201);
    const { deliveries } = (await sent.json()) as { deliveries: { id: string; municipalityId: string; sha256: string }[] };
    expect(deliveries).toHaveLength(16);
    const mine = (await (await t.request("/api/reports/deliveries", { as: "gemeente" })).json()) as {
      deliveries: { id: string; municipalityId: string }[];
    };
    expect(mine.deliveries.map((d) => d.municipalityId)).toEqual(["alkmaar"]);
    const own = deliveries.find((d) => d.municipalityId === "alkmaar")!;
    const other = deliveries.find((d) => d.municipalityId === "den-helder")!;
    const download = await t.request(`/api/reports/deliveries/${own.id}`, { as: "gemeente" });
    expect(sha256Bytes(new Uint8Array(await download.arrayBuffer()))).toBe(own.sha256);
    expect((await t.request(`/api/reports/deliveries/${other.id}`, { as: "gemeente" })).status).toBe(404);
    const text = await pdfText(await (await t.request(`/api/reports/deliveries/${other.id}`)).arrayBuffer());
    expect(text).toContain("Den Helder");
    expect(text).toContain(dh.code);
  });
});
