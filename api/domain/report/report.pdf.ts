/**
 * The municipality report as an A4 PDF for the alderman. pdf-lib with the standard
 * Helvetica fonts only: nothing to load from disk, so it runs on Node and on Workers, and
 * the same report always gives the same bytes (all dates in the file come from the report).
 */
import type { PDFDocument, PDFFont } from "pdf-lib";
import { t, type Locale, type MessageKey } from "../../../i18n/messages.ts";
import { formatPeriod } from "./report.sheet.ts";
import { formatDay, formatEuro, formatHours, formatMonth, formatNumber, localDay } from "../format/numbers.ts";
import type { FollowUpState, MunicipalityReport, PeriodFigures, ReportConference } from "./report.types.ts";
import { newDocument, PdfWriter, rgb, type Frame, type RGB, type Style } from "../pdf/writer.ts";

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const LEFT = 54;
const RIGHT = PAGE[0] - 54;
const WIDTH = RIGHT - LEFT;
const TOP = PAGE[1] - 54;
const BOTTOM = 66; // lowest y for content; the footer lives below
const FRAME: Frame = { page: PAGE, left: LEFT, right: RIGHT, top: TOP, bottom: BOTTOM };

const C = {
  ink: rgb(0.13, 0.15, 0.19),
  muted: rgb(0.4, 0.43, 0.48),
  navy: rgb(0.08, 0.22, 0.4),
  accent: rgb(0.16, 0.45, 0.64),
  teal: rgb(0.33, 0.66, 0.68),
  previous: rgb(0.76, 0.79, 0.83),
  rule: rgb(0.83, 0.86, 0.89),
  shade: rgb(0.955, 0.965, 0.975),
  white: rgb(1, 1, 1),
};
const STATE_COLOR: Record<FollowUpState, RGB> = {
  op_tijd: rgb(0.2, 0.56, 0.36),
  te_laat: rgb(0.86, 0.56, 0.13),
  open: rgb(0.45, 0.6, 0.78),
  verlopen: rgb(0.78, 0.22, 0.2),
};
const STATES: FollowUpState[] = ["op_tijd", "te_laat", "open", "verlopen"];

// ---- numbers (api/domain/format/numbers.ts) --------------------------------------------

function formatDelta(current: number, previous: number, locale: Locale, show: (n: number) => string): string {
  const delta = current - previous;
  if (Math.abs(delta) < 0.005) return t(locale, "report.change.same");
  return `${delta > 0 ? "+" : "-"}${show(Math.abs(delta))}`;
}

/** Relative change, or nothing where it would divide by zero or round to nothing. */
function formatChange(current: number, previous: number, locale: Locale): string {
  if (previous <= 0 || Math.abs(current - previous) < 0.005) return "";
  const percent = ((current - previous) / previous) * 100;
  return `${percent > 0 ? "+" : "-"}${formatNumber(Math.abs(percent), locale)}%`;
}

function counted(n: number, unit: "case" | "conference" | "hour", locale: Locale, show = formatNumber): string {
  return `${show(n, locale)} ${t(locale, `report.unit.${unit}.${n === 1 ? "one" : "other"}`)}`;
}

// ---- page writer -----------------------------------------------------------------------

class Writer extends PdfWriter {
  constructor(
    doc: PDFDocument,
    regular: PDFFont,
    bold: PDFFont,
    readonly locale: Locale,
    private readonly runningHead: [string, string],
    clean: (text: string) => string,
  ) {
    super(doc, regular, bold, FRAME, clean);
  }

  t(key: MessageKey, vars?: Record<string, string | number>): string {
    return t(this.locale, key, vars);
  }

  protected override pageStarted(): void {
    if (this.pages.length > 1) this.drawRunningHead();
  }

  private drawRunningHead(): void {
    const style = { size: 8, color: C.muted };
    const [left, right] = this.runningHead;
    this.text(this.fit(left, WIDTH * 0.6, style), LEFT, TOP + 14, style);
    this.textRight(this.fit(right, WIDTH * 0.38, style), RIGHT, TOP + 14, style);
    this.line(LEFT, TOP + 8, RIGHT, TOP + 8, C.rule, 0.6);
    this.y = TOP - 10;
  }

  /** A section title, kept together with at least `keep` points of what follows it. */
  heading(title: string, keep = 90): void {
    if (this.y < TOP - 20) this.y -= 18;
    this.ensure(30 + keep);
    this.rect(LEFT, this.y - 17, 3.5, 15, C.accent);
    this.text(title, LEFT + 11, this.y - 14, { bold: true, size: 14, color: C.navy });
    this.y -= 30;
  }
}

// ---- tables ----------------------------------------------------------------------------

interface Column {
  header: string;
  width: number;
  align?: "right";
}
interface Row {
  cells: string[];
  bold?: boolean;
  band?: number; // rows with the same band share a background
  colors?: (RGB | undefined)[];
  onNewPage?: string[]; // cells to show instead when the row opens a page (a group's repeated context)
  rule?: boolean; // line above, to separate groups
}

const TABLE_STYLE: Style = { size: 8.5 };
const HEADER_STYLE: Style = { size: 8, bold: true, color: C.navy };
const CELL_PAD = 5;
const LINE = 11;

function columnX(columns: Column[]): number[] {
  const total = columns.reduce((a, c) => a + c.width, 0);
  let x = LEFT;
  return columns.map((c) => {
    const at = x;
    x += (c.width / total) * WIDTH;
    return at;
  });
}

function columnWidth(columns: Column[], i: number): number {
  return (columns[i].width / columns.reduce((a, c) => a + c.width, 0)) * WIDTH;
}

function drawCells(w: Writer, columns: Column[], cells: string[], style: (i: number) => Style, maxLines: number): void {
  const xs = columnX(columns);
  cells.forEach((cell, i) =>
    w.wrap(cell, columnWidth(columns, i) - 2 * CELL_PAD, style(i), maxLines).forEach((line, n) => {
      const y = w.y - CELL_PAD - 7 - n * LINE;
      if (columns[i].align === "right") w.textRight(line, xs[i] + columnWidth(columns, i) - CELL_PAD, y, style(i));
      else w.text(line, xs[i] + CELL_PAD, y, style(i));
    }),
  );
}

function rowHeight(w: Writer, columns: Column[], cells: string[], style: Style, maxLines: number): number {
  const lines = cells.map((cell, i) => w.wrap(cell, columnWidth(columns, i) - 2 * CELL_PAD, style, maxLines).length);
  return Math.max(1, ...lines) * LINE + 2 * CELL_PAD - 2;
}

function tableHeader(w: Writer, columns: Column[]): void {
  const headers = columns.map((c) => c.header);
  const height = rowHeight(w, columns, headers, HEADER_STYLE, 3);
  w.rect(LEFT, w.y - height, WIDTH, height, C.shade);
  drawCells(w, columns, headers, () => HEADER_STYLE, 3);
  w.y -= height;
  w.line(LEFT, w.y, RIGHT, w.y, C.navy, 0.8);
}

function tableRow(w: Writer, columns: Column[], row: Row, index: number): void {
  const style = (i: number): Style => ({ ...TABLE_STYLE, bold: row.bold, color: row.colors?.[i] ?? C.ink });
  const height = rowHeight(w, columns, row.cells, TABLE_STYLE, 3);
  let cells = row.cells;
  if (w.ensure(height)) {
    tableHeader(w, columns);
    cells = row.onNewPage ?? cells;
  }
  if ((row.band ?? index) % 2 === 1) w.rect(LEFT, w.y - height, WIDTH, height, C.shade);
  if (row.rule) w.line(LEFT, w.y, RIGHT, w.y, C.rule, 0.6);
  drawCells(w, columns, cells, style, 3);
  w.y -= height;
}

function table(w: Writer, columns: Column[], rows: Row[]): void {
  w.ensure(40);
  tableHeader(w, columns);
  rows.forEach((row, i) => tableRow(w, columns, row, i));
  w.line(LEFT, w.y, RIGHT, w.y, C.rule, 0.6);
  w.y -= 14;
}

// ---- charts ----------------------------------------------------------------------------

interface Series {
  name: string;
  color: RGB;
}

function legend(w: Writer, series: Series[], x = LEFT): void {
  const style = { size: 8, color: C.muted };
  for (const s of series) {
    w.rect(x, w.y - 8, 8, 8, s.color);
    w.text(s.name, x + 12, w.y - 7.5, style);
    x += 12 + w.measure(s.name, style) + 16;
  }
  w.y -= 18;
}

/** Horizontal bars, one group per item, one bar per series: reads well with long theme names. */
function hbarChart(w: Writer, items: { label: string; values: number[] }[], series: Series[], show: (n: number) => string): void {
  const labelWidth = Math.min(170, WIDTH * 0.36);
  const x0 = LEFT + labelWidth + 8;
  const span = RIGHT - 48 - x0;
  const max = Math.max(1, ...items.flatMap((i) => i.values));
  const bar = 9,
    gap = 2,
    groupGap = 9;
  const groupHeight = series.length * (bar + gap) - gap;
  w.ensure(Math.min(items.length, 4) * (groupHeight + groupGap) + 24);
  if (series.length > 1) legend(w, series);
  for (const item of items) {
    if (w.ensure(groupHeight + groupGap) && series.length > 1) legend(w, series);
    const top = w.y;
    w.text(w.fit(item.label, labelWidth, { size: 8.5 }), LEFT, top - groupHeight / 2 - 3, { size: 8.5 });
    item.values.forEach((v, i) => {
      const y = top - (i + 1) * bar - i * gap;
      const length = (Math.max(0, v) / max) * span;
      w.rect(x0, y, length, bar, series[i].color);
      w.text(show(v), x0 + length + 4, y + 2, { size: 7.5, color: C.muted });
    });
    w.line(x0, top + 2, x0, top - groupHeight - 2, C.muted, 0.5);
    w.y -= groupHeight + groupGap;
  }
  w.y -= 8;
}

function niceStep(max: number): number {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // Counts never need a tick at 0,5.
  return Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
}

const monthLabel = formatMonth;

interface Panel {
  title: string;
  color: RGB;
  left: number;
  right: number;
}

function yAxis(w: Writer, panel: Panel, base: number, height: number, max: number, step: number): void {
  for (let v = 0; v <= max + 1e-9; v += step) {
    const y = base + (v / max) * height;
    w.line(panel.left, y, panel.right, y, v === 0 ? C.muted : C.rule, v === 0 ? 0.7 : 0.4);
    w.textRight(formatNumber(v, w.locale, Number.isInteger(step) ? 0 : 1), panel.left - 5, y - 2.5, { size: 7.5, color: C.muted });
  }
}

/**
 * One panel of vertical bars per month. Cases and conferences get a panel each: on one
 * shared scale the handful of conferences would be invisible next to dozens of cases.
 */
function monthPanel(w: Writer, panel: Panel, months: { month: string; value: number }[], top: number, height: number): void {
  w.text(w.fit(panel.title, panel.right - panel.left + 20, { bold: true, size: 9 }), panel.left - 20, top, {
    bold: true,
    size: 9,
    color: C.navy,
  });
  const base = top - 18 - height;
  const step = niceStep(Math.max(1, ...months.map((m) => m.value)));
  const max = step * Math.ceil(Math.max(1, ...months.map((m) => m.value)) / step);
  yAxis(w, panel, base, height, max, step);
  const group = (panel.right - panel.left) / months.length;
  const bar = Math.min(22, group * 0.62);
  months.forEach((m, i) => {
    const centre = panel.left + (i + 0.5) * group;
    monthBar(w, centre - bar / 2, base, bar, (Math.max(0, m.value) / max) * height, m.value, panel.color);
    monthTick(w, m.month, months[i - 1]?.month, centre, base);
  });
}

function monthBar(w: Writer, x: number, base: number, width: number, height: number, value: number, color: RGB): void {
  w.rect(x, base, width, height, color);
  const style = { size: 7, color: C.muted };
  const label = formatNumber(value, w.locale);
  if (w.measure(label, style) <= width + 6) w.text(label, x + width / 2 - w.measure(label, style) / 2, base + height + 3, style);
}

function monthTick(w: Writer, month: string, previous: string | undefined, centre: number, base: number): void {
  const [name, year] = monthLabel(month, w.locale);
  const style = { size: 7.5, color: C.ink };
  w.text(name, centre - w.measure(name, style) / 2, base - 11, style);
  // The year only where it changes, so twelve months still fit under the axis.
  if (!previous || previous.slice(0, 4) !== month.slice(0, 4)) {
    w.text(year, centre - w.measure(year, { size: 7 }) / 2, base - 20, { size: 7, color: C.muted });
  }
}

// ---- sections --------------------------------------------------------------------------

function titleBlock(w: Writer, r: MunicipalityReport): void {
  w.rect(0, PAGE[1] - 8, PAGE[0], 8, C.navy);
  w.text(w.fit(r.organisation, WIDTH, { bold: true, size: 10 }), LEFT, TOP, { bold: true, size: 10, color: C.accent });
  w.y = TOP - 14;
  for (const line of w.wrap(w.t("report.title", { name: r.municipality.name }), WIDTH, { bold: true, size: 22 })) {
    w.y -= 27;
    w.text(line, LEFT, w.y, { bold: true, size: 22, color: C.navy });
  }
  w.y -= 24;
  w.text(formatPeriod(r.period, w.locale), LEFT, w.y, { size: 13 });
  const meta = [
    w.t("report.branch", { branch: r.municipality.branch }),
    w.t("report.generatedOn", { date: formatDay(localDay(r.generatedAt), w.locale) }),
  ];
  w.y -= 17;
  w.text(w.fit(meta.join(" · "), WIDTH, { size: 9 }), LEFT, w.y, { size: 9, color: C.muted });
  w.y -= 13;
  w.text(w.t("report.comparedWith", { period: formatPeriod(r.previousPeriod, w.locale) }), LEFT, w.y, { size: 9, color: C.muted });
  w.y -= 14;
  w.line(LEFT, w.y, RIGHT, w.y, C.rule, 0.8);
  w.y -= 4;
}

function summarySentences(w: Writer, r: MunicipalityReport): string[] {
  const { current: c, previous: p, followUps: f } = r;
  const l = w.locale;
  const trend = c.cases > p.cases ? "report.summary.trendUp" : c.cases < p.cases ? "report.summary.trendDown" : "report.summary.trendSame";
  return [
    w.t("report.summary.work", {
      cases: counted(c.cases, "case", l),
      name: r.municipality.name,
      newCases: formatNumber(c.newCases, l),
      closedCases: formatNumber(c.closedCases, l),
    }),
    c.conferences > 0
      ? w.t("report.summary.conferences", { conferences: counted(c.conferences, "conference", l) })
      : w.t("report.summary.noConferences"),
    c.hours > 0 || c.cost > 0
      ? w.t("report.summary.hours", { hours: counted(c.hours, "hour", l, formatHours), cost: formatEuro(c.cost, l) })
      : "",
    w.t(trend, { previous: formatNumber(p.cases, l), current: formatNumber(c.cases, l) }),
    f.total > 0
      ? w.t("report.summary.followUps", { onTime: f.onTime, late: f.late, open: f.open, overdue: f.overdue, total: f.total })
      : w.t("report.summary.noFollowUps"),
  ];
}

function summary(w: Writer, r: MunicipalityReport): void {
  w.heading(w.t("report.section.summary"));
  const [work, conferences, hours, trend, followUps] = summarySentences(w, r);
  w.paragraph([work, conferences, hours].filter(Boolean).join(" "), { size: 10.5 }, 6);
  w.paragraph(`${trend} ${followUps}`, { size: 10.5 }, 6);
  keyFigures(w, r);
}

const FIGURES: { key: keyof PeriodFigures; label: MessageKey; kind: "count" | "hours" | "euro" }[] = [
  { key: "cases", label: "report.figure.cases", kind: "count" },
  { key: "newCases", label: "report.figure.newCases", kind: "count" },
  { key: "closedCases", label: "report.figure.closedCases", kind: "count" },
  { key: "conferences", label: "report.figure.conferences", kind: "count" },
  { key: "hours", label: "report.figure.hours", kind: "hours" },
  { key: "cost", label: "report.figure.cost", kind: "euro" },
];

function showFigure(kind: "count" | "hours" | "euro", locale: Locale): (n: number) => string {
  return (n) => (kind === "euro" ? formatEuro(n, locale) : kind === "hours" ? formatHours(n, locale) : formatNumber(n, locale));
}

function keyFigures(w: Writer, r: MunicipalityReport): void {
  const gap = 10,
    cardW = (WIDTH - 2 * gap) / 3,
    cardH = 62;
  w.heading(w.t("report.section.keyFigures"), 2 * cardH + gap);
  FIGURES.forEach((f, i) => figureCard(w, r, f, LEFT + (i % 3) * (cardW + gap), w.y - Math.floor(i / 3) * (cardH + gap), cardW, cardH));
  w.y -= 2 * cardH + gap + 6;
}

function figureCard(
  w: Writer,
  r: MunicipalityReport,
  f: (typeof FIGURES)[number],
  x: number,
  top: number,
  cardW: number,
  cardH: number,
): void {
  const show = showFigure(f.kind, w.locale);
  const [now, before] = [r.current[f.key], r.previous[f.key]];
  w.rect(x, top - cardH, cardW, cardH, C.shade);
  w.rect(x, top - cardH, 3, cardH, C.accent);
  const percent = formatChange(now, before, w.locale);
  const badge = { bold: true, size: 8.5, color: C.accent };
  if (percent) w.textRight(percent, x + cardW - 10, top - 15, badge);
  w.text(w.fit(w.t(f.label), cardW - 30 - w.measure(percent, badge), { size: 8.5 }), x + 12, top - 15, { size: 8.5, color: C.muted });
  w.text(w.fit(show(now), cardW - 22, { bold: true, size: 20 }), x + 12, top - 38, { bold: true, size: 20, color: C.navy });
  const change = `${w.t("report.change.previous", { value: show(before) })} · ${formatDelta(now, before, w.locale, show)}`;
  w.text(w.fit(change, cardW - 22, { size: 7.5 }), x + 12, top - 53, { size: 7.5, color: C.muted });
}

const NOTE: Style = { size: 8.5, color: C.muted };

/** A section; an empty one keeps its title and says so, so every report has the same outline. */
function section(w: Writer, title: MessageKey, empty: MessageKey | false, note: MessageKey, keep: number, body: () => void): void {
  if (empty) {
    w.heading(w.t(title), 20);
    w.paragraph(w.t(empty), { color: C.muted });
    return;
  }
  w.heading(w.t(title), keep);
  w.paragraph(w.t(note), NOTE, 6);
  body();
}

function themes(w: Writer, r: MunicipalityReport): void {
  const l = w.locale;
  const count = (n: number) => formatNumber(n, l);
  section(w, "report.section.themes", !r.byTheme.length && "report.empty.themes", "report.note.themes", 90, () => {
    table(
      w,
      [
        { header: w.t("report.col.theme"), width: 40 },
        { header: w.t("report.col.cases"), width: 14, align: "right" },
        { header: w.t("report.col.previousCases"), width: 16, align: "right" },
        { header: w.t("report.col.change"), width: 12, align: "right" },
        { header: w.t("report.col.conferences"), width: 18, align: "right" },
      ],
      r.byTheme.map((x) => ({
        cells: [x.theme, count(x.cases), count(x.previousCases), formatDelta(x.cases, x.previousCases, l, count), count(x.conferences)],
      })),
    );
    hbarChart(
      w,
      r.byTheme.map((x) => ({ label: x.theme, values: [x.cases, x.conferences] })),
      [
        { name: w.t("report.col.cases"), color: C.accent },
        { name: w.t("report.col.conferences"), color: C.teal },
      ],
      count,
    );
  });
}

function conferenceRow(w: Writer, c: ReportConference): Row {
  return {
    cells: [
      formatDay(c.heldOn, w.locale, "d MMM yyyy"),
      c.caseCodes.join(", "),
      c.themes.join(", "),
      c.director ?? w.t("report.directorNone"),
      w.t("report.elementsOf", { n: c.elementsRecorded }),
      w.t(c.rolesExplained ? "report.yes" : "report.no"),
    ],
    colors: [undefined, undefined, undefined, c.director ? undefined : STATE_COLOR.verlopen],
  };
}

function conferences(w: Writer, r: MunicipalityReport): void {
  section(w, "report.section.conferences", !r.conferences.length && "report.empty.conferences", "report.note.conferences", 90, () =>
    table(
      w,
      [
        { header: w.t("report.col.date"), width: 13 },
        { header: w.t("report.col.caseCodes"), width: 19 },
        { header: w.t("report.col.themes"), width: 22 },
        { header: w.t("report.col.director"), width: 22 },
        { header: w.t("report.col.elementsShort"), width: 12 },
        { header: w.t("report.col.roles"), width: 12 },
      ],
      r.conferences.map((c) => conferenceRow(w, c)),
    ),
  );
}

function followUpTiles(w: Writer, r: MunicipalityReport): void {
  const counts: Record<FollowUpState, number> = {
    op_tijd: r.followUps.onTime,
    te_laat: r.followUps.late,
    open: r.followUps.open,
    verlopen: r.followUps.overdue,
  };
  const gap = 10,
    tileW = (WIDTH - 3 * gap) / 4,
    tileH = 46;
  w.ensure(tileH + 40);
  STATES.forEach((s, i) => {
    const x = LEFT + i * (tileW + gap);
    w.rect(x, w.y - tileH, tileW, tileH, C.shade);
    w.rect(x, w.y - 3, tileW, 3, STATE_COLOR[s]);
    w.text(formatNumber(counts[s], w.locale), x + 10, w.y - 25, { bold: true, size: 18, color: C.navy });
    w.text(w.t(`report.state.${s}`), x + 10, w.y - 39, { size: 8.5, color: C.muted });
  });
  w.y -= tileH + 10;
  proportionBar(
    w,
    STATES.map((s) => ({ value: counts[s], color: STATE_COLOR[s] })),
  );
}

function proportionBar(w: Writer, parts: { value: number; color: RGB }[]): void {
  const total = parts.reduce((a, p) => a + Math.max(0, p.value), 0);
  if (total <= 0) return;
  let x = LEFT;
  for (const p of parts) {
    const width = (Math.max(0, p.value) / total) * WIDTH;
    w.rect(x, w.y - 8, width, 8, p.color);
    x += width;
  }
  w.y -= 22;
}

function followUpRows(w: Writer, r: MunicipalityReport): Row[] {
  const day = (iso: string) => formatDay(iso, w.locale, "d MMM yyyy");
  return r.conferences
    .filter((c) => c.followUps.length)
    .flatMap((c, band) => {
      const context = [day(c.heldOn), c.caseCodes.join(", ")];
      return c.followUps.map((f, i): Row => {
        const rest = [f.owner, day(f.dueOn), f.doneOn ? day(f.doneOn) : "–", w.t(`report.state.${f.state}`)];
        return {
          cells: [...(i === 0 ? context : ["", ""]), ...rest],
          onNewPage: [...context, ...rest],
          band,
          rule: i === 0 && band > 0,
          colors: [undefined, undefined, undefined, undefined, undefined, STATE_COLOR[f.state]],
        };
      });
    });
}

function followUps(w: Writer, r: MunicipalityReport): void {
  const rows = followUpRows(w, r);
  section(
    w,
    "report.section.followUps",
    r.followUps.total <= 0 && !rows.length && "report.empty.followUps",
    "report.note.followUps",
    140,
    () => {
      followUpTiles(w, r);
      if (rows.length)
        table(
          w,
          [
            { header: w.t("report.col.conference"), width: 13 },
            { header: w.t("report.col.caseCodes"), width: 17 },
            { header: w.t("report.col.owner"), width: 31 },
            { header: w.t("report.col.dueOn"), width: 13 },
            { header: w.t("report.col.doneOn"), width: 13 },
            { header: w.t("report.col.state"), width: 13 },
          ],
          rows,
        );
    },
  );
}

function attendance(w: Writer, r: MunicipalityReport): void {
  const count = (n: number) => formatNumber(n, w.locale);
  section(w, "report.section.attendance", !r.attendance.length && "report.empty.attendance", "report.note.attendance", 90, () =>
    table(
      w,
      [
        { header: w.t("report.col.organisation"), width: 40 },
        { header: w.t("report.attendance.aanwezig"), width: 15, align: "right" },
        { header: w.t("report.attendance.informatie_aangeleverd"), width: 15, align: "right" },
        { header: w.t("report.attendance.telefonisch_video"), width: 15, align: "right" },
        { header: w.t("report.attendance.afwezig"), width: 15, align: "right" },
      ],
      r.attendance.map((a) => ({
        cells: [a.organisation, ...[a.aanwezig, a.informatie_aangeleverd, a.telefonisch_video, a.afwezig].map(count)],
      })),
    ),
  );
}

function hours(w: Writer, r: MunicipalityReport): void {
  const l = w.locale;
  const label = (kind: MunicipalityReport["hoursByActivity"][number]["kind"]) => w.t(`report.activity.${kind}`);
  const total = r.hoursByActivity.reduce((a, x) => ({ hours: a.hours + x.hours, cost: a.cost + x.cost }), { hours: 0, cost: 0 });
  section(w, "report.section.hours", !r.hoursByActivity.length && "report.empty.hours", "report.note.hours", 90, () => {
    table(
      w,
      [
        { header: w.t("report.col.activity"), width: 50 },
        { header: w.t("report.col.hours"), width: 25, align: "right" },
        { header: w.t("report.figure.cost"), width: 25, align: "right" },
      ],
      [
        ...r.hoursByActivity.map((x) => ({ cells: [label(x.kind), formatHours(x.hours, l), formatEuro(x.cost, l)] })),
        { cells: [w.t("report.total"), formatHours(total.hours, l), formatEuro(total.cost, l)], bold: true, band: 0, rule: true },
      ],
    );
    hbarChart(
      w,
      r.hoursByActivity.map((x) => ({ label: label(x.kind), values: [x.hours] })),
      [{ name: w.t("report.col.hours"), color: C.accent }],
      (n) => `${formatHours(n, l)} ${w.t("report.unit.hour.other")}`,
    );
  });
}

function monthly(w: Writer, r: MunicipalityReport): void {
  const height = 120;
  section(w, "report.section.monthly", !r.monthly.length && "report.empty.monthly", "report.note.monthly", height + 70, () => {
    w.ensure(height + 50);
    const middle = LEFT + WIDTH / 2;
    const panels: [Panel, (m: MunicipalityReport["monthly"][number]) => number][] = [
      [{ title: w.t("report.col.cases"), color: C.accent, left: LEFT + 22, right: middle - 14 }, (m) => m.cases],
      [{ title: w.t("report.col.conferences"), color: C.teal, left: middle + 34, right: RIGHT }, (m) => m.conferences],
    ];
    for (const [panel, pick] of panels)
      monthPanel(
        w,
        panel,
        r.monthly.map((m) => ({ month: m.month, value: pick(m) })),
        w.y - 10,
        height,
      );
    w.y -= height + 60;
  });
}

function footers(w: Writer): void {
  const style = { size: 7.5, color: C.muted };
  w.pages.forEach((page, i) => {
    w.page = page;
    w.line(LEFT, BOTTOM - 24, RIGHT, BOTTOM - 24, C.rule, 0.6);
    const pageOf = w.t("report.pageOf", { page: i + 1, pages: w.pages.length });
    w.text(w.fit(w.t("report.privacy"), WIDTH - w.measure(pageOf, style) - 20, style), LEFT, BOTTOM - 36, style);
    w.textRight(pageOf, RIGHT, BOTTOM - 36, style);
  });
}

// ---- document --------------------------------------------------------------------------

export async function renderReportPdf(report: MunicipalityReport, locale: Locale = "nl"): Promise<Uint8Array> {
  const period = formatPeriod(report.period, locale);
  const stamp = new Date(report.generatedAt);
  const { doc, regular, bold, clean } = await newDocument({
    title: t(locale, "report.title", { name: report.municipality.name }),
    showTitle: true,
    author: report.organisation,
    subject: t(locale, "report.subject", { name: report.municipality.name, period }),
    keywords: [report.organisation, report.municipality.name, period],
    language: locale === "nl" ? "nl-NL" : "en-GB",
    date: Number.isNaN(stamp.getTime()) ? new Date(0) : stamp,
  });
  const head: [string, string] = [t(locale, "report.runningHead", { name: report.municipality.name, period }), report.organisation];
  const w = new Writer(doc, regular, bold, locale, head, clean);
  w.newPage();
  titleBlock(w, report);
  for (const section of [summary, themes, conferences, followUps, attendance, hours, monthly]) section(w, report);
  footers(w);
  return doc.save();
}
