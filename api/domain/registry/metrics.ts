import { differenceInCalendarDays, parseISO } from "date-fns";
import { wilson, type Interval } from "../stats/intervals.ts";
import { spread, type Spread } from "../stats/quantile.ts";
import type { AttendanceStatus, RegistryConference, RegistryData, RegistryFilter } from "./registry.types.ts";
import { activityMatches, caseIndex, caseMatches, conferenceMatches, inPeriod } from "./registry.filters.ts";
import { activityCost, ELEMENT_COUNT, elementsRecorded, followUpState } from "./registry.elements.ts";

export interface Share {
  count: number;
  n: number;
  share: number | null;
  ci: Interval | null;
}

function share(count: number, n: number): Share {
  return { count, n, share: n ? count / n : null, ci: n ? wilson(count, n) : null };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function conferenceKpis(confs: RegistryConference[]) {
  return {
    conferences: confs.length,
    directorAssigned: share(confs.filter((c) => c.directorOrganisationId).length, confs.length),
    allElementsRecorded: share(confs.filter((c) => elementsRecorded(c) === ELEMENT_COUNT).length, confs.length),
    rolesExplained: share(confs.filter((c) => c.rolesExplained).length, confs.length),
  };
}

function attendanceByOrganisation(confs: RegistryConference[]) {
  const counts = new Map<string, Record<AttendanceStatus, number>>();
  for (const a of confs.flatMap((c) => c.attendance)) {
    const row = counts.get(a.organisationId) ?? { aanwezig: 0, informatie_aangeleverd: 0, telefonisch_video: 0, afwezig: 0 };
    row[a.status]++;
    counts.set(a.organisationId, row);
  }
  return [...counts].map(([organisationId, r]) => {
    const invited = r.aanwezig + r.informatie_aangeleverd + r.telefonisch_video + r.afwezig;
    // Taking part = at the table, by phone or video, or with information sent in.
    return { organisationId, invited, ...r, contributed: share(invited - r.afwezig, invited) };
  });
}

function followUpFigures(confs: RegistryConference[], today: string) {
  const states = confs.flatMap((c) => c.followUps.map((f) => followUpState(f, today)));
  const n = (s: string) => states.filter((x) => x === s).length;
  return { total: states.length, onTime: n("op_tijd"), late: n("te_laat"), open: n("open"), overdue: n("verlopen") };
}

function countBy<T>(items: T[], keys: (item: T) => string[]) {
  const out = new Map<string, number>();
  for (const item of items) for (const k of keys(item)) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

function leadTimes(data: RegistryData, f: RegistryFilter) {
  const first = new Map<string, string>();
  for (const conf of data.conferences) {
    for (const id of conf.caseIds) if (!first.has(id) || conf.heldOn < first.get(id)!) first.set(id, conf.heldOn);
  }
  const days = (a: string, b: string) => differenceInCalendarDays(parseISO(b), parseISO(a));
  const cohort = data.cases.filter((c) => inPeriod(c.registeredOn, f) && caseMatches(c, f));
  return {
    toFirstConference: spread(cohort.filter((c) => first.has(c.id)).map((c) => days(c.registeredOn, first.get(c.id)!))),
    toClosure: spread(cohort.filter((c) => c.closedOn).map((c) => days(c.registeredOn, c.closedOn!))),
  };
}

function hoursAndCost(data: RegistryData, f: RegistryFilter) {
  const cases = caseIndex(data);
  const acts = data.activities.filter((a) => activityMatches(a, f, cases, data.branchOf));
  const add = (m: Map<string, { hours: number; cost: number }>, key: string, hours: number, cost: number) => {
    const row = m.get(key) ?? { hours: 0, cost: 0 };
    m.set(key, { hours: row.hours + hours, cost: row.cost + cost });
  };
  const byMunicipality = new Map<string, { hours: number; cost: number }>();
  const byCase = new Map<string, { hours: number; cost: number }>();
  const byTheme = new Map<string, { hours: number; cost: number }>();
  const byKind = new Map<string, { hours: number; cost: number }>();
  for (const a of acts) {
    const cost = activityCost(a.hours, a.staffRole, data.rates);
    add(byMunicipality, a.municipalityId, a.hours, cost);
    add(byKind, a.kind, a.hours, cost);
    if (a.caseId) add(byCase, a.caseId, a.hours, cost);
    // A case with several themes shares its time equally, so theme totals add up to the whole.
    const themes = a.caseId ? (cases.get(a.caseId)?.themeIds ?? []) : [];
    if (!themes.length) add(byTheme, "zonder_thema", a.hours, cost);
    for (const t of themes) add(byTheme, t, a.hours / themes.length, cost / themes.length);
  }
  const total = acts.reduce((s, a) => ({ hours: s.hours + a.hours, cost: s.cost + activityCost(a.hours, a.staffRole, data.rates) }), {
    hours: 0,
    cost: 0,
  });
  const list = (m: Map<string, { hours: number; cost: number }>) =>
    [...m].map(([id, v]) => ({ id, hours: round2(v.hours), cost: round2(v.cost) })).sort((a, b) => b.cost - a.cost);
  return {
    total: { hours: round2(total.hours), cost: round2(total.cost) },
    unpricedHours: round2(acts.filter((a) => data.rates[a.staffRole] === undefined).reduce((s, a) => s + a.hours, 0)),
    byMunicipality: list(byMunicipality),
    byCase: list(byCase),
    byTheme: list(byTheme),
    byKind: list(byKind),
  };
}

export interface MonthKpis {
  month: string;
  conferences: number;
  directorAssigned: Share;
  allElementsRecorded: Share;
  rolesExplained: Share;
  followUpsOverdue: number;
  hours: number;
  cost: number;
}

export interface ConferenceMetrics {
  filter: RegistryFilter;
  conferences: number;
  directorAssigned: Share;
  allElementsRecorded: Share;
  rolesExplained: Share;
  attendance: ReturnType<typeof attendanceByOrganisation>;
  followUps: ReturnType<typeof followUpFigures>;
  cases: {
    registered: number;
    handledLocally: number;
    byTheme: { themeId: string; cases: number }[];
    byMunicipality: { municipalityId: string; cases: number }[];
    byThemeAndMunicipality: { themeId: string; municipalityId: string; cases: number }[];
  };
  leadTimeDays: { toFirstConference: Spread; toClosure: Spread };
  hours: ReturnType<typeof hoursAndCost>;
  /** A conference counts once for every municipality whose case it discussed. */
  conferencesByMunicipality: { municipalityId: string; conferences: number }[];
  byMonth: MonthKpis[];
}

/**
 * The case-conference KPIs for one filter. Plain data in, plain data out: no database
 * and no HTTP, so that every figure can be checked against a fixture with known answers.
 * `today` (yyyy-mm-dd) decides which open follow-up agreements are overdue.
 */
export function conferenceMetrics(data: RegistryData, f: RegistryFilter, today: string): ConferenceMetrics {
  const cases = caseIndex(data);
  const confs = data.conferences.filter((c) => conferenceMatches(c, f, cases));
  const registered = data.cases.filter((c) => inPeriod(c.registeredOn, f) && caseMatches(c, f));
  const byThemeAndMunicipality = countBy(registered, (c) => c.themeIds.map((t) => `${t}|${c.municipalityId}`));
  const acts = data.activities.filter((a) => activityMatches(a, f, cases, data.branchOf));
  const months = [...new Set([...confs.map((c) => c.heldOn.slice(0, 7)), ...acts.map((a) => a.performedOn.slice(0, 7))])].sort();
  return {
    filter: f,
    ...conferenceKpis(confs),
    attendance: attendanceByOrganisation(confs),
    followUps: followUpFigures(confs, today),
    cases: {
      registered: registered.length,
      handledLocally: registered.filter((c) => c.handledLocallyOn).length,
      byTheme: [...countBy(registered, (c) => c.themeIds)].map(([themeId, n]) => ({ themeId, cases: n })),
      byMunicipality: [...countBy(registered, (c) => [c.municipalityId])].map(([municipalityId, n]) => ({ municipalityId, cases: n })),
      byThemeAndMunicipality: [...byThemeAndMunicipality].map(([k, n]) => {
        const [themeId, municipalityId] = k.split("|");
        return { themeId, municipalityId, cases: n };
      }),
    },
    leadTimeDays: leadTimes(data, f),
    hours: hoursAndCost(data, f),
    conferencesByMunicipality: [
      ...countBy(confs, (k) => [
        ...new Set(
          k.caseIds
            .map((id) => cases.get(id)?.municipalityId)
            .filter((m): m is string => !!m && (!f.municipalityId || m === f.municipalityId)),
        ),
      ]),
    ]
      .map(([municipalityId, n]) => ({ municipalityId, conferences: n }))
      .sort((a, b) => a.municipalityId.localeCompare(b.municipalityId)),
    byMonth: months.map((month) => {
      const inMonth = confs.filter((c) => c.heldOn.startsWith(month));
      const spent = acts.filter((a) => a.performedOn.startsWith(month));
      return {
        month,
        ...conferenceKpis(inMonth),
        followUpsOverdue: followUpFigures(inMonth, today).overdue,
        hours: round2(spent.reduce((s, a) => s + a.hours, 0)),
        cost: round2(spent.reduce((s, a) => s + activityCost(a.hours, a.staffRole, data.rates), 0)),
      };
    }),
  };
}
