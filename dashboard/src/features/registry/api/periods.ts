import type { Metrics } from "./registry.ts";

type Month = Metrics["byMonth"][number];
type Share = Month["directorAssigned"];

/** Fewer conferences a month than this on average, and monthly shares are mostly noise. */
export const MIN_PER_MONTH = 10;

const add = (a: Share, b: Share): Share => {
  const count = a.count + b.count,
    n = a.n + b.n;
  return { count, n, share: n ? count / n : null, ci: null };
};

/**
 * Monthly figures, or quarterly ones when the months hold too few conferences for a share
 * to mean anything (three conferences a month swing between 0 and 100 %). A quarter's
 * share is its counts added up, not an average of monthly percentages; its key is "yyyy-Qn".
 */
export function widenPeriods(months: Month[], min = MIN_PER_MONTH): { rows: Month[]; quarterly: boolean } {
  const total = months.reduce((s, m) => s + m.conferences, 0);
  if (!months.length || total / months.length >= min) return { rows: months, quarterly: false };
  const quarters = new Map<string, Month>();
  for (const m of months) {
    const key = `${m.month.slice(0, 4)}-Q${Math.floor((Number(m.month.slice(5, 7)) - 1) / 3) + 1}`;
    const q = quarters.get(key);
    quarters.set(
      key,
      q
        ? {
            ...q,
            conferences: q.conferences + m.conferences,
            directorAssigned: add(q.directorAssigned, m.directorAssigned),
            allElementsRecorded: add(q.allElementsRecorded, m.allElementsRecorded),
            rolesExplained: add(q.rolesExplained, m.rolesExplained),
            followUpsOverdue: q.followUpsOverdue + m.followUpsOverdue,
            hours: q.hours + m.hours,
            cost: q.cost + m.cost,
          }
        : { ...m, month: key },
    );
  }
  return { rows: [...quarters.values()], quarterly: true };
}
