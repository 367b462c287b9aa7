import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { questionnaires, waves } from "../../db/schema.ts";
import { rows } from "../../db/migrate.ts";
import { getWaveResults } from "../waves/results.service.ts";
import { waveStatus } from "../waves/waves.service.ts";
import { firstOf, type Column, type Pages } from "../domain/packs/table.ts";
import type { GroupResult } from "../domain/survey/results.ts";
import type { PdfBlock } from "../domain/packs/pdf.ts";
import { newSection, reportFile, tableFiles, type Build, type Section } from "./packs.build.ts";
import { formatNumber, formatPercent } from "../domain/format/numbers.ts";
import { nl } from "../domain/packs/labels.ts";

type Results = Awaited<ReturnType<typeof getWaveResults>>;

interface WaveRecord {
  name: string;
  questionnaire: string;
  questionnaireVersion: number;
  questionnaireTitle: string;
  opensAt: string;
  closesAt: string;
  anonymous: boolean;
  statusAtEnd: string;
  invited: number;
  respondents: number;
  responseRate: number | null;
  scoresShown: boolean;
  overallSuppressed: boolean;
  results: Omit<Results, "wave"> | null;
}

interface ResultRecord {
  wave: string;
  grouping: string;
  group: string | null;
  kind: "dimensie" | "vraag" | "nps";
  item: string;
  label: string;
  suppressed: boolean;
  n: number | null;
  mean: number | null;
  sd: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** Every grouping the results offer, with its Dutch name; one the pack does not know yet keeps its own name. */
const GROUPINGS: Record<string, string> = { organisationType: "organisatietype", branch: "vestiging", municipality: "gemeente" };

/** Waves that ran during the period, oldest first. */
async function wavesIn(b: Build) {
  return b.db
    .select({ w: waves, q: { key: questionnaires.key, version: questionnaires.version, title: questionnaires.title } })
    .from(waves)
    .innerJoin(questionnaires, eq(questionnaires.id, waves.questionnaireId))
    .where(and(lt(waves.opensAt, b.period.end), gt(waves.closesAt, b.period.start)))
    .orderBy(asc(waves.opensAt), asc(waves.name));
}

/** Invitations and responses as they stood at the end: both carry their own timestamps. */
async function countsAtEnd(b: Build, waveId: string) {
  const [r] = rows<{ invited: number; responded: number }>(
    await b.db.execute(sql`select count(*)::int as invited,
    count(*) filter (where submitted_at < ${b.endIso}::timestamptz)::int as responded
    from invitations where wave_id = ${waveId} and created_at < ${b.endIso}::timestamptz`),
  );
  return { invited: Number(r?.invited ?? 0), responded: Number(r?.responded ?? 0) };
}

function resultRows(wave: string, results: Omit<Results, "wave">): ResultRecord[] {
  const out: ResultRecord[] = [];
  const score = (s: { n: number; mean: number; sd: number; ci: { low: number; high: number } | null }) => ({
    suppressed: false,
    n: s.n,
    mean: s.mean,
    sd: s.sd,
    ciLow: s.ci?.low ?? null,
    ciHigh: s.ci?.high ?? null,
  });
  const hidden = { suppressed: true, n: null, mean: null, sd: null, ciLow: null, ciHigh: null };
  const add = (
    grouping: string,
    group: string | null,
    g: Pick<Extract<GroupResult, { suppressed: false }>, "dimensions" | "questions" | "nps">,
  ) => {
    for (const d of g.dimensions)
      out.push({
        wave,
        grouping,
        group,
        kind: "dimensie",
        item: d.dimension,
        label: "label" in d ? d.label : d.dimension,
        ...("suppressed" in d ? hidden : score(d)),
      });
    for (const q of g.questions)
      out.push({
        wave,
        grouping,
        group,
        kind: "vraag",
        item: q.question,
        label: "title" in q ? q.title : q.question,
        ...("suppressed" in q ? hidden : score(q)),
      });
    if (g.nps)
      out.push({
        wave,
        grouping,
        group,
        kind: "nps",
        item: "nps",
        label: "Net Promoter Score",
        suppressed: false,
        n: g.nps.n,
        mean: g.nps.nps,
        sd: null,
        ciLow: g.nps.interval?.low ?? null,
        ciHigh: g.nps.interval?.high ?? null,
      });
  };
  if (results.overall.suppressed)
    out.push({ wave, grouping: "alle respondenten", group: null, kind: "dimensie", item: "alle", label: "alle uitkomsten", ...hidden });
  else add("alle respondenten", null, results.overall);
  for (const key of Object.keys(results.groups).sort()) {
    const label = GROUPINGS[key] ?? key;
    for (const g of (results.groups as Record<string, GroupResult[]>)[key]) {
      if (g.suppressed)
        out.push({ wave, grouping: label, group: g.key, kind: "dimensie", item: "alle", label: "groep onder de drempel", ...hidden });
      else add(label, g.key, g);
    }
  }
  return out;
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
const dims = <T extends { dimension: string }>(list: T[]) => [...list].sort(byKey((d) => d.dimension));

/** Groups and dimensions come in the order SQL returns them; the pack puts them in a fixed order. */
function canonical(r: Omit<Results, "wave">): Omit<Results, "wave"> {
  const group = (g: GroupResult): GroupResult => (g.suppressed ? g : { ...g, dimensions: dims(g.dimensions) });
  const overall = r.overall.suppressed ? r.overall : { ...r.overall, dimensions: dims(r.overall.dimensions) };
  const groups = Object.fromEntries(
    Object.entries(r.groups).map(([k, list]) => [k, [...list].sort(byKey((g) => g.key)).map(group)]),
  ) as Results["groups"];
  return { ...r, overall, groups };
}

export function surveySection(b: Build): Section {
  const s = newSection("9.1.2");

  /** One wave at a time: a wave's results are aggregates, small whatever the number of responses. */
  const wavePages: Pages<WaveRecord> = async function* () {
    for (const { w, q } of await wavesIn(b)) {
      const counts = await countsAtEnd(b, w.id);
      const closed = w.closesAt < b.period.end;
      const base = {
        name: w.name,
        questionnaire: q.key,
        questionnaireVersion: q.version,
        questionnaireTitle: q.title,
        opensAt: w.opensAt.toISOString(),
        closesAt: w.closesAt.toISOString(),
        anonymous: w.anonymous,
        statusAtEnd: waveStatus(w, new Date(b.period.end.getTime() - 1)),
      };
      if (!closed) {
        s.notes.add(
          `Meting '${w.name}' liep aan het einde van de periode nog (sluit ${w.closesAt.toISOString().slice(0, 10)}); alleen de aantallen tot het einde staan erin, de uitkomsten komen in het pakket van de periode waarin de meting sloot.`,
        );
        yield [
          {
            ...base,
            invited: counts.invited,
            respondents: counts.responded,
            responseRate: counts.invited ? counts.responded / counts.invited : null,
            scoresShown: false,
            overallSuppressed: false,
            results: null,
          },
        ];
        continue;
      }
      const { wave: _, ...raw } = await getWaveResults(b.db, w.id, new Date(b.period.end.getTime() - 1));
      const results = canonical(raw);
      if (results.overall.invited !== counts.invited || results.overall.respondents !== counts.responded) {
        s.notes.add(
          `Meting '${w.name}': na het einde van de periode zijn er nog uitnodigingen of antwoorden bijgekomen; de uitkomsten tellen die mee.`,
        );
      }
      yield [
        {
          ...base,
          invited: results.overall.invited,
          respondents: results.overall.respondents,
          responseRate: results.overall.responseRate,
          scoresShown: !results.overall.suppressed && results.overall.respondents > 0,
          overallSuppressed: results.overall.suppressed,
          results,
        },
      ];
    }
  };
  const resultPages: Pages<ResultRecord> = async function* () {
    for await (const page of wavePages()) yield page.flatMap((w) => (w.results ? resultRows(w.name, w.results) : []));
  };

  const waveColumns: Column<WaveRecord>[] = [
    { header: "Meting", value: (r) => r.name },
    { header: "Vragenlijst", value: (r) => r.questionnaire },
    { header: "Versie vragenlijst", value: (r) => r.questionnaireVersion },
    { header: "Titel vragenlijst", value: (r) => r.questionnaireTitle },
    { header: "Open vanaf", value: (r) => r.opensAt },
    { header: "Sluit", value: (r) => r.closesAt },
    { header: "Anoniem", value: (r) => r.anonymous },
    { header: "Status aan het einde", value: (r) => r.statusAtEnd },
    { header: "Uitgenodigd", value: (r) => r.invited },
    { header: "Respondenten", value: (r) => r.respondents },
    { header: "Respons", value: (r) => r.responseRate },
    { header: "Uitkomsten getoond", value: (r) => r.scoresShown },
    { header: "Geheel onderdrukt", value: (r) => r.overallSuppressed },
  ];
  const resultColumns: Column<ResultRecord>[] = [
    { header: "Meting", value: (r) => r.wave },
    { header: "Indeling", value: (r) => r.grouping },
    { header: "Groep", value: (r) => r.group },
    { header: "Soort", value: (r) => r.kind },
    { header: "Onderdeel", value: (r) => r.item },
    { header: "Omschrijving", value: (r) => r.label },
    { header: "Onderdrukt", value: (r) => r.suppressed },
    { header: "n", value: (r) => r.n },
    { header: "Gemiddelde", value: (r) => r.mean },
    { header: "Standaarddeviatie", value: (r) => r.sd },
    { header: "95%-BI laag", value: (r) => r.ciLow },
    { header: "95%-BI hoog", value: (r) => r.ciHigh },
  ];
  const pct = (x: number | null) => (x === null ? "–" : formatPercent(x));
  const num = (x: number | null) => (x === null ? "–" : formatNumber(x, "nl", 2));

  s.files.push(
    ...tableFiles(
      s,
      "metingen",
      "Metingen in de periode: vragenlijst en versie, uitnodigingen, respons (JSON: met de volledige uitkomsten)",
      waveColumns,
      wavePages,
    ),
    ...tableFiles(
      s,
      "resultaten",
      "Uitkomsten per meting, in totaal en per groep, met 95%-betrouwbaarheidsintervallen; groepen onder de drempel onderdrukt",
      resultColumns,
      resultPages,
    ),
    reportFile(s, b, async () => {
      const { rows: list, total } = await firstOf(wavePages, 50);
      const blocks: PdfBlock[] = [
        {
          kind: "table",
          total,
          file: "metingen.csv",
          columns: [
            { header: "Meting", width: 4 },
            { header: "Vragenlijst", width: 3 },
            { header: "Periode", width: 4 },
            { header: "Status", width: 2 },
            { header: "Uitgenodigd", width: 2 },
            { header: "Respondenten", width: 2 },
            { header: "Respons", width: 2 },
          ],
          rows: list.map((w) => [
            w.name,
            `${w.questionnaire} v${w.questionnaireVersion}`,
            `${w.opensAt.slice(0, 10)} – ${w.closesAt.slice(0, 10)}`,
            w.statusAtEnd,
            String(w.invited),
            String(w.respondents),
            pct(w.responseRate),
          ]),
        },
      ];
      for (const w of list.filter((x) => x.results)) {
        const overall = resultRows(w.name, w.results!).filter((r) => r.grouping === "alle respondenten" && r.kind !== "vraag");
        blocks.push({ kind: "heading", text: `${w.name}: uitkomsten per dimensie` });
        if (w.overallSuppressed) blocks.push({ kind: "paragraph", text: "Te weinig respondenten: alle uitkomsten onderdrukt." });
        else
          blocks.push({
            kind: "table",
            total: overall.length,
            columns: [
              { header: "Dimensie", width: 4 },
              { header: "n", width: 1 },
              { header: "Gemiddelde", width: 1.5 },
              { header: "95%-BI", width: 2.5 },
            ],
            rows: overall.map((r) => [
              r.label,
              String(r.n ?? "–"),
              num(r.mean),
              r.ciLow === null ? "–" : `${num(r.ciLow)} – ${num(r.ciHigh)}`,
            ]),
          });
      }
      return blocks;
    }),
  );
  s.notes.add(
    `Uitkomsten zijn die van de pagina ${nl("nav.results")} in het dashboard: per groep (organisatietype, vestiging) onderdrukt onder 5 respondenten, met secundaire onderdrukking. Open antwoorden, tokens en e-mailadressen van genodigden staan niet in het pakket.`,
  );
  return s;
}
