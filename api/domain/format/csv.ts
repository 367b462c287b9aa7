/**
 * The one CSV writer: semicolons, CRLF, a UTF-8 byte-order mark and decimal commas, as
 * Dutch Excel wants to open a file by double-click, and text that could run as a formula
 * neutralised. Used by the municipality report, the evidence packs and the dashboard's
 * chart downloads. Pure: no Node built-ins.
 */

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Spreadsheet programs run a text cell that starts with one of these characters as a
 * formula (or, for tab and carriage return, let it reach one after trimming). An
 * organisation name or case code typed by a user must never do that in a partner's Excel,
 * so, following the OWASP CSV-injection guidance, such a cell gets a leading apostrophe,
 * which Excel and LibreOffice read as "this is text". Only text goes through here: a
 * negative number is written as a number and is harmless.
 */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function neutralizeCell(value: string): string {
  return value.length > 0 && FORMULA_START.has(value[0]) ? `'${value}` : value;
}

export const BOM = "\uFEFF";

/** One field. Numbers keep full precision with the given decimal mark (Dutch Excel reads "12.5" as a date or text). */
export function csvField(cell: CsvCell, decimal: "," | "." = ","): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "ja" : "nee";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell).replace(".", decimal) : "";
  const text = neutralizeCell(cell);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line end. */
export function csvRecord(cells: CsvCell[], decimal: "," | "." = ","): string {
  return cells.map((c) => csvField(c, decimal)).join(";");
}

/** A whole file: BOM, records joined by CRLF, a final CRLF. */
export function toCsv(rows: CsvCell[][], decimal: "," | "." = ","): string {
  return `${BOM}${rows.map((r) => csvRecord(r, decimal)).join("\r\n")}\r\n`;
}
