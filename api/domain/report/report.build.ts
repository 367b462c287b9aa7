import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  eachMonthOfInterval,
  endOfMonth,
  format,
  isFirstDayOfMonth,
  isLastDayOfMonth,
  parseISO,
} from "date-fns";
import type { RegistryData, RegistryFilter } from "../registry/registry.types.ts";
import { activityMatches, caseActiveIn, caseIndex, conferenceMatches, inPeriod, matchingCases } from "../registry/registry.filters.ts";
import { activityCost, elementsRecorded, followUpState } from "../registry/registry.elements.ts";
import type { ActivityKindKey, MunicipalityReport, PeriodFigures, ReportConference } from "./report.types.ts";

const ACTIVITY_KINDS: ActivityKindKey[] = [
  "casusoverleg",
  "voorbereiding",
  "procesregie",
  "advies",
  "netwerkoverleg",
  "training_voorlichting",
  "overig",
];

const round2 = (x: number) => Math.round(x * 100) / 100;
const iso = (d: Date) => format(d, "yyyy-MM-dd");

/**
 * The period to compare with, ending the day before this one starts: for whole calendar
 * months (a month, a quarter, a year) the same number of whole months before (Q3 compares
 * with 1 April – 30 June), otherwise the same number of days.
 */
export function previousPeriod(p: { from: string; to: string }) {
  const [from, to] = [parseISO(p.from), parseISO(p.to)];
  if (isFirstDayOfMonth(from) && isLastDayOfMonth(to)) {
    const months = differenceInCalendarMonths(to, from) + 1;
    return { from: iso(addMonths(from, -months)), to: iso(endOfMonth(addMonths(from, -1))) };
  }
  const days = differenceInCalendarDays(to, from) + 1;
  return { from: iso(addDays(from, -days)), to: iso(addDays(from, -1)) };
}

function figures(data: RegistryData, f: Required<Pick<RegistryFilter, "from" | "to" | "municipalityId">>): PeriodFigures {
  const cases = caseIndex(data);
  const own = data.cases.filter((c) => c.municipalityId === f.municipalityId);
  const acts = data.activities.filter((a) => activityMatches(a, f, cases, data.branchOf));
  return {
    cases: own.filter((c) => caseActiveIn(c, f)).length,
    newCases: own.filter((c) => inPeriod(c.registeredOn, f)).length,
    closedCases: own.filter((c) => c.closedOn && inPeriod(c.closedOn, f)).length,
    conferences: data.conferences.filter((c) => conferenceMatches(c, f, cases)).length,
    hours: round2(acts.reduce((s, a) => s + a.hours, 0)),
    cost: round2(acts.reduce((s, a) => s + activityCost(a.hours, a.staffRole, data.rates), 0)),
  };
}

export interface ReportInput {
  organisation: string;
  municipality: { id: string; name: string; branch: string };
  period: { from: string; to: string };
  generatedAt: string;
  today: string;
  /** Display names of organisations, themes and branches by id. */
  names: Record<string, string>;
}

/**
 * What the ZVH did for one municipality in one period, against the period before.
 * Only this municipality's cases appear, by pseudonymous code; other municipalities'
 * cases discussed at the same table stay out of the report.
 */
export function buildMunicipalityReport(data: RegistryData, input: ReportInput): MunicipalityReport {
  const { period, names, today } = input;
  const prev = previousPeriod(period);
  const f = { ...period, municipalityId: input.municipality.id };
  const fPrev = { ...prev, municipalityId: input.municipality.id };
  const cases = caseIndex(data);
  const name = (id: string | null) => (id ? (names[id] ?? id) : null);
  const confs = data.conferences.filter((c) => conferenceMatches(c, f, cases)).sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const conferences: ReportConference[] = confs.map((c) => {
    const own = matchingCases(c, f, cases);
    return {
      heldOn: c.heldOn,
      branch: name(c.branchId)!,
      caseCodes: own.map((x) => x.code),
      themes: [...new Set(own.flatMap((x) => x.themeIds))].map((t) => name(t)!),
      director: name(c.directorOrganisationId),
      elementsRecorded: elementsRecorded(c),
      rolesExplained: c.rolesExplained,
      followUps: c.followUps.map((u) => ({
        owner: name(u.ownerOrganisationId)!,
        dueOn: u.dueOn,
        doneOn: u.doneOn,
        state: followUpState(u, today),
      })),
    };
  });
  const states = conferences.flatMap((c) => c.followUps.map((u) => u.state));
  const count = (s: string) => states.filter((x) => x === s).length;
  return {
    organisation: input.organisation,
    municipality: input.municipality,
    period,
    previousPeriod: prev,
    generatedAt: input.generatedAt,
    current: figures(data, f),
    previous: figures(data, fPrev),
    byTheme: themeRows(data, f, fPrev, name),
    conferences,
    followUps: { total: states.length, onTime: count("op_tijd"), late: count("te_laat"), open: count("open"), overdue: count("verlopen") },
    attendance: attendanceRows(confs, name),
    hoursByActivity: ACTIVITY_KINDS.map((kind) => {
      const acts = data.activities.filter((a) => a.kind === kind && activityMatches(a, f, cases, data.branchOf));
      return {
        kind,
        hours: round2(acts.reduce((s, a) => s + a.hours, 0)),
        cost: round2(acts.reduce((s, a) => s + activityCost(a.hours, a.staffRole, data.rates), 0)),
      };
    }),
    monthly: eachMonthOfInterval({ start: parseISO(period.from), end: parseISO(period.to) }).map((m) => {
      const month = format(m, "yyyy-MM");
      // String bounds work for every month: "yyyy-mm-31" sorts after the month's last day.
      const inMonth = { ...f, from: [f.from, `${month}-01`].sort()[1], to: [f.to, `${month}-31`].sort()[0] };
      const x = figures(data, inMonth);
      // Captioned "Actieve casussen": the cases active in the month, not only the new ones.
      return { month, cases: x.cases, conferences: x.conferences, hours: x.hours };
    }),
  };
}

type Named = (id: string | null) => string | null;
type MunicipalityFilter = Required<Pick<RegistryFilter, "from" | "to" | "municipalityId">>;

function themeRows(data: RegistryData, f: MunicipalityFilter, fPrev: MunicipalityFilter, name: Named) {
  const cases = caseIndex(data);
  const own = data.cases.filter((c) => c.municipalityId === f.municipalityId);
  const themeIds = [...new Set(own.filter((c) => caseActiveIn(c, f) || caseActiveIn(c, fPrev)).flatMap((c) => c.themeIds))];
  return themeIds
    .map((t) => ({
      theme: name(t)!,
      cases: own.filter((c) => c.themeIds.includes(t) && caseActiveIn(c, f)).length,
      conferences: data.conferences.filter((c) => conferenceMatches(c, { ...f, themeId: t }, cases)).length,
      previousCases: own.filter((c) => c.themeIds.includes(t) && caseActiveIn(c, fPrev)).length,
    }))
    .sort((a, b) => b.cases - a.cases || a.theme.localeCompare(b.theme));
}

function attendanceRows(confs: RegistryData["conferences"], name: Named) {
  const rows = new Map<string, MunicipalityReport["attendance"][number]>();
  for (const a of confs.flatMap((c) => c.attendance)) {
    const row = rows.get(a.organisationId) ?? {
      organisation: name(a.organisationId)!,
      aanwezig: 0,
      informatie_aangeleverd: 0,
      telefonisch_video: 0,
      afwezig: 0,
    };
    row[a.status]++;
    rows.set(a.organisationId, row);
  }
  return [...rows.values()].sort((a, b) => a.organisation.localeCompare(b.organisation, "nl"));
}
