/**
 * One record set, two files: CSV for people (semicolons, decimal commas and a byte-order
 * mark, as Dutch Excel wants; text that could run as a formula is neutralised) and JSON
 * for machines (one record per line, keys in a fixed order). Both are produced a page of
 * records at a time, so a record set of any length streams.
 */
import { BOM, csvRecord, type CsvCell } from "../format/csv.ts";

export type Cell = CsvCell;

export interface Column<R> {
  header: string;
  value: (record: R) => Cell;
}

export function csvLine(cells: Cell[]): string {
  return `${csvRecord(cells)}\r\n`;
}

/** A value that is a structure in JSON becomes its JSON text in a CSV cell. */
export const asText = (v: unknown): Cell =>
  v === null || v === undefined ? null : typeof v === "object" ? JSON.stringify(v) : (v as Cell);

export type Pages<R> = () => AsyncIterable<R[]>;

/** Counts what went through, so the index can say how many records each file holds. */
export interface Counter {
  records: number;
}

export async function* csvStream<R>(columns: Column<R>[], pages: Pages<R>, counter?: Counter): AsyncIterable<string> {
  yield `${BOM}${csvLine(columns.map((c) => c.header))}`;
  let n = 0;
  for await (const page of pages()) {
    n += page.length;
    if (page.length) yield page.map((r) => csvLine(columns.map((c) => c.value(r)))).join("");
  }
  if (counter) counter.records = n;
}

export async function* jsonStream<R>(pages: Pages<R>, toJson: (r: R) => unknown = (r) => r): AsyncIterable<string> {
  yield "[";
  let first = true;
  for await (const page of pages()) {
    let out = "";
    for (const r of page) {
      out += `${first ? "\n" : ",\n"}${JSON.stringify(toJson(r))}`;
      first = false;
    }
    if (out) yield out;
  }
  yield first ? "]\n" : "\n]\n";
}

/** Pages from a keyset query: fetch(after) returns the next page after the cursor, empty at the end. */
export function keyset<R, K>(fetch: (after: K | null) => Promise<R[]>, key: (r: R) => K): Pages<R> {
  return async function* () {
    let after: K | null = null;
    for (;;) {
      const page = await fetch(after);
      if (!page.length) return;
      yield page;
      after = key(page[page.length - 1]);
    }
  };
}

/** A record set already in memory (small ones: a register, a list of reviews). */
export function inMemory<R>(records: R[], size = 500): Pages<R> {
  return async function* () {
    for (let i = 0; i < records.length; i += size) yield records.slice(i, i + size);
  };
}

/** The first `limit` records for a PDF table, and how many there are in all. */
export async function firstOf<R>(pages: Pages<R>, limit: number): Promise<{ rows: R[]; total: number }> {
  const rows: R[] = [];
  let total = 0;
  for await (const page of pages()) {
    for (const r of page) {
      if (rows.length < limit) rows.push(r);
      total++;
    }
  }
  return { rows, total };
}
