import { sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { rows } from "../../db/migrate.ts";

type Tally = { organisation_type: string; branch_id: string; municipality_id: string; invited: number; responded: number };

const normalise = (r: Record<string, unknown>): Tally => ({
  organisation_type: String(r.organisation_type),
  branch_id: String(r.branch_id),
  municipality_id: String(r.municipality_id),
  invited: Number(r.invited),
  responded: Number(r.responded),
});

/** What the triggers kept for a wave: the sum of its delta rows per group (groups that sum to nothing left out). */
export async function keptInvitationCounts(db: Db, waveId: string): Promise<Tally[]> {
  return rows<Record<string, unknown>>(
    await db.execute(sql`select organisation_type::text, branch_id, municipality_id, sum(invited)::int as invited,
      sum(responded)::int as responded from invitation_counts where wave_id = ${waveId}
      group by 1, 2, 3 having sum(invited) <> 0 or sum(responded) <> 0 order by 1, 2, 3`),
  ).map(normalise);
}

/** The same, counted from the invitations themselves. */
export async function recountInvitations(db: Db, waveId: string): Promise<Tally[]> {
  return rows<Record<string, unknown>>(
    await db.execute(sql`select organisation_type::text, coalesce(branch_id, '') as branch_id,
      coalesce(municipality_id, '') as municipality_id, count(*)::int as invited, count(submitted_at)::int as responded
      from invitations where wave_id = ${waveId} group by 1, 2, 3 order by 1, 2, 3`),
  ).map(normalise);
}
