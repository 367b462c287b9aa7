import { sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { groupingSql } from "./grouping-sets.sql.ts";
import { parseRows, type BaselineRow } from "./results.baseline.sql.ts";

/**
 * Second baseline: the same rows as results.baseline.sql.ts, but read from `answer_counts`
 * (the sufficient statistics the service keeps per submission, api/waves/answer-counts.ts)
 * in ONE query, where the service sends five queries per grouping. Against this one the
 * ratio shows overhead in the service itself; against the answers baseline it shows what
 * the counts table saves. Empty branch/municipality ('') is 'onbekend', as in the service.
 */
export function countsBaselineQuery(waveId: string) {
  const { keys, sets, label } = groupingSql((column) => `coalesce(nullif(${column}::text, ''), 'onbekend')`);
  return sql`with c as (select kind, item, dimension, value, n, ${keys} from answer_counts where wave_id = ${waveId}::uuid and kind in ('question', 'dimension'))
    select kind, ${label}, item, null::float8 as value, sum(n)::float8 as n, (sum(n * value) / sum(n))::float8 as mean,
           case when sum(n) > 1 then sqrt(greatest(0, (sum(n * value * value) - sum(n * value) ^ 2 / sum(n)) / (sum(n) - 1))) else 0 end::float8 as sd,
           null::float8 as a, null::float8 as b, null::float8 as c
      from c group by kind, ${sets("item")}
    union all
    select 'distribution', ${label}, item, value, sum(n), null, null, null, null, null
      from c where kind = 'question' group by ${sets("item", "value")}
    union all
    select 'nps', ${label}, null, null, sum(n), null, null,
           sum(n) filter (where value >= 9), sum(n) filter (where value between 7 and 8), sum(n) filter (where value <= 6)
      from c where kind = 'question' and dimension = 'nps' group by ${sets()}
    union all
    select 'count', ${label}, null, null, count(*), null, null, count(*) filter (where submitted_at is not null), null, null
      from (select ${keys}, submitted_at from invitations where wave_id = ${waveId}::uuid) i group by ${sets()}`;
}

export async function runCountsBaseline(db: Db, waveId: string): Promise<BaselineRow[]> {
  return parseRows(await db.execute(countsBaselineQuery(waveId)));
}
