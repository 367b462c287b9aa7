import type { RegistryActivity, RegistryCase, RegistryConference, RegistryData, RegistryFilter } from "./registry.types.ts";

/**
 * Which records a filter selects. A conference belongs to a municipality or theme through
 * the cases it discussed, and to a branch through the place it was held; an activity
 * belongs to a branch through its municipality.
 */
export const inPeriod = (date: string, f: Pick<RegistryFilter, "from" | "to">) => (!f.from || date >= f.from) && (!f.to || date <= f.to);

export function caseMatches(c: RegistryCase, f: RegistryFilter) {
  return (
    (!f.municipalityId || c.municipalityId === f.municipalityId) &&
    (!f.branchId || c.branchId === f.branchId) &&
    (!f.themeId || c.themeIds.includes(f.themeId))
  );
}

export function caseIndex(data: RegistryData) {
  return new Map(data.cases.map((c) => [c.id, c]));
}

/** The cases of a conference that the filter's municipality and theme select. */
export function matchingCases(conf: RegistryConference, f: RegistryFilter, cases: Map<string, RegistryCase>) {
  return conf.caseIds
    .map((id) => cases.get(id))
    .filter(
      (c): c is RegistryCase =>
        !!c && (!f.municipalityId || c.municipalityId === f.municipalityId) && (!f.themeId || c.themeIds.includes(f.themeId)),
    );
}

export function conferenceMatches(conf: RegistryConference, f: RegistryFilter, cases: Map<string, RegistryCase>) {
  if (!inPeriod(conf.heldOn, f) || (f.branchId && conf.branchId !== f.branchId)) return false;
  return (!f.municipalityId && !f.themeId) || matchingCases(conf, f, cases).length > 0;
}

export function activityMatches(
  a: RegistryActivity,
  f: RegistryFilter,
  cases: Map<string, RegistryCase>,
  branchOf: Record<string, string>,
) {
  if (!inPeriod(a.performedOn, f)) return false;
  if (f.municipalityId && a.municipalityId !== f.municipalityId) return false;
  if (f.branchId && branchOf[a.municipalityId] !== f.branchId) return false;
  return !f.themeId || (!!a.caseId && !!cases.get(a.caseId)?.themeIds.includes(f.themeId));
}

/** Active in a period: registered before it ended and not closed before it began. */
export function caseActiveIn(c: RegistryCase, f: Pick<RegistryFilter, "from" | "to">) {
  return (!f.to || c.registeredOn <= f.to) && (!f.from || !c.closedOn || c.closedOn >= f.from);
}
