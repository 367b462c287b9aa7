import { sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { rows } from "../../db/migrate.ts";

/**
 * The baseline: everything getWaveResults aggregates (api/waves/results.service.ts), for
 * the same groupings (everyone, organisation type, branch), as ONE hand-tuned query.
 *
 *  - `cells`: one pass over the wave's answer rows into (question, value, type, branch)
 *    counts, a few thousand rows. Count, mean, exact sample variance (from Σn, Σnv, Σnv²),
 *    the value distribution and the NPS split all roll up from it with GROUPING SETS.
 *  - `per_respondent`: one pass grouped by response only (not response × dimension), one
 *    FILTER average per dimension, unpivoted with a lateral VALUES; the dimension score is
 *    the mean of the respondents' dimension means, as in the service.
 *  - invited/responded per group from invitations, also with GROUPING SETS.
 *
 * Rows: kind, grouping (null = everyone), grp, item, value, n, mean, sd, a, b, c.
 */
export function baselineQuery(waveId: string, dimensions: string[]) {
  const g = (ot: string, br: string) =>
    sql.raw(`case when grouping(${ot}) = 0 then 'organisationType' when grouping(${br}) = 0 then 'branch' end as grouping,
      case when grouping(${ot}) = 0 then ${ot} when grouping(${br}) = 0 then ${br} end as grp`);
  const filters = sql.join(dimensions.map((d, i) => sql`avg(value) filter (where dimension = ${d}::text) as ${sql.raw(`d${i}`)}`), sql`, `);
  const unpivot = sql.join(dimensions.map((d, i) => sql`(${d}::text, r.${sql.raw(`d${i}`)})`), sql`, `);
  return sql`with cells as materialized (
      select question, dimension, value, organisation_type::text as ot, coalesce(branch_id, 'onbekend') as br, count(*) as n
      from answers where wave_id = ${waveId}::uuid
      group by question, dimension, value, organisation_type, branch_id
    ), per_respondent as (
      select organisation_type::text as ot, coalesce(branch_id, 'onbekend') as br, ${filters}
      from answers where wave_id = ${waveId}::uuid
      group by response_id, organisation_type, branch_id
    ), respondent_dimension as (
      select r.ot, r.br, v.dimension, v.m from per_respondent r
      cross join lateral (values ${unpivot}) as v(dimension, m) where v.m is not null
    )
    select 'question' as kind, ${g("ot", "br")}, question as item, null::int as value, sum(n)::float8 as n,
           (sum(n * value) / sum(n))::float8 as mean,
           case when sum(n) > 1 then sqrt((sum(n) * sum(n * value * value) - sum(n * value) ^ 2) / (sum(n) * (sum(n) - 1))) else 0 end::float8 as sd,
           null::float8 as a, null::float8 as b, null::float8 as c
      from cells group by grouping sets ((question), (question, ot), (question, br))
    union all
    select 'dimension', ${g("ot", "br")}, dimension, null, count(*), avg(m)::float8, coalesce(stddev_samp(m), 0)::float8, null, null, null
      from respondent_dimension group by grouping sets ((dimension), (dimension, ot), (dimension, br))
    union all
    select 'distribution', ${g("ot", "br")}, question, value, sum(n), null, null, null, null, null
      from cells group by grouping sets ((question, value), (question, value, ot), (question, value, br))
    union all
    select 'nps', ${g("ot", "br")}, null, null, sum(n), null, null,
           sum(n) filter (where value >= 9), sum(n) filter (where value between 7 and 8), sum(n) filter (where value <= 6)
      from cells where dimension = 'nps' group by grouping sets ((), (ot), (br))
    union all
    select 'count', ${g("ot", "br")}, null, null, count(*), null, null, count(*) filter (where submitted_at is not null), null, null
      from (select organisation_type::text as ot, coalesce(branch_id, 'onbekend') as br, submitted_at
            from invitations where wave_id = ${waveId}::uuid) i
      group by grouping sets ((), (ot), (br))`;
}

export interface BaselineRow {
  kind: "question" | "dimension" | "distribution" | "nps" | "count";
  grouping: "organisationType" | "branch" | null; grp: string | null; item: string | null; value: number | null;
  n: number; mean: number | null; sd: number | null; a: number | null; b: number | null; c: number | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function runBaseline(db: Db, waveId: string, dimensions: string[]): Promise<BaselineRow[]> {
  return rows<Record<string, unknown>>(await db.execute(baselineQuery(waveId, dimensions))).map((r) => ({
    kind: r.kind as BaselineRow["kind"], grouping: r.grouping as BaselineRow["grouping"], grp: r.grp as string | null,
    item: r.item as string | null, value: num(r.value), n: Number(r.n), mean: num(r.mean), sd: num(r.sd),
    a: num(r.a), b: num(r.b), c: num(r.c),
  }));
}
