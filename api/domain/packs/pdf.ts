/**
 * The readable PDF of one pack section: a title, what the section shows and as of when,
 * notes, key figures and tables. pdf-lib with the standard Helvetica fonts only (runs on
 * Node and on Workers); every date in the file comes from the period, so the same
 * section always gives the same bytes. Landscape A4: registers have many columns.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { winAnsiCleaner } from "../pdf/winansi.ts";

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
const INK = rgb(0.13, 0.15, 0.19),
  MUTED = rgb(0.4, 0.43, 0.48),
  NAVY = rgb(0.08, 0.22, 0.4),
  RULE = rgb(0.83, 0.86, 0.89),
  SHADE = rgb(0.955, 0.965, 0.975);
const CELL = 7.5,
  LINE = 10,
  PAD = 4,
  MAX_CELL_LINES = 6;

class Writer {
  page!: PDFPage;
  y = TOP;
  readonly pages: PDFPage[] = [];
  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    readonly clean: (t: string) => string,
  ) {}

  newPage() {
    this.page = this.doc.addPage(PAGE);
    this.pages.push(this.page);
    this.y = TOP;
  }
  ensure(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }
  width(text: string, size: number, bold = false) {
    return (bold ? this.bold : this.regular).widthOfTextAtSize(this.clean(text), size);
  }
  text(text: string, x: number, y: number, size: number, bold = false, color: RGB = INK) {
    this.page.drawText(this.clean(text), { x, y, size, font: bold ? this.bold : this.regular, color });
  }
  /** Word wrap; an over-long word is cut by character. At most `max` lines, the last one ending in "…". */
  wrap(text: string, maxWidth: number, size: number, bold = false, max = Infinity): string[] {
    const lines: string[] = [];
    for (const paragraph of this.clean(text).split(/\n/)) {
      let current = "";
      for (const word of paragraph.split(/ +/).filter(Boolean)) {
        const pieces = this.width(word, size, bold) <= maxWidth ? [word] : [...word];
        for (const [i, piece] of pieces.entries()) {
          const candidate = current ? current + (i > 0 ? "" : " ") + piece : piece;
          if (!current || this.width(candidate, size, bold) <= maxWidth) current = candidate;
          else {
            lines.push(current);
            current = piece;
          }
        }
      }
      lines.push(current);
    }
    if (lines.length <= max) return lines;
    const kept = lines.slice(0, max);
    let last = `${kept[max - 1]}…`;
    while (last.length > 1 && this.width(last, size, bold) > maxWidth) last = `${last.slice(0, -2)}…`;
    kept[max - 1] = last;
    return kept;
  }
  paragraph(text: string, size = 9.5, color: RGB = INK) {
    for (const line of this.wrap(text, WIDTH, size)) {
      this.ensure(size * 1.45);
      this.y -= size * 1.45;
      this.text(line, LEFT, this.y + size * 0.3, size, false, color);
    }
    this.y -= 6;
  }
  heading(text: string) {
    this.ensure(60);
    this.y -= 10;
    this.text(text, LEFT, this.y - 12, 13, true, NAVY);
    this.y -= 24;
  }
  facts(rows: [string, string][]) {
    const labelWidth = 190;
    for (const [label, value] of rows) {
      const lines = this.wrap(value, WIDTH - labelWidth, 9);
      this.ensure(lines.length * 12 + 2);
      this.text(label, LEFT, this.y - 10, 9, true, MUTED);
      lines.forEach((l, i) => this.text(l, LEFT + labelWidth, this.y - 10 - i * 12, 9));
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
      const wrapped = cells.map((c, i) => this.wrap(c, widths[i] - 2 * PAD, CELL, bold, MAX_CELL_LINES));
      return { wrapped, height: Math.max(...wrapped.map((l) => l.length)) * LINE + 2 * PAD - 2 };
    };
    const draw = ({ wrapped, height }: ReturnType<typeof measure>, bold: boolean, shade: boolean) => {
      if (shade) this.page.drawRectangle({ x: LEFT, y: this.y - height, width: WIDTH, height, color: SHADE });
      wrapped.forEach((lines, i) =>
        lines.forEach((l, n) => this.text(l, xs[i] + PAD, this.y - PAD - 6 - n * LINE, CELL, bold, bold ? NAVY : INK)),
      );
      this.y -= height;
      this.page.drawLine({ start: { x: LEFT, y: this.y }, end: { x: RIGHT, y: this.y }, color: RULE, thickness: 0.4 });
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
    if (!block.rows.length) this.paragraph("Geen records in deze periode.", 8.5, MUTED);
    if (block.total > block.rows.length) {
      this.paragraph(
        `Getoond: de eerste ${block.rows.length} van ${block.total} records. Alle records staan in ${block.file ?? "het CSV- en JSON-bestand"}.`,
        8.5,
        MUTED,
      );
    } else this.y -= 8;
  }
}

export async function renderSectionPdf(s: SectionPdf): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, regular, bold, winAnsiCleaner(new Set(regular.getCharacterSet())));
  doc.setTitle(`${s.title} — ${s.periodLabel}`);
  doc.setAuthor(s.organisation);
  doc.setSubject(`Bewijspakket ISO 9001, ${s.periodLabel}`);
  doc.setLanguage("nl-NL");
  doc.setCreator("Ketenspiegel");
  doc.setProducer("Ketenspiegel (pdf-lib)");
  doc.setCreationDate(s.stamp);
  doc.setModificationDate(s.stamp);
  w.newPage();
  w.text(s.organisation, LEFT, w.y - 10, 9, false, MUTED);
  w.y -= 20;
  for (const line of w.wrap(s.title, WIDTH, 18, true)) {
    w.text(line, LEFT, w.y - 18, 18, true, NAVY);
    w.y -= 24;
  }
  w.text(s.periodLabel, LEFT, w.y - 10, 10, false, MUTED);
  w.y -= 24;
  for (const b of s.blocks) {
    if (b.kind === "heading") w.heading(b.text);
    else if (b.kind === "paragraph") w.paragraph(b.text, 9.5, b.muted ? MUTED : INK);
    else if (b.kind === "facts") w.facts(b.rows);
    else w.table(b);
  }
  w.pages.forEach((page, i) => {
    const label = `${s.title} · ${s.periodLabel} · pagina ${i + 1} van ${w.pages.length}`;
    page.drawText(w.clean(label), { x: LEFT, y: 26, size: 7.5, font: regular, color: MUTED });
  });
  return doc.save();
}
