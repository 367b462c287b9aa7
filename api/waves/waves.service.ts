import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { branches, invitations, municipalities, questionnaires, waves, type OrganisationType, type Wave } from "../../db/schema.ts";
import { DEFAULT_QUESTIONNAIRE_KEY } from "../domain/survey/questionnaire.ts";
import { ApiError } from "../lib/errors.ts";
import { randomToken, sha256Hex } from "../lib/crypto.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { isUuid } from "../lib/ids.ts";

export type WaveStatus = "gepland" | "open" | "gepauzeerd" | "gesloten";

export function waveStatus(wave: Pick<Wave, "opensAt" | "closesAt"> & { pausedAt?: Date | null }, now: Date): WaveStatus {
  if (now < wave.opensAt) return "gepland";
  if (now >= wave.closesAt) return "gesloten";
  return wave.pausedAt ? "gepauzeerd" : "open";
}

export async function listWaves(db: Db, now: Date) {
  const rows = await db.select({
    id: waves.id, name: waves.name, opensAt: waves.opensAt, closesAt: waves.closesAt, anonymous: waves.anonymous, pausedAt: waves.pausedAt,
    invited: sql<number>`count(${invitations.id})::int`,
    responded: sql<number>`count(${invitations.submittedAt})::int`,
  }).from(waves).leftJoin(invitations, eq(invitations.waveId, waves.id)).groupBy(waves.id).orderBy(asc(waves.opensAt));
  return rows.map(({ pausedAt, ...w }) => ({
    ...w, status: waveStatus({ ...w, pausedAt }, now), opensAt: w.opensAt.toISOString(), closesAt: w.closesAt.toISOString(),
  }));
}

export async function getWave(db: Db, id: string) {
  if (!isUuid(id)) throw new ApiError(404, "wave_not_found", "Meting niet gevonden.");
  const [wave] = await db.select().from(waves).where(eq(waves.id, id));
  if (!wave) throw new ApiError(404, "wave_not_found", "Meting niet gevonden.");
  return wave;
}

export interface NewWave { name: string; opensAt: string; closesAt: string; anonymous: boolean; questionnaireId?: string }

/** A wave runs one questionnaire version; without a choice, the newest default version. */
export async function createWave(db: Db, input: NewWave, now: Date, by: Actor) {
  const [q] = input.questionnaireId
    ? await db.select().from(questionnaires).where(eq(questionnaires.id, input.questionnaireId))
    : await db.select().from(questionnaires).where(eq(questionnaires.key, DEFAULT_QUESTIONNAIRE_KEY)).orderBy(desc(questionnaires.version)).limit(1);
  if (!q) throw new ApiError(404, "questionnaire_not_found", "Vragenlijst niet gevonden.");
  const [taken] = await db.select({ id: waves.id }).from(waves).where(eq(waves.name, input.name));
  if (taken) throw new ApiError(409, "wave_name_taken", `Er bestaat al een meting '${input.name}'.`);
  const wave = await audited(db, now, async (tx) => {
    const [row] = await tx.insert(waves).values({
      name: input.name, questionnaireId: q.id, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt), anonymous: input.anonymous,
    }).returning();
    return { result: row, audit: { ...by, action: "create", entity: "wave", entityId: row.id,
      after: { name: row.name, opensAt: input.opensAt, closesAt: input.closesAt, anonymous: row.anonymous, questionnaire: `${q.key} v${q.version}` } } };
  });
  return { ...wave, status: waveStatus(wave, now), opensAt: wave.opensAt.toISOString(), closesAt: wave.closesAt.toISOString(), invited: 0, responded: 0 };
}

export interface InvitationInput {
  organisation: string;
  organisationType: OrganisationType;
  municipality?: string;
  branch?: string;
  email?: string;
}

/** Accepts a municipality or branch by id or by name; unknown names are an input error. */
async function resolvePlace(db: Db, input: InvitationInput, index: number) {
  let municipalityId: string | null = null;
  let branchId: string | null = null;
  if (input.municipality) {
    const m = (await db.select().from(municipalities)).find((r) => matches(r, input.municipality!));
    if (!m) throw new ApiError(400, "unknown_municipality", `Onbekende gemeente '${input.municipality}'.`, [{ index }]);
    municipalityId = m.id;
    branchId = m.branchId;
  }
  if (input.branch) {
    const b = (await db.select().from(branches)).find((r) => matches(r, input.branch!));
    if (!b) throw new ApiError(400, "unknown_branch", `Onbekende vestiging '${input.branch}'.`, [{ index }]);
    if (branchId && branchId !== b.id) {
      throw new ApiError(400, "branch_mismatch", `Gemeente '${input.municipality}' hoort niet bij vestiging '${input.branch}'.`, [{ index }]);
    }
    branchId = b.id;
  }
  return { municipalityId, branchId };
}

function matches(row: { id: string; name: string }, value: string) {
  const v = value.trim().toLowerCase();
  return row.id === v || row.name.toLowerCase() === v;
}

/** Creates one personal link per respondent. The token is returned once and stored only as a hash. */
export async function createInvitations(db: Db, waveId: string, items: InvitationInput[], publicUrl: string, now: Date, by: Actor) {
  const wave = await getWave(db, waveId);
  if (waveStatus(wave, now) === "gesloten") throw new ApiError(409, "wave_closed", "Deze meting is gesloten.");
  const prepared: { token: string; row: typeof invitations.$inferInsert & { organisation: string } }[] = [];
  for (const [i, item] of items.entries()) {
    const place = await resolvePlace(db, item, i);
    const token = randomToken();
    prepared.push({ token, row: {
      waveId, tokenHash: sha256Hex(token), organisation: item.organisation.trim(),
      organisationType: item.organisationType, email: item.email ?? null, ...place, createdAt: now,
    } });
  }
  const inserted = await audited(db, now, async (tx) => {
    const ids = await tx.insert(invitations).values(prepared.map((p) => p.row)).returning({ id: invitations.id });
    // The trail names the wave and organisations, never tokens or e-mail addresses.
    const after = { wave: wave.name, organisations: prepared.map((p) => p.row.organisation) };
    return { result: ids, audit: { ...by, action: "create", entity: "invitations", entityId: waveId, after } };
  });
  return prepared.map((p, i) => ({
    invitationId: inserted[i].id, organisation: p.row.organisation, token: p.token,
    url: `${publicUrl.replace(/\/$/, "")}/s/${p.token}`,
  }));
}
