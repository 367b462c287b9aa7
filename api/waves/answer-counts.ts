import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { NOT_APPLICABLE } from "../domain/survey/not-applicable.ts";

/**
 * The n.v.t. answer as stored in `responses.data` (the JSON string "nvt"), as a literal: the
 * SELECT and the GROUP BY must hold the same expression, which two bind parameters are not.
 */
const NOT_APPLICABLE_JSON = sql.raw(`'${JSON.stringify(NOT_APPLICABLE)}'::jsonb`);

/**
 * The counts rows for a set of responses, as one SELECT: per question and value, per
 * dimension and respondent mean, and ("answered") per question whether it was answered
 * with "weet niet / n.v.t." (value 1) or otherwise (0), read from the stored response as
 * the n.v.t. shares count it. `where` picks the answers (one response, or one wave);
 * `whereResponse` the same responses in `responses`.
 */
function countRows(where: SQL, whereResponse: SQL) {
  return sql`
    select wave_id, 'question' as kind, question as item, dimension, value::numeric as value, organisation_type,
           coalesce(branch_id, '') as branch_id, coalesce(municipality_id, '') as municipality_id, count(*)::int as n
      from answers where ${where}
      group by wave_id, question, dimension, value, organisation_type, branch_id, municipality_id
    union all
    select wave_id, 'dimension', dimension, dimension, m, organisation_type, branch_id, municipality_id, count(*)::int
      from (select wave_id, response_id, dimension, round(avg(value)::numeric, 12) as m, organisation_type,
                   coalesce(branch_id, '') as branch_id, coalesce(municipality_id, '') as municipality_id
              from answers where ${where}
              group by wave_id, response_id, dimension, organisation_type, branch_id, municipality_id) per_respondent
      group by wave_id, dimension, m, organisation_type, branch_id, municipality_id
    union all
    select r.wave_id, 'answered', e.key, '', (e.value = ${NOT_APPLICABLE_JSON})::int::numeric, r.organisation_type,
           coalesce(r.branch_id, ''), coalesce(r.municipality_id, ''), count(*)::int
      from responses r cross join lateral jsonb_each(r.data) e where ${whereResponse}
      group by r.wave_id, e.key, e.value = ${NOT_APPLICABLE_JSON}, r.organisation_type, r.branch_id, r.municipality_id`;
}

const COLUMNS = sql`(wave_id, kind, item, dimension, value, organisation_type, branch_id, municipality_id, n)`;

/**
 * Adds the answers of one or more responses to the counts; call in the transaction that
 * stores them. The rows are upserted in key order, so two transactions that touch the same
 * counts lock them in the same order and wait for each other instead of deadlocking (40P01).
 */
export async function countResponses(db: Db, responseIds: string[]) {
  if (!responseIds.length) return;
  const ids = sql.join(
    responseIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`insert into answer_counts ${COLUMNS}
    select * from (${countRows(sql`response_id in (${ids})`, sql`r.id in (${ids})`)}) c
      order by wave_id, kind, item, value, organisation_type, branch_id, municipality_id
    on conflict (wave_id, kind, item, value, organisation_type, branch_id, municipality_id)
    do update set n = answer_counts.n + excluded.n`);
}

export async function countResponse(db: Db, responseId: string) {
  await countResponses(db, [responseId]);
}

/** Recomputes a wave's counts from its answers (bulk loads, repairs). */
export async function rebuildAnswerCounts(db: Db, waveId: string) {
  await db.execute(sql`delete from answer_counts where wave_id = ${waveId}`);
  await db.execute(sql`insert into answer_counts ${COLUMNS} ${countRows(sql`wave_id = ${waveId}`, sql`r.wave_id = ${waveId}`)}`);
}
