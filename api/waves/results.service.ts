import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { rows } from "../../db/migrate.ts";
import { scoredQuestions } from "../domain/survey/definition.ts";
import { groupResults, overallResults, type Aggregates } from "../domain/survey/results.ts";
import { getWave, waveStatus } from "./waves.service.ts";
import { questionnaires } from "../../db/schema.ts";
import { eq } from "drizzle-orm";

export const GROUPINGS = { organisationType: "organisation_type", branch: "branch_id", municipality: "municipality_id" } as const;
export type Grouping = keyof typeof GROUPINGS;

/** The grouping key: null for the everyone row, 'onbekend' where the respondent has no value. */
function groupExpr(column: string): SQL {
  const col = sql.raw(column);
  return sql`case when grouping(${col}) = 1 then null else coalesce(${col}::text, 'onbekend') end`;
}

/**
 * All aggregates for one wave and one grouping, each in a single GROUPING SETS pass over
 * the indexed answer rows, so the everyone row and the group rows come from one scan.
 */
export async function loadAggregates(db: Db, waveId: string, grouping: Grouping): Promise<Aggregates> {
  const col = sql.raw(GROUPINGS[grouping]);
  const g = groupExpr(GROUPINGS[grouping]);
  const num = (r: Record<string, unknown>) => ({
    group: r.grp as string | null, item: r.item as string, n: Number(r.n), mean: Number(r.mean), sd: Number(r.sd ?? 0),
  });
  const [questions, dimensions, distribution, npsRows, counts] = await Promise.all([
    db.execute(sql`select ${g} as grp, question as item, count(*) as n, avg(value)::float8 as mean, coalesce(stddev_samp(value), 0)::float8 as sd
      from answers where wave_id = ${waveId} group by grouping sets ((question), (question, ${col}))`),
    db.execute(sql`select ${g} as grp, dimension as item, count(*) as n, avg(m)::float8 as mean, coalesce(stddev_samp(m), 0)::float8 as sd
      from (select response_id, dimension, ${col}, avg(value) as m from answers where wave_id = ${waveId}
            group by response_id, dimension, ${col}) per_respondent
      group by grouping sets ((dimension), (dimension, ${col}))`),
    db.execute(sql`select ${g} as grp, question as item, value, count(*) as n
      from answers where wave_id = ${waveId} group by grouping sets ((question, value), (question, value, ${col}))`),
    db.execute(sql`select ${g} as grp, count(*) filter (where value >= 9) as promoters,
      count(*) filter (where value between 7 and 8) as passives, count(*) filter (where value <= 6) as detractors
      from answers where wave_id = ${waveId} and dimension = 'nps' group by grouping sets ((), (${col}))`),
    db.execute(sql`select ${g} as grp, count(*) as invited, count(*) filter (where submitted_at is not null) as responded
      from invitations where wave_id = ${waveId} group by grouping sets ((), (${col}))`),
  ]);
  return {
    questions: rows<Record<string, unknown>>(questions).map(num),
    dimensions: rows<Record<string, unknown>>(dimensions).map(num),
    distribution: rows<Record<string, unknown>>(distribution).map((r) => ({
      group: r.grp as string | null, item: r.item as string, value: Number(r.value), n: Number(r.n) })),
    nps: rows<Record<string, unknown>>(npsRows).map((r) => ({
      group: r.grp as string | null, promoters: Number(r.promoters), passives: Number(r.passives), detractors: Number(r.detractors) })),
    counts: rows<Record<string, unknown>>(counts).map((r) => ({
      group: r.grp as string | null, invited: Number(r.invited), responded: Number(r.responded) })),
  };
}

export async function getWaveResults(db: Db, waveId: string, now: Date) {
  const wave = await getWave(db, waveId);
  const [q] = await db.select().from(questionnaires).where(eq(questionnaires.id, wave.questionnaireId));
  const specs = scoredQuestions(q.definition);
  const [byType, byBranch, byMunicipality] = await Promise.all([
    loadAggregates(db, waveId, "organisationType"), loadAggregates(db, waveId, "branch"), loadAggregates(db, waveId, "municipality"),
  ]);
  return {
    wave: { id: wave.id, name: wave.name, status: waveStatus(wave, now), anonymous: wave.anonymous,
      opensAt: wave.opensAt.toISOString(), closesAt: wave.closesAt.toISOString(),
      questionnaire: { key: q.key, version: q.version } },
    minGroupSize: 5,
    overall: overallResults(specs, byType),
    groups: { organisationType: groupResults(specs, byType), branch: groupResults(specs, byBranch), municipality: groupResults(specs, byMunicipality) },
  };
}
