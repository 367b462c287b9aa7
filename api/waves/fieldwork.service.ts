import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { invitations, waves, type Wave } from "../../db/schema.ts";
import { fieldworkDay, perDay, perGroup, rateAtDay, type InvitationTimes } from "../domain/survey/fieldwork.ts";
import { getWave, waveStatus } from "./waves.service.ts";

async function times(db: Db, waveId: string): Promise<InvitationTimes[]> {
  return db
    .select({
      createdAt: invitations.createdAt,
      openedAt: invitations.openedAt,
      startedAt: invitations.startedAt,
      submittedAt: invitations.submittedAt,
      organisationType: invitations.organisationType,
      branchId: invitations.branchId,
    })
    .from(invitations)
    .where(eq(invitations.waveId, waveId));
}

/** The wave before this one that had invitations. */
async function previousWave(db: Db, wave: Wave) {
  const [prev] = await db
    .select()
    .from(waves)
    .where(and(lt(waves.opensAt, wave.opensAt), sql`exists (select 1 from invitations i where i.wave_id = ${waves.id})`))
    .orderBy(desc(waves.opensAt))
    .limit(1);
  return prev ?? null;
}

export async function getFieldwork(db: Db, waveId: string, now: Date) {
  const wave = await getWave(db, waveId);
  const list = await times(db, wave.id);
  const end = now < wave.closesAt ? now : wave.closesAt;
  const day = fieldworkDay(wave.opensAt, end);
  const prev = await previousWave(db, wave);
  const current = rateAtDay(list, wave.opensAt, day);
  const previous = prev ? { id: prev.id, name: prev.name, ...rateAtDay(await times(db, prev.id), prev.opensAt, day) } : null;
  return {
    wave: {
      id: wave.id,
      name: wave.name,
      status: waveStatus(wave, now),
      opensAt: wave.opensAt.toISOString(),
      closesAt: wave.closesAt.toISOString(),
    },
    fieldworkDay: day,
    totals: perGroup(
      list.map((i) => ({ ...i, organisationType: "alle" })),
      "organisationType",
    )[0] ?? { group: "alle", invited: 0, opened: 0, started: 0, submitted: 0, responseRate: null },
    days: perDay(list),
    groups: { organisationType: perGroup(list, "organisationType"), branch: perGroup(list, "branchId") },
    sameDay: { current, previous },
  };
}
