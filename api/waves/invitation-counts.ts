import { sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";

/**
 * `invitation_counts` holds delta rows that triggers on `invitations` append (migration
 * 0011): the sum per wave and group is how many were invited and how many submitted. Appending
 * keeps the submit path free of a hot counter row; the price is that a wave's rows grow with
 * its submissions until they are folded, which the results read does when they pile up.
 */

/**
 * Fold when a wave has this many rows more than twice its groups: reads then cost
 * O(groups + submissions since the last fold), and a fold is due at most once per
 * FOLD_SLACK new submissions.
 */
const FOLD_SLACK = 64;

export function foldDue(rowCount: number, groupCount: number): boolean {
  return rowCount > 2 * groupCount + FOLD_SLACK;
}

/**
 * Replaces a wave's rows by one row per group with their sums, in one statement, so that any
 * concurrent reader sees either all old rows or all new ones (the same sums). Rows appended
 * by submissions committed after the statement began are not in its snapshot and stay as
 * they are. One fold per wave at a time: another reader that finds the wave's lock taken
 * skips its fold (its answer is right either way), so two folds never lock the same rows in
 * different orders (a deadlock would turn a read into an error).
 */
export async function foldInvitationCounts(db: Db, waveId: string) {
  await db.execute(sql`with mine as (select pg_try_advisory_xact_lock(hashtext(${`invitation_counts:${waveId}`})) as ok),
    gone as (delete from invitation_counts where wave_id = ${waveId} and (select ok from mine) returning *)
    insert into invitation_counts (wave_id, organisation_type, branch_id, municipality_id, invited, responded)
    select wave_id, organisation_type, branch_id, municipality_id, sum(invited)::int, sum(responded)::int
      from gone group by wave_id, organisation_type, branch_id, municipality_id
      having sum(invited) <> 0 or sum(responded) <> 0`);
}

/**
 * Recomputes the counts from `invitations` (all waves, or one): after a restore, which brings
 * the invitations (counted again by the insert trigger) and, from a newer backup, the counts too.
 */
export async function rebuildInvitationCounts(db: Db, waveId?: string) {
  const where = waveId ? sql`where wave_id = ${waveId}` : sql``;
  await db.execute(sql`delete from invitation_counts ${where}`);
  await db.execute(sql`insert into invitation_counts (wave_id, organisation_type, branch_id, municipality_id, invited, responded)
    select wave_id, organisation_type, coalesce(branch_id, ''), coalesce(municipality_id, ''), count(*)::int, count(submitted_at)::int
      from invitations ${where} group by 1, 2, 3, 4`);
}
