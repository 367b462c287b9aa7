import { and, desc, eq, type SQL } from "drizzle-orm";
import { differenceInCalendarDays, parseISO } from "date-fns";
import type { Db } from "../../db/types.ts";
import { branches, municipalities, reportDeliveries } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import type { Visibility } from "../lib/scope.ts";
import { sha256Bytes } from "../lib/crypto.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { buildMunicipalityReport } from "../domain/report/report.build.ts";
import { renderReportPdf } from "../domain/report/report.pdf.ts";
import { renderReportCsv, renderReportXlsx } from "../domain/report/report.sheet.ts";
import type { MunicipalityReport } from "../domain/report/report.types.ts";
import { loadRegistry, registryNames } from "../registry/registry.data.ts";
import { getRegistrySettings } from "../registry/settings.service.ts";
import type { DeliveryStatus, REPORT_FORMATS } from "./reports.schemas.ts";
import { type Notice, queueNotices } from "../mail/notices.service.ts";
import { isUuid } from "../lib/ids.ts";

export interface Period {
  from: string;
  to: string;
}
const MAX_DAYS = 2 * 366;
const notFound = () => new ApiError(404, "municipality_not_found");

function checkPeriod(p: Period) {
  if (differenceInCalendarDays(parseISO(p.to), parseISO(p.from)) >= MAX_DAYS) {
    throw new ApiError(400, "period_too_long");
  }
}

async function visibleMunicipality(db: Db, id: string, vis: Visibility) {
  const [row] = await db
    .select({ id: municipalities.id, name: municipalities.name, branchId: municipalities.branchId, branch: branches.name })
    .from(municipalities)
    .innerJoin(branches, eq(branches.id, municipalities.branchId))
    .where(eq(municipalities.id, id));
  if (!row || (vis.municipalityId && vis.municipalityId !== row.id) || (vis.branchId && vis.branchId !== row.branchId)) throw notFound();
  return row;
}

/** Builds the report for several municipalities from one read of the registry. */
async function buildReports(db: Db, ids: string[], period: Period, now: Date): Promise<MunicipalityReport[]> {
  checkPeriod(period);
  const [data, names, settings, all] = await Promise.all([
    loadRegistry(db),
    registryNames(db),
    getRegistrySettings(db),
    db.select({ id: municipalities.id, name: municipalities.name, branchId: municipalities.branchId }).from(municipalities),
  ]);
  return ids.map((id) => {
    const m = all.find((x) => x.id === id)!;
    return buildMunicipalityReport(data, {
      organisation: settings.organisationName,
      municipality: { id: m.id, name: m.name, branch: names[m.branchId] ?? m.branchId },
      period,
      generatedAt: now.toISOString(),
      today: now.toISOString().slice(0, 10),
      names,
    });
  });
}

const TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

async function render(report: MunicipalityReport, format: (typeof REPORT_FORMATS)[number]): Promise<Uint8Array> {
  if (format === "pdf") return renderReportPdf(report);
  if (format === "xlsx") return renderReportXlsx(report);
  return new TextEncoder().encode(format === "csv" ? renderReportCsv(report) : JSON.stringify(report, null, 2));
}

/** One report download; the export is written to the audit trail with the file's hash. */
export async function exportMunicipalityReport(
  db: Db,
  id: string,
  period: Period,
  format: (typeof REPORT_FORMATS)[number],
  vis: Visibility,
  now: Date,
  by: Actor,
) {
  const m = await visibleMunicipality(db, id, vis);
  const [report] = await buildReports(db, [m.id], period, now);
  const bytes = await render(report, format);
  await audited(db, now, async () => ({
    result: null,
    audit: {
      ...by,
      action: "export",
      entity: "municipality_report",
      entityId: m.id,
      after: { period, format, sha256: sha256Bytes(bytes), size: bytes.length },
    },
  }));
  return { bytes, contentType: TYPES[format], filename: `uitdraai-${m.id}-${period.from}-${period.to}.${format}` };
}

const publicDelivery = (d: typeof reportDeliveries.$inferSelect, name: string) => ({
  id: d.id,
  municipalityId: d.municipalityId,
  municipality: name,
  periodFrom: d.periodFrom,
  periodTo: d.periodTo,
  sha256: d.sha256,
  size: d.pdf.length,
  generatedAt: d.generatedAt.toISOString(),
  status: d.status as DeliveryStatus,
  toAddress: d.toAddress,
  error: d.error,
  sentAt: d.sentAt?.toISOString() ?? null,
});

const periodNl = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

function reportNotice(
  d: { id: string; periodFrom: string; periodTo: string },
  m: { name: string; reportContact: string | null },
  to: string,
): Notice {
  const period = `${periodNl(d.periodFrom)} t/m ${periodNl(d.periodTo)}`;
  return {
    kind: "municipality_report",
    to,
    subject: `Uitdraai Zorg- en Veiligheidshuis voor gemeente ${m.name}, ${period}`,
    body: `Beste ${m.reportContact || "contactpersoon"},

In de bijlage vindt u de uitdraai van het Zorg- en Veiligheidshuis voor gemeente ${m.name} over ${period}: aanmeldingen, casusoverleggen, vervolgafspraken en de inzet van uren.

Met vriendelijke groet,
Zorg- en Veiligheidshuis`,
    dedupeKey: `municipality_report:${d.id}`,
    reportDeliveryId: d.id,
  };
}

/**
 * Puts each municipality's report out in one action. The stored PDF is the exact document
 * sent, with its hash, so what a municipality received can be shown later. Each municipality
 * with a report address gets its PDF by e-mail through the outbox (sent over SMTP_URL, or
 * waiting in the outbox without it); its delivery moves from queued to sent or failed (with
 * the reason) as the mailer gets to it. One without an address is recorded as not sent.
 */
export async function sendMunicipalityReports(db: Db, period: Period, now: Date, by: Actor) {
  const all = await db.select().from(municipalities).orderBy(municipalities.name);
  const reports = await buildReports(
    db,
    all.map((m) => m.id),
    period,
    now,
  );
  const pdfs = await Promise.all(reports.map((r) => renderReportPdf(r)));
  return audited(db, now, async (tx) => {
    const rows = await tx
      .insert(reportDeliveries)
      .values(
        all.map((m, i) => ({
          municipalityId: m.id,
          periodFrom: period.from,
          periodTo: period.to,
          pdf: pdfs[i],
          sha256: sha256Bytes(pdfs[i]),
          generatedBy: by.actorId,
          generatedAt: now,
          status: m.reportEmail ? "queued" : "not_sent",
          toAddress: m.reportEmail,
        })),
      )
      .returning();
    await queueNotices(
      tx,
      rows.flatMap((d, i) => (all[i].reportEmail ? [reportNotice(d, all[i], all[i].reportEmail!)] : [])),
      now,
    );
    const deliveries = rows.map((d, i) => publicDelivery(d, all[i].name));
    return {
      result: deliveries,
      audit: deliveries.map((d) => ({
        ...by,
        action: "export",
        entity: "report_delivery",
        entityId: d.id,
        after: { municipalityId: d.municipalityId, period, sha256: d.sha256, size: d.size, status: d.status, to: d.toAddress },
      })),
    };
  });
}

export async function listReportDeliveries(db: Db, vis: Visibility) {
  const where: SQL[] = [];
  if (vis.municipalityId) where.push(eq(reportDeliveries.municipalityId, vis.municipalityId));
  if (vis.branchId) where.push(eq(municipalities.branchId, vis.branchId));
  const rows = await db
    .select({ d: reportDeliveries, name: municipalities.name })
    .from(reportDeliveries)
    .innerJoin(municipalities, eq(municipalities.id, reportDeliveries.municipalityId))
    .where(and(...where))
    .orderBy(desc(reportDeliveries.generatedAt), municipalities.name)
    .limit(500);
  return rows.map((r) => publicDelivery(r.d, r.name));
}

export async function downloadReportDelivery(db: Db, id: string, vis: Visibility, now: Date, by: Actor) {
  const missing = new ApiError(404, "report_not_found");
  if (!isUuid(id)) throw missing;
  const [d] = await db.select().from(reportDeliveries).where(eq(reportDeliveries.id, id));
  if (!d || (vis.municipalityId && d.municipalityId !== vis.municipalityId)) throw missing;
  await audited(db, now, async () => ({
    result: null,
    audit: { ...by, action: "export", entity: "report_delivery", entityId: d.id, after: { download: true, sha256: d.sha256 } },
  }));
  return { bytes: new Uint8Array(d.pdf), filename: `uitdraai-${d.municipalityId}-${d.periodFrom}-${d.periodTo}.pdf` };
}
