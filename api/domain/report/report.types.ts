/**
 * What the municipality report ("uitdraai") holds. The report service fills it from the
 * registry; the renderers (PDF, XLSX, CSV) only lay it out. It carries structured facts
 * only: case codes are pseudonyms and no working note ever appears in a report.
 */
export interface PeriodFigures {
  cases: number; // cases of this municipality active in the period (registered before its end, not closed before its start)
  newCases: number; // registered within the period
  closedCases: number; // closed within the period
  conferences: number; // conferences held in the period about at least one case of this municipality
  hours: number;
  cost: number; // euro
}

export interface ReportConference {
  heldOn: string; // yyyy-mm-dd
  branch: string; // branch name
  caseCodes: string[];
  themes: string[]; // theme names
  director: string | null; // casusregisseur organisation name; null = none assigned
  elementsRecorded: number; // 0..5: aanleiding, doel, aanpak, casusregisseur, vervolgafspraken
  rolesExplained: boolean;
  followUps: ReportFollowUp[];
}

export type FollowUpState = "op_tijd" | "te_laat" | "open" | "verlopen"; // done on time, done late, open not yet due, open and overdue

export interface ReportFollowUp { owner: string; dueOn: string; doneOn: string | null; state: FollowUpState }

export interface MunicipalityReport {
  organisation: string; // e.g. "Zorg- en Veiligheidshuis Noord-Holland Noord"
  municipality: { id: string; name: string; branch: string };
  period: { from: string; to: string }; // yyyy-mm-dd, inclusive
  previousPeriod: { from: string; to: string }; // directly before: the previous calendar month(s), quarter or year, else the same number of days
  generatedAt: string; // ISO 8601
  current: PeriodFigures;
  previous: PeriodFigures;
  byTheme: { theme: string; cases: number; conferences: number; previousCases: number }[];
  conferences: ReportConference[]; // in date order
  followUps: { total: number; onTime: number; late: number; open: number; overdue: number };
  attendance: { organisation: string; aanwezig: number; informatie_aangeleverd: number; telefonisch_video: number; afwezig: number }[];
  hoursByActivity: { kind: ActivityKindKey; hours: number; cost: number }[];
  monthly: { month: string; cases: number; conferences: number; hours: number }[]; // yyyy-mm over the period, for the trend chart
}

export type ActivityKindKey =
  | "casusoverleg" | "voorbereiding" | "procesregie" | "advies" | "netwerkoverleg" | "training_voorlichting" | "overig";
