import { and, asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types.ts";
import { auditLog } from "../../db/schema.ts";
import { canonicalJson, randomHex, sha256Hex } from "../lib/crypto.ts";

export const GENESIS = "0".repeat(64);

export interface AuditEntry {
  actorId?: string | null;
  actor: string;
  ip?: string | null;
  action: string; // create | update | delete | export | login | login_failed | logout | erase | …
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

type Row = typeof auditLog.$inferSelect;

/** The content a hash covers: everything but the sequence number and the hash itself. */
function content(row: Omit<Row, "seq" | "hash">) {
  return canonicalJson({
    at: row.at,
    actorId: row.actorId,
    actor: row.actor,
    ip: row.ip,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    prevHash: row.prevHash,
  });
}

export function entryHash(row: Omit<Row, "seq" | "hash">) {
  return sha256Hex(row.prevHash + content(row));
}

/**
 * The value as the jsonb column will hand it back (a Date becomes its ISO string, undefined
 * disappears), so the hash is computed over exactly what verification will read.
 */
function asStored(value: unknown): Row["before"] {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends one entry. Call inside the transaction that makes the change, so the change
 * and its trace commit together. The advisory transaction lock keeps the chain linear: it
 * is held until that transaction ends, so the next writer reads this entry as its
 * predecessor. Called outside a transaction (login, logout), it opens one of its own;
 * without it the lock would be released at once and parallel entries would fork.
 *
 * The lock is held by every writer of the trail until commit, so the time under it bounds
 * how many changes per second the whole app can make. The predecessor's hash is therefore
 * read and the new hash computed by the INSERT itself (sha256 over the same canonical JSON,
 * with the predecessor spliced in), sent in one pipeline with the lock: no round trip back
 * to this process while the lock is held. The lock is its own statement, before the INSERT,
 * so the INSERT's snapshot is taken after the lock is granted and sees the newest entry.
 */
export async function appendAudit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await appendAuditEntries(db, [{ entry, at: now }]);
}

/**
 * Appends several entries in one statement, chained in the order given. The submission batch
 * (`api/respond/submit-batch.ts`) writes one entry per response of a batch this way: one lock
 * and one round trip for the whole batch instead of one per response. The INSERT computes each
 * hash from the one before it (a recursive CTE over the entries), starting at the chain head it
 * reads after the lock is granted.
 */
export async function appendAuditEntries(db: Db, items: Array<{ entry: AuditEntry; at: Date }>): Promise<void> {
  if (!items.length) return;
  if (!(db instanceof PgTransaction)) {
    await db.transaction((tx) => appendAuditEntries(tx as unknown as Db, items));
    return;
  }
  const rowsIn = items.map(({ entry, at }, index) => {
    // What is stored is what is hashed (content), except the predecessor's hash.
    const stored = {
      at: at.toISOString(),
      actorId: entry.actorId ?? null,
      actor: entry.actor,
      ip: entry.ip ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: asStored(entry.before),
      after: asStored(entry.after),
    };
    // The hashed text is prevHash + content, and content names prevHash once: mark its place
    // with a random value that the rest of the entry cannot contain, and split there.
    const marker = randomHex(32);
    const parts = content({ ...stored, prevHash: marker }).split(marker);
    if (parts.length !== 2) throw new Error("audit entry: marker not unique");
    return { i: index + 1, ...stored, p0: parts[0], p1: parts[1] };
  });
  // The entries travel as one jsonb parameter (a JSON null becomes SQL NULL, as before), so a
  // batch needs no bind parameter per field. Row 0 of the chain is the current head.
  await Promise.all([
    db.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`),
    db.execute(sql`with recursive e as (
        select * from jsonb_to_recordset(${JSON.stringify(rowsIn)}::jsonb)
          as x(i int, at text, "actorId" uuid, actor text, ip text, action text, entity text, "entityId" text,
               before jsonb, after jsonb, p0 text, p1 text)),
      chain (i, prev, h) as (
        select 0, p.h, p.h from (select coalesce((select hash from audit_log order by seq desc limit 1), ${GENESIS}::text) as h) p
        union all
        select e.i, c.h, encode(sha256(convert_to(c.h || e.p0 || c.h || e.p1, 'UTF8')), 'hex')
          from chain c join e on e.i = c.i + 1)
      insert into audit_log (at, actor_id, actor, ip, action, entity, entity_id, before, after, prev_hash, hash)
      select e.at, e."actorId", e.actor, e.ip, e.action, e.entity, e."entityId", e.before, e.after, c.prev, c.h
        from e join chain c on c.i = e.i
       order by e.i`),
  ]);
}

/** The advisory lock that keeps the chain linear. */
const AUDIT_LOCK = 424242;

/** Within a transaction when one is needed anyway; db.transaction nests as a savepoint. */
export async function audited<T>(db: Db, now: Date, work: (tx: Db) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { result, audit } = await work(t);
    // Several entries of one change are chained by one statement, under one take of the lock.
    await appendAuditEntries(
      t,
      (Array.isArray(audit) ? audit : [audit]).map((entry) => ({ entry, at: now })),
    );
    return result;
  });
}

export type BreakReason = "chain_link" | "content_changed" | "anchor_missing" | "anchor_mismatch";
export interface ChainBreak {
  seq: number;
  reason: BreakReason;
}
export interface ChainHead {
  seq: number;
  hash: string;
}
export interface VerifyResult {
  ok: boolean;
  /** Entries walked. */
  entries: number;
  /** Every break, oldest first: an old fork cannot hide a later tampering. */
  breaks: ChainBreak[];
  /** The first of `breaks`, kept for older clients. */
  firstBroken?: ChainBreak;
  head: ChainHead | null;
  /** Set when verified against an anchor: whether the anchored entry is still there, unchanged. */
  anchor?: { hash: string; found: boolean; seq: number | null };
}

/** The newest entry: written down outside the database, it later proves nothing before it was removed or rewritten. */
export async function chainHead(db: Db): Promise<ChainHead | null> {
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return last ? { seq: Number(last.seq), hash: last.hash } : null;
}

/** `<seq>:<hash>` or just the hash, as `audit anchor` prints it. */
export function parseAnchor(text: string): { seq: number | null; hash: string } | null {
  const m = /^\s*(?:(\d+)\s*:\s*)?([0-9a-f]{64})\s*$/i.exec(text);
  return m ? { seq: m[1] ? Number(m[1]) : null, hash: m[2].toLowerCase() } : null;
}

type AuditRow = typeof auditLog.$inferSelect;

/**
 * Walks the chain from the first entry (up to and including `through`, when given) in pages
 * and lists every entry whose link or content does not match; after a break it continues from
 * that entry's own hash, so each later break is reported too. `onEntry` sees every row walked.
 * Shared by `audit verify` and the evidence pack's chain check, so both report alike.
 */
export async function walkAuditChain(
  db: Db,
  opts: { through?: number; onEntry?: (row: AuditRow) => void } = {},
): Promise<{ entries: number; breaks: ChainBreak[]; head: (ChainHead & { at: string }) | null }> {
  let prev = GENESIS,
    entries = 0,
    after = 0;
  let head: (ChainHead & { at: string }) | null = null;
  const breaks: ChainBreak[] = [];
  for (;;) {
    const range = opts.through === undefined ? gt(auditLog.seq, after) : and(gt(auditLog.seq, after), lte(auditLog.seq, opts.through));
    const page = await db.select().from(auditLog).where(range).orderBy(asc(auditLog.seq)).limit(1000);
    if (!page.length) break;
    for (const row of page) {
      if (row.prevHash !== prev) breaks.push({ seq: row.seq, reason: "chain_link" });
      else if (entryHash(row) !== row.hash) breaks.push({ seq: row.seq, reason: "content_changed" });
      opts.onEntry?.(row);
      prev = row.hash;
      entries++;
      after = row.seq;
      head = { seq: row.seq, hash: row.hash, at: row.at };
    }
  }
  return { entries, breaks, head };
}

/**
 * Walks the whole chain in pages and lists every entry whose link or content does not match;
 * after a break it continues from that entry's own hash, so each later break is reported too.
 * With an anchor (a head written down earlier) it also checks the anchored entry still exists
 * at its place: truncation or a rewrite up to the anchor, even one re-hashing every later
 * entry, removes that hash from the table.
 */
export async function verifyAuditChain(db: Db, anchor?: { seq: number | null; hash: string }): Promise<VerifyResult> {
  const { entries, breaks, head } = await walkAuditChain(db);
  let anchorResult: VerifyResult["anchor"];
  if (anchor) {
    const [hit] = await db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.hash, anchor.hash));
    const found = !!hit && (anchor.seq === null || Number(hit.seq) === anchor.seq);
    anchorResult = { hash: anchor.hash, found, seq: hit ? Number(hit.seq) : anchor.seq };
    if (!hit) breaks.push({ seq: anchor.seq ?? head?.seq ?? 0, reason: "anchor_missing" });
    else if (!found) breaks.push({ seq: Number(hit.seq), reason: "anchor_mismatch" });
    breaks.sort((a, b) => a.seq - b.seq);
  }
  return {
    ok: breaks.length === 0,
    entries,
    breaks,
    ...(breaks[0] ? { firstBroken: breaks[0] } : {}),
    head: head ? { seq: head.seq, hash: head.hash } : null,
    ...(anchorResult ? { anchor: anchorResult } : {}),
  };
}
