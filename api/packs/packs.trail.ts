import { and, asc, gt, gte, lt, lte, sql } from "drizzle-orm";
import { auditLog } from "../../db/schema.ts";
import { rows } from "../../db/migrate.ts";
import { type ChainBreak, walkAuditChain } from "../audit/audit.service.ts";
import { redactEntry, type TrailRecord } from "../domain/packs/trail.ts";
import { asText, type Column, type Pages } from "../domain/packs/table.ts";
import { newSection, reportFile, tableFiles, type Build, type PackFile, type Section } from "./packs.build.ts";
import { trailActionLabel, trailEntityLabel } from "../domain/packs/labels.ts";

const PAGE = 1000;

interface Bounds {
  first: number | null;
  last: number | null;
  head: number | null;
}

/** The extract's sequence range, and the chain head at the end of the period. */
async function bounds(b: Build): Promise<Bounds> {
  const [r] = rows<{ first: number | null; last: number | null }>(
    await b.db.execute(sql`select
    min(seq) filter (where at >= ${b.startIso} and at < ${b.endIso}) as first,
    max(seq) filter (where at < ${b.endIso}) as last from audit_log`),
  );
  const last = r?.last === null || r?.last === undefined ? null : Number(r.last);
  return { first: r?.first === null || r?.first === undefined ? null : Number(r.first), last, head: last };
}

export interface ChainCheck {
  ok: boolean;
  checkedThrough: { seq: number; at: string; hash: string } | null;
  entries: number;
  /** Every break, oldest first, as `audit verify` reports them: an old fork cannot hide a later change. */
  breaks: ChainBreak[];
  /** The first of `breaks`, kept for readers of older packs. */
  firstBroken: ChainBreak | null;
  extract: { entries: number; firstSeq: number | null; lastSeq: number | null; firstPrevHash: string | null };
}

/**
 * The hash chain from the first entry up to the last one written before the end of the
 * period. Later entries (the export itself among them) are not part of it, so the result,
 * like the rest of the pack, is the same whenever the period is exported.
 */
async function checkChain(b: Build, bd: Bounds): Promise<ChainCheck> {
  let extractEntries = 0,
    firstPrevHash: string | null = null;
  if (bd.head === null)
    return {
      ok: true,
      checkedThrough: null,
      entries: 0,
      breaks: [],
      firstBroken: null,
      extract: { entries: 0, firstSeq: bd.first, lastSeq: bd.last, firstPrevHash },
    };
  const walk = await walkAuditChain(b.db, {
    through: bd.head,
    onEntry: (row) => {
      if (row.at >= b.startIso && row.at < b.endIso) {
        extractEntries++;
        firstPrevHash ??= row.prevHash;
      }
    },
  });
  return {
    ok: walk.breaks.length === 0,
    checkedThrough: walk.head,
    entries: walk.entries,
    breaks: walk.breaks,
    firstBroken: walk.breaks[0] ?? null,
    extract: { entries: extractEntries, firstSeq: bd.first, lastSeq: bd.last, firstPrevHash },
  };
}

function trailPages(b: Build, bd: () => Promise<Bounds>): Pages<TrailRecord> {
  return async function* () {
    const { first, last } = await bd();
    if (first === null || last === null) return;
    let after = first - 1;
    for (;;) {
      const page = await b.db
        .select()
        .from(auditLog)
        .where(and(gt(auditLog.seq, after), lte(auditLog.seq, last), gte(auditLog.at, b.startIso), lt(auditLog.at, b.endIso)))
        .orderBy(asc(auditLog.seq))
        .limit(PAGE);
      if (!page.length) return;
      after = page[page.length - 1].seq;
      yield page.map((row) => redactEntry(row, b.roles));
    }
  };
}

const REASONS: Record<ChainBreak["reason"], string> = {
  chain_link: "de schakel naar de vorige regel klopt niet (regel verwijderd of ingevoegd?)",
  content_changed: "de inhoud is gewijzigd",
  anchor_missing: "het anker ontbreekt",
  anchor_mismatch: "het anker staat op een andere plaats",
};

/** Every break in one line, so a later change is not hidden behind an earlier one. */
const breakList = (c: ChainCheck) => c.breaks.map((x) => `regel ${x.seq}: ${REASONS[x.reason]}`).join("; ");

export function trailSection(b: Build): Section {
  const s = newSection("7.5");
  let bd: Promise<Bounds> | null = null,
    chain: Promise<ChainCheck> | null = null;
  const getBounds = () => (bd ??= bounds(b));
  const getChain = async () => (chain ??= checkChain(b, await getBounds()));
  const columns: Column<TrailRecord>[] = [
    { header: "Volgnummer", value: (r) => r.seq },
    { header: "Tijdstip", value: (r) => r.at },
    { header: "Door", value: (r) => r.actor },
    { header: "Actie", value: (r) => r.action },
    { header: "Entiteit", value: (r) => r.entity },
    { header: "Id", value: (r) => r.entityId },
    { header: "Voor", value: (r) => asText(r.before) },
    { header: "Na", value: (r) => asText(r.after) },
    { header: "Vorige hash", value: (r) => r.prevHash },
    { header: "Hash", value: (r) => r.hash },
  ];
  const check: PackFile = {
    path: `${s.folder}/ketencontrole.json`,
    description: "Controle van de hashketen tot en met de laatste regel vóór het einde van de periode",
    content: async () => `${JSON.stringify(await getChain(), null, 2)}\n`,
  };
  s.files.push(
    ...tableFiles(
      s,
      "audittrail",
      "Uittreksel van de audittrail over de periode, zonder persoonsgegevens",
      columns,
      trailPages(b, getBounds),
    ),
    check,
    reportFile(s, b, async () => {
      const c = await getChain();
      const counts = rows<{ entity: string; action: string; n: number }>(
        await b.db.execute(sql`select entity, action, count(*)::int as n
        from audit_log where at >= ${b.startIso} and at < ${b.endIso} group by entity, action order by entity, action`),
      );
      const months = rows<{ month: string; n: number }>(
        await b.db.execute(sql`select substring(at from 1 for 7) as month, count(*)::int as n
        from audit_log where at >= ${b.startIso} and at < ${b.endIso} group by 1 order by 1`),
      );
      if (!c.ok) s.notes.add(`De hashketen is verbroken op ${c.breaks.length} plaats(en): ${breakList(c)}.`);
      return [
        { kind: "heading", text: "Controle van de hashketen" },
        {
          kind: "facts",
          rows: [
            [
              "Uitkomst",
              c.ok
                ? "intact: elke regel verwijst naar de vorige en de inhoud klopt met de hash"
                : `VERBROKEN op ${c.breaks.length} plaats(en): ${breakList(c)}`,
            ],
            ["Gecontroleerd", `${c.entries} regels, vanaf de eerste regel tot en met het einde van de periode`],
            ["Laatste regel vóór het einde", c.checkedThrough ? `${c.checkedThrough.seq} (${c.checkedThrough.at})` : "geen"],
            ["Hash van die regel", c.checkedThrough?.hash ?? "–"],
            [
              "Regels in deze periode",
              `${c.extract.entries}${c.extract.firstSeq !== null ? ` (volgnummers ${c.extract.firstSeq} t/m ${c.extract.lastSeq})` : ""}`,
            ],
          ],
        },
        {
          kind: "paragraph",
          text:
            "Elke regel bevat de hash van de vorige (Vorige hash) en een eigen hash over de inhoud. De keten is op de server gecontroleerd " +
            "over de volledige regels. In het uittreksel zijn persoonsgegevens vervangen (zie hieronder), dus de inhoudshash kan daar niet opnieuw worden " +
            "berekend; de schakels (Vorige hash = Hash van de regel ervoor) zijn wel na te lopen.",
        },
        { kind: "heading", text: "Regels per soort" },
        {
          kind: "table",
          total: counts.length,
          columns: [
            { header: "Entiteit", width: 3 },
            { header: "Actie", width: 3 },
            { header: "Aantal", width: 1 },
          ],
          rows: counts.map((r) => [trailEntityLabel(r.entity), trailActionLabel(r.action), String(r.n)]),
        },
        { kind: "heading", text: "Regels per maand" },
        {
          kind: "table",
          total: months.length,
          columns: [
            { header: "Maand", width: 1 },
            { header: "Aantal", width: 1 },
          ],
          rows: months.map((r) => [r.month, String(r.n)]),
        },
      ];
    }),
  );
  s.notes.add(
    "Personen staan als rol plus pseudoniem; e-mailadressen, namen, IP-adressen en de inhoud van regels over accounts en sessies zijn weggelaten (" +
      "'[weggelaten: persoonsgegevens]'). Acties zonder account (de CLI, de bewaartermijntaak, een partner via de enquêtelink) houden hun systeemlabel.",
  );
  s.notes.add(
    "De ketencontrole loopt tot en met de laatste regel vóór het einde van de periode; latere regels (waaronder de export van dit pakket) vallen erbuiten, zodat de uitkomst bij elke export van deze periode gelijk is.",
  );
  return s;
}
