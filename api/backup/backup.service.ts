import { type ErrorCode, errorText } from "../lib/error-text.ts";
import { rebuildInvitationCounts } from "../waves/invitation-counts.ts";
import { and, desc, eq, sql } from "drizzle-orm";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "../../db/types.ts";
import { auditLog } from "../../db/schema.ts";
import { rows } from "../../db/migrate.ts";
import { migrations } from "../../db/migrations/bundle.ts";
import { appendAudit, chainHead, verifyAuditChain, type ChainHead } from "../audit/audit.service.ts";
import { ApiError } from "../lib/errors.ts";

/**
 * Logical backups, the same on PGlite and PostgreSQL: every table of the schema, in the
 * order of its foreign keys, read inside one REPEATABLE READ transaction (one consistent
 * snapshot while the server keeps running) and written as NDJSON:
 *   {"format":"ketenspiegel-backup",...header}
 *   {"@table":"users"}           then one line per row (row_to_json, untouched by JavaScript,
 *   {...row}                      so numbers and dates keep the database's own text)
 *   {"@end":true,"rows":{...}}   a file without this last line is incomplete
 * A logical file restores into either engine (also PGlite → PostgreSQL), which a data
 * directory dump cannot.
 */
export const BACKUP_FORMAT = "ketenspiegel-backup";
const PAGE = 1000;
const enc = new TextEncoder();

export type Sink = (chunk: Uint8Array) => Promise<void>;
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  engine: string;
  migrations: string[];
  head: ChainHead | null;
  tables: string[];
}
export interface BackupResult {
  sha256: string;
  bytes: number;
  rows: number;
  head: ChainHead | null;
  createdAt: string;
}
export interface Actor {
  actorId: string | null;
  actor: string;
  ip: string | null;
}

/** Tables of the public schema, each after the tables it references (the migrations' own table left out). */
async function tablesInOrder(db: Db): Promise<string[]> {
  const found = rows<{ name: string; deps: string[] | string | null }>(
    await db.execute(sql`
    select c.relname as name,
      coalesce(array_agg(distinct r.relname) filter (where r.relname is not null and r.relname <> c.relname), '{}') as deps
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    left join pg_constraint k on k.conrelid = c.oid and k.contype = 'f'
    left join pg_class r on r.oid = k.confrelid
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'ketenspiegel_migrations'
    group by c.relname order by c.relname`),
  );
  const deps = new Map(found.map((t) => [t.name, new Set(asArray(t.deps))]));
  const order: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (order.includes(name) || path.has(name)) return;
    path.add(name);
    for (const d of deps.get(name) ?? []) if (deps.has(d)) visit(d, path);
    order.push(name);
  };
  for (const name of deps.keys()) visit(name, new Set());
  return order;
}

/** PGlite hands a text[] back as an array, postgres.js too; an older driver may give "{a,b}". */
function asArray(v: string[] | string | null): string[] {
  if (Array.isArray(v)) return v;
  if (!v || v === "{}") return [];
  return v
    .replace(/^\{|\}$/g, "")
    .split(",")
    .map((s) => s.replace(/^"|"$/g, ""));
}

/** PGlite is PostgreSQL compiled to WebAssembly by Emscripten, and says so. */
async function engineOf(db: Db): Promise<"pglite" | "postgres"> {
  const [r] = rows<{ v: string }>(await db.execute(sql`select version() as v`));
  return /emcc|emscripten|wasm/i.test(r?.v ?? "") ? "pglite" : "postgres";
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes the whole database to `sink` from one snapshot, then records the backup (its
 * SHA-256, size and the chain head it contains) in the audit trail.
 */
export async function writeBackup(db: Db, now: Date, by: Actor, sink: Sink): Promise<BackupResult> {
  const hash = new SHA256();
  let bytes = 0,
    total = 0;
  const put = async (text: string) => {
    const chunk = enc.encode(text);
    hash.update(chunk);
    bytes += chunk.length;
    await sink(chunk);
  };
  const createdAt = now.toISOString();
  const { head, engine } = await db.transaction(
    async (t) => {
      const tx = t as unknown as Db;
      const engine = await engineOf(tx);
      const applied = rows<{ tag: string }>(await tx.execute(sql`select tag from ketenspiegel_migrations order by tag`)).map((r) => r.tag);
      const tables = await tablesInOrder(tx);
      const head = await chainHead(tx);
      const header: BackupHeader = { format: BACKUP_FORMAT, version: 1, createdAt, engine, migrations: applied, head, tables };
      await put(`${JSON.stringify(header)}\n`);
      const counts: Record<string, number> = {};
      for (const table of tables) {
        await put(`${JSON.stringify({ "@table": table })}\n`);
        // A cursor walks the snapshot once, in pages, whatever the table's size.
        await tx.execute(sql.raw(`declare ks_backup no scroll cursor for select row_to_json(t)::text as j from ${quoted(table)} t`));
        let n = 0;
        for (;;) {
          const page = rows<{ j: string }>(await tx.execute(sql.raw(`fetch ${PAGE} from ks_backup`)));
          if (!page.length) break;
          await put(page.map((r) => `${r.j}\n`).join(""));
          n += page.length;
        }
        await tx.execute(sql.raw("close ks_backup"));
        counts[table] = n;
        total += n;
      }
      await put(`${JSON.stringify({ "@end": true, rows: counts })}\n`);
      return { head, engine };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const sha256 = encodeHexLowerCase(hash.digest());
  await appendAudit(
    db,
    { ...by, action: "backup", entity: "database", entityId: createdAt, after: { sha256, bytes, rows: total, engine, chainHead: head } },
    now,
  );
  return { sha256, bytes, rows: total, head, createdAt };
}

/** The last backup recorded in the trail. */
export async function lastBackup(db: Db) {
  const [entry] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "backup"), eq(auditLog.entity, "database")))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  if (!entry) return null;
  const after = (entry.after ?? {}) as { sha256?: string; bytes?: number; chainHead?: ChainHead | null };
  return { at: entry.at, actor: entry.actor, sha256: after.sha256 ?? null, bytes: after.bytes ?? null, chainHead: after.chainHead ?? null };
}

/** A backup file that cannot be restored; `code` and `params` are its text in the catalog. */
export class BackupError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: Record<string, string | number>,
  ) {
    super(errorText("nl", code, params) ?? code);
  }
}

export interface RestoreResult {
  rows: number;
  tables: number;
  head: ChainHead | null;
  chainOk: boolean;
  sha256: string;
}

/**
 * Loads a backup into an empty, migrated database of the same schema version, in one
 * transaction: a bad or incomplete file leaves nothing behind. Rows go in through
 * json_populate_recordset, so the database parses them as it wrote them. Sequences are
 * set past the highest restored value, the chain is verified, and the restore is recorded.
 */
export async function restoreBackup(db: Db, lines: AsyncIterable<string>, now: Date, by: Actor): Promise<RestoreResult> {
  const hash = new SHA256();
  const iterator = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await iterator.next();
    if (r.done) return null;
    hash.update(enc.encode(`${r.value}\n`));
    return r.value;
  };
  const first = await next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first ?? "") as BackupHeader;
  } catch {
    throw new BackupError("backup_no_header");
  }
  if (header.format !== BACKUP_FORMAT || header.version !== 1) throw new BackupError("backup_unknown_format");
  const known = migrations.map((m) => m.tag);
  const missing = header.migrations.filter((tag) => !known.includes(tag));
  if (missing.length) throw new BackupError("backup_newer_version", { migrations: missing.join(", ") });

  const result = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const tables = await tablesInOrder(tx);
    for (const table of tables) {
      const [{ any }] = rows<{ any: boolean }>(await tx.execute(sql.raw(`select exists (select 1 from ${quoted(table)}) as any`)));
      if (any) throw new BackupError("backup_database_not_empty", { table });
    }
    const counts: Record<string, number> = {};
    let table: string | null = null,
      batch: string[] = [],
      end: { rows: Record<string, number> } | null = null;
    const flush = async () => {
      if (!table || !batch.length) return;
      await tx.execute(
        sql`insert into ${sql.raw(quoted(table))} select * from json_populate_recordset(null::${sql.raw(quoted(table))}, ${`[${batch.join(",")}]`}::json)`,
      );
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    for (let line = await next(); line !== null; line = await next()) {
      if (!line.trim()) continue;
      // Column names never start with "@", so these lines cannot be rows.
      if (line.startsWith('{"@table":') || line.startsWith('{"@end":')) {
        const marker = JSON.parse(line) as { "@table"?: string; "@end"?: boolean; rows?: Record<string, number> };
        await flush();
        if (marker["@end"]) {
          end = { rows: marker.rows ?? {} };
          break;
        }
        if (!tables.includes(marker["@table"]!)) throw new BackupError("backup_unknown_table", { table: String(marker["@table"]) });
        table = marker["@table"]!;
        continue;
      }
      if (!table) throw new BackupError("backup_row_without_table");
      batch.push(line);
      if (batch.length >= PAGE) await flush();
    }
    if (!end) throw new BackupError("backup_incomplete");
    for (const [name, n] of Object.entries(end.rows)) {
      if ((counts[name] ?? 0) !== n) throw new BackupError("backup_row_count", { table: name, read: counts[name] ?? 0, expected: n });
    }
    await resetSequences(tx);
    // The insert trigger counted the restored invitations, and a backup from this version
    // also carries the counts themselves: recount once from the invitations, the source.
    await rebuildInvitationCounts(tx);
    return { rows: Object.values(counts).reduce((a, b) => a + b, 0), tables: Object.keys(counts).length };
  });
  const sha256 = encodeHexLowerCase(hash.digest());
  const check = await verifyAuditChain(db, header.head ?? undefined);
  await appendAudit(
    db,
    {
      ...by,
      action: "restore",
      entity: "database",
      entityId: header.createdAt,
      after: { sha256, rows: result.rows, backupCreatedAt: header.createdAt, chainHead: header.head, chainOk: check.ok },
    },
    now,
  );
  return { ...result, head: header.head, chainOk: check.ok, sha256 };
}

/** Every sequence owned by a column continues after the highest restored value. */
async function resetSequences(tx: Db) {
  const owned = rows<{ seq: string; tbl: string; col: string }>(
    await tx.execute(sql`
    select s.relname as seq, t.relname as tbl, a.attname as col
    from pg_class s join pg_namespace n on n.oid = s.relnamespace
    join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
    join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and n.nspname = 'public'`),
  );
  for (const o of owned) {
    await tx.execute(
      sql.raw(`select setval('${quoted(o.seq).replace(/'/g, "''")}', coalesce((select max(${quoted(o.col)}) from ${quoted(o.tbl)}), 1),
      (select max(${quoted(o.col)}) from ${quoted(o.tbl)}) is not null)`),
    );
  }
}

/** For the API: a thrown BackupError is the caller's file, not the server. */
export function asApiError(e: unknown): never {
  if (e instanceof BackupError)
    throw new ApiError(400, "invalid_backup", { reason: { code: e.code, ...(e.params ? { params: e.params } : {}) } });
  throw e;
}
