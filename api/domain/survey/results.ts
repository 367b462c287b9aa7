import { meanInterval, nps, type Interval, type NpsResult } from "../stats/intervals.ts";
import { MIN_GROUP, suppressedKeys } from "../stats/suppression.ts";
import { DIMENSIONS } from "./questionnaire.ts";
import type { QuestionSpec } from "./definition.ts";

/** Aggregates as SQL returns them: one row per (grouping, group, item). group null = everyone. */
export interface ItemAggregate {
  group: string | null;
  item: string;
  n: number;
  mean: number;
  sd: number;
}
export interface DistributionRow {
  group: string | null;
  item: string;
  value: number;
  n: number;
}
export interface NpsRow {
  group: string | null;
  promoters: number;
  passives: number;
  detractors: number;
}
export interface GroupCount {
  group: string | null;
  invited: number;
  responded: number;
}

export interface Score {
  n: number;
  mean: number;
  sd: number;
  ci: Interval | null;
}
export interface QuestionResult extends Score {
  question: string;
  title: string;
  dimension: string;
  distribution: Record<string, number>;
}
export interface DimensionResult extends Score {
  dimension: string;
  label: string;
}

export type GroupResult =
  | { key: string; suppressed: true }
  | {
      key: string;
      suppressed: false;
      invited: number;
      respondents: number;
      responseRate: number | null;
      questions: (QuestionResult | { question: string; suppressed: true })[];
      dimensions: (DimensionResult | { dimension: string; suppressed: true })[];
      nps: NpsResult | null;
    };

export interface Aggregates {
  questions: ItemAggregate[];
  dimensions: ItemAggregate[];
  distribution: DistributionRow[];
  nps: NpsRow[];
  counts: GroupCount[];
}

function score(a: ItemAggregate | undefined, population: number): Score | undefined {
  if (!a) return undefined;
  return { n: a.n, mean: a.mean, sd: a.sd, ci: meanInterval(a.mean, a.sd, a.n, population) };
}

function questionResults(specs: QuestionSpec[], agg: Aggregates, group: string | null, population: number) {
  return specs.flatMap((q) => {
    const s = score(
      agg.questions.find((a) => a.group === group && a.item === q.name),
      population,
    );
    if (!s) return [];
    const distribution: Record<string, number> = Object.fromEntries((q.allowed ?? []).map((v) => [String(v), 0]));
    for (const d of agg.distribution) if (d.group === group && d.item === q.name) distribution[String(d.value)] = d.n;
    return [{ question: q.name, title: q.title, dimension: q.dimension!, ...s, distribution }];
  });
}

function dimensionResults(agg: Aggregates, group: string | null, population: number): DimensionResult[] {
  return agg.dimensions
    .filter((a) => a.group === group)
    .map((a) => ({
      dimension: a.item,
      label: DIMENSIONS[a.item as keyof typeof DIMENSIONS] ?? a.item,
      ...score(a, population)!,
    }));
}

function npsFor(agg: Aggregates, group: string | null, population: number) {
  const row = agg.nps.find((r) => r.group === group);
  return row && row.promoters + row.passives + row.detractors > 0 ? nps(row.promoters, row.passives, row.detractors, population) : null;
}

/** The whole wave; under the threshold even the overall scores stay hidden (counts remain). */
export function overallResults(specs: QuestionSpec[], agg: Aggregates) {
  const total = agg.counts.find((c) => c.group === null) ?? { invited: 0, responded: 0 };
  const counts = {
    invited: total.invited,
    respondents: total.responded,
    responseRate: total.invited ? total.responded / total.invited : null,
  };
  if (total.responded > 0 && total.responded < MIN_GROUP) {
    return { ...counts, suppressed: true as const, questions: [], dimensions: [], nps: null };
  }
  return {
    ...counts,
    suppressed: false as const,
    questions: questionResults(specs, agg, null, total.invited),
    dimensions: dimensionResults(agg, null, total.invited),
    nps: npsFor(agg, null, total.invited),
  };
}

/**
 * Results per group (organisation type, branch). Groups and single cells under the
 * threshold are suppressed, with secondary suppression against the overall total.
 */
/** SQL labels a missing branch "onbekend", so a null group only ever means "everyone". */
export function groupResults(specs: QuestionSpec[], agg: Aggregates): GroupResult[] {
  const rows = agg.counts.filter((c) => c.group !== null);
  const hidden = suppressedKeys(
    rows.map((c) => ({ key: c.group!, n: c.responded })),
    MIN_GROUP,
  );
  const cellHidden = (item: string, list: ItemAggregate[]) =>
    suppressedKeys(
      rows.map((c) => ({ key: c.group!, n: list.find((a) => a.group === c.group && a.item === item)?.n ?? 0 })),
      MIN_GROUP,
      hidden,
    );
  const hiddenQ = new Map(specs.map((q) => [q.name, cellHidden(q.name, agg.questions)]));
  const dims = [...new Set(agg.dimensions.map((d) => d.item))];
  const hiddenD = new Map(dims.map((d) => [d, cellHidden(d, agg.dimensions)]));
  return rows.map((c): GroupResult => {
    const key = c.group!;
    if (hidden.has(key) || c.responded === 0) return { key, suppressed: true };
    return {
      key,
      suppressed: false,
      invited: c.invited,
      respondents: c.responded,
      responseRate: c.invited ? c.responded / c.invited : null,
      questions: questionResults(specs, agg, c.group, c.invited).map((q) =>
        hiddenQ.get(q.question)!.has(key) ? { question: q.question, suppressed: true as const } : q,
      ),
      dimensions: dimensionResults(agg, c.group, c.invited).map((d) =>
        hiddenD.get(d.dimension)!.has(key) ? { dimension: d.dimension, suppressed: true as const } : d,
      ),
      nps: npsFor(agg, c.group, c.invited),
    };
  });
}
