import type { Role } from "../../../db/schema.ts";

/**
 * The one permission table: which role may do what, and over which scope.
 * `all` = the whole ZVH; `municipality` = only the user's own municipality;
 * `branch` = only the user's own branch. A role missing from an action is denied.
 */
export type Scope = "all" | "municipality" | "branch";

export const PERMISSIONS = {
  "waves:read": { kwaliteit: "all", management: "all", auditor: "all" },
  "waves:create": { kwaliteit: "all", management: "all" },
  "invitations:create": { kwaliteit: "all", management: "all" },
  "results:read": { kwaliteit: "all", management: "all", auditor: "all" },
  "municipality:read": { kwaliteit: "all", management: "all", auditor: "all", medewerker: "all", gemeente: "municipality" },
  "users:manage": { admin: "all" },
  "audit:read": { admin: "all", kwaliteit: "all", auditor: "all" },
  "registry:read": { kwaliteit: "all", management: "all", auditor: "all", medewerker: "branch" },
  "registry:write": { kwaliteit: "all", medewerker: "branch" },
  "cases:handle-locally": { kwaliteit: "all", medewerker: "branch", gemeente: "municipality" },
  // Working notes are for the people who run the case, not for management or auditors.
  "notes:read": { kwaliteit: "all", medewerker: "branch" },
  "themes:manage": { kwaliteit: "all" },
  "registry:configure": { admin: "all", kwaliteit: "all" },
  "metrics:read": { kwaliteit: "all", management: "all", auditor: "all", medewerker: "branch", gemeente: "municipality" },
  "report:read": { kwaliteit: "all", management: "all", auditor: "all", gemeente: "municipality" },
  "report:send": { kwaliteit: "all", management: "all" },
  "quality:read": { kwaliteit: "all", management: "all", auditor: "all" },
  "quality:write": { kwaliteit: "all", management: "all" },
  "audits:write": { kwaliteit: "all" },
  "risks:write": { kwaliteit: "all", management: "all" },
  "review:write": { kwaliteit: "all", management: "all" },
  // Management reviews are management's own act (ISO 9001 9.3).
  "review:finalize": { management: "all" },
  "evidence:export": { kwaliteit: "all", management: "all", auditor: "all" },
  // Running a survey wave: questionnaires, fieldwork, contacts and e-mail (issue 14).
  "questionnaires:read": { admin: "all", kwaliteit: "all", management: "all", auditor: "all" },
  "questionnaires:write": { admin: "all", kwaliteit: "all" },
  "fieldwork:read": { admin: "all", kwaliteit: "all", management: "all" },
  "fieldwork:manage": { admin: "all", kwaliteit: "all" },
  // Addresses and names of partners: personal data, only for those who run the survey.
  "contacts:manage": { admin: "all", kwaliteit: "all" },
  "responses:export": { admin: "all", kwaliteit: "all" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof PERMISSIONS;

/** What each API operation needs. An operation that is not listed here is refused. */
export const OPERATIONS: Record<string, Action | "public" | "authenticated"> = {
  getHealth: "public",
  getSurveyByToken: "public", // the token is the partner's only key
  saveProgress: "public",
  submitResponse: "public",
  login: "public",
  setPassword: "public",
  logout: "authenticated",
  me: "authenticated",
  changePassword: "authenticated",
  listWaves: "waves:read",
  createWave: "waves:create",
  createInvitations: "invitations:create",
  getWaveResults: "results:read",
  getWaveComparison: "results:read",
  listOpenAnswers: "results:read",
  listMunicipalities: "municipality:read",
  getMunicipalityFigures: "municipality:read",
  listUsers: "users:manage",
  createUser: "users:manage",
  updateUser: "users:manage",
  revokeUserSessions: "users:manage",
  listAuditTrail: "audit:read",
  verifyAuditTrail: "audit:read",
  listCases: "registry:read",
  getCase: "registry:read",
  createCase: "registry:write",
  updateCase: "registry:write",
  markCaseHandledLocally: "cases:handle-locally",
  listConferences: "registry:read",
  getConference: "registry:read",
  createConference: "registry:write",
  updateFollowUp: "registry:write",
  listActivities: "registry:read",
  createActivity: "registry:write",
  getMyWeek: "registry:write", // one's own hours: for those who register them
  listThemes: "registry:read",
  listOrganisations: "registry:read",
  createTheme: "themes:manage",
  updateTheme: "themes:manage",
  getRegistrySettings: "registry:read",
  updateRegistrySettings: "registry:configure",
  runRetention: "registry:configure",
  getConferenceMetrics: "metrics:read",
  getMunicipalityReport: "report:read",
  sendMunicipalityReports: "report:send",
  listReportDeliveries: "report:read",
  downloadReportDelivery: "report:read",
  listFindings: "quality:read",
  getFinding: "quality:read",
  createFinding: "quality:write",
  updateFinding: "quality:write",
  createFindingFromWave: "quality:write",
  closeFinding: "quality:write",
  getClosingCheck: "quality:read",
  reopenFinding: "quality:write",
  createEffectivenessReview: "quality:write",
  listActions: "quality:read",
  createAction: "quality:write",
  updateAction: "quality:write",
  evaluateAction: "quality:read",
  uploadEvidence: "quality:write",
  downloadEvidence: "quality:read",
  getQualityDigest: "quality:read",
  listPeople: "quality:read",
  listProcesses: "quality:read",
  updateProcess: "audits:write",
  getAuditProgramme: "quality:read",
  getAudit: "quality:read",
  createAudit: "audits:write",
  updateAudit: "audits:write",
  reportAudit: "audits:write",
  listRisks: "quality:read",
  getRisk: "quality:read",
  createRisk: "risks:write",
  updateRisk: "risks:write",
  reviewRisk: "risks:write",
  getRiskMatrix: "quality:read",
  updateRiskMatrix: "risks:write",
  listManagementReviews: "quality:read",
  getManagementReview: "quality:read",
  createManagementReview: "review:write",
  updateManagementReview: "review:write",
  finalizeManagementReview: "review:finalize",
  correctManagementReview: "review:finalize",
  exportEvidence: "evidence:export",
  getSigningKey: "evidence:export",
  listQuestionnaires: "questionnaires:read",
  getQuestionnaireVersion: "questionnaires:read",
  previewQuestionnaire: "questionnaires:read",
  createQuestionnaire: "questionnaires:write",
  createQuestionnaireVersion: "questionnaires:write",
  updateQuestionnaireVersion: "questionnaires:write",
  testQuestionnaireAnswers: "questionnaires:read",
  getLatestClosedWave: "waves:read",
  getWaveDetail: "waves:read",
  getDimensionTrend: "results:read",
  getWaveFieldwork: "fieldwork:read",
  changeWaveStatus: "fieldwork:manage",
  updateWaveSettings: "fieldwork:manage",
  copyWave: "fieldwork:manage",
  enableOpenLink: "fieldwork:manage",
  getOpenLinkQr: "fieldwork:manage",
  exportWaveResponses: "responses:export",
  getOpenSurvey: "public", // the open link is its own key; submissions are rate-limited per client
  submitOpenResponse: "public",
  listContacts: "contacts:manage",
  importContacts: "contacts:manage",
  updateContact: "contacts:manage",
  exportContact: "contacts:manage",
  eraseContact: "contacts:manage",
  eraseExpiredContacts: "contacts:manage",
  listWaveContacts: "contacts:manage",
  listMailTemplates: "fieldwork:manage",
  updateMailTemplate: "fieldwork:manage",
  sendInvitations: "fieldwork:manage",
  sendReminders: "fieldwork:manage",
  resendInvitationLink: "fieldwork:manage",
  listOutbox: "contacts:manage",
  recordBounce: "fieldwork:manage",
  unsubscribePage: "public", // the per-message token is the key
  unsubscribe: "public",
};

export interface Principal {
  userId: string | null;
  label: string;
  role: Role;
  municipalityId: string | null;
  branchId: string | null;
  /** The operator at the server's own console (the CLI): may do what the CLI offers, whole ZVH. */
  operator?: boolean;
}

export type Decision =
  | { allow: true; scope: Scope | null }
  | { allow: false; status: 401 | 403; reason: string };

export function decide(operationId: string, principal: Principal | null): Decision {
  const need = OPERATIONS[operationId];
  if (!need) return { allow: false, status: 403, reason: "no_rule" };
  if (need === "public") return { allow: true, scope: null };
  if (!principal) return { allow: false, status: 401, reason: "not_authenticated" };
  if (need === "authenticated") return { allow: true, scope: null };
  if (principal.operator) return { allow: true, scope: "all" };
  const scope = (PERMISSIONS[need] as Partial<Record<Role, Scope>>)[principal.role];
  return scope ? { allow: true, scope } : { allow: false, status: 403, reason: "forbidden" };
}

/** A permission checked inside a handler, for a field rather than a whole operation. */
export function scopeFor(principal: Principal | null, action: Action): Scope | null {
  if (!principal) return null;
  if (principal.operator) return "all";
  return (PERMISSIONS[action] as Partial<Record<Role, Scope>>)[principal.role] ?? null;
}

/** Whether a scoped principal may see a resource that belongs to a municipality. */
export function inScope(scope: Scope | null, principal: Principal | null, resource: { municipalityId?: string | null; branchId?: string | null }) {
  if (scope === "all") return true;
  if (scope === "municipality") return !!principal?.municipalityId && principal.municipalityId === resource.municipalityId;
  if (scope === "branch") return !!principal?.branchId && principal.branchId === resource.branchId;
  return false;
}
