import { and, asc, desc, gt, inArray, lt, sql } from "drizzle-orm";
import { actions, riskHistory, risks } from "../../db/schema.ts";
import { person, settingAsOf } from "../domain/packs/asof.ts";
import { asText, firstOf, type Column, type Pages } from "../domain/packs/table.ts";
import { withChanges, type RiskSnapshot } from "../domain/risks/history.ts";
import { assess, nextReviewOn, reviewOverdue } from "../domain/risks/register.ts";
import { matrixProblems, type RiskMatrix } from "../domain/risks/matrix.ts";
import { getRiskMatrix } from "../risks/matrix.service.ts";
import { processesAsOf } from "./packs.audits.ts";
import { laterOfEntity, newSection, reportFile, tableFiles, type Build, type Section } from "./packs.build.ts";

const PAGE = 100;

interface RegisterRecord {
  ref: string;
  kind: string;
  title: string;
  description: string;
  processId: string | null;
  processName: string | null;
  inherentLikelihood: number;
  inherentImpact: number;
  inherentScore: number;
  inherentLevel: string;
  residualLikelihood: number;
  residualImpact: number;
  residualScore: number;
  residualLevel: string;
  treatment: string;
  owner: string;
  reviewIntervalDays: number;
  lastReviewedOn: string;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  closedOn: string | null;
  version: number;
  versionOf: string;
  actions: string[];
}

interface HistoryRecord {
  ref: string;
  version: number;
  changedAt: string;
  changedBy: string;
  change: string;
  note: string | null;
  changes: { field: string; label: string; from: unknown; to: unknown }[];
}

/** The grid as it stood: levels follow the grid, and the grid itself may have changed since. */
async function matrixAsOf(b: Build): Promise<RiskMatrix> {
  const grid = settingAsOf(await getRiskMatrix(b.db), await laterOfEntity(b, "risk_matrix"));
  return matrixProblems(grid.grid).length ? await getRiskMatrix(b.db) : grid;
}

type Version = typeof riskHistory.$inferSelect;

/**
 * Risks that existed at the end and were not closed before the period began, by reference,
 * a page at a time, each with its last version before the end (risk_history keeps them all).
 */
function riskPages(b: Build, size = PAGE): Pages<{ ref: string; id: string; last: Version }> {
  return async function* () {
    let after = "";
    for (;;) {
      const page = await b.db
        .select({ id: risks.id, ref: risks.ref })
        .from(risks)
        .where(
          and(
            gt(risks.ref, after),
            sql`exists (select 1 from risk_history h where h.risk_id = ${risks.id} and h.changed_at < ${b.endIso}::timestamptz)`,
          ),
        )
        .orderBy(asc(risks.ref))
        .limit(size);
      if (!page.length) return;
      after = page[page.length - 1].ref;
      const last = await b.db
        .selectDistinctOn([riskHistory.riskId])
        .from(riskHistory)
        .where(
          and(
            inArray(
              riskHistory.riskId,
              page.map((r) => r.id),
            ),
            lt(riskHistory.changedAt, b.period.end),
          ),
        )
        .orderBy(asc(riskHistory.riskId), desc(riskHistory.version));
      yield page.flatMap((r) => {
        const v = last.find((h) => h.riskId === r.id);
        const x = v?.snapshot as RiskSnapshot | undefined;
        return v && x && (!x.closedOn || x.closedOn >= b.period.from) ? [{ ...r, last: v }] : [];
      });
    }
  };
}

export function riskSection(b: Build): Section {
  const s = newSection("6.1");
  let matrix: Promise<RiskMatrix> | null = null;
  const grid = () => (matrix ??= matrixAsOf(b));
  const procNames = async () => new Map((await processesAsOf(b)).map((p) => [p.id, p.name]));

  const register: Pages<RegisterRecord> = async function* () {
    const [m, names] = await Promise.all([grid(), procNames()]);
    for await (const page of riskPages(b)()) {
      const linked = page.length
        ? await b.db
            .select({ ref: actions.ref, riskId: actions.riskId })
            .from(actions)
            .where(
              and(
                inArray(
                  actions.riskId,
                  page.map((r) => r.id),
                ),
                lt(actions.createdAt, b.period.end),
              ),
            )
            .orderBy(asc(actions.ref))
        : [];
      yield page.map((r) => {
        const v = r.last;
        const x = v.snapshot as RiskSnapshot;
        const inh = assess(m, x.inherentLikelihood, x.inherentImpact),
          res = assess(m, x.residualLikelihood, x.residualImpact);
        return {
          ref: x.ref,
          kind: x.kind,
          title: x.title,
          description: x.description,
          processId: x.processId,
          processName: x.processId ? (names.get(x.processId) ?? null) : null,
          inherentLikelihood: inh.likelihood,
          inherentImpact: inh.impact,
          inherentScore: inh.score,
          inherentLevel: inh.level,
          residualLikelihood: res.likelihood,
          residualImpact: res.impact,
          residualScore: res.score,
          residualLevel: res.level,
          treatment: x.treatment,
          owner: person(x.ownerId, b.roles),
          reviewIntervalDays: x.reviewIntervalDays,
          lastReviewedOn: x.lastReviewedOn,
          nextReviewOn: x.closedOn ? null : nextReviewOn(x.lastReviewedOn, x.reviewIntervalDays),
          reviewOverdue: reviewOverdue(x, b.period.to),
          closedOn: x.closedOn,
          version: v.version,
          versionOf: v.changedAt.toISOString(),
          actions: linked.filter((a) => a.riskId === r.id).map((a) => a.ref),
        };
      });
    }
  };

  const history: Pages<HistoryRecord> = async function* () {
    // A risk reviewed monthly for ten years has 120 versions: few risks per page keeps memory flat.
    for await (const page of riskPages(b, 10)()) {
      const versions = await b.db
        .select()
        .from(riskHistory)
        .where(
          and(
            inArray(
              riskHistory.riskId,
              page.map((r) => r.id),
            ),
            lt(riskHistory.changedAt, b.period.end),
          ),
        )
        .orderBy(asc(riskHistory.riskId), asc(riskHistory.version));
      yield page.flatMap((r) =>
        withChanges(versions.filter((v) => v.riskId === r.id).map((v) => ({ ...v, snapshot: v.snapshot as Record<string, unknown> }))).map(
          (v) => ({
            ref: (v.snapshot as unknown as RiskSnapshot).ref,
            version: v.version,
            changedAt: v.changedAt.toISOString(),
            changedBy: person(v.changedBy, b.roles),
            change: v.change,
            note: (v.snapshot.note as string | undefined) ?? null,
            changes: v.changes.map((c) =>
              c.field === "ownerId"
                ? { ...c, from: person(c.from as string | null, b.roles), to: person(c.to as string | null, b.roles) }
                : c,
            ),
          }),
        ),
      );
    }
  };

  const registerColumns: Column<RegisterRecord>[] = [
    { header: "Kenmerk", value: (r) => r.ref },
    { header: "Soort", value: (r) => (r.kind === "risk" ? "risico" : "kans") },
    { header: "Titel", value: (r) => r.title },
    { header: "Omschrijving", value: (r) => r.description },
    { header: "Proces", value: (r) => r.processName ?? r.processId },
    { header: "Kans inherent", value: (r) => r.inherentLikelihood },
    { header: "Impact inherent", value: (r) => r.inherentImpact },
    { header: "Score inherent", value: (r) => r.inherentScore },
    { header: "Niveau inherent", value: (r) => r.inherentLevel },
    { header: "Kans rest", value: (r) => r.residualLikelihood },
    { header: "Impact rest", value: (r) => r.residualImpact },
    { header: "Score rest", value: (r) => r.residualScore },
    { header: "Niveau rest", value: (r) => r.residualLevel },
    { header: "Beheersing", value: (r) => r.treatment },
    { header: "Eigenaar", value: (r) => r.owner },
    { header: "Termijn (dagen)", value: (r) => r.reviewIntervalDays },
    { header: "Laatst beoordeeld", value: (r) => r.lastReviewedOn },
    { header: "Volgende beoordeling", value: (r) => r.nextReviewOn },
    { header: "Beoordeling te laat", value: (r) => r.reviewOverdue },
    { header: "Afgesloten op", value: (r) => r.closedOn },
    { header: "Versie", value: (r) => r.version },
    { header: "Versie van", value: (r) => r.versionOf },
    { header: "Acties", value: (r) => r.actions.join(", ") },
  ];
  const historyColumns: Column<HistoryRecord>[] = [
    { header: "Kenmerk", value: (r) => r.ref },
    { header: "Versie", value: (r) => r.version },
    { header: "Gewijzigd op", value: (r) => r.changedAt },
    { header: "Door", value: (r) => r.changedBy },
    { header: "Soort wijziging", value: (r) => r.change },
    { header: "Toelichting", value: (r) => r.note },
    {
      header: "Wijzigingen",
      value: (r) => r.changes.map((c) => `${c.label}: ${asText(c.from) ?? "–"} → ${asText(c.to) ?? "–"}`).join("; "),
    },
  ];

  s.files.push(
    ...tableFiles(s, "risicos", "Risico- en kansenregister zoals het stond aan het einde van de periode", registerColumns, register),
    ...tableFiles(
      s,
      "risico-historie",
      "Alle versies van deze risico's tot het einde van de periode, met wat er per versie veranderde",
      historyColumns,
      history,
    ),
    reportFile(s, b, async () => {
      const { rows, total } = await firstOf(register, 300);
      const open = rows.filter((r) => !r.closedOn);
      return [
        {
          kind: "facts",
          rows: [
            ["Risico's en kansen", String(total)],
            ["Open aan het einde", `${open.length}${total > rows.length ? " (van de getoonde)" : ""}`],
            ["Beoordeling te laat", String(open.filter((r) => r.reviewOverdue).length)],
            ["Niveaus", "volgens het risicogrid zoals het gold aan het einde van de periode"],
          ],
        },
        { kind: "heading", text: "Register" },
        {
          kind: "table",
          total,
          file: "risicos.csv",
          columns: [
            { header: "Kenmerk", width: 7 },
            { header: "Titel", width: 30 },
            { header: "Proces", width: 14 },
            { header: "Inherent", width: 9 },
            { header: "Rest", width: 9 },
            { header: "Eigenaar", width: 14 },
            { header: "Beoordeeld", width: 10 },
            { header: "Afgesloten", width: 9 },
            { header: "Versie", width: 6 },
          ],
          rows: rows.map((r) => [
            r.ref,
            r.title,
            r.processName ?? "",
            `${r.inherentScore} ${r.inherentLevel}`,
            `${r.residualScore} ${r.residualLevel}`,
            r.owner,
            `${r.lastReviewedOn}${r.reviewOverdue ? " (te laat)" : ""}`,
            r.closedOn ?? "",
            String(r.version),
          ]),
        },
      ];
    }),
  );
  s.notes.add(
    "Het register komt uit de versiegeschiedenis (risk_history): per risico de laatste versie van vóór het einde van de periode. Risico's die vóór het begin van de periode waren afgesloten, zijn weggelaten.",
  );
  return s;
}
