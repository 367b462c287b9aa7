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
