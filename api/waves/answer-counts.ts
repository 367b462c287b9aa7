import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import type { answers } from "../../db/schema.ts";
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
 * the n.v.t. shares count it. `scored` is a SELECT of the answer rows to count (columns as
 * in `answers`); `whereResponse` picks the same responses in `responses`. The answer rows
 * are named once as a CTE, read twice: `materialize` when they come from a parameter (parsed
 * once), not when they are a scan of `answers` (a whole wave's rows need no temporary copy).
 */
function countRows(scored: SQL, whereResponse: SQL, materialize: boolean) {
  return sql`
    with a as ${materialize ? sql`materialized` : sql`not materialized`} (${scored})
    select wave_id, 'question' as kind, question as item, dimension, value::numeric as value, organisation_type,
           coalesce(branch_id, '') as branch_id, coalesce(municipality_id, '') as municipality_id, count(*)::int as n
      from a
      group by wave_id, question, dimension, value, organisation_type, branch_id, municipality_id
    union all
    select wave_id, 'dimension', dimension, dimension, m, organisation_type, branch_id, municipality_id, count(*)::int
      from (select wave_id, response_id, dimension, round(avg(value)::numeric, 12) as m, organisation_type,
                   coalesce(branch_id, '') as branch_id, coalesce(municipality_id, '') as municipality_id
              from a
              group by wave_id, response_id, dimension, organisation_type, branch_id, municipality_id) per_respondent
      group by wave_id, dimension, m, organisation_type, branch_id, municipality_id
    union all
    select r.wave_id, 'answered', e.key, '', (e.value = ${NOT_APPLICABLE_JSON})::int::numeric, r.organisation_type,
           coalesce(r.branch_id, ''), coalesce(r.municipality_id, ''), count(*)::int
      from responses r cross join lateral jsonb_each(r.data) e where ${whereResponse}
      group by r.wave_id, e.key, e.value = ${NOT_APPLICABLE_JSON}, r.organisation_type, r.branch_id, r.municipality_id`;
}

/** The stored answer rows that `where` picks. */
const storedAnswers = (where: SQL) =>
  sql`select wave_id, response_id, question, dimension, value, organisation_type, branch_id, municipality_id from answers where ${where}`;

/** Answer rows as `insertAnswers` (row-inserts.ts) writes them, from the same objects, typed as the columns are. */
const givenAnswers = (rows: (typeof answers.$inferInsert)[]) =>
  sql`select "waveId" as wave_id, "responseId" as response_id, "question", "dimension", "value",
             "organisationType" as organisation_type, "branchId" as branch_id, "municipalityId" as municipality_id
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as x("responseId" uuid, "waveId" uuid, "question" text, "dimension" text, "value" smallint,
               "organisationType" organisation_type, "branchId" text, "municipalityId" text)`;

const COLUMNS = sql`(wave_id, kind, item, dimension, value, organisation_type, branch_id, municipality_id, n)`;

/**
 * Adds the answers of one or more responses to the counts; call in the transaction that
 * stores them. The rows are upserted in key order, so two transactions that touch the same
 * counts lock them in the same order and wait for each other instead of deadlocking (40P01).
 *
 * `answers`, when given, are the answer rows of exactly these responses as the same
 * transaction inserted them (`insertAnswers`): the counts are then taken from that parameter
 * instead of reading them back. Reading them back by `response_id in (…)` was planned as a
 * scan of all of `answers` whenever its statistics were older than its growth (a new
 * database, a burst of submissions): 2–15 ms per batch of 44–64 at 35 000–45 000 answer
 * rows, growing with the table, while the previous batch held the counts rows it waits for.
 */
export async function countResponses(db: Db, responseIds: string[], options: { answers?: (typeof answers.$inferInsert)[] } = {}) {
  if (!responseIds.length) return;
  // One array parameter, whatever the batch size: one statement text, prepared once (db/client.ts).
  const ids = sql`any(${sql.param(responseIds)}::uuid[])`;
  const scored = options.answers ? givenAnswers(options.answers) : storedAnswers(sql`response_id = ${ids}`);
  await db.execute(sql`insert into answer_counts ${COLUMNS}
    select * from (${countRows(scored, sql`r.id = ${ids}`, !!options.answers)}) c
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
  await db.execute(
    sql`insert into answer_counts ${COLUMNS} ${countRows(storedAnswers(sql`wave_id = ${waveId}`), sql`r.wave_id = ${waveId}`, false)}`,
  );
}
