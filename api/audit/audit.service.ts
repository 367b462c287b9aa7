import { asc, desc, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { auditLog } from "../../db/schema.ts";
import { canonicalJson, sha256Hex } from "../lib/crypto.ts";

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
    at: row.at, actorId: row.actorId, actor: row.actor, ip: row.ip, action: row.action, entity: row.entity,
    entityId: row.entityId, before: row.before, after: row.after, prevHash: row.prevHash,
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
 * and its trace commit together; the advisory lock keeps the chain linear.
 */
export async function appendAudit(db: Db, entry: AuditEntry, now: Date) {
  await db.execute(sql`select pg_advisory_xact_lock(424242)`);
  const [last] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const row = {
    at: now.toISOString(), actorId: entry.actorId ?? null, actor: entry.actor, ip: entry.ip ?? null,
    action: entry.action, entity: entry.entity, entityId: entry.entityId ?? null,
    before: asStored(entry.before), after: asStored(entry.after),
    prevHash: last?.hash ?? GENESIS,
  };
  await db.insert(auditLog).values({ ...row, hash: entryHash(row) });
}

/** Within a transaction when one is needed anyway; db.transaction nests as a savepoint. */
export async function audited<T>(db: Db, now: Date, work: (tx: Db) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { result, audit } = await work(t);
    for (const a of Array.isArray(audit) ? audit : [audit]) await appendAudit(t, a, now);
    return result;
  });
}

export interface VerifyResult { ok: boolean; entries: number; firstBroken?: { seq: number; reason: string } }

/** Walks the chain in pages and names the first entry whose link or content does not match. */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  let prev = GENESIS, entries = 0, after = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(1000);
    if (!page.length) return { ok: true, entries };
    for (const row of page) {
      if (row.prevHash !== prev) return { ok: false, entries, firstBroken: { seq: row.seq, reason: "chain_link" } };
      if (entryHash(row) !== row.hash) return { ok: false, entries, firstBroken: { seq: row.seq, reason: "content_changed" } };
      prev = row.hash;
      entries++;
      after = row.seq;
    }
  }
}
