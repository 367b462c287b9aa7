/** The registry as the metrics and reports read it: structured facts only, never notes. */
export interface RegistryCase {
  id: string;
  code: string;
  municipalityId: string;
  branchId: string;
  themeIds: string[];
  referrerOrganisationId: string;
  status: "aangemeld" | "in_behandeling" | "afgesloten";
  registeredOn: string; // yyyy-mm-dd
  closedOn: string | null;
  handledLocallyOn: string | null;
}

export type AttendanceStatus = "aanwezig" | "informatie_aangeleverd" | "telefonisch_video" | "afwezig";

export interface RegistryConference {
  id: string;
  heldOn: string;
  branchId: string;
  directorOrganisationId: string | null;
  hasAanleiding: boolean;
  hasDoel: boolean;
  hasAanpak: boolean;
  rolesExplained: boolean;
  caseIds: string[];
  attendance: { organisationId: string; status: AttendanceStatus }[];
  followUps: { id: string; ownerOrganisationId: string; dueOn: string; doneOn: string | null }[];
}

export interface RegistryActivity {
  id: string;
  municipalityId: string;
  caseId: string | null;
  kind: string;
  staffRole: string;
  performedOn: string;
  hours: number;
}

export interface RegistryData {
  cases: RegistryCase[];
  conferences: RegistryConference[];
  activities: RegistryActivity[];
  /** euro per hour per staff role */
  rates: Record<string, number>;
  /** municipality id -> branch id */
  branchOf: Record<string, string>;
}

export interface RegistryFilter {
  from?: string;
  to?: string;
  branchId?: string;
  municipalityId?: string;
  themeId?: string;
}
