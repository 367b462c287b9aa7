import { and, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import {
  activities,
  branches,
  caseThemes,
  cases,
  conferenceAttendance,
  conferenceCases,
  conferences,
  followUps,
  municipalities,
  organisations,
  themes,
} from "../../db/schema.ts";
import type { RegistryConference, RegistryData } from "../domain/registry/registry.types.ts";
import { getRegistrySettings } from "./settings.service.ts";

function groupBy<T, V>(rows: T[], key: (r: T) => string, value: (r: T) => V) {
  const out = new Map<string, V[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), value(r)]);
  return out;
}

/** Attendance, cases and follow-ups of the given conferences, as the domain reads them. */
export async function conferenceFacts(db: Db, rows: (typeof conferences.$inferSelect)[]): Promise<RegistryConference[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [links, present, agreed] = await Promise.all([
    db.select().from(conferenceCases).where(inArray(conferenceCases.conferenceId, ids)),
    db.select().from(conferenceAttendance).where(inArray(conferenceAttendance.conferenceId, ids)),
    db.select().from(followUps).where(inArray(followUps.conferenceId, ids)),
  ]);
  const caseIds = groupBy(
    links,
    (l) => l.conferenceId,
    (l) => l.caseId,
  );
  const att = groupBy(
    present,
    (a) => a.conferenceId,
    (a) => ({ organisationId: a.organisationId, status: a.status }),
  );
  const fus = groupBy(
    agreed,
    (f) => f.conferenceId,
    (f) => ({ id: f.id, ownerOrganisationId: f.ownerOrganisationId, dueOn: f.dueOn, doneOn: f.doneOn }),
  );
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.heldOn,
    branchId: r.branchId,
    directorOrganisationId: r.directorOrganisationId,
    hasAanleiding: r.hasAanleiding,
    hasDoel: r.hasDoel,
    hasAanpak: r.hasAanpak,
    rolesExplained: r.rolesExplained,
    caseIds: caseIds.get(r.id) ?? [],
    attendance: att.get(r.id) ?? [],
    followUps: (fus.get(r.id) ?? []).sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
  }));
}

/**
 * The whole registry in memory, structured facts only. A ZVH registers hundreds of cases
 * a year, so even ten years fit comfortably; computing in plain functions keeps every
 * figure testable without a database.
 */
export async function loadRegistry(db: Db, conferencesIn?: { from: string; to: string }): Promise<RegistryData> {
  // A span keeps only the conferences and hours of those days (for figures about them alone).
  const held = conferencesIn && and(gte(conferences.heldOn, conferencesIn.from), lte(conferences.heldOn, conferencesIn.to));
  const performed = conferencesIn && and(gte(activities.performedOn, conferencesIn.from), lte(activities.performedOn, conferencesIn.to));
  const [caseRows, themeLinks, confRows, actRows, munis, settings] = await Promise.all([
    db.select().from(cases),
    db.select().from(caseThemes),
    db.select().from(conferences).where(held),
    db.select().from(activities).where(performed),
    db.select().from(municipalities),
    getRegistrySettings(db),
  ]);
  const replaced = new Set(actRows.map((a) => a.correctsId).filter((id): id is string => !!id));
  const themeIds = groupBy(
    themeLinks,
    (l) => l.caseId,
    (l) => l.themeId,
  );
  return {
    cases: caseRows.map((c) => ({
      id: c.id,
      code: c.code,
      municipalityId: c.municipalityId,
      branchId: c.branchId,
      themeIds: themeIds.get(c.id) ?? [],
      referrerOrganisationId: c.referrerOrganisationId,
      status: c.status,
      registeredOn: c.registeredOn,
      closedOn: c.closedOn,
      handledLocallyOn: c.handledLocallyOn,
    })),
    conferences: await conferenceFacts(db, confRows),
    // A corrected record stays in the table for its history; only its correction counts.
    activities: actRows
      .filter((a) => !replaced.has(a.id))
      .map((a) => ({
        id: a.id,
        municipalityId: a.municipalityId,
        caseId: a.caseId,
        kind: a.kind,
        staffRole: a.staffRole,
        performedOn: a.performedOn,
        hours: a.hours,
      })),
    rates: settings.hourlyRates,
    branchOf: Object.fromEntries(munis.map((m) => [m.id, m.branchId])),
  };
}

/** Display names of organisations, themes, municipalities and branches by id. */
export async function registryNames(db: Db): Promise<Record<string, string>> {
  const [o, t, m, b] = await Promise.all([
    db.select().from(organisations),
    db.select().from(themes),
    db.select().from(municipalities),
    db.select().from(branches),
  ]);
  return Object.fromEntries([...o, ...t, ...m, ...b].map((r) => [r.id, r.name]));
}
