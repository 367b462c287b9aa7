import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { type Invitation, invitations, questionnaires, type Wave, waves } from "../../db/schema.ts";
import { GroupCommit } from "../lib/group-commit.ts";

/**
 * The read that starts a submission (link, wave, questionnaire), grouped like the writes:
 * lookups that arrive while others are under way go out as one `token_hash = any(…)` query,
 * so a busy server pays one statement and one round trip for many. The query is built once
 * per database handle (a prepared drizzle query with one array parameter), and reads only the
 * columns a submission needs: not an invitation's saved progress, which may be large.
 *
 * The questionnaire's definition (about 12 KB of JSON) is not read per submission: the row's
 * `xmin` identifies its version (any UPDATE gives the row a new one), and the definition is
 * read once per (id, xmin) and kept, frozen, since every submission of the wave shares it.
 */
const INVITATION_COLUMNS = {
  id: invitations.id,
  waveId: invitations.waveId,
  tokenHash: invitations.tokenHash,
  organisation: invitations.organisation,
  organisationType: invitations.organisationType,
  municipalityId: invitations.municipalityId,
  branchId: invitations.branchId,
  submittedAt: invitations.submittedAt,
  submissionKeyHash: invitations.submissionKeyHash,
  submissionDataHash: invitations.submissionDataHash,
  receipt: invitations.receipt,
};
const WAVE_COLUMNS = {
  id: waves.id,
  name: waves.name,
  questionnaireId: waves.questionnaireId,
  opensAt: waves.opensAt,
  closesAt: waves.closesAt,
  pausedAt: waves.pausedAt,
  anonymous: waves.anonymous,
};

export type LookedUpInvitation = Pick<Invitation, keyof typeof INVITATION_COLUMNS>;
export type LookedUpWave = Pick<Wave, keyof typeof WAVE_COLUMNS>;

export interface InvitationRow {
  invitation: LookedUpInvitation;
  wave: LookedUpWave;
  definition: unknown;
}

interface Lookups {
  reads: GroupCommit<string, (Omit<InvitationRow, "definition"> & { version: string }) | null>;
  definitions: Map<string, unknown>;
}
const byDb = new WeakMap<Db, Lookups>();
const DEFINITIONS_KEPT = 32;
const MAX_BATCH = 64;

function lookupsFor(db: Db): Lookups {
  let l = byDb.get(db);
  if (!l) {
    const read = readQuery(db);
    l = {
      reads: new GroupCommit((hashes) => readMany(read, hashes), { maxBatch: MAX_BATCH, maxInFlight: 2, key: (h) => h }),
      definitions: new Map(),
    };
    byDb.set(db, l);
  }
  return l;
}

function readQuery(db: Db) {
  return db
    .select({
      invitation: INVITATION_COLUMNS,
      wave: WAVE_COLUMNS,
      version: sql<string>`${questionnaires.id}::text || ':' || ${questionnaires}.xmin::text`,
    })
    .from(invitations)
    .innerJoin(waves, eq(waves.id, invitations.waveId))
    .innerJoin(questionnaires, eq(questionnaires.id, waves.questionnaireId))
    .where(sql`${invitations.tokenHash} = any(${sql.placeholder("hashes")})`)
    .prepare("lookup_invitations");
}

async function readMany(read: ReturnType<typeof readQuery>, tokenHashes: string[]) {
  const found = await read.execute({ hashes: tokenHashes });
  const byHash = new Map(found.map((r) => [r.invitation.tokenHash, r]));
  return tokenHashes.map((h) => byHash.get(h) ?? null);
}

/** The invitation with its wave and questionnaire definition, or null for an unknown link. */
export async function lookupInvitation(db: Db, tokenHash: string): Promise<InvitationRow | null> {
  const l = lookupsFor(db);
  const row = await l.reads.submit(tokenHash);
  if (!row) return null;
  let definition = l.definitions.get(row.version);
  if (definition === undefined) {
    const [q] = await db
      .select({
        definition: questionnaires.definition,
        version: sql<string>`${questionnaires.id}::text || ':' || ${questionnaires}.xmin::text`,
      })
      .from(questionnaires)
      .where(eq(questionnaires.id, row.wave.questionnaireId));
    // Changed between the two reads: use what was just read, keep nothing.
    if (q.version !== row.version) return { invitation: row.invitation, wave: row.wave, definition: q.definition };
    definition = deepFreeze(q.definition);
    if (l.definitions.size >= DEFINITIONS_KEPT) l.definitions.delete(l.definitions.keys().next().value!);
    l.definitions.set(row.version, definition);
  }
  return { invitation: row.invitation, wave: row.wave, definition };
}

/** Shared by every submission of a wave: a change by one of them would be a bug, so it throws instead. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
