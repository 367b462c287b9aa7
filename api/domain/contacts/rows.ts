import { detail, type ErrorCode } from "../../lib/error-text.ts";
import { z } from "zod";

/**
 * Checks every row of an imported contact list. Columns are found by their heading, in
 * Dutch or English, in any order. The result is either the contacts (duplicates on e-mail
 * merged) or the errors by line number: the caller stores nothing when there is any error.
 */
export const ORGANISATION_TYPES = ["gemeente", "justitie", "zorg", "veiligheid", "wonen", "overig"] as const;
export type ContactType = (typeof ORGANISATION_TYPES)[number];

export interface ContactRow {
  line: number;
  email: string;
  name: string | null;
  organisation: string;
  organisationType: ContactType;
  municipality: string | null;
  branch: string | null;
  optedOut: boolean;
}
/** A refused cell: `code` and `params` are its text in the catalog (i18n/errors.ts), `message` its Dutch. */
export interface RowError {
  line: number;
  column: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
  message: string;
}

function rowError(line: number, column: string, code: ErrorCode, params?: Record<string, string | number>): RowError {
  return { line, column, ...detail(code, params) };
}
export interface Place {
  id: string;
  name: string;
  branchId?: string;
}

const HEADINGS: Record<keyof Omit<ContactRow, "line">, string[]> = {
  organisation: ["organisatie", "organisation", "organization"],
  organisationType: ["type", "organisatietype", "soort"],
  municipality: ["gemeente", "municipality"],
  branch: ["vestiging", "branch", "locatie"],
  email: ["e-mail", "email", "e-mailadres", "emailadres", "mail"],
  name: ["naam", "name", "contactpersoon"],
  optedOut: ["opt-out", "optout", "afgemeld", "opted out", "geen mail"],
};
const REQUIRED = ["organisation", "organisationType", "email"] as const;
const TYPE_ALIASES: Record<string, ContactType> = {
  politie: "veiligheid",
  justice: "justitie",
  care: "zorg",
  housing: "wonen",
  municipality: "gemeente",
  other: "overig",
  safety: "veiligheid",
};
const YES = new Set(["ja", "j", "yes", "y", "true", "1", "x", "waar"]);
const NO = new Set(["", "nee", "n", "no", "false", "0", "onwaar"]);
const email = z.email();

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ");

function match(places: Place[], value: string) {
  const v = norm(value);
  return places.find((p) => p.id === v || norm(p.name) === v);
}

export function readContactRows(table: string[][], places: { municipalities: Place[]; branches: Place[] }) {
  const errors: RowError[] = [];
  const headerIndex = table.findIndex((r) => r.some((c) => c.trim()));
  if (headerIndex < 0) return { contacts: [], errors: [rowError(1, "-", "rows_empty")], merged: 0 };
  const header = table[headerIndex].map(norm);
  const col = {} as Record<keyof typeof HEADINGS, number>;
  for (const [key, names] of Object.entries(HEADINGS) as [keyof typeof HEADINGS, string[]][]) {
    col[key] = header.findIndex((h) => names.includes(h));
  }
  for (const key of REQUIRED) {
    if (col[key] < 0) errors.push(rowError(headerIndex + 1, HEADINGS[key][0], "rows_missing_column", { column: HEADINGS[key][0] }));
  }
  if (errors.length) return { contacts: [], errors, merged: 0 };
  const byEmail = new Map<string, ContactRow>();
  let merged = 0;
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i];
    if (!cells || cells.every((c) => !c.trim())) continue;
    const line = i + 1;
    const get = (key: keyof typeof HEADINGS) => (col[key] >= 0 ? (cells[col[key]] ?? "").trim() : "");
    const fail = (column: string, code: ErrorCode, params?: Record<string, string | number>) =>
      errors.push(rowError(line, column, code, params));
    const address = get("email").toLowerCase();
    if (!address) fail("e-mail", "row_email_missing");
    else if (address.length > 254 || !email.safeParse(address).success) fail("e-mail", "row_email_invalid", { value: address });
    const organisation = get("organisation");
    if (organisation.length < 2 || organisation.length > 200) fail("organisatie", "row_organisation");
    const rawType = norm(get("organisationType"));
    const type = (ORGANISATION_TYPES as readonly string[]).includes(rawType) ? (rawType as ContactType) : TYPE_ALIASES[rawType];
    if (!type) fail("type", "row_unknown_type", { value: get("organisationType"), allowed: ORGANISATION_TYPES.join(", ") });
    const name = get("name");
    if (name.length > 200) fail("naam", "row_name_too_long");
    let municipality: string | null = null,
      branch: string | null = null;
    if (get("municipality")) {
      const m = match(places.municipalities, get("municipality"));
      if (!m) fail("gemeente", "row_unknown_municipality", { value: get("municipality") });
      else {
        municipality = m.id;
        branch = m.branchId ?? null;
      }
    }
    if (get("branch")) {
      const b = match(places.branches, get("branch"));
      if (!b) fail("vestiging", "row_unknown_branch", { value: get("branch") });
      else if (branch && branch !== b.id)
        fail("vestiging", "row_branch_mismatch", { municipality: get("municipality"), branch: get("branch") });
      else branch = b.id;
    }
    const flag = norm(get("optedOut"));
    if (!YES.has(flag) && !NO.has(flag)) fail("opt-out", "row_opt_out", { value: get("optedOut") });
    if (errors.some((e) => e.line === line) || !type) continue;
    const row: ContactRow = {
      line,
      email: address,
      name: name || null,
      organisation,
      organisationType: type,
      municipality,
      branch,
      optedOut: YES.has(flag),
    };
    const earlier = byEmail.get(address);
    if (earlier) merged++;
    // Same address twice: one contact; later non-empty cells win, an opt-out anywhere counts.
    byEmail.set(
      address,
      earlier
        ? {
            ...earlier,
            name: row.name ?? earlier.name,
            organisation: row.organisation,
            organisationType: row.organisationType,
            municipality: row.municipality ?? earlier.municipality,
            branch: row.branch ?? earlier.branch,
            optedOut: earlier.optedOut || row.optedOut,
          }
        : row,
    );
  }
  return { contacts: errors.length ? [] : [...byEmail.values()], errors, merged };
}
