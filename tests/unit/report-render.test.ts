import { strFromU8, unzipSync } from "fflate";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import { reportEn, reportNl } from "../../i18n/report.ts";
import { neutralizeCell } from "../../api/domain/format/csv.ts";
import { renderReportPdf } from "../../api/domain/report/report.pdf.ts";
import { renderReportCsv, renderReportXlsx, reportRows } from "../../api/domain/report/report.sheet.ts";
import type { MunicipalityReport } from "../../api/domain/report/report.types.ts";
import {
  emptyReportFixture,
  FORMULA_CASE_CODE,
  FORMULA_ORGANISATION,
  LONG_ORGANISATION,
  PARTNERS,
  QUOTED_ORGANISATION,
  reportFixture,
  THEMES,
} from "../helpers/report-fixture.ts";

const PRIVACY = "Casuscodes zijn pseudoniemen; werkaantekeningen staan niet in dit overzicht.";
const SHEETS = ["Samenvatting", "Thema's", "Casusoverleggen", "Vervolgafspraken", "Aanwezigheid", "Uren", "Per maand"];

/** Page texts with whitespace collapsed, so a name wrapped over two lines still reads as one. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocumentProxy(bytes.slice()); // pdf.js may detach the buffer it is given
  const { text } = await extractText(doc, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " "));
}

function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  expect(from, `section "${start}"`).toBeGreaterThanOrEqual(0);
  const to = text.indexOf(end, from);
  return text.slice(from, to < 0 ? undefined : to);
}

function xlsxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

describe("neutralizeCell", () => {
  it.each(["=SUM(A1:A2)", "+31 6 12345678", "-2+3", "@Home Jeugdhulp", "\tindent", "\rreturn"])(
    "prefixes %j with an apostrophe",
    (value) => {
      expect(neutralizeCell(value)).toBe(`'${value}`);
    },
  );

  it.each(["Den Helder", "", "'al geneutraliseerd", "a=b", " =1+1", "12", "Politie Noord-Holland"])("leaves %j alone", (value) => {
    expect(neutralizeCell(value)).toBe(value);
  });

  it("treats a negative number typed as text as text", () => {
    expect(neutralizeCell("-5")).toBe("'-5");
  });
});

describe("renderReportPdf", () => {
  it("holds the title, period, key figures, themes, partners, page numbers and the privacy line", async () => {
    const pages = await pdfPages(await renderReportPdf(reportFixture()));
    const all = pages.join(" ");
    expect(all).toContain("Wat het Zorg- en Veiligheidshuis deed voor gemeente Den Helder");
    expect(all).toContain("1 januari 2026 – 30 juni 2026");
    expect(all).toContain("Gemaakt op 1 juli 2026");
    const figures = between(all, "Kerncijfers", "Casussen en casusoverleggen per thema");
    for (const expected of [
      "48",
      "vorige periode 41 · +7",
      "17",
      "12",
      "vorige periode 14 · -2",
      "412,5",
      "€ 41.250",
      "vorige periode € 35.136 · +€ 6.114",
      "+17%",
    ]) {
      expect(figures).toContain(expected);
    }
    expect(all).toContain("aan 48 casussen uit gemeente Den Helder (17 nieuw aangemeld, 12 afgesloten)");
    for (const theme of THEMES) expect(between(all, "Casussen en casusoverleggen per thema", "Casusoverleggen Per")).toContain(theme);
    const attendance = between(all, "Aanwezigheid van partners", "Uren en kosten per activiteit");
    for (const partner of PARTNERS) expect(attendance).toContain(partner);
    expect(all).toContain("Training/voorlichting");
    pages.forEach((page, i) => {
      expect(page).toContain(`pagina ${i + 1} van ${pages.length}`);
      expect(page).toContain(PRIVACY);
    });
    expect(pages.length).toBeGreaterThan(1);
  });

  it("lists each follow-up with owner, due date and state", async () => {
    const all = (await pdfPages(await renderReportPdf(reportFixture()))).join(" ");
    const list = between(all, "Vervolgafspraken Afspraken", "Aanwezigheid van partners");
    expect(list).toContain("Politie Noord-Holland 3 feb. 2026 10 feb. 2026 Te laat");
    expect(list).toContain("GGZ Noord-Holland-Noord 26 mei 2026 – Verlopen");
    expect(list).toContain("Openbaar Ministerie 14 jul. 2026 – Open");
  });

  it("sets the document metadata from the report", async () => {
    const { info } = await getMeta((await renderReportPdf(reportFixture())).slice());
    expect(info).toMatchObject({
      Title: "Wat het Zorg- en Veiligheidshuis deed voor gemeente Den Helder",
      Author: "Zorg- en Veiligheidshuis Noord-Holland Noord",
      Creator: "Ketenspiegel",
      Language: "nl-NL",
      CreationDate: "D:20260701073000Z",
      ModDate: "D:20260701073000Z",
    });
    expect(info.Subject).toContain("Den Helder");
  });

  it("renders an empty period and says so", async () => {
    const pages = await pdfPages(await renderReportPdf(emptyReportFixture()));
    const all = pages.join(" ");
    expect(all).toContain("Geen casusoverleggen in deze periode.");
    expect(all).toContain("Geen vervolgafspraken vastgelegd in deze periode.");
    expect(all).toContain("Geen aanwezigheid van partners geregistreerd in deze periode.");
    expect(all).toContain(`pagina 1 van ${pages.length}`);
  });

  it("gives the same bytes for the same report", async () => {
    const [a, b] = await Promise.all([renderReportPdf(reportFixture()), renderReportPdf(reportFixture())]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("replaces characters Helvetica cannot draw instead of failing", async () => {
    const report = reportFixture();
    report.byTheme[0].theme = "Verward gedrag 🚨";
    report.attendance[0].organisation = "Łódź → Team Ω";
    const all = (await pdfPages(await renderReportPdf(report))).join(" ");
    expect(all).toContain("Verward gedrag ?");
    expect(all).toContain("Lódz -> Team ?");
  });

  it("cuts names too long for their cell instead of running over", async () => {
    const report = reportFixture();
    report.attendance[0].organisation = "X".repeat(5_000);
    report.byTheme[0].theme = "zeer lang thema ".repeat(300);
    const started = Date.now();
    const all = (await pdfPages(await renderReportPdf(report))).join(" ");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(all).toMatch(/X+…/);
    expect(all).toMatch(/zeer lang thema[^…]*…/);
  });

  it("breaks long lists over pages and repeats the table header", async () => {
    const report = reportFixture();
    report.conferences = Array.from({ length: 12 }, (_, n) =>
      reportFixture().conferences.map((c) => ({ ...c, caseCodes: c.caseCodes.map((code) => `${code}-${n}`) })),
    ).flat();
    const pages = await pdfPages(await renderReportPdf(report));
    expect(pages.length).toBeGreaterThan(8);
    expect(pages.filter((p) => p.includes("Casusoverleg Casuscodes Eigenaar Uiterlijk")).length).toBeGreaterThan(2);
    pages.forEach((page, i) => expect(page).toContain(`pagina ${i + 1} van ${pages.length}`));
  });

  it("speaks English when asked", async () => {
    const all = (await pdfPages(await renderReportPdf(reportFixture(), "en"))).join(" ");
    expect(all).toContain("What the Safety House did for the municipality of Den Helder");
    expect(all).toContain("1 January 2026 – 30 June 2026");
    expect(all).toContain("€41,250");
    expect(all).toContain("page 1 of");
  });
});

describe("reportRows", () => {
  it("gives the seven tables with a Dutch header each", () => {
    const tables = reportRows(reportFixture());
    expect(tables.map((t) => t.name)).toEqual(SHEETS);
    expect(tables[0].header).toEqual(["Kerncijfer", "Deze periode", "Vorige periode", "Verschil"]);
    expect(tables.find((t) => t.key === "followUps")!.rows).toHaveLength(14);
    expect(tables.find((t) => t.key === "hours")!.rows.at(-1)).toEqual(["Totaal", 412.5, 41_250]);
    expect(tables.find((t) => t.key === "attendance")!.header).toEqual([
      "Organisatie",
      "Aanwezig",
      "Informatie aangeleverd",
      "Telefonisch/video",
      "Afwezig",
    ]);
  });

  it("keeps the English table keys in step with the Dutch", () => {
    expect(Object.keys(reportEn).sort()).toEqual(Object.keys(reportNl).sort());
    expect(reportRows(reportFixture(), "en")[1].name).toBe("Themes");
  });
});

describe("renderReportCsv", () => {
  const csv = renderReportCsv(reportFixture());

  it("is what Dutch Excel opens: BOM, semicolons, CRLF", () => {
    expect(csv.startsWith("\uFEFFSamenvatting\r\nKerncijfer;Deze periode;Vorige periode;Verschil\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const sheet of SHEETS.slice(1)) expect(csv).toContain(`\r\n\r\n${sheet}\r\n`);
  });

  it("writes numbers as numbers, with a decimal comma and a plain minus", () => {
    expect(csv).toContain("\r\nAfgesloten casussen;12;14;-2\r\n");
    expect(csv).toContain("\r\nUren;412,5;366;46,5\r\n");
  });

  it("quotes per RFC 4180 and neutralises formulas", () => {
    expect(csv).toContain(`\r\n"Stichting ""Kompas; Noord""";1;0;0;1\r\n`);
    expect(csv).toContain(`\r\n'${FORMULA_ORGANISATION};1;1;0;0\r\n`);
    expect(csv).toContain(`;"'=HYPERLINK(""http://example.invalid"";""klik"")";`);
    expect(csv).not.toMatch(/(^|;)(=|@)/m);
  });
});

describe("renderReportXlsx", () => {
  it("has one worksheet per table with a bold header, numbers as numbers and neutralised text", async () => {
    const parts = xlsxParts(await renderReportXlsx(reportFixture()));
    const names = [...parts["xl/workbook.xml"].matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(SHEETS);
    const strings = [...parts["xl/sharedStrings.xml"].matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => m[1]);
    const summary = parts["xl/worksheets/sheet1.xml"];
    expect(summary).toContain(`<c r="A1" t="s" s="1"><v>${strings.indexOf("Kerncijfer")}</v></c>`);
    expect(parts["xl/styles.xml"]).toMatch(/<font><b\/>/);
    expect(summary).toContain('<c r="B2" s="2"><v>48</v></c>');
    expect(summary).toContain('<c r="D4" s="2"><v>-2</v></c>');
    expect(summary).toContain('<c r="B6" s="3"><v>412.5</v></c>');
    expect(strings).toContain(`'${FORMULA_ORGANISATION}`);
    expect(strings).toContain(`'${FORMULA_CASE_CODE.replace(/"/g, "&quot;")}`);
    expect(strings).toContain(QUOTED_ORGANISATION.replace(/"/g, "&quot;"));
    expect(strings).toContain(LONG_ORGANISATION);
    expect(strings.filter((s) => /^[=+\-@]/.test(s))).toEqual([]);
  });

  it("drops characters XML cannot carry and gives the same bytes for the same report", async () => {
    const report: MunicipalityReport = reportFixture();
    report.attendance[0].organisation = "Politie\u0007 Noord-Holland";
    const [a, b] = await Promise.all([renderReportXlsx(report), renderReportXlsx(report)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(xlsxParts(a)["xl/sharedStrings.xml"]).toContain(">Politie Noord-Holland<");
  });

  it("writes an empty report with headers only", async () => {
    const parts = xlsxParts(await renderReportXlsx(emptyReportFixture()));
    expect(parts["xl/worksheets/sheet3.xml"]).toMatch(/<sheetData><row r="1">.*<\/row><\/sheetData>/);
  });
});
