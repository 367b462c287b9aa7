import { sql } from "drizzle-orm";
import { format } from "date-fns";
import type { Db } from "../../db/types.ts";
import { rows } from "../../db/migrate.ts";
import { countResponses } from "../waves/answer-counts.ts";
import { appendAuditEntries } from "../audit/audit.service.ts";
import { retryTransaction } from "../lib/retry.ts";
import { GroupCommit } from "../lib/group-commit.ts";
import { answerRows } from "./answer-rows.ts";
import { insertAnswers, insertOpenAnswers, insertResponses } from "./row-inserts.ts";
import type { LookedUpInvitation } from "./invitation-lookup.ts";

/**
 * The writes of `submitResponse`, grouped: submissions that arrive while others are being
 * written are claimed and stored together (`api/lib/group-commit.ts`). For a named wave that
 * means one transaction, one pass over the answer counts and one hold of the audit chain lock
 * for the whole batch instead of one each: those are what concurrent submissions queue for.
 * For an anonymous wave it means one statement and one commit for the batch. Every request
 * still learns whether its own link was claimed; the checks that refuse without writing
 * (link, wave status, answers) ran per request before.
 */

type Answers = Record<string, unknown>;

export interface AnonymousClaim {
  invitationId: string;
  keyHash: string | null;
  receipt: string;
  /** Midnight UTC of the day: all an anonymous invitation keeps of when it was used. */
  day: Date;
  data: Answers;
}

export interface NamedClaim {
  invitation: LookedUpInvitation;
  waveName: string;
  definition: unknown;
  keyHash: string | null;
  dataHash: string | null;
  receipt: string;
  data: Answers;
  now: Date;
}

/** Submissions per batch: enough to empty the queue of a busy server, few enough to keep one transaction short. */
const MAX_BATCH = 64;

interface Batches {
  anonymous: GroupCommit<AnonymousClaim, boolean>;
  named: GroupCommit<NamedClaim, boolean>;
}
const byDb = new WeakMap<Db, Batches>();

/** The queues of one database handle (on Workers a handle lives for one request, so batches stay single). */
export function submitBatches(db: Db): Batches {
  let b = byDb.get(db);
  if (!b) {
    b = {
      // Anonymous claims lock nothing shared, so several statements may run side by side.
      anonymous: new GroupCommit((claims) => claimAnonymous(db, claims), {
        maxBatch: MAX_BATCH,
        maxInFlight: 4,
        key: (c) => c.invitationId,
      }),
      // Named batches all take the counts rows and the chain lock: a second batch in flight can
      // do its claims and inserts while the first holds them, a third would only wait.
      named: new GroupCommit((claims) => retryTransaction(() => storeNamed(db, claims)), {
        maxBatch: MAX_BATCH,
        maxInFlight: 2,
        key: (c) => c.invitation.id,
      }),
    };
    byDb.set(db, b);
  }
  return b;
}

/**
 * Anonymous wave: marks the invitations used and parks each payload (answers and the group
 * fields of its invitation, nothing else) in one statement. Per claim: false when the
 * invitation was already used. A batch's pool rows share one transaction with its
 * invitations, as a single one did before (docs/privacy.md, `xmin`).
 */
export async function claimAnonymous(db: Db, claims: AnonymousClaim[]): Promise<boolean[]> {
  const input = claims.map((c) => ({
    id: c.invitationId,
    day: c.day.toISOString(),
    key_hash: c.keyHash,
    receipt: c.receipt,
    data: c.data,
  }));
  const result = await db.execute(sql`
    with claimed as (
      update invitations i
         set submitted_at = x.day, submission_key_hash = x.key_hash, submission_data_hash = null,
             receipt = x.receipt, progress = null, progress_saved_at = null
        from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(id uuid, day timestamptz, key_hash text, receipt text, data jsonb)
       where i.id = x.id and i.submitted_at is null
       returning i.id, i.wave_id, i.organisation_type, i.municipality_id, i.branch_id, x.data),
    parked as (
      insert into response_pool (wave_id, payload)
        select wave_id, jsonb_build_object('data', data, 'organisationType', organisation_type,
                                           'municipalityId', municipality_id, 'branchId', branch_id)
          from claimed)
    select id::text as id from claimed`);
  const claimed = new Set(rows<{ id: string }>(result).map((r) => r.id));
  return claims.map((c) => claimed.has(c.invitationId));
}

/** Some invitations of the batch were claimed by someone else in the meantime: roll back and go again without them. */
class PartlyClaimed extends Error {
  constructor(readonly claimed: Set<string>) {
    super("partly claimed");
  }
}

/**
 * Named wave, one transaction for the batch and one pipeline: the claims (a conditional
 * UPDATE, `where submitted_at is null`), the responses and their answer rows, then the
 * answer counts, the chain lock and one trail entry per response. The counts rows and the
 * chain lock are what concurrent submissions queue for, so they come last and are held only
 * until the COMMIT that follows the pipeline's answer. If a claim found its invitation already
 * used (a retry, or a second submission of the link), the transaction is rolled back and the
 * batch runs again without it; per claim: false when the invitation was already used.
 */
export async function storeNamed(db: Db, claims: NamedClaim[]): Promise<boolean[]> {
  let pending = claims;
  while (pending.length) {
    try {
      await storeAll(db, pending);
      const stored = new Set(pending.map((c) => c.invitation.id));
      return claims.map((c) => stored.has(c.invitation.id));
    } catch (e) {
      if (!(e instanceof PartlyClaimed)) throw e;
      pending = pending.filter((c) => e.claimed.has(c.invitation.id));
    }
  }
  return claims.map(() => false);
}

async function storeAll(db: Db, claims: NamedClaim[]) {
  const stored = claims.map((c) => {
    const responseId = crypto.randomUUID();
    return { claim: c, responseId, ...answerRows(responseId, c.invitation, c.definition, c.data) };
  });
  const scored = stored.flatMap((s) => s.scored);
  const open = stored.flatMap((s) => s.open);
  const input = claims.map((c) => ({
    id: c.invitation.id,
    at: c.now.toISOString(),
    key_hash: c.keyHash,
    data_hash: c.dataHash,
    receipt: c.receipt,
  }));
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // One pipeline: every statement is handed to the driver now, in this order, without waiting
    // for an answer (postgres.js and PGlite run them in the order they were handed over). The
    // query builders are lazy, so each is started by calling then() on it, before the next.
    const send = <T>(query: PromiseLike<T>) => query.then((r) => r);
    const claim = send(
      t.execute(sql`
        update invitations i
           set submitted_at = x.at, submission_key_hash = x.key_hash, submission_data_hash = x.data_hash,
               receipt = x.receipt, progress = null
          from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(id uuid, at timestamptz, key_hash text, data_hash text, receipt text)
         where i.id = x.id and i.submitted_at is null
        returning i.id::text as id`),
    );
    const inserts = [
      send(
        insertResponses(
          t,
          stored.map(({ claim: c, responseId }) => ({
            id: responseId,
            waveId: c.invitation.waveId,
            invitationId: c.invitation.id,
            organisation: c.invitation.organisation,
            organisationType: c.invitation.organisationType,
            municipalityId: c.invitation.municipalityId,
            branchId: c.invitation.branchId,
            data: c.data,
            submittedOn: format(c.now, "yyyy-MM-dd"),
          })),
        ),
      ),
      scored.length ? send(insertAnswers(t, scored)) : undefined,
      open.length ? send(insertOpenAnswers(t, open)) : undefined,
    ];
    // The counts read the answer rows above; they and the chain lock come last.
    // Every response, also one without scored answers: the counts hold which questions were answered n.v.t.
    const counts = countResponses(
      t,
      stored.map((s) => s.responseId),
      // Counted from the rows this pipeline inserts, not read back (answer-counts.ts).
      { answers: scored },
    );
    const trail = appendAuditEntries(
      t,
      stored.map(({ claim: c, responseId }) => ({
        entry: {
          actor: "partner (persoonlijke link)",
          ip: null,
          action: "create",
          entity: "response",
          entityId: responseId,
          after: { wave: c.waveName },
        },
        at: c.now,
      })),
    );
    const [claimResult] = await Promise.all([claim, ...inserts, counts, trail]);
    const claimed = new Set(rows<{ id: string }>(claimResult).map((r) => r.id));
    if (claimed.size !== claims.length) throw new PartlyClaimed(claimed);
  });
}
