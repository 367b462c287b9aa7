import { packExtension } from "../evidence/sniff.ts";
/**
 * How an evidence pack is organised: one folder per ISO 9001 clause under data/, in the
 * order of the standard, and an index that links everything.
 */
export const SECTIONS = [
  { clause: "6.1", title: "6.1 Maatregelen om risico's en kansen te behandelen" },
  { clause: "7.5", title: "7.5 Gedocumenteerde informatie: audittrail" },
  { clause: "9.1.2", title: "9.1.2 Klanttevredenheid van ketenpartners" },
  { clause: "9.1.3", title: "9.1.3 Analyse en evaluatie: casusoverleg en rendement" },
  { clause: "9.2", title: "9.2 Interne audit" },
  { clause: "9.3", title: "9.3 Directiebeoordeling" },
  { clause: "10.2", title: "10.2 Afwijkingen en corrigerende maatregelen, 10.3 Continue verbetering" },
] as const;

export type Clause = (typeof SECTIONS)[number]["clause"];
export const CLAUSES = SECTIONS.map((s) => s.clause) as Clause[];

/** 10.3 has no records of its own: continual improvement is evidenced by the 10.2 folder. */
const ALIASES: Record<string, Clause> = { "10.3": "10.2" };

/** The clauses asked for, in the order of the standard; unknown ones are listed, not ignored. */
export function parseClauses(input: string | undefined | null): { clauses: Clause[]; unknown: string[] } {
  if (!input?.trim()) return { clauses: [...CLAUSES], unknown: [] };
  const asked = input
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  const unknown = asked.filter((c) => !ALIASES[c] && !(CLAUSES as string[]).includes(c));
  const wanted = new Set(asked.map((c) => ALIASES[c] ?? c));
  return { clauses: CLAUSES.filter((c) => wanted.has(c)), unknown };
}

export const titleOf = (clause: Clause) => SECTIONS.find((s) => s.clause === clause)!.title;
export const folderOf = (clause: Clause) => `data/${clause}`;

/** Every section's readable report has this name; it sorts after the data files of its folder. */
export const REPORT_NAME = "verslag.pdf";
export const INDEX_PATH = "data/index.html";

/**
 * An evidence file's name in the pack: its full id first (unique, so two uploads never collide), then a tame
 * form of the uploaded name, ending in the extension of its stored type. A file kept as inert (anything not on
 * the allow-list, such as x.html) ends in .bin, so a browser that opens the unpacked pack never renders it.
 */
export function evidencePath(folder: string, id: string, filename: string, contentType: string): string {
  const tame =
    filename
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .replace(/^[._]+/, "")
      .slice(0, 80) || "bestand";
  const ext = packExtension(contentType);
  return `${folder}/bewijs/${id}-${tame.toLowerCase().endsWith(`.${ext}`) ? tame : `${tame}.${ext}`}`;
}

/** Paths sort by UTF-16 code units, as the ZIP writer checks them. */
export const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
