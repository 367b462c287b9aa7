import { and, eq, lt } from "drizzle-orm";
import { managementReviews } from "../../db/schema.ts";
import { finalReviewsAsOf, person, pseudonymise } from "../domain/packs/asof.ts";
import { REVIEW_INPUTS, reviewInputLabel, type Decision, type StoredInput } from "../domain/reviews/review.inputs.ts";
import { labelOf, nl } from "../domain/packs/labels.ts";
import { asText, inMemory, type Column } from "../domain/packs/table.ts";
import type { PdfBlock } from "../domain/packs/pdf.ts";
import { labels } from "./packs.quality.ts";
import { newSection, reportFile, tableFiles, type Build, type Section } from "./packs.build.ts";

interface ReviewRecord {
  id: string;
  seriesId: string;
  version: number;
  periodFrom: string;
  periodTo: string;
  heldOn: string | null;
  finalizedAt: string;
  finalizedBy: string;
  createdBy: string;
  correctionOf: string | null;
  correctionReason: string | null;
  supersededBy: number | null;
  inputs: { key: string; clause: string; title: string; assessment: string; data: unknown }[];
  decisions: { kind: string; kindLabel: string; text: string; owner: string; dueOn: string | null; action: string | null }[];
}

const label = (r: Pick<ReviewRecord, "periodFrom" | "periodTo" | "version">) => `${r.periodFrom} t/m ${r.periodTo}, versie ${r.version}`;

/**
 * Final versions only: a final review cannot change (a trigger refuses it), so today's row
 * is the row as it stood. A handful a year, so they are held at once.
 */
async function reviewRecords(b: Build): Promise<ReviewRecord[]> {
  const rows = await b.db
    .select()
    .from(managementReviews)
    .where(and(eq(managementReviews.status, "definitief"), lt(managementReviews.finalizedAt, b.period.end)));
  const chosen = finalReviewsAsOf(rows, b.period);
  const decisions = chosen.flatMap((r) => r.decisions as Decision[]);
  const actionRefs = await labels(
    b,
    "action",
    decisions.map((d) => d.actionId),
  );
  return chosen.map((r) => ({
    id: r.id,
    seriesId: r.seriesId,
    version: r.version,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    heldOn: r.heldOn,
    finalizedAt: r.finalizedAt!.toISOString(),
    finalizedBy: person(r.finalizedBy, b.roles),
    createdBy: person(r.createdBy, b.roles),
    correctionOf: r.correctionOf,
    correctionReason: r.correctionReason,
    supersededBy: r.supersededBy,
    inputs: (r.inputs as StoredInput[]).map((i) => ({
      key: i.key,
      clause: REVIEW_INPUTS.find((x) => x.key === i.key)?.clause ?? "",
      // The catalog's Dutch title, as the dashboard shows it (an older row's stored copy is not read).
      title: nl(reviewInputLabel(i.key)),
      assessment: i.assessment,
      data: pseudonymise(i.data, b.roles),
    })),
    decisions: (r.decisions as Decision[]).map((d) => ({
      kind: d.kind,
      kindLabel: labelOf("decision", d.kind),
      text: d.text,
      owner: person(d.ownerId, b.roles),
      dueOn: d.dueOn,
      action: d.actionId ? (actionRefs.get(d.actionId) ?? d.actionId) : null,
    })),
  }));
}

export function reviewSection(b: Build): Section {
  const s = newSection("9.3");
  let loaded: Promise<ReviewRecord[]> | null = null;
  const get = () => (loaded ??= reviewRecords(b));
  const lazy = <R>(load: () => Promise<R[]>) =>
    async function* () {
      yield* inMemory(await load())();
    };

  type InputRow = ReviewRecord["inputs"][number] & { review: string };
  type DecisionRow = ReviewRecord["decisions"][number] & { review: string };
  const inputRows = async () => (await get()).flatMap((r) => r.inputs.map((i) => ({ review: label(r), ...i })));
  const decisionRows = async () => (await get()).flatMap((r) => r.decisions.map((d) => ({ review: label(r), ...d })));

  const reviewColumns: Column<ReviewRecord>[] = [
    { header: "Periode", value: (r) => `${r.periodFrom} t/m ${r.periodTo}` },
    { header: "Versie", value: (r) => r.version },
    { header: "Gehouden op", value: (r) => r.heldOn },
    { header: "Vastgesteld op", value: (r) => r.finalizedAt },
    { header: "Vastgesteld door", value: (r) => r.finalizedBy },
    { header: "Opgesteld door", value: (r) => r.createdBy },
    { header: "Correctie van", value: (r) => r.correctionOf },
    { header: "Reden correctie", value: (r) => r.correctionReason },
    { header: "Vervangen door versie", value: (r) => r.supersededBy },
    { header: "Besluiten", value: (r) => r.decisions.length },
    { header: "Reeks", value: (r) => r.seriesId },
    { header: "Id", value: (r) => r.id },
  ];
  const inputColumns: Column<InputRow>[] = [
    { header: "Directiebeoordeling", value: (r) => r.review },
    { header: "Paragraaf", value: (r) => r.clause },
    { header: "Onderwerp", value: (r) => r.title },
    { header: "Beoordeling door het management", value: (r) => r.assessment },
    { header: "Gegevens (vooraf ingevuld)", value: (r) => asText(r.data) },
  ];
  const decisionColumns: Column<DecisionRow>[] = [
    { header: "Directiebeoordeling", value: (r) => r.review },
    { header: "Soort", value: (r) => r.kindLabel },
    { header: "Besluit", value: (r) => r.text },
    { header: "Eigenaar", value: (r) => r.owner },
    { header: "Deadline", value: (r) => r.dueOn },
    { header: "Actie", value: (r) => r.action },
  ];

  s.files.push(
    ...tableFiles(
      s,
      "besluiten",
      "Besluiten (9.3.3) met eigenaar, deadline en de actie die eruit volgde",
      decisionColumns,
      lazy(decisionRows),
    ),
    ...tableFiles(
      s,
      "directiebeoordelingen",
      "Definitieve directiebeoordelingen (JSON: met alle inputs en besluiten)",
      reviewColumns,
      lazy(get),
    ),
    ...tableFiles(
      s,
      "inputs",
      "De verplichte inputs (9.3.2) per beoordeling: vooraf ingevulde gegevens en de beoordeling door het management",
      inputColumns,
      lazy(inputRows),
    ),
    reportFile(s, b, async () => {
      const list = await get();
      if (!list.length)
        return [
          {
            kind: "paragraph",
            text: "Er is geen directiebeoordeling vastgesteld die over deze periode gaat of in deze periode is vastgesteld.",
          },
        ];
      return list.flatMap((r): PdfBlock[] => [
        { kind: "heading", text: `Directiebeoordeling ${label(r)}` },
        {
          kind: "facts",
          rows: [
            ["Gehouden op", r.heldOn ?? "–"],
            ["Vastgesteld", `${r.finalizedAt} door ${r.finalizedBy}`],
            ...(r.correctionOf ? [["Correctie", r.correctionReason ?? ""] as [string, string]] : []),
            ...(r.supersededBy
              ? [
                  ["Let op", `vervangen door versie ${r.supersededBy}, die ook vóór het einde van de periode is vastgesteld`] as [
                    string,
                    string,
                  ],
                ]
              : []),
          ],
        },
        {
          kind: "table",
          total: r.inputs.length,
          columns: [
            { header: "Paragraaf", width: 1.2 },
            { header: "Onderwerp", width: 4 },
            { header: "Beoordeling", width: 9 },
          ],
          rows: r.inputs.map((i) => [i.clause, i.title, i.assessment || "–"]),
        },
        {
          kind: "table",
          total: r.decisions.length,
          columns: [
            { header: "Soort", width: 3 },
            { header: "Besluit", width: 8 },
            { header: "Eigenaar", width: 3 },
            { header: "Deadline", width: 2 },
            { header: "Actie", width: 2 },
          ],
          rows: r.decisions.map((d) => [d.kindLabel, d.text, d.owner, d.dueOn ?? "", d.action ?? ""]),
        },
      ]);
    }),
  );
  s.notes.add(
    "Alleen definitieve versies die vóór het einde van de periode zijn vastgesteld tellen als bewijs; een concept is werk in uitvoering. Een definitieve versie verandert niet meer (de database weigert dat), dus deze staan er precies zoals ze zijn vastgesteld.",
  );
  return s;
}
