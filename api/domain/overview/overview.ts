import { conferenceMetrics } from "../registry/metrics.ts";
import type { RegistryData } from "../registry/registry.types.ts";
import type { TestResult } from "../stats/tests.ts";

/**
 * The start page's figures, as plain functions: what changed against the previous wave
 * (in words, so nobody reads noise as news), which dimension is weakest and strongest,
 * and the registry's quarter against the same quarter a year before.
 */

/** A change in words: up or down only when the test says it is more than chance. */
export type Verdict = "significant_up" | "significant_down" | "not_significant" | "no_test";

export function verdict(difference: number, test: Pick<TestResult, "significant"> | null): Verdict {
  if (!test) return "no_test";
  if (!test.significant) return "not_significant";
  return difference >= 0 ? "significant_up" : "significant_down";
}

/** The grade and the recommendation question are summaries of their own, not dimensions to rank. */
export const SUMMARY_DIMENSIONS = ["rapportcijfer", "nps"] as const;

export function extremes<T extends { dimension: string; mean: number; n: number }>(dimensions: T[]) {
  const ranked = dimensions
    .filter((d) => d.n > 0 && !(SUMMARY_DIMENSIONS as readonly string[]).includes(d.dimension))
    .sort((a, b) => a.mean - b.mean || a.dimension.localeCompare(b.dimension));
  return { weakest: ranked[0] ?? null, strongest: ranked.length > 1 ? ranked[ranked.length - 1] : null };
}

export interface Period {
  from: string;
  to: string;
}

/**
 * This quarter so far (from its first day to today) and the same days a year earlier, so
 * a quarter that is half over is not compared with a whole one.
 */
export function quarterPeriods(today: string): { current: Period; lastYear: Period } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const from = `${year}-${String(firstMonth).padStart(2, "0")}-01`;
  const back = (iso: string) => {
    const y = Number(iso.slice(0, 4)) - 1;
    // 29 February has no twin a year earlier: the day before it does.
    const md = iso.slice(5) === "02-29" ? "02-28" : iso.slice(5);
    return `${y}-${md}`;
  };
  return { current: { from, to: today }, lastYear: { from: back(from), to: back(today) } };
}

export interface PeriodFigures {
  cases: number;
  conferences: number;
  hours: number;
  cost: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function figures(data: RegistryData, period: Period, today: string, branchId?: string): PeriodFigures {
  const m = conferenceMetrics(data, { ...period, branchId }, today);
  return { cases: m.cases.registered, conferences: m.conferences, hours: m.hours.total.hours, cost: m.hours.total.cost };
}

function perMunicipality(data: RegistryData, period: Period, today: string) {
  const m = conferenceMetrics(data, period, today);
  const out = new Map<string, PeriodFigures>();
  const row = (id: string) => {
    const r = out.get(id) ?? { cases: 0, conferences: 0, hours: 0, cost: 0 };
    out.set(id, r);
    return r;
  };
  for (const c of m.cases.byMunicipality) row(c.municipalityId).cases = c.cases;
  for (const c of m.conferencesByMunicipality) row(c.municipalityId).conferences = c.conferences;
  for (const h of m.hours.byMunicipality) Object.assign(row(h.id), { hours: h.hours, cost: h.cost });
  return out;
}

/**
 * Cases, conferences, hours and cost this quarter against the same quarter last year: in
 * total, per branch, and the municipalities whose number of cases changed most (hours
 * decide between equal changes).
 */
export function quarterComparison(data: RegistryData, today: string, branchIds: string[], top = 3) {
  const { current, lastYear } = quarterPeriods(today);
  const now = perMunicipality(data, current, today);
  const before = perMunicipality(data, lastYear, today);
  const empty = { cases: 0, conferences: 0, hours: 0, cost: 0 };
  const municipalities = [...new Set([...now.keys(), ...before.keys()])]
    .map((municipalityId) => {
      const cur = now.get(municipalityId) ?? empty;
      const prev = before.get(municipalityId) ?? empty;
      return {
        municipalityId,
        current: cur,
        previous: prev,
        casesChange: cur.cases - prev.cases,
        hoursChange: round2(cur.hours - prev.hours),
      };
    })
    .filter((m) => m.casesChange !== 0 || m.hoursChange !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.casesChange) - Math.abs(a.casesChange) ||
        Math.abs(b.hoursChange) - Math.abs(a.hoursChange) ||
        a.municipalityId.localeCompare(b.municipalityId),
    )
    .slice(0, top);
  return {
    current,
    lastYear,
    total: { current: figures(data, current, today), previous: figures(data, lastYear, today) },
    branches: branchIds.map((branchId) => ({
      branchId,
      current: figures(data, current, today, branchId),
      previous: figures(data, lastYear, today, branchId),
    })),
    municipalities,
  };
}
