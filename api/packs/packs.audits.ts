import { and, asc, between, inArray, lt } from "drizzle-orm";
import { evidenceFiles, findings, internalAudits, processes } from "../../db/schema.ts";
import { person, plain, rollBack } from "../domain/packs/asof.ts";
import { reasonTextNl, recommendedAudits } from "../domain/audits/frequency.ts";
import { inMemory, type Column } from "../domain/packs/table.ts";
import { evidenceColumns, evidenceFilesOf, evidenceList, findingColumns, findingPages } from "./packs.quality.ts";
import { laterEntries, newSection, reportFile, tableFiles, type Build, type Section } from "./packs.build.ts";
import { auditStatusLabel } from "../domain/packs/labels.ts";

type AuditRow = typeof internalAudits.$inferSelect;
type ProcessRow = typeof processes.$inferSelect;
const AUDIT_RULES = { ignore: ["findings", "createdAt", "updatedAt"] };

interface AuditRecord {
  ref: string;
  year: number;
  process: string;
  scope: string;
  criteria: string[];
  auditors: string[];
  auditees: string[];
  plannedOn: string;
  actualOn: string | null;
  status: string;
  strongPoints: string | null;
  conclusion: string | null;
  reportedOn: string | null;
  findings: string[];
  evidence: string[];
}

interface ProgrammeRecord {
  year: number;
  process: string;
  riskWeight: number;
  owners: string[];
  recommended: number;
  reason: string;
  planned: number;
  done: number;
  reported: number;
  cancelled: number;
  shortfall: boolean;
  audits: string[];
}

/**
 * The audit programme is small (a handful of audits a year), so the audits of the period
 * and of the two years before it, as they stood at the end, are held at once.
 */
async function auditData(b: Build, s: Section) {
  const fromYear = Number(b.period.from.slice(0, 4)),
    toYear = Number(b.period.to.slice(0, 4));
  const rowsNow = await b.db
    .select()
    .from(internalAudits)
    .where(and(lt(internalAudits.createdAt, b.period.end), between(internalAudits.year, fromYear - 2, toYear)))
    .orderBy(asc(internalAudits.year), asc(internalAudits.plannedOn), asc(internalAudits.ref));
  const later = await laterEntries(
    b,
    "internal_audit",
    rowsNow.map((a) => a.id),
  );
  const audits = rowsNow.map((row) => {
    const { state, unknown } = rollBack(plain(row) as unknown as Record<string, unknown>, later.get(row.id) ?? [], AUDIT_RULES);
    if (unknown.length)
      s.notes.add(
        `Audit ${row.ref}: na de periode gewijzigd (${unknown.join(", ")}) zonder vastgelegde eerdere waarde; daar staat de huidige waarde.`,
      );
    return (state ?? plain(row)) as unknown as AuditRow;
  });
  const procs = await processesAsOf(b);
  const ids = audits.map((a) => a.id);
  const found = ids.length
    ? await b.db
        .select({ id: findings.id, ref: findings.ref, auditId: findings.sourceAuditId, classification: findings.classification })
        .from(findings)
        .where(and(inArray(findings.sourceAuditId, ids), lt(findings.createdAt, b.period.end)))
        .orderBy(asc(findings.ref))
    : [];
  // A finding's classification may have been changed after the period.
  const findingLater = await laterEntries(
    b,
    "finding",
    found.map((f) => f.id),
  );
  const classified = found.map((f) => ({
    ...f,
    classification: String(
      rollBack({ classification: f.classification }, findingLater.get(f.id) ?? []).state?.classification ?? f.classification,
    ),
  }));
  return { audits, procs, findings: classified, fromYear, toYear };
}

/** Processes (owners, risk weight, name) as they stood: each change is audited with the full row before it. */
export async function processesAsOf(b: Build): Promise<ProcessRow[]> {
  const now = await b.db.select().from(processes).orderBy(asc(processes.name));
  const later = await laterEntries(
    b,
    "process",
    now.map((p) => p.id),
  );
  return now.map(
    (p) => (rollBack(plain(p) as unknown as Record<string, unknown>, later.get(p.id) ?? []).state ?? p) as unknown as ProcessRow,
  );
}

function lastAuditOf(audits: AuditRow[], nc: (a: AuditRow) => { majorNc: number; minorNc: number }) {
  const last = audits.filter((a) => a.actualOn && a.status !== "geannuleerd").sort((a, b) => b.actualOn!.localeCompare(a.actualOn!))[0];
  return last ? { year: last.year, reported: last.status === "gerapporteerd", ...nc(last) } : null;
}

export async function auditSection(b: Build): Promise<Section> {
  const s = newSection("9.2");
  const evidence = await evidenceList(b, s, auditEvidenceWhere(b));
  let data: ReturnType<typeof auditData> | null = null;
  const get = () => (data ??= auditData(b, s));

  const records = async (): Promise<AuditRecord[]> => {
    const { audits, procs, findings: found, fromYear } = await get();
    return audits
      .filter((a) => a.year >= fromYear)
      .map((a) => ({
        ref: a.ref,
        year: a.year,
        process: procs.find((p) => p.id === a.processId)?.name ?? a.processId,
        scope: a.scope,
        criteria: a.criteria,
        auditors: a.auditorIds.map((id) => person(id, b.roles)),
        auditees: a.auditeeIds.map((id) => person(id, b.roles)),
        plannedOn: a.plannedOn,
        actualOn: a.actualOn,
        status: a.status,
        strongPoints: a.strongPoints,
        conclusion: a.conclusion,
        reportedOn: a.reportedOn,
        findings: found.filter((f) => f.auditId === a.id).map((f) => f.ref),
        evidence: evidence.filter((e) => e.audit === a.ref).map((e) => e.path.replace(/^data\/[^/]+\//, "")),
      }));
  };

  const programme = async (): Promise<ProgrammeRecord[]> => {
    const { audits, procs, findings: found, fromYear, toYear } = await get();
    const nc = (a: AuditRow) => ({
      majorNc: found.filter((f) => f.auditId === a.id && f.classification === "major_nc").length,
      minorNc: found.filter((f) => f.auditId === a.id && f.classification === "minor_nc").length,
    });
    const out: ProgrammeRecord[] = [];
    for (let year = fromYear; year <= toYear; year++) {
      for (const p of procs) {
        const own = audits.filter((a) => a.processId === p.id);
        const earlier = own.filter((a) => a.year >= year - 2 && a.year < year);
        const rec = recommendedAudits({ year, riskWeight: p.riskWeight, lastAudit: lastAuditOf(earlier, nc) });
        const thisYear = own.filter((a) => a.year === year);
        const active = thisYear.filter((a) => a.status !== "geannuleerd");
        out.push({
          year,
          process: p.name,
          riskWeight: p.riskWeight,
          owners: p.ownerIds.map((id) => person(id, b.roles)),
          recommended: rec.count,
          reason: reasonTextNl(rec),
          planned: active.length,
          done: active.filter((a) => a.actualOn).length,
          reported: active.filter((a) => a.status === "gerapporteerd").length,
          cancelled: thisYear.length - active.length,
          shortfall: active.length < rec.count,
          audits: thisYear.map((a) => a.ref),
        });
      }
    }
    return out;
  };

  const auditColumns: Column<AuditRecord>[] = [
    { header: "Kenmerk", value: (r) => r.ref },
    { header: "Jaar", value: (r) => r.year },
    { header: "Proces", value: (r) => r.process },
    { header: "Reikwijdte", value: (r) => r.scope },
    { header: "Criteria", value: (r) => r.criteria.join(", ") },
    { header: "Auditoren", value: (r) => r.auditors.join(", ") },
    { header: "Geauditeerden", value: (r) => r.auditees.join(", ") },
    { header: "Gepland op", value: (r) => r.plannedOn },
    { header: "Uitgevoerd op", value: (r) => r.actualOn },
    { header: "Status", value: (r) => r.status },
    { header: "Sterke punten", value: (r) => r.strongPoints },
    { header: "Conclusie", value: (r) => r.conclusion },
    { header: "Gerapporteerd op", value: (r) => r.reportedOn },
    { header: "Bevindingen", value: (r) => r.findings.join(", ") },
    { header: "Bewijs", value: (r) => r.evidence.join(", ") },
  ];
  const programmeColumns: Column<ProgrammeRecord>[] = [
    { header: "Jaar", value: (r) => r.year },
    { header: "Proces", value: (r) => r.process },
    { header: "Risicogewicht", value: (r) => r.riskWeight },
    { header: "Proceseigenaren", value: (r) => r.owners.join(", ") },
    { header: "Aanbevolen", value: (r) => r.recommended },
    { header: "Reden", value: (r) => r.reason },
    { header: "Gepland", value: (r) => r.planned },
    { header: "Uitgevoerd", value: (r) => r.done },
    { header: "Gerapporteerd", value: (r) => r.reported },
    { header: "Geannuleerd", value: (r) => r.cancelled },
    { header: "Tekort", value: (r) => r.shortfall },
    { header: "Audits", value: (r) => r.audits.join(", ") },
  ];
  const lazy = <R>(load: () => Promise<R[]>) =>
    async function* () {
      yield* inMemory(await load())();
    };
  const auditFindings = findingPages(
    b,
    s,
    and(
      lt(findings.createdAt, b.period.end),
      inArray(
        findings.sourceAuditId,
        b.db
          .select({ id: internalAudits.id })
          .from(internalAudits)
          .where(
            and(
              lt(internalAudits.createdAt, b.period.end),
              between(internalAudits.year, Number(b.period.from.slice(0, 4)), Number(b.period.to.slice(0, 4))),
            ),
          ),
      ),
    )!,
  );

  s.files.push(
    ...tableFiles(
      s,
      "audits",
      "Interne audits van de jaren in de periode met hun rapport (sterke punten, conclusie, bevindingen), zoals ze stonden aan het einde",
      auditColumns,
      lazy(records),
    ),
    ...tableFiles(s, "bevindingen", "Bevindingen uit deze audits", findingColumns, auditFindings),
    ...tableFiles(s, "bewijs", "Bewijsstukken bij deze audits", evidenceColumns, inMemory(evidence)),
    ...evidenceFilesOf(b, evidence),
    ...tableFiles(
      s,
      "programma",
      "Auditprogramma per jaar en proces: aanbevolen frequentie (9.2.2 a) tegenover wat gepland, uitgevoerd en gerapporteerd is",
      programmeColumns,
      lazy(programme),
    ),
    reportFile(s, b, async () => {
      const [list, plan] = await Promise.all([records(), programme()]);
      return [
        { kind: "heading", text: "Auditprogramma" },
        {
          kind: "table",
          total: plan.length,
          file: "programma.csv",
          columns: [
            { header: "Jaar", width: 1 },
            { header: "Proces", width: 4 },
            { header: "Gewicht", width: 1 },
            { header: "Aanbevolen", width: 1.5 },
            { header: "Gepland", width: 1.2 },
            { header: "Uitgevoerd", width: 1.4 },
            { header: "Gerapporteerd", width: 1.6 },
            { header: "Reden", width: 7 },
          ],
          rows: plan.map((p) => [
            String(p.year),
            p.process,
            String(p.riskWeight),
            String(p.recommended),
            `${p.planned}${p.shortfall ? " (tekort)" : ""}`,
            String(p.done),
            String(p.reported),
            p.reason,
          ]),
        },
        { kind: "heading", text: "Audits en rapporten" },
        {
          kind: "table",
          total: list.length,
          file: "audits.csv",
          columns: [
            { header: "Kenmerk", width: 2 },
            { header: "Proces", width: 3 },
            { header: "Uitgevoerd", width: 2 },
            { header: "Status", width: 2 },
            { header: "Auditoren", width: 3 },
            { header: "Conclusie", width: 8 },
            { header: "Bevindingen", width: 3 },
          ],
          rows: list.map((a) => [
            a.ref,
            a.process,
            a.actualOn ?? `gepland ${a.plannedOn}`,
            auditStatusLabel(a.status),
            a.auditors.join(", "),
            a.conclusion ?? "–",
            a.findings.join(", "),
          ]),
        },
      ];
    }),
  );
  s.notes.add(
    "Audits en processen zijn teruggerekend naar het einde van de periode met de audittrail (die bij elke wijziging de volledige vorige stand vastlegt). De aanbevolen frequentie volgt de regel van het auditprogramma, toegepast op de audits van de twee jaren ervoor zoals die toen bekend waren.",
  );
  return s;
}

/** Evidence attached to the audits of the years in the period. */
export function auditEvidenceWhere(b: Build) {
  return inArray(
    evidenceFiles.auditId,
    b.db
      .select({ id: internalAudits.id })
      .from(internalAudits)
      .where(
        and(
          lt(internalAudits.createdAt, b.period.end),
          between(internalAudits.year, Number(b.period.from.slice(0, 4)), Number(b.period.to.slice(0, 4))),
        ),
      ),
  );
}
