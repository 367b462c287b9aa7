import type { Db } from "../types.ts";
import { branches, municipalities, organisations, processes, themes, type OrganisationType } from "../schema.ts";

/**
 * Zorg- en Veiligheidshuis Noord-Holland Noord: three branches and the 16 municipalities
 * (since Heerhugowaard and Langedijk became Dijk en Waard in 2022).
 */
export const BRANCHES = [
  { id: "alkmaar", name: "Alkmaar" },
  { id: "den-helder", name: "Den Helder" },
  { id: "west-friesland", name: "West-Friesland" },
];

const BY_BRANCH: Record<string, string[]> = {
  alkmaar: ["Alkmaar", "Bergen", "Castricum", "Dijk en Waard", "Heiloo"],
  "den-helder": ["Den Helder", "Hollands Kroon", "Schagen", "Texel"],
  "west-friesland": ["Drechterland", "Enkhuizen", "Hoorn", "Koggenland", "Medemblik", "Opmeer", "Stede Broec"],
};

export const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "");

export const MUNICIPALITIES = Object.entries(BY_BRANCH).flatMap(([branchId, names]) =>
  names.map((name) => ({ id: slug(name), name, branchId })),
);

/** Convenant partners; municipality set where the organisation is local. */
export const PARTNERS: { name: string; type: OrganisationType; municipality?: string }[] = [
  { name: "Politie Noord-Holland", type: "veiligheid" },
  { name: "Openbaar Ministerie Noord-Holland", type: "justitie" },
  { name: "Reclassering Nederland", type: "justitie" },
  { name: "Raad voor de Kinderbescherming", type: "justitie" },
  { name: "Veilig Thuis Noord-Holland Noord", type: "zorg" },
  { name: "GGZ Noord-Holland-Noord", type: "zorg" },
  { name: "GGD Hollands Noorden", type: "zorg" },
  { name: "Fivoor", type: "zorg" },
  { name: "Maatschappelijk werk", type: "zorg" },
  { name: "Woonwaard", type: "wonen" },
  { name: "Kennemer Wonen", type: "wonen" },
  { name: "Van Alckmaer", type: "wonen" },
  { name: "Wooncompagnie", type: "wonen" },
  ...MUNICIPALITIES.map((m) => ({ name: `Gemeente ${m.name}`, type: "gemeente" as const, municipality: m.name })),
];

/** The starting theme list; the ZVH maintains its own from here (each municipality decides what it needs). */
export const THEMES = [
  { id: "huiselijk-geweld", name: "Huiselijk geweld" },
  { id: "mensenhandel", name: "Mensenhandel" },
  { id: "loverboy-pooierboy", name: "Loverboy-/pooierboyproblematiek" },
  { id: "radicalisering", name: "Radicalisering" },
  { id: "verward-gedrag", name: "Ernstige overlast / verward gedrag" },
  { id: "persoonsgerichte-aanpak", name: "Persoonsgerichte aanpak (Top X)" },
  { id: "nazorg-ex-gedetineerden", name: "Nazorg ex-gedetineerden" },
  { id: "jeugdcriminaliteit", name: "Jeugdcriminaliteit" },
  { id: "woonoverlast", name: "Woonoverlast" },
  { id: "high-impact-crime", name: "High impact crime" },
];

/** The processes of the quality system, audited in the internal audit programme (risk weight 1–3). */
export const PROCESSES = [
  { id: "casusoverleg", name: "Casusoverleg", riskWeight: 3 },
  { id: "aanmelding-triage", name: "Aanmelding en triage", riskWeight: 2 },
  { id: "informatiedeling-privacy", name: "Informatiedeling en privacy", riskWeight: 3 },
  { id: "klanttevredenheid", name: "Klanttevredenheid", riskWeight: 1 },
  { id: "kennis-expertisecentrum", name: "Kennis- en expertisecentrum", riskWeight: 1 },
];

/** Idempotent: safe on every start. */
export async function seedReference(db: Db) {
  await db.insert(branches).values(BRANCHES).onConflictDoNothing();
  await db.insert(municipalities).values(MUNICIPALITIES).onConflictDoNothing();
  await db.insert(themes).values(THEMES).onConflictDoNothing();
  await db.insert(processes).values(PROCESSES).onConflictDoNothing();
  await db
    .insert(organisations)
    .values(
      PARTNERS.map((p) => ({
        name: p.name,
        type: p.type,
        municipalityId: p.municipality ? slug(p.municipality) : null,
      })),
    )
    .onConflictDoNothing();
}
