/**
 * How often a process is audited (ISO 9001 9.2.2 a): "taking into consideration the
 * importance of the processes concerned … and the results of previous audits".
 */

/** The most recent carried-out audit of a process in the two years before the programme year. */
export interface LastAudit {
  year: number;
  reported: boolean;
  majorNc: number;
  minorNc: number;
}

export interface FrequencyInput {
  year: number;
  /** 1 laag, 2 middel, 3 hoog */
  riskWeight: number;
  lastAudit: LastAudit | null;
}

export interface Recommendation {
  count: 0 | 1 | 2;
  reason: string;
}

/**
 * The recommended number of audits of one process in `year`. First match wins:
 * 1. risk weight 3, or a major NC in the last audit → 2 a year;
 * 2. risk weight 2, or minor NCs in the last audit → 1 a year;
 * 3. risk weight 1 → once every two years: 0 only when last year's audit was reported
 *    without NCs; otherwise (clean audit two years ago, never audited, or the last audit's
 *    result not yet reported, so unknown) 1.
 * Only the last audit counts, so a process that fixed its major NC drops back to its
 * risk-based frequency after one clean audit.
 */
export function recommendedAudits({ year, riskWeight, lastAudit }: FrequencyInput): Recommendation {
  if (riskWeight >= 3) return { count: 2, reason: "Hoog risico (gewicht 3): twee audits per jaar." };
  if (lastAudit && lastAudit.majorNc > 0) {
    return { count: 2, reason: `Ernstige afwijking (major) bij de laatste audit (${lastAudit.year}): twee audits per jaar.` };
  }
  if (riskWeight === 2) return { count: 1, reason: "Middel risico (gewicht 2): één audit per jaar." };
  if (lastAudit && lastAudit.minorNc > 0) {
    return { count: 1, reason: `Kleine afwijking (minor) bij de laatste audit (${lastAudit.year}): één audit per jaar.` };
  }
  if (!lastAudit) return { count: 1, reason: "Laag risico, maar geen audit in de afgelopen twee jaar: één audit dit jaar." };
  if (!lastAudit.reported)
    return {
      count: 1,
      reason: `Laag risico, maar de uitkomst van de laatste audit (${lastAudit.year}) is nog niet gerapporteerd: één audit dit jaar.`,
    };
  if (lastAudit.year === year - 1) {
    return { count: 0, reason: `Laag risico en vorig jaar zonder afwijkingen geaudit: eens per twee jaar, dit jaar niet nodig.` };
  }
  return {
    count: 1,
    reason: `Laag risico, laatste audit zonder afwijkingen in ${lastAudit.year}: eens per twee jaar, dit jaar aan de beurt.`,
  };
}

/** Management should hear the outcome soon after the audit (9.2.2 c). */
export const REPORT_WITHIN_DAYS = 30;
