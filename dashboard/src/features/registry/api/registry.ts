/** Shapes of the case-registry API as the dashboard reads them (see api/registry/registry.schemas.ts). */
export const CASE_STATUSES = ["aangemeld", "in_behandeling", "afgesloten"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const ATTENDANCE = ["aanwezig", "informatie_aangeleverd", "telefonisch_video", "afwezig"] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export type FollowUpState = "op_tijd" | "te_laat" | "open" | "verlopen";
export const ELEMENTS = ["aanleiding", "doel", "aanpak", "casusregisseur", "vervolgafspraken"] as const;

/** Roles that may register cases and conferences (registry:write). */
export const WRITERS = ["kwaliteit", "medewerker"];

export interface Case {
  id: string; code: string; municipalityId: string; branchId: string; themeIds: string[]; referrerOrganisationId: string;
  status: CaseStatus; registeredOn: string; closedOn: string | null; careSafetyNexus: boolean; societalImpact: boolean;
  pgaCriteriaMet: boolean; handledLocallyOn: string | null;
}

export interface FollowUp { id: string; ownerOrganisationId: string; dueOn: string; doneOn: string | null; state: FollowUpState; note?: string | null }

export interface Conference {
  id: string; heldOn: string; branchId: string; chair: string; caseIds: string[];
  attendance: { organisationId: string; status: Attendance }[];
  rolesExplained: boolean; directorOrganisationId: string | null;
  recorded: Record<(typeof ELEMENTS)[number], boolean>; elementsRecorded: number;
  notes: { aanleiding: string | null; doel: string | null; aanpak: string | null } | null; notesErasedAt: string | null;
  followUps: FollowUp[];
}

export interface Municipality { id: string; name: string; branchId: string }
export interface Theme { id: string; name: string; active: boolean }
export interface Organisation { id: string; name: string; type: string; municipalityId: string | null }

export interface Share { count: number; n: number; share: number | null; ci: { low: number; high: number } | null }
export interface Spread { n: number; median: number | null; p90: number | null }
export interface CostRow { id: string; hours: number; cost: number }

export interface Metrics {
  conferences: number; directorAssigned: Share; allElementsRecorded: Share; rolesExplained: Share;
  attendance: ({ organisationId: string; invited: number; contributed: Share } & Record<Attendance, number>)[];
  followUps: { total: number; onTime: number; late: number; open: number; overdue: number };
  cases: { registered: number; handledLocally: number; byTheme: { themeId: string; cases: number }[]; byMunicipality: { municipalityId: string; cases: number }[] };
  leadTimeDays: { toFirstConference: Spread; toClosure: Spread };
  hours: { total: { hours: number; cost: number }; unpricedHours: number; byMunicipality: CostRow[]; byCase: CostRow[]; byTheme: CostRow[]; byKind: CostRow[] };
  byMonth: { month: string; conferences: number; directorAssigned: Share; allElementsRecorded: Share; rolesExplained: Share;
    followUpsOverdue: number; hours: number; cost: number }[];
  names: Record<string, string>;
}

export interface Delivery { id: string; municipalityId: string; municipality: string; periodFrom: string; periodTo: string; sha256: string; size: number; generatedAt: string }
