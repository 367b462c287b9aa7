/**
 * The readable PDF of one pack section: a title, what the section shows and as of when,
 * notes, key figures and tables. pdf-lib with the standard Helvetica fonts only (runs on
 * Node and on Workers); every date in the file comes from the period, so the same
 * section always gives the same bytes. Landscape A4: registers have many columns.
 */
import { INK, newDocument, PdfWriter, rgb } from "../pdf/writer.ts";

export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; muted?: boolean }
  | { kind: "facts"; rows: [string, string][] }
  | { kind: "table"; columns: { header: string; width: number }[]; rows: string[][]; total: number; file?: string };

export interface SectionPdf {
  title: string;
  organisation: string;
  periodLabel: string;
  stamp: Date;
  blocks: PdfBlock[];
}

const PAGE: [number, number] = [841.89, 595.28];
const LEFT = 40,
  RIGHT = PAGE[0] - 40,
  WIDTH = RIGHT - LEFT,
  TOP = PAGE[1] - 48,
  BOTTOM = 50;
const MUTED = rgb(0.4, 0.43, 0.48),
  NAVY = rgb(0.08, 0.22, 0.4),
  RULE = rgb(0.83, 0.86, 0.89),
  SHADE = rgb(0.955, 0.965, 0.975);
const CELL = 7.5,
  LINE = 10,
  PAD = 4,
  MAX_CELL_LINES = 6;

class Writer extends PdfWriter {
  heading(text: string) {
    this.ensure(60);
    this.y -= 10;
    this.text(text, LEFT, this.y - 12, { size: 13, bold: true, color: NAVY });
    this.y -= 24;
  }
  facts(rows: [string, string][]) {
    const labelWidth = 190;
    for (const [label, value] of rows) {
      const lines = this.wrap(value, WIDTH - labelWidth, { size: 9 });
      this.ensure(lines.length * 12 + 2);
      this.text(label, LEFT, this.y - 10, { size: 9, bold: true, color: MUTED });
      lines.forEach((l, i) => this.text(l, LEFT + labelWidth, this.y - 10 - i * 12, { size: 9 }));
      this.y -= lines.length * 12 + 3;
    }
    this.y -= 6;
  }
  table(block: Extract<PdfBlock, { kind: "table" }>) {
    const total = block.columns.reduce((a, c) => a + c.width, 0);
    const widths = block.columns.map((c) => (c.width / total) * WIDTH);
    const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const header = block.columns.map((c) => c.header);
    const measure = (cells: string[], bold: boolean) => {
      const wrapped = cells.map((c, i) => this.wrap(c, widths[i] - 2 * PAD, { size: CELL, bold }, MAX_CELL_LINES));
      return { wrapped, height: Math.max(...wrapped.map((l) => l.length)) * LINE + 2 * PAD - 2 };
    };
    const draw = ({ wrapped, height }: ReturnType<typeof measure>, bold: boolean, shade: boolean) => {
      if (shade) this.rect(LEFT, this.y - height, WIDTH, height, SHADE);
      wrapped.forEach((lines, i) =>
        lines.forEach((l, n) => this.text(l, xs[i] + PAD, this.y - PAD - 6 - n * LINE, { size: CELL, bold, color: bold ? NAVY : INK })),
      );
      this.y -= height;
      this.line(LEFT, this.y, RIGHT, this.y, RULE, 0.4);
    };
    const head = measure(header, true);
    this.ensure(head.height + 30);
    draw(head, true, false);
    block.rows.forEach((row, i) => {
      const m = measure(row, false);
      // A row never splits; on a new page the header comes first again.
      if (this.y - m.height < BOTTOM) {
        this.newPage();
        draw(head, true, false);
      }
      draw(m, false, i % 2 === 1);
    });
    if (!block.rows.length) this.paragraph("Geen records in deze periode.", { size: 8.5, color: MUTED }, 6);
    if (block.total > block.rows.length) {
      this.paragraph(
        `Getoond: de eerste ${block.rows.length} van ${block.total} records. Alle records staan in ${block.file ?? "het CSV- en JSON-bestand"}.`,
        { size: 8.5, color: MUTED },
        6,
      );
    } else this.y -= 8;
  }
}

export async function renderSectionPdf(s: SectionPdf): Promise<Uint8Array> {
  const { doc, regular, bold, clean } = await newDocument({
    title: `${s.title} — ${s.periodLabel}`,
    author: s.organisation,
    subject: `Bewijspakket ISO 9001, ${s.periodLabel}`,
    language: "nl-NL",
    date: s.stamp,
  });
  const w = new Writer(doc, regular, bold, { page: PAGE, left: LEFT, right: RIGHT, top: TOP, bottom: BOTTOM }, clean);
  w.newPage();
  w.text(s.organisation, LEFT, w.y - 10, { size: 9, color: MUTED });
  w.y -= 20;
  for (const line of w.wrap(s.title, WIDTH, { size: 18, bold: true })) {
    w.text(line, LEFT, w.y - 18, { size: 18, bold: true, color: NAVY });
    w.y -= 24;
  }
  w.text(s.periodLabel, LEFT, w.y - 10, { size: 10, color: MUTED });
  w.y -= 24;
  for (const b of s.blocks) {
    if (b.kind === "heading") w.heading(b.text);
    else if (b.kind === "paragraph") w.paragraph(b.text, { size: 9.5, color: b.muted ? MUTED : INK }, 6);
    else if (b.kind === "facts") w.facts(b.rows);
    else w.table(b);
  }
  w.pages.forEach((page, i) => {
    w.page = page;
    w.text(`${s.title} · ${s.periodLabel} · pagina ${i + 1} van ${w.pages.length}`, LEFT, 26, { size: 7.5, color: MUTED });
  });
  return doc.save();
}
