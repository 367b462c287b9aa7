import { and, asc, gte, inArray, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { auditLog, users } from "../../db/schema.ts";
import { rows } from "../../db/migrate.ts";
import { periodStamp, type PackPeriod, type Roles, type TrailEntry } from "../domain/packs/asof.ts";
import { csvStream, jsonStream, type Column, type Counter, type Pages } from "../domain/packs/table.ts";
import { renderSectionPdf, type PdfBlock } from "../domain/packs/pdf.ts";
import { folderOf, REPORT_NAME, titleOf, type Clause } from "../domain/packs/layout.ts";
import type { Content } from "../domain/packs/zip.ts";

/** What every section builder needs: the database, the period and the people as pseudonyms. */
export interface Build {
  db: Db;
  period: PackPeriod;
  startIso: string;
  endIso: string;
  stamp: Date;
  periodLabel: string;
  organisation: string;
  roles: Roles;
  /** The first audit-trail sequence number after the period; everything from here on is undone. */
  firstSeqAfter: number;
}

export interface PackFile {
  path: string;
  description: string;
  counter?: Counter;
  content: () => Content | Promise<Content>;
}

export interface Section {
  clause: Clause;
  title: string;
  folder: string;
  notes: Set<string>;
  files: PackFile[];
}

export function newSection(clause: Clause): Section {
  return { clause, title: titleOf(clause), folder: folderOf(clause), notes: new Set(), files: [] };
}

export async function loadRoles(db: Db): Promise<Roles> {
  return new Map((await db.select({ id: users.id, role: users.role }).from(users)).map((u) => [u.id, u.role]));
}

/** One scan for the boundary, so that every later look-up walks only the entries after the period (by primary key). */
export async function firstSeqAfter(db: Db, endIso: string): Promise<number> {
  const [r] = rows<{ seq: number | null; top: number | null }>(
    await db.execute(sql`select min(seq) filter (where at >= ${endIso}) as seq, max(seq) as top from audit_log`),
  );
  return Number(r?.seq ?? Number(r?.top ?? 0) + 1);
}

/** The audit entries of these records made after the period, oldest first, grouped by record. */
export async function laterEntries(b: Build, entity: string, ids: string[]): Promise<Map<string, TrailEntry[]>> {
  const out = new Map<string, TrailEntry[]>();
  if (!ids.length) return out;
  const found = await b.db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      and(gte(auditLog.seq, b.firstSeqAfter), gte(auditLog.at, b.endIso), eq(auditLog.entity, entity), inArray(auditLog.entityId, ids)),
    )
    .orderBy(asc(auditLog.seq));
  for (const e of found) out.set(e.entityId!, [...(out.get(e.entityId!) ?? []), e]);
  return out;
}

/** All entries of one entity (a setting) after the period, oldest first. */
export async function laterOfEntity(b: Build, entity: string): Promise<TrailEntry[]> {
  return b.db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(and(gte(auditLog.seq, b.firstSeqAfter), gte(auditLog.at, b.endIso), eq(auditLog.entity, entity)))
    .orderBy(asc(auditLog.seq));
}

/** A record set as <name>.csv and <name>.json, sharing one counter for the index. */
export function tableFiles<R>(
  s: Section,
  name: string,
  description: string,
  columns: Column<R>[],
  pages: Pages<R>,
  toJson?: (r: R) => unknown,
): PackFile[] {
  const counter: Counter = { records: 0 };
  return [
    { path: `${s.folder}/${name}.csv`, description: `${description} (CSV)`, counter, content: () => csvStream(columns, pages, counter) },
    { path: `${s.folder}/${name}.json`, description: `${description} (JSON)`, counter, content: () => jsonStream(pages, toJson) },
  ];
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * The section's readable report. It sorts last in its folder, so the notes the data files
 * found while they were written are all there.
 */
export function reportFile(s: Section, b: Build, blocks: () => Promise<PdfBlock[]>): PackFile {
  return {
    path: `${s.folder}/${REPORT_NAME}`,
    description: "Leesbaar verslag van deze paragraaf (PDF)",
    content: async () =>
      renderSectionPdf({
        title: s.title,
        organisation: b.organisation,
        periodLabel: b.periodLabel,
        stamp: b.stamp,
        blocks: [
          {
            kind: "paragraph",
            text:
              `Stand per einde van de periode (${b.period.to} 23:59:59 UTC): elk record zoals het toen was, niet zoals het nu is. ` +
              "Personen staan als rol plus pseudoniem (zie index.html). Alle records staan in de CSV- en JSON-bestanden van deze map.",
            muted: true,
          },
          ...(await blocks()),
          ...(s.notes.size
            ? [{ kind: "heading" as const, text: "Kanttekeningen" }, ...[...s.notes].map((text) => ({ kind: "paragraph" as const, text }))]
            : []),
        ],
      }),
  };
}

export function buildPeriodLabel(p: PackPeriod) {
  return `${p.from} t/m ${p.to}`;
}

export { periodStamp };
