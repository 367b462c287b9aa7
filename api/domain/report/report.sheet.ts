/**
 * The municipality report as tables, for a spreadsheet (XLSX, one worksheet per table) and
 * for a CSV that Dutch Excel opens by double-click. Pure: no I/O, no Node built-ins, so it
 * runs on Node and on Workers alike. The XLSX is zipped with fflate's synchronous API on
 * purpose: its async API hands large parts to a Web Worker, which Workers do not have.
 */
import { zipSync } from "fflate";
import { t, type Locale, type MessageKey } from "../../../i18n/messages.ts";
import { csvRecord, neutralizeCell, BOM } from "../format/csv.ts";
import { formatDay, localDay } from "../format/numbers.ts";
import type { FollowUpState, MunicipalityReport, PeriodFigures } from "./report.types.ts";

export type SheetCell = string | number | null;
export type TableKey = "summary" | "themes" | "conferences" | "followUps" | "attendance" | "hours" | "monthly";

export interface ReportTable {
  key: TableKey;
  name: string; // sheet name and CSV section title
  header: string[];
  rows: SheetCell[][];
}

// ---- formatting shared with the PDF renderer -------------------------------------------

export { formatDay, localDay } from "../format/numbers.ts";

export function formatPeriod(period: { from: string; to: string }, locale: Locale): string {
  return t(locale, "report.period", { from: formatDay(period.from, locale), to: formatDay(period.to, locale) });
}

const stateKey = (state: FollowUpState) => `report.state.${state}` as const;

// ---- tables ---------------------------------------------------------------------------

/** Two decimals are all a report needs; it also hides floating-point noise such as 0.30000000000000004. */
function num(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

function table(key: TableKey, locale: Locale, sheetKey: MessageKey, headerKeys: MessageKey[], rows: SheetCell[][]): ReportTable {
  return { key, name: t(locale, sheetKey), header: headerKeys.map((k) => t(locale, k)), rows };
}

function summaryTable(r: MunicipalityReport, locale: Locale): ReportTable {
  const figure = (label: MessageKey, pick: keyof PeriodFigures): SheetCell[] => [
    t(locale, label),
    num(r.current[pick]),
    num(r.previous[pick]),
    num(r.current[pick] - r.previous[pick]),
  ];
  const followUp = (label: string, n: number): SheetCell[] => [label, n, null, null];
  const states: [FollowUpState, number][] = [
    ["op_tijd", r.followUps.onTime],
    ["te_laat", r.followUps.late],
    ["open", r.followUps.open],
    ["verlopen", r.followUps.overdue],
  ];
  const meta = (label: MessageKey, value: string): SheetCell[] => [t(locale, label), value, null, null];
  return table(
    "summary",
    locale,
    "report.sheet.summary",
    ["report.col.figure", "report.col.current", "report.col.previous", "report.col.change"],
    [
      figure("report.figure.cases", "cases"),
      figure("report.figure.newCases", "newCases"),
      figure("report.figure.closedCases", "closedCases"),
      figure("report.figure.conferences", "conferences"),
      figure("report.figure.hours", "hours"),
      figure("report.col.cost", "cost"),
      followUp(t(locale, "report.followUps.total"), r.followUps.total),
      ...states.map(([state, n]) => followUp(t(locale, "report.followUps.state", { state: t(locale, stateKey(state)) }), n)),
      meta("report.meta.municipality", r.municipality.name),
      meta("report.meta.branch", r.municipality.branch),
      meta("report.meta.organisation", r.organisation),
      meta("report.meta.period", formatPeriod(r.period, locale)),
      meta("report.meta.previousPeriod", formatPeriod(r.previousPeriod, locale)),
      meta("report.meta.generated", formatDay(localDay(r.generatedAt), locale)),
    ],
  );
}

function themesTable(r: MunicipalityReport, locale: Locale): ReportTable {
  return table(
    "themes",
    locale,
    "report.sheet.themes",
    ["report.col.theme", "report.col.cases", "report.col.previousCases", "report.col.change", "report.col.conferences"],
    r.byTheme.map((x) => [x.theme, num(x.cases), num(x.previousCases), num(x.cases - x.previousCases), num(x.conferences)]),
  );
}

function conferencesTable(r: MunicipalityReport, locale: Locale): ReportTable {
  return table(
    "conferences",
    locale,
    "report.sheet.conferences",
    [
      "report.col.date",
      "report.col.branch",
      "report.col.caseCodes",
      "report.col.themes",
      "report.col.director",
      "report.col.elements",
      "report.col.roles",
      "report.col.followUps",
    ],
    r.conferences.map((c) => [
      c.heldOn,
      c.branch,
      c.caseCodes.join(", "),
      c.themes.join(", "),
      c.director ?? t(locale, "report.directorNone"),
      num(c.elementsRecorded),
      t(locale, c.rolesExplained ? "report.yes" : "report.no"),
      c.followUps.length,
    ]),
  );
}

function followUpsTable(r: MunicipalityReport, locale: Locale): ReportTable {
  return table(
    "followUps",
    locale,
    "report.sheet.followUps",
    ["report.col.conference", "report.col.caseCodes", "report.col.owner", "report.col.dueOn", "report.col.doneOn", "report.col.state"],
    r.conferences.flatMap((c) =>
      c.followUps.map((f) => [c.heldOn, c.caseCodes.join(", "), f.owner, f.dueOn, f.doneOn, t(locale, stateKey(f.state))]),
    ),
  );
}

function attendanceTable(r: MunicipalityReport, locale: Locale): ReportTable {
  return table(
    "attendance",
    locale,
    "report.sheet.attendance",
    [
      "report.col.organisation",
      "report.attendance.aanwezig",
      "report.attendance.informatie_aangeleverd",
      "report.attendance.telefonisch_video",
      "report.attendance.afwezig",
    ],
    r.attendance.map((a) => [a.organisation, num(a.aanwezig), num(a.informatie_aangeleverd), num(a.telefonisch_video), num(a.afwezig)]),
  );
}

function hoursTable(r: MunicipalityReport, locale: Locale): ReportTable {
  const sum = (pick: (x: MunicipalityReport["hoursByActivity"][number]) => number) =>
    num(r.hoursByActivity.reduce((a, x) => a + pick(x), 0));
  const rows: SheetCell[][] = r.hoursByActivity.map((x) => [t(locale, `report.activity.${x.kind}`), num(x.hours), num(x.cost)]);
  if (rows.length) rows.push([t(locale, "report.total"), sum((x) => x.hours), sum((x) => x.cost)]);
  return table("hours", locale, "report.sheet.hours", ["report.col.activity", "report.col.hours", "report.col.cost"], rows);
}

function monthlyTable(r: MunicipalityReport, locale: Locale): ReportTable {
  return table(
    "monthly",
    locale,
    "report.sheet.monthly",
    ["report.col.month", "report.col.cases", "report.col.conferences", "report.col.hours"],
    r.monthly.map((m) => [m.month, num(m.cases), num(m.conferences), num(m.hours)]),
  );
}

/** The report as named tables, in the order of the sheets; cells are raw (not yet neutralised). */
export function reportRows(report: MunicipalityReport, locale: Locale = "nl"): ReportTable[] {
  return [summaryTable, themesTable, conferencesTable, followUpsTable, attendanceTable, hoursTable, monthlyTable].map((build) =>
    build(report, locale),
  );
}

// ---- CSV ------------------------------------------------------------------------------

// Dutch Excel reads "12,5" as a number and "12.5" as a date or text.
export const csvLine = (cells: SheetCell[], locale: Locale) => csvRecord(cells, locale === "nl" ? "," : ".");

/**
 * One CSV with a section per table: title line, header, rows, blank line. Semicolons and a
 * UTF-8 byte-order mark, because that is what Dutch Excel needs to split columns and to
 * show é and € correctly.
 */
export function renderReportCsv(report: MunicipalityReport, locale: Locale = "nl"): string {
  const sections = reportRows(report, locale).map((tb) =>
    [csvLine([tb.name], locale), csvLine(tb.header, locale), ...tb.rows.map((row) => csvLine(row, locale))].join("\r\n"),
  );
  return `${BOM}${sections.join("\r\n\r\n")}\r\n`;
}

// ---- XLSX -----------------------------------------------------------------------------

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STYLE = { header: 1, integer: 2, decimal: 3 };

/** Escapes for XML and drops what XML 1.0 cannot carry at all, which would make Excel call the file corrupt. */
function xml(text: string): string {
  return text
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;");
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  ref(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.list.push(text) - 1));
    return i;
  }
  toXml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${xml(s)}</t></si>`).join("");
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function cellXml(cell: SheetCell, ref: string, strings: SharedStrings, header: boolean): string {
  if (cell === null || (typeof cell === "number" && !Number.isFinite(cell))) return "";
  if (typeof cell === "number") {
    return `<c r="${ref}" s="${Number.isInteger(cell) ? STYLE.integer : STYLE.decimal}"><v>${cell}</v></c>`;
  }
  const text = neutralizeCell(cell).slice(0, 32_767); // Excel's limit for one cell
  return `<c r="${ref}" t="s"${header ? ` s="${STYLE.header}"` : ""}><v>${strings.ref(text)}</v></c>`;
}

/** A worksheet: name, header row and data rows. */
export interface SheetTable {
  name: string;
  header: string[];
  rows: SheetCell[][];
}

function columnWidths(tb: SheetTable): string {
  const widths = tb.header.map((h, i) => Math.max(h.length, ...tb.rows.map((row) => String(row[i] ?? "").length)));
  return widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(10, w + 2))}" customWidth="1"/>`).join("");
}

function sheetXml(tb: SheetTable, strings: SharedStrings): string {
  const rows = [tb.header, ...tb.rows].map((row, r) => {
    const cells = row.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`, strings, r === 0)).join("");
    return `<row r="${r + 1}">${cells}</row>`;
  });
  const frozenHeader =
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${frozenHeader}<cols>${columnWidths(tb)}</cols><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ in them, or twice the same. */
function sheetNames(tables: SheetTable[]): string[] {
  const seen = new Set<string>();
  return tables.map((tb, i) => {
    let name =
      tb.name
        .replace(/[[\]:*?/\\]/g, " ")
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    if (seen.has(name.toLowerCase())) name = `${name.slice(0, 28)} ${i + 1}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function contentTypesXml(sheets: number): string {
  const sheetTypes = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `${sheetTypes}</Types>`
  );
}

interface WorkbookMeta {
  title: string;
  creator: string;
  locale: Locale;
  generatedAt: string;
}

function coreXml({ title, creator, locale, generatedAt }: WorkbookMeta): string {
  const when = new Date(generatedAt);
  const stamp = Number.isNaN(when.getTime()) ? "" : when.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xml(title)}</dc:title><dc:creator>${xml(creator)}</dc:creator><dc:language>${locale === "nl" ? "nl-NL" : "en-GB"}</dc:language>` +
    (stamp
      ? `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`
      : "") +
    "</cp:coreProperties>"
  );
}

function workbookParts(names: string[]): Record<string, string> {
  const sheets = names.map((n, i) => `<sheet name="${xml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const rels = names
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  const n = names.length;
  return {
    "_rels/.rels":
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}` +
      `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  };
}

/** An .xlsx workbook with one worksheet per table: text neutralised, numbers stored as numbers, header row bold and frozen. */
export async function renderReportXlsx(report: MunicipalityReport, locale: Locale = "nl"): Promise<Uint8Array> {
  return renderWorkbook(reportRows(report, locale), {
    title: t(locale, "report.title", { name: report.municipality.name }),
    creator: report.organisation,
    locale,
    generatedAt: report.generatedAt,
  });
}

/** Any tables as one .xlsx workbook, one worksheet each (also used for the survey's raw-data export). */
export function renderWorkbook(tables: SheetTable[], meta: WorkbookMeta): Uint8Array {
  const names = sheetNames(tables);
  const strings = new SharedStrings();
  const sheets = Object.fromEntries(tables.map((tb, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(tb, strings)]));
  const parts: Record<string, string> = {
    "[Content_Types].xml": contentTypesXml(tables.length),
    ...workbookParts(names),
    "docProps/core.xml": coreXml(meta),
    "xl/styles.xml": STYLES_XML,
    ...sheets,
    "xl/sharedStrings.xml": strings.toXml(),
  };
  const encoder = new TextEncoder();
  const files = Object.fromEntries(Object.entries(parts).map(([path, text]) => [path, encoder.encode(text)] as const));
  // A fixed timestamp keeps the bytes the same for the same report; ZIP cannot go before 1980.
  const stamp = Date.parse(meta.generatedAt);
  return zipSync(files, { level: 6, mtime: new Date(Math.max(Number.isNaN(stamp) ? 0 : stamp, Date.UTC(1980, 1, 1))) });
}
