import { and, asc, eq, gt, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import {
  actions,
  effectivenessReviews,
  evidenceFiles,
  findingActions,
  findings,
  internalAudits,
  reviewEvidence,
  risks,
  waves,
} from "../../db/schema.ts";
import { person, plain, rollBack } from "../domain/packs/asof.ts";
import { evidencePath } from "../domain/packs/layout.ts";
import { asText, firstOf, inMemory, type Column, type Pages } from "../domain/packs/table.ts";
import { laterEntries, newSection, reportFile, tableFiles, type Build, type PackFile, type Section } from "./packs.build.ts";
import { actionStatusLabel, findingClassLabel, findingStatusLabel } from "../domain/packs/labels.ts";
import { evaluationLines } from "../domain/packs/evaluation.ts";

const PAGE = 200;

export interface FindingRecord {
  ref: string;
  source: string;
  sourceWave: string | null;
  sourceDimension: string | null;
  sourceQuestion: string | null;
  sourceAudit: string | null;
  sourceRisk: string | null;
  sourceMetric: string | null;
  title: string;
  description: string;
  classification: string;
  clauses: string[];
  foundOn: string;
  correction: string | null;
  rootCauseMethod: string | null;
  rootCauseAnalysis: unknown;
  rootCause: string | null;
  similarElsewhere: string | null;
  baseline: unknown;
  status: "open" | "gesloten";
  closedAt: string | null;
  closedBy: string;
  createdBy: string;
  createdAt: string;
  actions: string[];
}

/** Findings that existed at the end and were still open at the start of the period (closing is final, so closedAt decides). */
export const findingInPeriod = (b: Build) =>
  and(lt(findings.createdAt, b.period.end), or(isNull(findings.closedAt), gte(findings.closedAt, b.period.start)))!;

const FINDING_RULES = { undo: { close: { closedAt: null, closedBy: null } }, ignore: ["ref", "updatedAt"] };

/** Readable labels for ids a record points to: a wave's name, an audit's, risk's, finding's or action's reference. */
export async function labels(
  b: Build,
  kind: "wave" | "audit" | "risk" | "finding" | "action",
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const found =
    kind === "wave"
      ? await b.db.select({ id: waves.id, label: waves.name }).from(waves).where(inArray(waves.id, wanted))
      : kind === "audit"
        ? await b.db
            .select({ id: internalAudits.id, label: internalAudits.ref })
            .from(internalAudits)
            .where(inArray(internalAudits.id, wanted))
        : kind === "risk"
          ? await b.db.select({ id: risks.id, label: risks.ref }).from(risks).where(inArray(risks.id, wanted))
          : kind === "finding"
            ? await b.db.select({ id: findings.id, label: findings.ref }).from(findings).where(inArray(findings.id, wanted))
            : await b.db.select({ id: actions.id, label: actions.ref }).from(actions).where(inArray(actions.id, wanted));
  return new Map(found.map((r) => [r.id, r.label]));
}

/** Findings as they stood at the end, a page at a time by reference; later changes are undone with the audit trail. */
export function findingPages(b: Build, s: Section, where: SQL): Pages<FindingRecord> {
  return async function* () {
    let after = "";
    for (;;) {
      const page = await b.db
        .select()
        .from(findings)
        .where(and(where, gt(findings.ref, after)))
        .orderBy(asc(findings.ref))
        .limit(PAGE);
      if (!page.length) return;
      after = page[page.length - 1].ref;
      const ids = page.map((f) => f.id);
      const [later, links, waveNames, auditRefs, riskRefs] = await Promise.all([
        laterEntries(b, "finding", ids),
        b.db
          .select({ findingId: findingActions.findingId, ref: actions.ref })
          .from(findingActions)
          .innerJoin(actions, eq(actions.id, findingActions.actionId))
          .where(and(inArray(findingActions.findingId, ids), lt(actions.createdAt, b.period.end)))
          .orderBy(asc(actions.ref)),
        labels(
          b,
          "wave",
          page.map((f) => f.sourceWaveId),
        ),
        labels(
          b,
          "audit",
          page.map((f) => f.sourceAuditId),
        ),
        labels(
          b,
          "risk",
          page.map((f) => f.sourceRiskId),
        ),
      ]);
      yield page.map((row) => {
        const { state, unknown } = rollBack(plain(row) as unknown as Record<string, unknown>, later.get(row.id) ?? [], FINDING_RULES);
        const f = (state ?? plain(row)) as unknown as typeof row & { closedAt: string | null; createdAt: string };
        if (unknown.length)
          s.notes.add(
            `Bevinding ${row.ref}: na de periode gewijzigd (${unknown.join(", ")}) zonder vastgelegde eerdere waarde; daar staat de huidige waarde.`,
          );
        return {
          ref: f.ref,
          source: f.source,
          sourceWave: f.sourceWaveId ? (waveNames.get(f.sourceWaveId) ?? f.sourceWaveId) : null,
          sourceDimension: f.sourceDimension,
          sourceQuestion: f.sourceQuestion,
          sourceAudit: f.sourceAuditId ? (auditRefs.get(f.sourceAuditId) ?? f.sourceAuditId) : null,
          sourceRisk: f.sourceRiskId ? (riskRefs.get(f.sourceRiskId) ?? f.sourceRiskId) : null,
          sourceMetric: f.sourceMetric,
          title: f.title,
          description: f.description,
          classification: f.classification,
          clauses: f.clauses,
          foundOn: f.foundOn,
          correction: f.correction,
          rootCauseMethod: f.rootCauseMethod,
          rootCauseAnalysis: f.rootCauseAnalysis,
          rootCause: f.rootCause,
          similarElsewhere: f.similarElsewhere,
          baseline: f.baseline,
          status: f.closedAt && f.closedAt < b.endIso ? "gesloten" : "open",
          closedAt: f.closedAt && f.closedAt < b.endIso ? f.closedAt : null,
          closedBy: f.closedAt && f.closedAt < b.endIso ? person(f.closedBy, b.roles) : "",
          createdBy: person(f.createdBy, b.roles),
          createdAt: f.createdAt,
          actions: links.filter((l) => l.findingId === row.id).map((l) => l.ref),
        };
      });
    }
  };
}

export const findingColumns: Column<FindingRecord>[] = [
  { header: "Kenmerk", value: (r) => r.ref },
  { header: "Bron", value: (r) => r.source },
  { header: "Meting", value: (r) => r.sourceWave },
  { header: "Dimensie", value: (r) => r.sourceDimension },
  { header: "Vraag", value: (r) => r.sourceQuestion },
  { header: "Audit", value: (r) => r.sourceAudit },
  { header: "Risico", value: (r) => r.sourceRisk },
  { header: "Kengetal", value: (r) => r.sourceMetric },
  { header: "Titel", value: (r) => r.title },
  { header: "Omschrijving", value: (r) => r.description },
  { header: "Classificatie", value: (r) => r.classification },
  { header: "Paragrafen", value: (r) => r.clauses.join(", ") },
  { header: "Gevonden op", value: (r) => r.foundOn },
  { header: "Correctie", value: (r) => r.correction },
  { header: "Oorzaakanalyse", value: (r) => r.rootCauseMethod },
  { header: "Analyse", value: (r) => asText(r.rootCauseAnalysis) },
  { header: "Grondoorzaak", value: (r) => r.rootCause },
  { header: "Elders mogelijk", value: (r) => r.similarElsewhere },
  { header: "Nulmeting", value: (r) => asText(r.baseline) },
  { header: "Status", value: (r) => r.status },
  { header: "Gesloten op", value: (r) => r.closedAt },
  { header: "Gesloten door", value: (r) => r.closedBy },
  { header: "Vastgelegd door", value: (r) => r.createdBy },
  { header: "Vastgelegd op", value: (r) => r.createdAt },
  { header: "Acties", value: (r) => r.actions.join(", ") },
];

export interface EvidenceRecord {
  id: string;
  path: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  sha256Content: string;
  intact: boolean;
  concernsDate: string;
  description: string | null;
  uploadedBy: string;
  uploadedAt: string;
  finding: string | null;
  action: string | null;
  audit: string | null;
}

/**
 * The evidence files uploaded before the end that belong to what the section shows. The
 * database hashes each file's bytes itself, so the stored SHA-256 is checked without the
 * content passing through here; the content is read once, when the file is written.
 */
export async function evidenceList(b: Build, s: Section, where: SQL): Promise<EvidenceRecord[]> {
  const found = await b.db
    .select({
      id: evidenceFiles.id,
      filename: evidenceFiles.filename,
      contentType: evidenceFiles.contentType,
      size: evidenceFiles.size,
      sha256: evidenceFiles.sha256,
      sha256Content: sql<string>`encode(sha256(${evidenceFiles.content}), 'hex')`,
      concernsDate: evidenceFiles.concernsDate,
      description: evidenceFiles.description,
      uploadedBy: evidenceFiles.uploadedBy,
      uploadedAt: evidenceFiles.uploadedAt,
      findingId: evidenceFiles.findingId,
      actionId: evidenceFiles.actionId,
      auditId: evidenceFiles.auditId,
    })
    .from(evidenceFiles)
    .where(and(lt(evidenceFiles.uploadedAt, b.period.end), where));
  const [findingRefs, actionRefs, auditRefs] = await Promise.all([
    labels(
      b,
      "finding",
      found.map((e) => e.findingId),
    ),
    labels(
      b,
      "action",
      found.map((e) => e.actionId),
    ),
    labels(
      b,
      "audit",
      found.map((e) => e.auditId),
    ),
  ]);
  return found
    .map((e) => {
      const intact = e.sha256 === e.sha256Content;
      if (!intact)
        s.notes.add(
          `Bewijsstuk ${e.filename} (${e.id}): de opgeslagen SHA-256 klopt NIET met de inhoud; het bestand is opgenomen zoals het nu in de database staat.`,
        );
      return {
        id: e.id,
        path: evidencePath(s.folder, e.id, e.filename, e.contentType),
        filename: e.filename,
        contentType: e.contentType,
        size: e.size,
        sha256: e.sha256,
        sha256Content: e.sha256Content,
        intact,
        concernsDate: e.concernsDate,
        description: e.description,
        uploadedBy: person(e.uploadedBy, b.roles),
        uploadedAt: e.uploadedAt.toISOString(),
        finding: e.findingId ? (findingRefs.get(e.findingId) ?? null) : null,
        action: e.actionId ? (actionRefs.get(e.actionId) ?? null) : null,
        audit: e.auditId ? (auditRefs.get(e.auditId) ?? null) : null,
      };
    })
    .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

export const evidenceColumns: Column<EvidenceRecord>[] = [
  { header: "Bestand in pakket", value: (r) => r.path.replace(/^data\/[^/]+\//, "") },
  { header: "Oorspronkelijke naam", value: (r) => r.filename },
  { header: "Soort", value: (r) => r.contentType },
  { header: "Grootte (bytes)", value: (r) => r.size },
  { header: "SHA-256 (opgeslagen)", value: (r) => r.sha256 },
  { header: "SHA-256 (inhoud)", value: (r) => r.sha256Content },
  { header: "Klopt", value: (r) => r.intact },
  { header: "Gaat over", value: (r) => r.concernsDate },
  { header: "Omschrijving", value: (r) => r.description },
  { header: "Geüpload door", value: (r) => r.uploadedBy },
  { header: "Geüpload op", value: (r) => r.uploadedAt },
  { header: "Bevinding", value: (r) => r.finding },
  { header: "Actie", value: (r) => r.action },
  { header: "Audit", value: (r) => r.audit },
  { header: "Id", value: (r) => r.id },
];

/** The files themselves, each read from the database only when its turn comes. */
export function evidenceFilesOf(b: Build, list: EvidenceRecord[]): PackFile[] {
  return list.map((e) => ({
    path: e.path,
    description: `Bewijsstuk '${e.filename}' (${e.contentType}, ${e.size} bytes)`,
    content: async () =>
      (await b.db.select({ content: evidenceFiles.content }).from(evidenceFiles).where(eq(evidenceFiles.id, e.id)))[0].content,
  }));
}

interface ActionRecord {
  ref: string;
  title: string;
  owner: string;
  dueOn: string;
  status: string;
  pdcaPhase: string;
  criterion: unknown;
  completedOn: string | null;
  overdueAtEnd: boolean;
  risk: string | null;
  findings: string[];
  createdBy: string;
  createdAt: string;
}

interface ReviewRecord {
  finding: string;
  reviewer: string;
  reviewedOn: string;
  effective: boolean;
  explanation: string;
  evaluation: unknown;
  evidence: string[];
  createdAt: string;
}

const OPEN_ACTION = ["gepland", "in_uitvoering"];

export async function findingsSection(b: Build): Promise<Section> {
  const s = newSection("10.2");
  const evidence = await evidenceList(b, s, findingEvidenceWhere(b));
  const included = findingInPeriod(b);
  const includedIds = b.db.select({ id: findings.id }).from(findings).where(included);
  const actionWhere = and(
    lt(actions.createdAt, b.period.end),
    inArray(
      actions.id,
      b.db.select({ id: findingActions.actionId }).from(findingActions).where(inArray(findingActions.findingId, includedIds)),
    ),
  )!;

  const actionPages: Pages<ActionRecord> = async function* () {
    let after = "";
    for (;;) {
      const page = await b.db
        .select()
        .from(actions)
        .where(and(actionWhere, gt(actions.ref, after)))
        .orderBy(asc(actions.ref))
        .limit(PAGE);
      if (!page.length) return;
      after = page[page.length - 1].ref;
      const ids = page.map((a) => a.id);
      const [later, links, riskRefs] = await Promise.all([
        laterEntries(b, "action", ids),
        b.db
          .select({ actionId: findingActions.actionId, ref: findings.ref })
          .from(findingActions)
          .innerJoin(findings, eq(findings.id, findingActions.findingId))
          .where(and(inArray(findingActions.actionId, ids), lt(findings.createdAt, b.period.end)))
          .orderBy(asc(findings.ref)),
        labels(
          b,
          "risk",
          page.map((a) => a.riskId),
        ),
      ]);
      yield page.map((row) => {
        const { state, unknown } = rollBack(plain(row) as unknown as Record<string, unknown>, later.get(row.id) ?? [], {
          ignore: ["ref", "updatedAt"],
          untracked: [],
        });
        const a = (state ?? plain(row)) as unknown as typeof row & { createdAt: string };
        if (unknown.length)
          s.notes.add(
            `Actie ${row.ref} is na de periode gewijzigd; de audittrail legt ${unknown.join(", ")} van een actie niet vast, dus daar staat de huidige waarde.`,
          );
        return {
          ref: a.ref,
          title: a.title,
          owner: person(a.ownerId, b.roles),
          dueOn: a.dueOn,
          status: a.status,
          pdcaPhase: a.pdcaPhase,
          criterion: a.criterion,
          completedOn: a.completedOn,
          overdueAtEnd: OPEN_ACTION.includes(a.status) && a.dueOn < b.period.to,
          risk: a.riskId ? (riskRefs.get(a.riskId) ?? a.riskId) : null,
          findings: links.filter((l) => l.actionId === row.id).map((l) => l.ref),
          createdBy: person(a.createdBy, b.roles),
          createdAt: a.createdAt,
        };
      });
    }
  };

  const pathOf = new Map(evidence.map((e) => [e.id, e.path.replace(/^data\/[^/]+\//, "")]));
  const reviewPages: Pages<ReviewRecord> = async function* () {
    let after: string | null = null;
    for (;;) {
      const page = await b.db
        .select({ r: effectivenessReviews, ref: findings.ref })
        .from(effectivenessReviews)
        .innerJoin(findings, eq(findings.id, effectivenessReviews.findingId))
        .where(and(lt(effectivenessReviews.createdAt, b.period.end), included, after ? gt(effectivenessReviews.id, after) : undefined))
        .orderBy(asc(effectivenessReviews.id))
        .limit(PAGE);
      if (!page.length) return;
      after = page[page.length - 1].r.id;
      const links = await b.db
        .select()
        .from(reviewEvidence)
        .where(
          inArray(
            reviewEvidence.reviewId,
            page.map((p) => p.r.id),
          ),
        );
      yield page.map(({ r, ref }) => ({
        finding: ref,
        reviewer: person(r.reviewerId, b.roles),
        reviewedOn: r.reviewedOn,
        effective: r.effective,
        explanation: r.explanation,
        evaluation: r.evaluation,
        evidence: links
          .filter((l) => l.reviewId === r.id)
          .map((l) => pathOf.get(l.evidenceId) ?? l.evidenceId)
          .sort(),
        createdAt: r.createdAt.toISOString(),
      }));
    }
  };

  const actionColumns: Column<ActionRecord>[] = [
    { header: "Kenmerk", value: (r) => r.ref },
    { header: "Titel", value: (r) => r.title },
    { header: "Eigenaar", value: (r) => r.owner },
    { header: "Deadline", value: (r) => r.dueOn },
    { header: "Status", value: (r) => r.status },
    { header: "PDCA-fase", value: (r) => r.pdcaPhase },
    { header: "Effectiviteitscriterium", value: (r) => asText(r.criterion) },
    { header: "Afgerond op", value: (r) => r.completedOn },
    { header: "Over de deadline", value: (r) => r.overdueAtEnd },
    { header: "Risico", value: (r) => r.risk },
    { header: "Bevindingen", value: (r) => r.findings.join(", ") },
    { header: "Vastgelegd door", value: (r) => r.createdBy },
    { header: "Vastgelegd op", value: (r) => r.createdAt },
  ];
  const reviewColumns: Column<ReviewRecord>[] = [
    { header: "Bevinding", value: (r) => r.finding },
    { header: "Beoordelaar", value: (r) => r.reviewer },
    { header: "Beoordeeld op", value: (r) => r.reviewedOn },
    { header: "Doeltreffend", value: (r) => r.effective },
    { header: "Toelichting", value: (r) => r.explanation },
    { header: "Automatische evaluatie", value: (r) => asText(r.evaluation) },
    { header: "Bewijs", value: (r) => r.evidence.join(", ") },
    { header: "Vastgelegd op", value: (r) => r.createdAt },
  ];
  const findingList = findingPages(b, s, included);

  s.files.push(
    ...tableFiles(
      s,
      "acties",
      "Corrigerende en verbeteracties bij deze bevindingen, zoals ze stonden aan het einde van de periode",
      actionColumns,
      actionPages,
    ),
    ...tableFiles(
      s,
      "bevindingen",
      "Afwijkingen, observaties en verbeterkansen die in de periode open stonden, met correctie en oorzaakanalyse",
      findingColumns,
      findingList,
    ),
    ...tableFiles(
      s,
      "bewijs",
      "Bewijsstukken bij deze bevindingen en acties, met opgeslagen en berekende SHA-256",
      evidenceColumns,
      inMemory(evidence),
    ),
    ...evidenceFilesOf(b, evidence),
    ...tableFiles(
      s,
      "effectiviteitsbeoordelingen",
      "Beoordelingen van de doeltreffendheid (10.2.1 d), met het bewijs waarop ze steunen",
      reviewColumns,
      reviewPages,
    ),
    reportFile(s, b, async () => {
      const [f, a, r] = await Promise.all([firstOf(findingList, 150), firstOf(actionPages, 150), firstOf(reviewPages, 100)]);
      return [
        {
          kind: "facts",
          rows: [
            [
              "Bevindingen",
              `${f.total} (open aan het einde: ${f.rows.filter((x) => x.status === "open").length}${f.total > f.rows.length ? " van de getoonde" : ""})`,
            ],
            ["Acties", String(a.total)],
            ["Effectiviteitsbeoordelingen", String(r.total)],
            ["Bewijsstukken", String(evidence.length)],
          ],
        },
        { kind: "heading", text: "Bevindingen" },
        {
          kind: "table",
          total: f.total,
          file: "bevindingen.csv",
          columns: [
            { header: "Kenmerk", width: 3 },
            { header: "Titel", width: 9 },
            { header: "Classificatie", width: 3 },
            { header: "Gevonden", width: 3 },
            { header: "Grondoorzaak", width: 9 },
            { header: "Status", width: 2 },
            { header: "Acties", width: 4 },
          ],
          rows: f.rows.map((x) => [
            x.ref,
            x.title,
            findingClassLabel(x.classification),
            x.foundOn,
            x.rootCause ?? "–",
            findingStatusLabel(x.status),
            x.actions.join(", "),
          ]),
        },
        { kind: "heading", text: "Acties" },
        {
          kind: "table",
          total: a.total,
          file: "acties.csv",
          columns: [
            { header: "Kenmerk", width: 3 },
            { header: "Titel", width: 9 },
            { header: "Eigenaar", width: 4 },
            { header: "Deadline", width: 3 },
            { header: "Status", width: 3 },
            { header: "Afgerond", width: 3 },
            { header: "Bevindingen", width: 4 },
          ],
          rows: a.rows.map((x) => [
            x.ref,
            x.title,
            x.owner,
            `${x.dueOn}${x.overdueAtEnd ? " (verlopen)" : ""}`,
            actionStatusLabel(x.status),
            x.completedOn ?? "",
            x.findings.join(", "),
          ]),
        },
        { kind: "heading", text: "Effectiviteitsbeoordelingen" },
        {
          kind: "table",
          total: r.total,
          file: "effectiviteitsbeoordelingen.csv",
          columns: [
            { header: "Bevinding", width: 3 },
            { header: "Beoordelaar", width: 4 },
            { header: "Datum", width: 3 },
            { header: "Doeltreffend", width: 2.6 },
            { header: "Toelichting", width: 7 },
            { header: "Automatische toetsing", width: 7 },
            { header: "Bewijs", width: 4 },
          ],
          // The automatic check in the catalog's Dutch, as the dashboard shows it; the CSV keeps the stored codes.
          rows: r.rows.map((x) => [
            x.finding,
            x.reviewer,
            x.reviewedOn,
            x.effective ? "ja" : "nee",
            x.explanation,
            evaluationLines(x.evaluation),
            x.evidence.join(", "),
          ]),
        },
        { kind: "heading", text: "Bewijsstukken" },
        {
          kind: "table",
          total: evidence.length,
          file: "bewijs.csv",
          columns: [
            { header: "Bestand", width: 8 },
            { header: "Gaat over", width: 2 },
            { header: "SHA-256", width: 8 },
            { header: "Klopt", width: 1 },
          ],
          rows: evidence
            .slice(0, 200)
            .map((e) => [e.path.replace(/^data\/[^/]+\//, ""), e.concernsDate, e.sha256, e.intact ? "ja" : "NEE"]),
        },
      ];
    }),
  );
  s.notes.add(
    "Bevindingen en acties zijn teruggerekend naar het einde van de periode: elke latere wijziging is ongedaan gemaakt met de waarde die de audittrail ervan vastlegde; een bevinding die later is gesloten, staat hier open.",
  );
  s.notes.add(
    `10.3 (continue verbetering) heeft geen eigen map: verbeterkansen staan als bevinding met classificatie '${findingClassLabel("opportunity")}' in deze map.`,
  );
  return s;
}

/** Evidence of the findings and actions that 10.2 shows. */
export function findingEvidenceWhere(b: Build): SQL {
  const includedIds = b.db.select({ id: findings.id }).from(findings).where(findingInPeriod(b));
  return or(
    inArray(evidenceFiles.findingId, includedIds),
    inArray(
      evidenceFiles.actionId,
      b.db.select({ id: findingActions.actionId }).from(findingActions).where(inArray(findingActions.findingId, includedIds)),
    ),
  )!;
}
