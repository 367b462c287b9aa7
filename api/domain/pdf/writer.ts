/**
 * The one PDF page writer, shared by the municipality report (api/domain/report/report.pdf.ts) and the
 * evidence packs' section reports (api/domain/packs/pdf.ts): pdf-lib with the standard Helvetica fonts only
 * (nothing to load from disk, so it runs on Node and on Workers), text made safe for WinAnsi, pages, word wrap,
 * paragraphs, lines and boxes. Each document keeps only its own look (headings, tables, charts, footers).
 * Every date in a file comes from the caller, so the same content always gives the same bytes.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { winAnsiCleaner } from "./winansi.ts";

export { rgb, type RGB };

export interface Style {
  bold?: boolean;
  size?: number;
  color?: RGB;
}

/** The page and its margins, in points; `bottom` is the lowest y for content (footers live below). */
export interface Frame {
  page: [number, number];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface DocumentInfo {
  title: string;
  showTitle?: boolean;
  author: string;
  subject: string;
  keywords?: string[];
  language: string;
  /** Creation and modification date: from the content (end of a period), never the clock. */
  date: Date;
}

export const INK = rgb(0.13, 0.15, 0.19);

/** A new document with the two fonts embedded and its metadata set, ready for a writer. */
export async function newDocument(info: DocumentInfo) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(info.title, info.showTitle ? { showInWindowTitleBar: true } : undefined);
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  if (info.keywords) doc.setKeywords(info.keywords);
  doc.setLanguage(info.language);
  doc.setCreator("Ketenspiegel");
  doc.setProducer("Ketenspiegel (pdf-lib)");
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  return { doc, regular, bold, clean: winAnsiCleaner(new Set(regular.getCharacterSet())) };
}

export class PdfWriter {
  page!: PDFPage;
  y: number;
  readonly pages: PDFPage[] = [];
  readonly left: number;
  readonly right: number;
  readonly width: number;

  constructor(
    readonly doc: PDFDocument,
    protected readonly regular: PDFFont,
    protected readonly bold: PDFFont,
    readonly frame: Frame,
    readonly clean: (text: string) => string,
  ) {
    this.y = frame.top;
    this.left = frame.left;
    this.right = frame.right;
    this.width = frame.right - frame.left;
  }

  font(style: Style): PDFFont {
    return style.bold ? this.bold : this.regular;
  }

  measure(text: string, style: Style): number {
    return this.font(style).widthOfTextAtSize(this.clean(text), style.size ?? 10);
  }

  newPage(): void {
    this.page = this.doc.addPage(this.frame.page);
    this.pages.push(this.page);
    this.y = this.frame.top;
    this.pageStarted();
  }

  /** What a document draws at the top of each new page (a running head); nothing by default. */
  protected pageStarted(): void {}

  /** Starts a new page when the next `height` points would run into the footer. */
  ensure(height: number): boolean {
    if (this.y - height >= this.frame.bottom) return false;
    this.newPage();
    return true;
  }

  text(text: string, x: number, y: number, style: Style = {}): void {
    this.page.drawText(this.clean(text), { x, y, size: style.size ?? 10, font: this.font(style), color: style.color ?? INK });
  }

  textRight(text: string, right: number, y: number, style: Style = {}): void {
    this.text(text, right - this.measure(text, style), y, style);
  }

  rect(x: number, y: number, width: number, height: number, color: RGB): void {
    if (width > 0 && height > 0) this.page.drawRectangle({ x, y, width, height, color });
  }

  line(x1: number, y1: number, x2: number, y2: number, color: RGB, thickness = 0.5): void {
    this.page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, color, thickness });
  }

  /** Cuts text to the width with an ellipsis, for places that have room for one line only. */
  fit(text: string, maxWidth: number, style: Style): string {
    const clean = this.clean(text);
    if (this.measure(clean, style) <= maxWidth) return clean;
    // No Helvetica glyph is narrower than 0.2 em, so nothing past this can show anyway.
    let chars = [...clean].slice(0, Math.ceil(maxWidth / ((style.size ?? 10) * 0.2)));
    while (chars.length > 1 && this.measure(`${chars.join("")}…`, style) > maxWidth) chars = chars.slice(0, -1);
    return `${chars.join("").trimEnd()}…`;
  }

  /**
   * Word wrap, each line break in the text kept; a word wider than the line is broken after a slash or
   * hyphen, or else by character. At most `maxLines` lines, the last one cut with an ellipsis.
   */
  wrap(text: string, maxWidth: number, style: Style, maxLines = Infinity): string[] {
    const lines: string[] = [];
    for (const paragraph of this.clean(text).split("\n")) {
      let current = "";
      for (const { piece, glued } of this.tokens(paragraph, maxWidth, style)) {
        const candidate = current ? current + (glued ? "" : " ") + piece : piece;
        if (!current || this.measure(candidate, style) <= maxWidth) {
          current = candidate;
          continue;
        }
        if (lines.length === maxLines - 1) return [...lines, this.fit(candidate, maxWidth, style)];
        lines.push(current);
        current = piece;
      }
      if (lines.length === maxLines - 1 && current) return [...lines, this.fit(current, maxWidth, style)];
      lines.push(current);
    }
    return lines.length > maxLines ? lines.slice(0, maxLines) : lines;
  }

  private tokens(text: string, maxWidth: number, style: Style): { piece: string; glued: boolean }[] {
    return text
      .split(/ +/)
      .filter(Boolean)
      .flatMap((word) => {
        if (this.measure(word, style) <= maxWidth) return [{ piece: word, glued: false }];
        const pieces = word.split(/(?<=[/-])/).flatMap((p) => (this.measure(p, style) <= maxWidth ? [p] : [...p]));
        return pieces.map((piece, i) => ({ piece, glued: i > 0 }));
      });
  }

  /** Wrapped text over the full width, `after` points below it. */
  paragraph(text: string, style: Style = {}, after = 8): void {
    const size = style.size ?? 10;
    for (const line of this.wrap(text, this.width, style)) {
      this.ensure(size * 1.45);
      this.y -= size * 1.45;
      this.text(line, this.left, this.y + size * 0.3, style);
    }
    this.y -= after;
  }
}
