import type { Db } from "../../db/types.ts";
import { ApiError } from "../lib/errors.ts";
import type { RegistryFilter } from "../domain/registry/registry.types.ts";
import { conferenceMetrics } from "../domain/registry/metrics.ts";
import { loadRegistry, registryNames } from "./registry.data.ts";

/** The metrics with display names alongside the ids, so a client needs no second lookup. */
export async function getConferenceMetrics(db: Db, filter: RegistryFilter, now: Date) {
  if (filter.from && filter.to && filter.from > filter.to) throw new ApiError(400, "invalid_period");
  const [data, names] = await Promise.all([loadRegistry(db), registryNames(db)]);
  for (const [key, id] of Object.entries({ branch: filter.branchId, municipality: filter.municipalityId, theme: filter.themeId })) {
    if (id && !names[id]) {
      if (key === "branch") throw new ApiError(404, "unknown_branch", { branch: id });
      if (key === "theme") throw new ApiError(404, "theme_not_found");
      throw new ApiError(404, "unknown_municipality", { municipality: id });
    }
  }
  const metrics = conferenceMetrics(data, filter, now.toISOString().slice(0, 10));
  const used = new Set<string>([
    ...metrics.attendance.map((a) => a.organisationId),
    ...metrics.cases.byTheme.map((t) => t.themeId),
    ...metrics.cases.byMunicipality.map((m) => m.municipalityId),
    ...metrics.hours.byMunicipality.map((m) => m.id),
    ...metrics.conferencesByMunicipality.map((m) => m.municipalityId),
    ...metrics.hours.byTheme.map((t) => t.id),
    ...metrics.hours.byKind.map((k) => k.id),
  ]);
  const caseCodes = Object.fromEntries(
    data.cases.filter((c) => metrics.hours.byCase.some((h) => h.id === c.id)).map((c) => [c.id, c.code]),
  );
  return { ...metrics, names: { ...Object.fromEntries([...used].filter((id) => names[id]).map((id) => [id, names[id]])), ...caseCodes } };
}
