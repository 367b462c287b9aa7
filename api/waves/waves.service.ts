import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { branches, invitations, municipalities, questionnaires, waves, type OrganisationType, type Wave } from "../../db/schema.ts";
import { DEFAULT_QUESTIONNAIRE_KEY } from "../domain/survey/questionnaire.ts";
import { ApiError } from "../lib/errors.ts";
import { randomToken } from "../lib/crypto.ts";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { isUuid } from "../lib/ids.ts";
import { conflictOnDuplicate } from "../lib/unique.ts";

/** The one list of a wave's states; the API schemas take their enum from it. */
export const WAVE_STATUSES = ["gepland", "open", "gepauzeerd", "gesloten"] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

export function waveStatus(wave: Pick<Wave, "opensAt" | "closesAt"> & { pausedAt?: Date | null }, now: Date): WaveStatus {
  if (now < wave.opensAt) return "gepland";
  if (now >= wave.closesAt) return "gesloten";
  return wave.pausedAt ? "gepauzeerd" : "open";
}

export async function listWaves(db: Db, now: Date) {
  const rows = await db
    .select({
      id: waves.id,
      name: waves.name,
      opensAt: waves.opensAt,
      closesAt: waves.closesAt,
      anonymous: waves.anonymous,
      pausedAt: waves.pausedAt,
      invited: sql<number>`count(${invitations.id})::int`,
      responded: sql<number>`count(${invitations.submittedAt})::int`,
    })
    .from(waves)
    .leftJoin(invitations, eq(invitations.waveId, waves.id))
    .groupBy(waves.id)
    .orderBy(asc(waves.opensAt));
  return rows.map(({ pausedAt, ...w }) => ({
    ...w,
    status: waveStatus({ ...w, pausedAt }, now),
    opensAt: w.opensAt.toISOString(),
    closesAt: w.closesAt.toISOString(),
  }));
}

export async function getWave(db: Db, id: string) {
  if (!isUuid(id)) throw new ApiError(404, "wave_not_found");
  const [wave] = await db.select().from(waves).where(eq(waves.id, id));
  if (!wave) throw new ApiError(404, "wave_not_found");
  return wave;
}

export interface NewWave {
  name: string;
  opensAt: string;
  closesAt: string;
  anonymous: boolean;
  questionnaireId?: string;
}

/**
 * Makes a wave whose name must be free: refused up front when taken, and when a parallel request
 * took it after that check (the unique index), with the same 409.
 */
export async function withFreeWaveName<T>(db: Db, name: string, create: () => Promise<T>) {
  const taken = () => new ApiError(409, "wave_name_taken", { name });
  const [existing] = await db.select({ id: waves.id }).from(waves).where(eq(waves.name, name));
  if (existing) throw taken();
  return conflictOnDuplicate(create, taken);
}

/** A wave runs one questionnaire version; without a choice, the newest default version. */
export async function createWave(db: Db, input: NewWave, now: Date, by: Actor) {
  const [q] = input.questionnaireId
    ? await db.select().from(questionnaires).where(eq(questionnaires.id, input.questionnaireId))
    : await db
        .select()
        .from(questionnaires)
        .where(eq(questionnaires.key, DEFAULT_QUESTIONNAIRE_KEY))
        .orderBy(desc(questionnaires.version))
        .limit(1);
  if (!q) throw new ApiError(404, "questionnaire_not_found");
  const wave = await withFreeWaveName(db, input.name, () =>
    audited(db, now, async (tx) => {
      const [row] = await tx
        .insert(waves)
        .values({
          name: input.name,
          questionnaireId: q.id,
          opensAt: new Date(input.opensAt),
          closesAt: new Date(input.closesAt),
          anonymous: input.anonymous,
        })
        .returning();
      return {
        result: row,
        audit: {
          ...by,
          action: "create",
          entity: "wave",
          entityId: row.id,
          after: {
            name: row.name,
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            anonymous: row.anonymous,
            questionnaire: `${q.key} v${q.version}`,
          },
        },
      };
    }),
  );
  return {
    ...wave,
    status: waveStatus(wave, now),
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    invited: 0,
    responded: 0,
  };
}

export interface InvitationInput {
  organisation: string;
  organisationType: OrganisationType;
  municipality?: string;
  branch?: string;
  email?: string;
}

type Place = { id: string; name: string };
type Municipality = Place & { branchId: string };

/**
 * Reads the municipalities and branches once per call (only when some item names one), so a
 * list of 5000 invitations costs two small queries, not one per item.
 */
async function placeResolver(db: Db, items: InvitationInput[]) {
  const [allMunicipalities, allBranches] = await Promise.all([
    items.some((i) => i.municipality) ? db.select().from(municipalities) : Promise.resolve([] as Municipality[]),
    items.some((i) => i.branch) ? db.select().from(branches) : Promise.resolve([] as Place[]),
  ]);
  const index = <T extends Place>(rows: T[]) => {
    const byKey = new Map<string, T>();
    for (const r of rows) {
      byKey.set(r.name.toLowerCase(), r);
      byKey.set(r.id, r);
    } // an id wins over a name
    return byKey;
  };
  const [municipalityBy, branchBy] = [index(allMunicipalities as Municipality[]), index(allBranches as Place[])];
  /** Accepts a municipality or branch by id or by name; unknown names are an input error. */
  return (input: InvitationInput, at: number) => {
    let municipalityId: string | null = null;
    let branchId: string | null = null;
    if (input.municipality) {
      const m = municipalityBy.get(input.municipality.trim().toLowerCase());
      if (!m) throw new ApiError(400, "unknown_municipality", { municipality: input.municipality }, [{ index: at }]);
      municipalityId = m.id;
      branchId = m.branchId;
    }
    if (input.branch) {
      const b = branchBy.get(input.branch.trim().toLowerCase());
      if (!b) throw new ApiError(400, "unknown_branch", { branch: input.branch }, [{ index: at }]);
      if (branchId && branchId !== b.id) {
        throw new ApiError(400, "branch_mismatch", { municipality: input.municipality ?? "", branch: input.branch }, [{ index: at }]);
      }
      branchId = b.id;
    }
    return { municipalityId, branchId };
  };
}

/** A PostgreSQL array literal of text (null elements as NULL), to pass a whole column as one parameter. */
function pgTextArray(values: (string | null)[]) {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

/** SHA-256 in hex of many tokens at once, with Web Crypto (native in Node and Workers), in parallel. */
async function sha256HexAll(texts: string[]): Promise<string[]> {
  const encoder = new TextEncoder();
  const digests = await Promise.all(texts.map((t) => crypto.subtle.digest("SHA-256", encoder.encode(t))));
  return digests.map((d) => encodeHexLowerCase(new Uint8Array(d)));
}

/**
 * The wave row FOR SHARE, inside a transaction that adds to the wave (invitations, mail): a
 * status change (FOR UPDATE) that committed first is seen in the row returned; one that comes
 * later waits until this transaction's rows are in, so none lands in a wave after its close.
 */
export async function lockWave(tx: Db, waveId: string) {
  const [wave] = await tx.select().from(waves).where(eq(waves.id, waveId)).for("share");
  return wave;
}

/** `lockWave`, refused with 409 when the wave has closed. */
export async function lockUnclosedWave(tx: Db, waveId: string, now: Date) {
  if (waveStatus(await lockWave(tx, waveId), now) === "gesloten") throw new ApiError(409, "wave_closed");
}

/** Creates one personal link per respondent. The token is returned once and stored only as a hash. */
export async function createInvitations(db: Db, waveId: string, items: InvitationInput[], publicUrl: string, now: Date, by: Actor) {
  const wave = await getWave(db, waveId);
  if (waveStatus(wave, now) === "gesloten") throw new ApiError(409, "wave_closed");
  const resolvePlace = await placeResolver(db, items);
  const places = items.map((item, i) => resolvePlace(item, i)); // all input errors before any work
  const tokens = items.map(() => randomToken());
  const hashes = await sha256HexAll(tokens);
  // Ids made here, so the insert needs no RETURNING and the order of the answer is the order of the list.
  const prepared = items.map((item, i) => ({
    token: tokens[i],
    row: {
      id: crypto.randomUUID(),
      waveId,
      tokenHash: hashes[i],
      organisation: item.organisation.trim(),
      organisationType: item.organisationType,
      email: item.email ?? null,
      ...places[i],
      createdAt: now,
    },
  }));
  await audited(db, now, async (tx) => {
    await lockUnclosedWave(tx as unknown as Db, waveId, now);
    // One parameter per column (an array each) instead of one per value: building and sending
    // 40 000 separate parameters cost more than PostgreSQL's work on the rows.
    const col = (pick: (r: (typeof prepared)[number]["row"]) => string | null) => pgTextArray(prepared.map((p) => pick(p.row)));
    await tx.execute(sql`insert into invitations (id, wave_id, token_hash, organisation, organisation_type, email, municipality_id, branch_id, created_at)
      select id, ${waveId}::uuid, token_hash, organisation, organisation_type::organisation_type, email, municipality_id, branch_id,
             ${now.toISOString()}::timestamptz
        from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.tokenHash)}::text[], ${col((r) => r.organisation)}::text[],
                    ${col((r) => r.organisationType)}::text[], ${col((r) => r.email)}::text[], ${col((r) => r.municipalityId)}::text[],
                    ${col((r) => r.branchId)}::text[])
          as t(id, token_hash, organisation, organisation_type, email, municipality_id, branch_id)`);
    // The trail names the wave and organisations, never tokens or e-mail addresses.
    const after = { wave: wave.name, organisations: prepared.map((p) => p.row.organisation) };
    return { result: null, audit: { ...by, action: "create", entity: "invitations", entityId: waveId, after } };
  });
  return prepared.map((p) => ({
    invitationId: p.row.id,
    organisation: p.row.organisation,
    token: p.token,
    url: `${publicUrl.replace(/\/$/, "")}/s/${p.token}`,
  }));
}
