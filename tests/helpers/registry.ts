import type { Db } from "../../db/types.ts";
import { organisations } from "../../db/schema.ts";
import type { testApp } from "./app.ts";

type T = Awaited<ReturnType<typeof testApp>>;

/** Organisation ids by a short name, for building registry requests. */
export async function partnerIds(db: Db) {
  const all = await db.select().from(organisations);
  const id = (name: string) => all.find((o) => o.name === name)!.id;
  return {
    politie: id("Politie Noord-Holland"),
    vt: id("Veilig Thuis Noord-Holland Noord"),
    reclassering: id("Reclassering Nederland"),
    ggz: id("GGZ Noord-Holland-Noord"),
    alkmaar: id("Gemeente Alkmaar"),
  };
}

export type Partners = Awaited<ReturnType<typeof partnerIds>>;

export const newCase = (p: Partners, over: Record<string, unknown> = {}) => ({
  municipalityId: "alkmaar",
  themeIds: ["huiselijk-geweld"],
  referrerOrganisationId: p.politie,
  registeredOn: "2026-03-02",
  careSafetyNexus: true,
  societalImpact: true,
  ...over,
});

export const newConference = (p: Partners, caseIds: string[], over: Record<string, unknown> = {}) => ({
  heldOn: "2026-03-17",
  branchId: "alkmaar",
  chair: "Procesregisseur ZVH",
  caseIds,
  rolesExplained: true,
  attendance: [
    { organisationId: p.politie, status: "aanwezig" },
    { organisationId: p.vt, status: "informatie_aangeleverd" },
    { organisationId: p.reclassering, status: "afwezig" },
  ],
  aanleiding: "Werkaantekening-aanleiding: zorgen over de veiligheid thuis.",
  doel: "Werkaantekening-doel: één plan.",
  aanpak: "Werkaantekening-aanpak: huisbezoek.",
  directorOrganisationId: p.vt,
  followUps: [{ ownerOrganisationId: p.vt, dueOn: "2026-04-01", note: "Werkaantekening-vervolg: terugkoppeling." }],
  ...over,
});

/** Registers a case through the API and returns its body. */
export async function registerCase(t: T, p: Partners, over: Record<string, unknown> = {}, as: "kwaliteit" | "medewerker" = "kwaliteit") {
  const res = await t.request("/api/cases", { method: "POST", json: newCase(p, over), as });
  if (res.status !== 201) throw new Error(`createCase ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { case: { id: string; code: string } }).case;
}

/** `n` cases, registered one after the other (their codes in order). */
export async function registerCases(t: T, p: Partners, n: number) {
  const all: { id: string; code: string }[] = [];
  for (let i = 0; i < n; i++) all.push(await registerCase(t, p));
  return all;
}

export async function registerConference(t: T, p: Partners, caseIds: string[], over: Record<string, unknown> = {}) {
  const res = await t.request("/api/conferences", { method: "POST", json: newConference(p, caseIds, over) });
  if (res.status !== 201) throw new Error(`createConference ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { conference: { id: string; followUps: { id: string }[] } }).conference;
}

/** A case closed in 2020 with a conference that still holds a working note: due for erasure. */
export async function seedExpiredNote(db: Db) {
  const { cases, conferences, conferenceCases } = await import("../../db/schema.ts");
  const [org] = await db.select().from(organisations).limit(1);
  const [c] = await db
    .insert(cases)
    .values({
      code: "ALK-2020-0001",
      municipalityId: "alkmaar",
      branchId: "alkmaar",
      referrerOrganisationId: org.id,
      status: "afgesloten",
      registeredOn: "2020-01-06",
      closedOn: "2020-03-01",
      careSafetyNexus: true,
      societalImpact: true,
    })
    .returning();
  const [k] = await db
    .insert(conferences)
    .values({
      heldOn: "2020-01-20",
      branchId: "alkmaar",
      chair: "Procesregisseur",
      rolesExplained: true,
      hasAanleiding: true,
      hasDoel: false,
      hasAanpak: false,
      aanleidingNote: "oude werkaantekening",
    })
    .returning();
  await db.insert(conferenceCases).values({ conferenceId: k.id, caseId: c.id });
  return k.id;
}
