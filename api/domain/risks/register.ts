import { addDays, format, parseISO, subDays } from "date-fns";
import { levelRank, riskLevel, riskScore, SIZE, type Level, type RiskMatrix } from "./matrix.ts";

/** How the register judges each risk: scores and levels are computed on read, so they follow the current grid. */

export interface Scores {
  inherentLikelihood: number;
  inherentImpact: number;
  residualLikelihood: number;
  residualImpact: number;
}

export interface Assessment {
  likelihood: number;
  impact: number;
  score: number;
  level: Level;
}

export function assess(matrix: RiskMatrix, likelihood: number, impact: number): Assessment {
  return { likelihood, impact, score: riskScore(likelihood, impact), level: riskLevel(matrix, likelihood, impact) };
}

/**
 * Treatment can only lower a risk: residual likelihood and impact may not exceed the
 * inherent ones. Returns the Dutch reason when they do.
 */
export function residualExceedsInherent(s: Scores): string | null {
  const over = [
    s.residualLikelihood > s.inherentLikelihood ? `de kans (${s.residualLikelihood} > ${s.inherentLikelihood})` : null,
    s.residualImpact > s.inherentImpact ? `de impact (${s.residualImpact} > ${s.inherentImpact})` : null,
  ].filter(Boolean);
  return over.length ? `Het restrisico mag niet hoger zijn dan het inherente risico: ${over.join(" en ")}.` : null;
}

export function nextReviewOn(lastReviewedOn: string, reviewIntervalDays: number) {
  return format(addDays(parseISO(lastReviewedOn), reviewIntervalDays), "yyyy-MM-dd");
}

/** A risk is overdue the day after its review was due; a closed risk is no longer reviewed. */
export function reviewOverdue(r: { lastReviewedOn: string; reviewIntervalDays: number; closedOn: string | null }, today: string) {
  return !r.closedOn && nextReviewOn(r.lastReviewedOn, r.reviewIntervalDays) < today;
}

export type Heatmap = number[][];

/** Counts per cell, [likelihood - 1][impact - 1], of the open risks only. */
export function heatmaps(entries: (Scores & { closedOn: string | null })[]) {
  const empty = (): Heatmap => Array.from({ length: SIZE }, () => Array<number>(SIZE).fill(0));
  const inherent = empty(),
    residual = empty();
  for (const e of entries.filter((x) => !x.closedOn)) {
    inherent[e.inherentLikelihood - 1][e.inherentImpact - 1]++;
    residual[e.residualLikelihood - 1][e.residualImpact - 1]++;
  }
  return { inherent, residual };
}

export const MOVEMENT_WINDOW_DAYS = 90;
export type Direction = "omlaag" | "gelijk" | "omhoog";

export interface Movement {
  /** The day of the version compared with. */
  since: string;
  sinceVersion: number;
  previous: Assessment;
  current: Assessment;
  direction: Direction;
}

interface Version {
  version: number;
  changedAt: Date;
  snapshot: { residualLikelihood: number; residualImpact: number };
}

/**
 * How the residual risk moved: the version in force 90 days ago (or the first version,
 * for a risk younger than that) against the current scores. Direction follows the level,
 * and within one level the score.
 */
export function residualMovement(matrix: RiskMatrix, history: Version[], current: Scores, now: Date): Movement | null {
  if (!history.length) return null;
  const sorted = [...history].sort((a, b) => a.version - b.version);
  const cutoff = subDays(now, MOVEMENT_WINDOW_DAYS);
  const then = sorted.filter((v) => v.changedAt <= cutoff).at(-1) ?? sorted[0];
  const previous = assess(matrix, then.snapshot.residualLikelihood, then.snapshot.residualImpact);
  const latest = assess(matrix, current.residualLikelihood, current.residualImpact);
  const delta = Math.sign(levelRank(latest.level) - levelRank(previous.level) || latest.score - previous.score);
  const direction: Direction = delta < 0 ? "omlaag" : delta > 0 ? "omhoog" : "gelijk";
  return { since: then.changedAt.toISOString().slice(0, 10), sinceVersion: then.version, previous, current: latest, direction };
}
