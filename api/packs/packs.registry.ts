import { and, asc, between, eq, gt, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import { activities, caseThemes, cases, conferenceCases, conferences, municipalities } from "../../db/schema.ts";
import { conferenceFacts, registryNames } from "../registry/registry.data.ts";
import { getRegistrySettings } from "../registry/settings.service.ts";
import { conferenceMetrics, type ConferenceMetrics, type Share } from "../domain/registry/metrics.ts";
import { ELEMENT_COUNT, elementsRecorded, followUpState } from "../domain/registry/registry.elements.ts";
import type { RegistryCase, RegistryConference, RegistryData } from "../domain/registry/registry.types.ts";
import { plain, registryAsOf, rollBack, settingAsOf, yearSlices } from "../domain/packs/asof.ts";
import type { PdfBlock } from "../domain/packs/pdf.ts";
import type { Column, Pages } from "../domain/packs/table.ts";
import { laterEntries, laterOfEntity, newSection, reportFile, tableFiles, type Build, type PackFile, type Section } from "./packs.build.ts";
import { formatHours, formatNumber, formatPercent } from "../domain/format/numbers.ts";
import { nl } from "../domain/packs/labels.ts";

const PAGE = 500;
type Slice = ReturnType<typeof yearSlices>[number];
type PackMetrics = Omit<ConferenceMetrics, "hours"> & { hours: Omit<ConferenceMetrics["hours"], "byCase"> };

/** Follow-up agreements marked done after the period (even with an earlier date) were still open at the end. */
async function followUpsAsOf(b: Build, confs: RegistryConference[]): Promise<RegistryConference[]> {
  const later = await laterEntries(
    b,
    "follow_up",
    confs.flatMap((c) => c.followUps.map((f) => f.id)),
  );
  return confs.map((c) => ({
    ...c,
    followUps: c.followUps.map((f) => {
      const { state } = rollBack({ ...f }, later.get(f.id) ?? []);
      return state ?? f;
    }),
  }));
}

/**
 * The registry data one slice needs, as it stood at the end of the period: cases registered
 * in the slice or worked on in it, the slice's conferences and activities, each only if it
 * was entered before the end, with later case changes undone.
 */
async function sliceData(b: Build, slice: Slice, rates: Record<string, number>, branchOf: Record<string, string>): Promise<RegistryData> {
  const { end } = b.period;
  const caseRows = await b.db
    .select()
    .from(cases)
    .where(
      and(
        lt(cases.createdAt, end),
        or(
          between(cases.registeredOn, slice.from, slice.to),
          inArray(
            cases.id,
            b.db
              .select({ id: activities.caseId })
              .from(activities)
              .where(and(between(activities.performedOn, slice.from, slice.to), lt(activities.createdAt, end))),
          ),
        ),
      ),
    );
  const ids = caseRows.map((c) => c.id);
  const themeLinks = ids.length ? await b.db.select().from(caseThemes).where(inArray(caseThemes.caseId, ids)) : [];
  const later = await laterEntries(b, "case", ids);
  const registryCases = caseRows.map((c): RegistryCase => {
    const now = {
      id: c.id,
      code: c.code,
      municipalityId: c.municipalityId,
      branchId: c.branchId,
      referrerOrganisationId: c.referrerOrganisationId,
      status: c.status,
      registeredOn: c.registeredOn,
      closedOn: c.closedOn,
      handledLocallyOn: c.handledLocallyOn,
      themeIds: themeLinks
        .filter((t) => t.caseId === c.id)
        .map((t) => t.themeId)
        .sort(),
    };
    const { state } = rollBack(plain(now), later.get(c.id) ?? [], {
      ignore: ["careSafetyNexus", "societalImpact", "pgaCriteriaMet", "id", "code"],
    });
    return state ?? now;
  });
  const confRows = await b.db
    .select()
    .from(conferences)
    .where(and(between(conferences.heldOn, slice.from, slice.to), lt(conferences.createdAt, end)));
  const confs = await followUpsAsOf(b, await conferenceFacts(b.db, confRows));
  // Lead time to the first conference also counts a first conference after the slice (up to the end of the period).
  const cohort = registryCases.filter((c) => c.registeredOn >= slice.from && c.registeredOn <= slice.to).map((c) => c.id);
  const firsts =
    cohort.length && slice.to < b.period.to
      ? await b.db
          .select({ caseId: conferenceCases.caseId, first: sql<string>`min(${conferences.heldOn})` })
          .from(conferenceCases)
          .innerJoin(conferences, eq(conferences.id, conferenceCases.conferenceId))
          .where(and(inArray(conferenceCases.caseId, cohort), lt(conferences.createdAt, end), lte(conferences.heldOn, b.period.to)))
          .groupBy(conferenceCases.caseId)
          .having(sql`min(${conferences.heldOn}) > ${slice.to}`)
      : [];
  const stubs: RegistryConference[] = firsts.map((f) => ({
    id: `eerste:${f.caseId}`,
    heldOn: f.first,
    branchId: "",
    directorOrganisationId: null,
    hasAanleiding: false,
    hasDoel: false,
    hasAanpak: false,
    rolesExplained: false,
    caseIds: [f.caseId],
    attendance: [],
    followUps: [],
  }));
  const entered = await b.db
    .select()
    .from(activities)
    .where(and(between(activities.performedOn, slice.from, slice.to), lt(activities.createdAt, end)));
  // A record corrected before the end of the period no longer counts; its correction does (as in Rendement).
  const corrected = await b.db
    .select({ id: activities.correctsId })
    .from(activities)
    .where(and(isNotNull(activities.correctsId), lt(activities.createdAt, end)));
  const replaced = new Set(corrected.map((r) => r.id));
  const acts = entered.filter((a) => !replaced.has(a.id));
  return registryAsOf(
    {
      cases: registryCases,
      conferences: [...confs, ...stubs],
      activities: acts.map((a) => ({
        id: a.id,
        municipalityId: a.municipalityId,
        caseId: a.caseId,
        kind: a.kind,
        staffRole: a.staffRole,
        performedOn: a.performedOn,
        hours: a.hours,
      })),
      rates,
      branchOf,
    },
    b.period.to,
  );
}

interface FigureRecord {
  period: string;
  figure: string;
  count: number | null;
  n: number | null;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}
interface CostRecord {
  period: string;
  by: string;
  id: string;
  name: string;
  hours: number;
  cost: number;
}
interface ConferenceRecord {
  heldOn: string;
  branch: string;
  director: string | null;
  hasAanleiding: boolean;
  hasDoel: boolean;
  hasAanpak: boolean;
  rolesExplained: boolean;
  elementsRecorded: string;
  cases: number;
  present: number;
  informationSent: number;
  phoneVideo: number;
  absent: number;
  followUps: number;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
}

function figures(period: string, m: PackMetrics): FigureRecord[] {
  const share = (figure: string, s: Share): FigureRecord => ({
    period,
    figure,
    count: s.count,
    n: s.n,
    value: s.share,
    ciLow: s.ci?.low ?? null,
    ciHigh: s.ci?.high ?? null,
  });
  const plainFigure = (figure: string, value: number | null, n: number | null = null): FigureRecord => ({
    period,
    figure,
    count: null,
    n,
    value,
    ciLow: null,
    ciHigh: null,
  });
  return [
    plainFigure("casusoverleggen", m.conferences),
    share("casusregisseur benoemd", m.directorAssigned),
    share("alle vijf elementen vastgelegd", m.allElementsRecorded),
    share("rollen toegelicht", m.rolesExplained),
    plainFigure("vervolgafspraken", m.followUps.total),
    plainFigure("vervolgafspraken op tijd", m.followUps.onTime),
    plainFigure("vervolgafspraken te laat", m.followUps.late),
    plainFigure("vervolgafspraken open", m.followUps.open),
    plainFigure("vervolgafspraken verlopen", m.followUps.overdue),
    plainFigure("casussen aangemeld", m.cases.registered),
    plainFigure("casussen lokaal opgepakt", m.cases.handledLocally),
    plainFigure(
      "doorlooptijd tot eerste overleg, mediaan (dagen)",
      m.leadTimeDays.toFirstConference.median,
      m.leadTimeDays.toFirstConference.n,
    ),
    plainFigure("doorlooptijd tot afsluiting, mediaan (dagen)", m.leadTimeDays.toClosure.median, m.leadTimeDays.toClosure.n),
    plainFigure("uren", m.hours.total.hours),
    plainFigure("kosten (euro)", m.hours.total.cost),
    plainFigure("uren zonder tarief", m.hours.unpricedHours),
  ];
}

const by =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * The metrics list things in the order the rows came from the database; a pack must not
 * depend on that, so every list is put in a fixed order (hours stay largest first, ties by id).
 */
function canonical(m: PackMetrics): PackMetrics {
  const cost = (a: { id: string; cost: number }, b: { id: string; cost: number }) =>
    b.cost - a.cost || by<{ id: string }>((x) => x.id)(a, b);
  return {
    ...m,
    attendance: [...m.attendance].sort(by((a) => a.organisationId)),
    cases: {
      ...m.cases,
      byTheme: [...m.cases.byTheme].sort(by((t) => t.themeId)),
      byMunicipality: [...m.cases.byMunicipality].sort(by((x) => x.municipalityId)),
      byThemeAndMunicipality: [...m.cases.byThemeAndMunicipality].sort(by((x) => `${x.themeId}|${x.municipalityId}`)),
    },
    hours: {
      ...m.hours,
      byMunicipality: [...m.hours.byMunicipality].sort(cost),
      byTheme: [...m.hours.byTheme].sort(cost),
      byKind: [...m.hours.byKind].sort(cost),
    },
  };
}

export function registrySection(b: Build): Section {
  const s = newSection("9.1.3");
  const slices = yearSlices(b.period);
  const label = (sl: Slice) => `${sl.from} t/m ${sl.to}`;
  let context: Promise<{ rates: Record<string, number>; branchOf: Record<string, string>; names: Record<string, string> }> | null = null;
  const ctx = () =>
    (context ??= (async () => {
      const settings = settingAsOf(await getRegistrySettings(b.db), await laterOfEntity(b, "registry_settings"));
      const munis = await b.db.select().from(municipalities);
      return {
        rates: settings.hourlyRates,
        branchOf: Object.fromEntries(munis.map((m) => [m.id, m.branchId])),
        names: await registryNames(b.db),
      };
    })());
  // Aggregates only are kept, one per year: the registry rows of a slice are dropped once its figures are computed.
  const computed = new Map<number, PackMetrics>();
  const metricsOf = async (sl: Slice): Promise<PackMetrics> => {
    if (!computed.has(sl.year)) {
      const { rates, branchOf } = await ctx();
      const data = await sliceData(b, sl, rates, branchOf);
      const full = conferenceMetrics(data, { from: sl.from, to: sl.to }, b.period.to);
      const { byCase: _, ...hours } = full.hours;
      computed.set(sl.year, canonical({ ...full, hours }));
    }
    return computed.get(sl.year)!;
  };
  const withNames = (m: PackMetrics, names: Record<string, string>) => {
    const used = new Set([
      ...m.attendance.map((a) => a.organisationId),
      ...m.cases.byTheme.map((t) => t.themeId),
      ...m.cases.byMunicipality.map((x) => x.municipalityId),
      ...m.hours.byMunicipality.map((x) => x.id),
      ...m.hours.byTheme.map((t) => t.id),
    ]);
    return {
      ...m,
      names: Object.fromEntries(
        [...used]
          .sort()
          .filter((id) => names[id])
          .map((id) => [id, names[id]]),
      ),
    };
  };

  const figurePages: Pages<FigureRecord> = async function* () {
    for (const sl of slices) yield figures(label(sl), await metricsOf(sl));
  };
  const costPages: Pages<CostRecord> = async function* () {
    const { names } = await ctx();
    for (const sl of slices) {
      const m = await metricsOf(sl);
      const part = (by: string, list: { id: string; hours: number; cost: number }[]) =>
        list.map((x) => ({ period: label(sl), by, id: x.id, name: names[x.id] ?? x.id, hours: x.hours, cost: x.cost }));
      yield [...part("gemeente", m.hours.byMunicipality), ...part("soort activiteit", m.hours.byKind), ...part("thema", m.hours.byTheme)];
    }
  };
  const conferencePages: Pages<ConferenceRecord> = async function* () {
    const { names } = await ctx();
    let after: [string, string] | null = null;
    for (;;) {
      const page = await b.db
        .select()
        .from(conferences)
        .where(
          and(
            between(conferences.heldOn, b.period.from, b.period.to),
            lt(conferences.createdAt, b.period.end),
            after ? or(gt(conferences.heldOn, after[0]), and(eq(conferences.heldOn, after[0]), gt(conferences.id, after[1]))) : undefined,
          ),
        )
        .orderBy(asc(conferences.heldOn), asc(conferences.id))
        .limit(PAGE);
      if (!page.length) return;
      after = [page[page.length - 1].heldOn, page[page.length - 1].id];
      const facts = await followUpsAsOf(b, await conferenceFacts(b.db, page));
      yield facts.map((c) => {
        const states = c.followUps.map((f) => followUpState(f, b.period.to));
        const count = (st: string) => c.attendance.filter((a) => a.status === st).length;
        return {
          heldOn: c.heldOn,
          branch: names[c.branchId] ?? c.branchId,
          director: c.directorOrganisationId ? (names[c.directorOrganisationId] ?? c.directorOrganisationId) : null,
          hasAanleiding: c.hasAanleiding,
          hasDoel: c.hasDoel,
          hasAanpak: c.hasAanpak,
          rolesExplained: c.rolesExplained,
          elementsRecorded: `${elementsRecorded(c)}/${ELEMENT_COUNT}`,
          cases: c.caseIds.length,
          present: count("aanwezig"),
          informationSent: count("informatie_aangeleverd"),
          phoneVideo: count("telefonisch_video"),
          absent: count("afwezig"),
          followUps: c.followUps.length,
          onTime: states.filter((x) => x === "op_tijd").length,
          late: states.filter((x) => x === "te_laat").length,
          open: states.filter((x) => x === "open").length,
          overdue: states.filter((x) => x === "verlopen").length,
        };
      });
    }
  };

  const figureColumns: Column<FigureRecord>[] = [
    { header: "Periode", value: (r) => r.period },
    { header: "Kengetal", value: (r) => r.figure },
    { header: "Waarde", value: (r) => r.value },
    { header: "Teller", value: (r) => r.count },
    { header: "Noemer", value: (r) => r.n },
    { header: "95%-BI laag", value: (r) => r.ciLow },
    { header: "95%-BI hoog", value: (r) => r.ciHigh },
  ];
  const costColumns: Column<CostRecord>[] = [
    { header: "Periode", value: (r) => r.period },
    { header: "Indeling", value: (r) => r.by },
    { header: "Id", value: (r) => r.id },
    { header: "Naam", value: (r) => r.name },
    { header: "Uren", value: (r) => r.hours },
    { header: "Kosten (euro)", value: (r) => r.cost },
  ];
  const conferenceColumns: Column<ConferenceRecord>[] = [
    { header: "Datum", value: (r) => r.heldOn },
    { header: "Vestiging", value: (r) => r.branch },
    { header: "Casusregisseur", value: (r) => r.director },
    { header: "Aanleiding vastgelegd", value: (r) => r.hasAanleiding },
    { header: "Doel vastgelegd", value: (r) => r.hasDoel },
    { header: "Aanpak vastgelegd", value: (r) => r.hasAanpak },
    { header: "Rollen toegelicht", value: (r) => r.rolesExplained },
    { header: "Elementen", value: (r) => r.elementsRecorded },
    { header: "Casussen", value: (r) => r.cases },
    { header: "Aanwezig", value: (r) => r.present },
    { header: "Informatie aangeleverd", value: (r) => r.informationSent },
    { header: "Telefonisch/video", value: (r) => r.phoneVideo },
    { header: "Afwezig", value: (r) => r.absent },
    { header: "Vervolgafspraken", value: (r) => r.followUps },
    { header: "Op tijd", value: (r) => r.onTime },
    { header: "Te laat", value: (r) => r.late },
    { header: "Open", value: (r) => r.open },
    { header: "Verlopen", value: (r) => r.overdue },
  ];
  const perYear: PackFile[] = slices.map((sl) => ({
    path: `${s.folder}/kengetallen-${sl.year}.json`,
    description: `Alle kengetallen en het rendement over ${label(sl)} (zoals de pagina ${nl("nav.metrics")} in het dashboard ze toont, zonder uitsplitsing per casus)`,
    content: async () =>
      `${JSON.stringify({ period: { from: sl.from, to: sl.to }, asOf: b.period.to, ...withNames(await metricsOf(sl), (await ctx()).names) }, null, 2)}\n`,
  }));

  s.files.push(
    ...tableFiles(
      s,
      "casusoverleggen",
      "Casusoverleggen in de periode: alleen gestructureerde feiten (geen werkaantekeningen, geen voorzitter, geen casuscodes)",
      conferenceColumns,
      conferencePages,
    ),
    ...perYear,
    ...tableFiles(
      s,
      "kengetallen",
      "Kengetallen van het casusoverleg per jaar, met 95%-betrouwbaarheidsintervallen (Wilson)",
      figureColumns,
      figurePages,
    ),
    ...tableFiles(s, "rendement", "Rendement: uren en kosten per gemeente, soort activiteit en thema, per jaar", costColumns, costPages),
    reportFile(s, b, async () => {
      const blocks: PdfBlock[] = [];
      const pct = (x: number | null) => (x === null ? "–" : formatPercent(x));
      // As many decimals as the figure has (lead times one, hours and euros up to two).
      const plain = (x: number | null) => (x === null ? "–" : formatNumber(x, "nl", Math.min(2, (String(x).split(".")[1] ?? "").length)));
      for (const sl of slices) {
        const m = await metricsOf(sl);
        const { names } = await ctx();
        blocks.push({ kind: "heading", text: `Casusoverleg ${label(sl)}` });
        const fig = figures(label(sl), m);
        blocks.push({
          kind: "table",
          total: fig.length,
          columns: [
            { header: "Kengetal", width: 5 },
            { header: "Waarde", width: 2 },
            { header: "Teller / noemer", width: 2 },
            { header: "95%-BI", width: 2.5 },
          ],
          rows: fig.map((f) => [
            f.figure,
            f.count !== null ? pct(f.value) : plain(f.value),
            f.count !== null ? `${f.count} / ${f.n}` : f.n !== null ? `n = ${f.n}` : "",
            f.ciLow !== null ? `${pct(f.ciLow)} – ${pct(f.ciHigh)}` : "",
          ]),
        });
        blocks.push({
          kind: "table",
          total: m.hours.byMunicipality.length,
          columns: [
            { header: "Gemeente", width: 4 },
            { header: "Uren", width: 1 },
            { header: "Kosten (euro)", width: 1.5 },
          ],
          rows: m.hours.byMunicipality.map((x) => [names[x.id] ?? x.id, formatHours(x.hours), formatNumber(x.cost, "nl", 2)]),
        });
      }
      return blocks;
    }),
  );
  s.notes.add(
    "De kengetallen zijn per kalenderjaar berekend (het deel van de periode dat in dat jaar valt), met de registratie zoals die aan het einde van de periode stond: overleggen en activiteiten die pas na de periode zijn ingevoerd tellen niet mee; casussen die later zijn afgesloten of lokaal opgepakt en vervolgafspraken die later zijn afgehandeld, stonden toen nog open.",
  );
  s.notes.add(
    "Werkaantekeningen (aanleiding, doel, aanpak, vervolgafspraken), de naam van de voorzitter en casuscodes staan niet in het pakket; het rendement is niet per casus uitgesplitst.",
  );
  s.notes.add(
    "Uurtarieven en organisatienaam zijn die van de instellingen zoals ze aan het einde van de periode golden. Namen van thema's, gemeenten, vestigingen en ketenpartners zijn de huidige namen (de ids staan ernaast); een later hernoemd thema staat hier met zijn nieuwe naam.",
  );
  return s;
}
