import { activityCost } from "../registry/registry.elements.ts";
import { inPeriod } from "../registry/registry.filters.ts";
import type { RegistryActivity, RegistryCase, RegistryConference, RegistryData } from "../registry/registry.types.ts";
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

/**
 * The four figures per key, in one pass over the registry, counted as the metrics count them
 * (api/domain/registry/metrics.ts: cases by registration date, conferences by the place
 * they were held and the municipalities of their cases, hours by the activity's
 * municipality); the full metrics would compute far more than the start page shows.
 */
/**
 * What the quarter figures need of the registry: the whole registry will do, and so will
 * only the records of the two periods (and the cases their conferences discussed), which
 * is what the start page loads so that it stays fast however many years are registered.
 */
export interface QuarterData {
  cases: Pick<RegistryCase, "id" | "municipalityId" | "branchId" | "registeredOn">[];
  conferences: Pick<RegistryConference, "heldOn" | "branchId" | "caseIds">[];
  activities: Pick<RegistryActivity, "municipalityId" | "staffRole" | "performedOn" | "hours">[];
  rates: RegistryData["rates"];
  branchOf: RegistryData["branchOf"];
}

function tally(data: QuarterData, period: Period) {
  const cases = new Map(data.cases.map((c) => [c.id, c]));
  const empty = () => ({ cases: 0, conferences: 0, hours: 0, cost: 0 });
  const byBranch = new Map<string, PeriodFigures>();
  const byMunicipality = new Map<string, PeriodFigures>();
  const total = empty();
  const row = (m: Map<string, PeriodFigures>, key: string) => {
    const r = m.get(key) ?? empty();
    m.set(key, r);
    return r;
  };
  for (const c of data.cases) {
    if (!inPeriod(c.registeredOn, period)) continue;
    total.cases++;
    row(byBranch, c.branchId).cases++;
    row(byMunicipality, c.municipalityId).cases++;
  }
  for (const conf of data.conferences) {
    if (!inPeriod(conf.heldOn, period)) continue;
    total.conferences++;
    row(byBranch, conf.branchId).conferences++;
    const places = new Set(conf.caseIds.map((id) => cases.get(id)?.municipalityId).filter((m): m is string => !!m));
    for (const m of places) row(byMunicipality, m).conferences++;
  }
  for (const a of data.activities) {
    if (!inPeriod(a.performedOn, period)) continue;
    const cost = activityCost(a.hours, a.staffRole, data.rates);
    for (const r of [
      total,
      row(byMunicipality, a.municipalityId),
      ...(data.branchOf[a.municipalityId] ? [row(byBranch, data.branchOf[a.municipalityId])] : []),
    ]) {
      r.hours += a.hours;
      r.cost += cost;
    }
  }
  const rounded = (r: PeriodFigures) => ({ ...r, hours: round2(r.hours), cost: round2(r.cost) });
  return {
    total: rounded(total),
    branch: (id: string) => rounded(byBranch.get(id) ?? empty()),
    municipalities: new Map([...byMunicipality].map(([k, v]) => [k, rounded(v)])),
  };
}

/**
 * Cases, conferences, hours and cost this quarter against the same quarter last year: in
 * total, per branch, and the municipalities whose number of cases changed most (hours
 * decide between equal changes).
 */
export function quarterComparison(data: QuarterData, today: string, branchIds: string[], top = 3) {
  const { current, lastYear } = quarterPeriods(today);
  const [now, before] = [tally(data, current), tally(data, lastYear)];
  const empty = { cases: 0, conferences: 0, hours: 0, cost: 0 };
  const municipalities = [...new Set([...now.municipalities.keys(), ...before.municipalities.keys()])]
    .map((municipalityId) => {
      const cur = now.municipalities.get(municipalityId) ?? empty;
      const prev = before.municipalities.get(municipalityId) ?? empty;
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
    total: { current: now.total, previous: before.total },
    branches: branchIds.map((branchId) => ({ branchId, current: now.branch(branchId), previous: before.branch(branchId) })),
    municipalities,
  };
}
