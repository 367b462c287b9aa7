/**
 * A realistic municipality report for renderer tests: gemeente Den Helder, half a year.
 * It carries the awkward inputs on purpose: a case code and organisation names that a
 * spreadsheet would run as a formula, a name with ';' and '"', and a very long name.
 */
import type { FollowUpState, MunicipalityReport, ReportConference, ReportFollowUp } from "../../api/domain/report/report.types.ts";

export const FORMULA_CASE_CODE = '=HYPERLINK("http://example.invalid";"klik")';
export const FORMULA_ORGANISATION = "@Home Jeugdhulp";
export const QUOTED_ORGANISATION = 'Stichting "Kompas; Noord"';
export const LONG_ORGANISATION = "Gemeente Den Helder, afdeling Sociaal Domein, team Zorg en Veiligheid en Wijkteams Noordkop";

export const PARTNERS = [
  "Politie Noord-Holland",
  "Veilig Thuis Noord-Holland Noord",
  "Reclassering Nederland",
  "GGZ Noord-Holland-Noord",
  "Openbaar Ministerie",
  "Raad voor de Kinderbescherming",
  FORMULA_ORGANISATION,
  QUOTED_ORGANISATION,
  LONG_ORGANISATION,
];

export const THEMES = ["Huiselijk geweld", "Mensenhandel", "Verward gedrag", "Nazorg ex-gedetineerden"];

function followUp(owner: string, dueOn: string, doneOn: string | null, state: FollowUpState): ReportFollowUp {
  return { owner, dueOn, doneOn, state };
}

const conferences: ReportConference[] = [
  {
    heldOn: "2026-01-13",
    branch: "Den Helder",
    caseCodes: ["DH-2025-118", "DH-2026-003"],
    themes: ["Huiselijk geweld"],
    director: "Veilig Thuis Noord-Holland Noord",
    elementsRecorded: 5,
    rolesExplained: true,
    followUps: [
      followUp("Veilig Thuis Noord-Holland Noord", "2026-01-27", "2026-01-24", "op_tijd"),
      followUp("Politie Noord-Holland", "2026-02-03", "2026-02-10", "te_laat"),
    ],
  },
  {
    heldOn: "2026-01-28",
    branch: "Den Helder",
    caseCodes: ["DH-2026-007"],
    themes: ["Verward gedrag"],
    director: "GGZ Noord-Holland-Noord",
    elementsRecorded: 4,
    rolesExplained: true,
    followUps: [followUp("GGZ Noord-Holland-Noord", "2026-02-11", "2026-02-09", "op_tijd")],
  },
  {
    heldOn: "2026-02-10",
    branch: "Den Helder",
    caseCodes: [FORMULA_CASE_CODE],
    themes: ["Mensenhandel"],
    director: "Politie Noord-Holland",
    elementsRecorded: 5,
    rolesExplained: false,
    followUps: [
      followUp(FORMULA_ORGANISATION, "2026-02-24", "2026-02-20", "op_tijd"),
      followUp("Openbaar Ministerie", "2026-03-10", "2026-03-09", "op_tijd"),
    ],
  },
  {
    heldOn: "2026-02-24",
    branch: "Den Helder",
    caseCodes: ["DH-2026-011", "DH-2026-012", "DH-2026-013"],
    themes: ["Huiselijk geweld", "Verward gedrag"],
    director: null,
    elementsRecorded: 2,
    rolesExplained: false,
    followUps: [],
  },
  {
    heldOn: "2026-03-17",
    branch: "Den Helder",
    caseCodes: ["DH-2026-015"],
    themes: ["Nazorg ex-gedetineerden"],
    director: "Reclassering Nederland",
    elementsRecorded: 5,
    rolesExplained: true,
    followUps: [
      followUp("Reclassering Nederland", "2026-03-31", "2026-04-07", "te_laat"),
      followUp(LONG_ORGANISATION, "2026-04-14", "2026-04-10", "op_tijd"),
    ],
  },
  {
    heldOn: "2026-04-07",
    branch: "Den Helder",
    caseCodes: ["DH-2026-019"],
    themes: ["Huiselijk geweld"],
    director: "Raad voor de Kinderbescherming",
    elementsRecorded: 3,
    rolesExplained: true,
    followUps: [followUp(QUOTED_ORGANISATION, "2026-04-21", "2026-04-20", "op_tijd")],
  },
  {
    heldOn: "2026-05-12",
    branch: "Den Helder",
    caseCodes: ["DH-2026-022", "DH-2026-007"],
    themes: ["Verward gedrag"],
    director: "GGZ Noord-Holland-Noord",
    elementsRecorded: 4,
    rolesExplained: true,
    followUps: [
      followUp("GGZ Noord-Holland-Noord", "2026-05-26", null, "verlopen"),
      followUp("Politie Noord-Holland", "2026-06-09", "2026-06-05", "op_tijd"),
    ],
  },
  {
    heldOn: "2026-06-02",
    branch: "Den Helder",
    caseCodes: ["DH-2026-025"],
    themes: ["Mensenhandel", "Huiselijk geweld"],
    director: "Politie Noord-Holland",
    elementsRecorded: 5,
    rolesExplained: true,
    followUps: [
      followUp("Veilig Thuis Noord-Holland Noord", "2026-06-16", null, "verlopen"),
      followUp("Openbaar Ministerie", "2026-07-14", null, "open"),
    ],
  },
  {
    heldOn: "2026-06-23",
    branch: "Den Helder",
    caseCodes: ["DH-2026-028"],
    themes: ["Huiselijk geweld"],
    director: "Veilig Thuis Noord-Holland Noord",
    elementsRecorded: 5,
    rolesExplained: true,
    followUps: [
      followUp("Veilig Thuis Noord-Holland Noord", "2026-07-07", null, "open"),
      followUp(LONG_ORGANISATION, "2026-07-21", null, "open"),
    ],
  },
];

function followUpTotals(list: ReportConference[]): MunicipalityReport["followUps"] {
  const all = list.flatMap((c) => c.followUps);
  const count = (state: FollowUpState) => all.filter((f) => f.state === state).length;
  return { total: all.length, onTime: count("op_tijd"), late: count("te_laat"), open: count("open"), overdue: count("verlopen") };
}

export function reportFixture(): MunicipalityReport {
  return structuredClone({
    organisation: "Zorg- en Veiligheidshuis Noord-Holland Noord",
    municipality: { id: "gm0400", name: "Den Helder", branch: "Den Helder" },
    period: { from: "2026-01-01", to: "2026-06-30" },
    previousPeriod: { from: "2025-07-01", to: "2025-12-31" },
    generatedAt: "2026-07-01T07:30:00.000Z",
    current: { cases: 48, newCases: 17, closedCases: 12, conferences: conferences.length, hours: 412.5, cost: 41_250 },
    previous: { cases: 41, newCases: 15, closedCases: 14, conferences: 11, hours: 366, cost: 35_136 },
    byTheme: [
      { theme: "Huiselijk geweld", cases: 21, conferences: 5, previousCases: 18 },
      { theme: "Mensenhandel", cases: 4, conferences: 2, previousCases: 5 },
      { theme: "Verward gedrag", cases: 15, conferences: 3, previousCases: 11 },
      { theme: "Nazorg ex-gedetineerden", cases: 9, conferences: 1, previousCases: 9 },
    ],
    conferences,
    followUps: followUpTotals(conferences),
    attendance: [
      { organisation: "Politie Noord-Holland", aanwezig: 8, informatie_aangeleverd: 1, telefonisch_video: 0, afwezig: 0 },
      { organisation: "Veilig Thuis Noord-Holland Noord", aanwezig: 6, informatie_aangeleverd: 0, telefonisch_video: 2, afwezig: 1 },
      { organisation: "Reclassering Nederland", aanwezig: 3, informatie_aangeleverd: 2, telefonisch_video: 1, afwezig: 0 },
      { organisation: "GGZ Noord-Holland-Noord", aanwezig: 4, informatie_aangeleverd: 1, telefonisch_video: 2, afwezig: 2 },
      { organisation: "Openbaar Ministerie", aanwezig: 2, informatie_aangeleverd: 3, telefonisch_video: 0, afwezig: 1 },
      { organisation: "Raad voor de Kinderbescherming", aanwezig: 2, informatie_aangeleverd: 0, telefonisch_video: 1, afwezig: 0 },
      { organisation: FORMULA_ORGANISATION, aanwezig: 1, informatie_aangeleverd: 1, telefonisch_video: 0, afwezig: 0 },
      { organisation: QUOTED_ORGANISATION, aanwezig: 1, informatie_aangeleverd: 0, telefonisch_video: 0, afwezig: 1 },
      { organisation: LONG_ORGANISATION, aanwezig: 5, informatie_aangeleverd: 0, telefonisch_video: 1, afwezig: 0 },
    ],
    hoursByActivity: [
      { kind: "casusoverleg", hours: 96, cost: 9_600 },
      { kind: "voorbereiding", hours: 71.5, cost: 7_150 },
      { kind: "procesregie", hours: 148, cost: 14_800 },
      { kind: "advies", hours: 42, cost: 4_200 },
      { kind: "netwerkoverleg", hours: 31, cost: 3_100 },
      { kind: "training_voorlichting", hours: 16, cost: 1_600 },
      { kind: "overig", hours: 8, cost: 800 },
    ],
    monthly: [
      { month: "2026-01", cases: 39, conferences: 2, hours: 61 },
      { month: "2026-02", cases: 41, conferences: 2, hours: 68.5 },
      { month: "2026-03", cases: 43, conferences: 1, hours: 74 },
      { month: "2026-04", cases: 42, conferences: 1, hours: 63 },
      { month: "2026-05", cases: 44, conferences: 1, hours: 71 },
      { month: "2026-06", cases: 46, conferences: 2, hours: 75 },
    ],
  } satisfies MunicipalityReport);
}

/** A report for a municipality where nothing happened in the period. */
export function emptyReportFixture(): MunicipalityReport {
  const zero = { cases: 0, newCases: 0, closedCases: 0, conferences: 0, hours: 0, cost: 0 };
  return {
    ...reportFixture(),
    municipality: { id: "gm0441", name: "Schagen", branch: "Den Helder" },
    current: zero,
    previous: zero,
    byTheme: [],
    conferences: [],
    attendance: [],
    hoursByActivity: [],
    monthly: [],
    followUps: { total: 0, onTime: 0, late: 0, open: 0, overdue: 0 },
  };
}
