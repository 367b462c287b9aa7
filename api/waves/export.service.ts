import { and, asc, eq, sql } from "drizzle-orm";
import { zipSync } from "fflate";
import type { Db } from "../../db/types.ts";
import { questionnaires, responses, waves } from "../../db/schema.ts";
import { rows } from "../../db/migrate.ts";
import { cellValue, codebook } from "../domain/survey/codebook.ts";
import { csvLine, renderWorkbook, type SheetCell, type SheetTable } from "../domain/report/report.sheet.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { getWave, waveStatus } from "./waves.service.ts";

/**
 * Raw responses of a wave for analysts, with the codebook in the same download (XLSX: two
 * sheets; CSV: a ZIP with two files). An anonymous wave has no invitation or organisation
 * columns. Every text cell that could start a formula is neutralised by the writers.
 */
export async function exportResponses(db: Db, waveId: string, kind: "csv" | "xlsx", now: Date, by: Actor) {
  const wave = await getWave(db, waveId);
  const [q] = await db.select().from(questionnaires).where(eq(questionnaires.id, wave.questionnaireId));
  const book = codebook(q.definition);
  const list = await db
    .select()
    .from(responses)
    .where(eq(responses.waveId, wave.id))
    .orderBy(asc(responses.submittedOn), asc(responses.id));
  const fixed = [
    "respondent",
    "ingevuld_op",
    "organisatietype",
    "vestiging",
    "gemeente",
    ...(wave.anonymous ? [] : ["organisatie", "uitnodiging"]),
  ];
  const data: SheetTable = {
    name: "Antwoorden",
    header: [...fixed, ...book.map((c) => c.question)],
    rows: list.map(
      (r, i) =>
        [
          i + 1,
          r.submittedOn,
          r.organisationType,
          r.branchId,
          r.municipalityId,
          ...(wave.anonymous ? [] : [r.organisation, r.invitationId]),
          ...book.map((c) => cellValue((r.data as Record<string, unknown>)[c.question])),
        ] as SheetCell[],
    ),
  };
  const codes: SheetTable = {
    name: "Codeboek",
    header: ["vraag", "tekst", "type", "dimensie", "schaal", "verplicht", "zichtbaar_als"],
    rows: book.map((c) => [c.question, c.text, c.type, c.dimension, c.scale, c.required ? "ja" : "nee", c.visibleIf]),
  };
  const base = `${wave.name.replace(/[^\p{L}\p{N}_-]+/gu, "-")}-ruwe-data`;
  await audited(db, now, async () => ({
    result: null,
    audit: {
      ...by,
      action: "export",
      entity: "wave_responses",
      entityId: wave.id,
      after: { wave: wave.name, format: kind, responses: list.length },
    },
  }));
  if (kind === "xlsx") {
    const bytes = renderWorkbook([data, codes], {
      title: `${wave.name}: ruwe data`,
      creator: "Ketenspiegel",
      locale: "nl",
      generatedAt: now.toISOString(),
    });
    return { bytes, filename: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
  }
  const csv = (t: SheetTable) =>
    new TextEncoder().encode(`\uFEFF${[csvLine(t.header, "nl"), ...t.rows.map((r) => csvLine(r, "nl"))].join("\r\n")}\r\n`);
  const bytes = zipSync(
    { "antwoorden.csv": csv(data), "codeboek.csv": csv(codes) },
    { mtime: new Date(Math.max(now.getTime(), Date.UTC(1980, 1, 1))) },
  );
  return { bytes, filename: `${base}.zip`, contentType: "application/zip" };
}

const MIN_GROUP = 5;

/**
 * Trend per dimension over all waves (of one questionnaire, or all), oldest first, from the
 * answer counts. A dimension mean over fewer than 5 respondents is not shown; a wave that is
 * still running is marked so.
 */
export async function dimensionTrend(db: Db, now: Date, questionnaireKey?: string) {
  const list = await db
    .select({ wave: waves, key: questionnaires.key, version: questionnaires.version })
    .from(waves)
    .innerJoin(questionnaires, eq(questionnaires.id, waves.questionnaireId))
    .where(
      and(
        questionnaireKey ? eq(questionnaires.key, questionnaireKey) : undefined,
        sql`${waves.opensAt} <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(waves.opensAt));
  const ids = list.map((l) => l.wave.id);
  const stats = ids.length
    ? rows<{ wave_id: string; item: string; n: number; mean: number }>(
        await db.execute(sql`
    select wave_id, item, sum(n)::int as n, (sum(n * value) / sum(n))::float8 as mean from answer_counts
    where kind = 'dimension' and wave_id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) group by wave_id, item`),
      )
    : [];
  const dimensions = [...new Set(stats.map((s) => s.item))].sort();
  return {
    waves: list.map((l) => ({
      id: l.wave.id,
      name: l.wave.name,
      opensAt: l.wave.opensAt.toISOString(),
      closesAt: l.wave.closesAt.toISOString(),
      status: waveStatus(l.wave, now),
      running: waveStatus(l.wave, now) !== "gesloten",
      questionnaire: `${l.key} v${l.version}`,
    })),
    dimensions: dimensions.map((d) => ({
      dimension: d,
      points: list.map((l) => {
        const s = stats.find((x) => x.wave_id === l.wave.id && x.item === d);
        const n = Number(s?.n ?? 0);
        return { waveId: l.wave.id, n, mean: s && n >= MIN_GROUP ? Number(s.mean) : null, suppressed: n > 0 && n < MIN_GROUP };
      }),
    })),
  };
}
