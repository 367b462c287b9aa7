import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../db/schema.ts";
import { PERMISSIONS } from "../../api/domain/auth/permissions.ts";
import { testApp, type As } from "../helpers/app.ts";

/**
 * The expected matrix, written out by hand and independent of the domain table: who
 * may call each operation. Every operation in the OpenAPI document must appear here,
 * so a new route without a decision fails this test.
 */
const PUBLIC = "public",
  ANY = "any-logged-in";
const READ_REGISTRY = ["kwaliteit", "management", "auditor", "medewerker"],
  WRITE_REGISTRY = ["kwaliteit", "medewerker"];
const REPORTS = ["kwaliteit", "management", "auditor", "gemeente"];
const QUALITY_READ = ["kwaliteit", "management", "auditor"],
  QUALITY_WRITE = ["kwaliteit", "management"];
const Q_READ = ["admin", "kwaliteit", "management", "auditor"],
  SURVEY_OPS = ["admin", "kwaliteit"];
const EXPECTED: Record<string, typeof PUBLIC | typeof ANY | string[]> = {
  getHealth: PUBLIC,
  getOverview: QUALITY_READ,
  getSurveyByToken: PUBLIC,
  saveProgress: PUBLIC,
  submitResponse: PUBLIC,
  login: PUBLIC,
  setPassword: PUBLIC,
  logout: ANY,
  me: ANY,
  changePassword: ANY,
  listWaves: ["admin", "kwaliteit", "management", "auditor"],
  createWave: ["kwaliteit", "management"],
  createInvitations: ["kwaliteit", "management"],
  getWaveResults: ["kwaliteit", "management", "auditor"],
  getWaveComparison: ["kwaliteit", "management", "auditor"],
  listOpenAnswers: ["kwaliteit", "management", "auditor"],
  listMunicipalities: ["admin", "kwaliteit", "management", "auditor", "medewerker", "gemeente"],
  getMunicipalityFigures: ["admin", "kwaliteit", "management", "auditor", "medewerker", "gemeente"],
  listUsers: ["admin"],
  createUser: ["admin"],
  updateUser: ["admin"],
  revokeUserSessions: ["admin"],
  listAuditTrail: ["admin", "kwaliteit", "auditor"],
  verifyAuditTrail: ["admin", "kwaliteit", "auditor"],
  getAuditAnchor: ["admin", "kwaliteit", "auditor"],
  getLastBackup: ["admin", "kwaliteit", "auditor"],
  createBackup: ["admin"],
  listCases: READ_REGISTRY,
  getCase: READ_REGISTRY,
  listConferences: READ_REGISTRY,
  getConference: READ_REGISTRY,
  listActivities: READ_REGISTRY,
  listThemes: READ_REGISTRY,
  listOrganisations: READ_REGISTRY,
  getRegistrySettings: ["admin", ...READ_REGISTRY],
  createCase: WRITE_REGISTRY,
  updateCase: WRITE_REGISTRY,
  createConference: WRITE_REGISTRY,
  updateFollowUp: WRITE_REGISTRY,
  createActivity: WRITE_REGISTRY,
  createActivities: WRITE_REGISTRY,
  correctActivity: WRITE_REGISTRY,
  getMailStatus: ["admin", "kwaliteit"],
  getMyWeek: WRITE_REGISTRY,
  markCaseHandledLocally: ["kwaliteit", "medewerker", "gemeente"],
  createTheme: ["kwaliteit"],
  updateTheme: ["kwaliteit"],
  updateRegistrySettings: ["admin", "kwaliteit"],
  updateMunicipality: ["admin", "kwaliteit"],
  runRetention: ["admin", "kwaliteit"],
  getConferenceMetrics: ["kwaliteit", "management", "auditor", "medewerker", "gemeente"],
  getMunicipalityReport: REPORTS,
  listReportDeliveries: REPORTS,
  downloadReportDelivery: REPORTS,
  sendMunicipalityReports: ["kwaliteit", "management"],
  listFindings: QUALITY_READ,
  getFinding: QUALITY_READ,
  createFinding: QUALITY_WRITE,
  updateFinding: QUALITY_WRITE,
  createFindingFromWave: QUALITY_WRITE,
  closeFinding: QUALITY_WRITE,
  getClosingCheck: QUALITY_READ,
  reopenFinding: QUALITY_WRITE,
  createEffectivenessReview: QUALITY_WRITE,
  listActions: QUALITY_READ,
  createAction: QUALITY_WRITE,
  updateAction: QUALITY_WRITE,
  evaluateAction: QUALITY_READ,
  uploadEvidence: QUALITY_WRITE,
  downloadEvidence: QUALITY_READ,
  getQualityDigest: QUALITY_READ,
  listPeople: QUALITY_READ,
  listProcesses: QUALITY_READ,
  updateProcess: ["kwaliteit"],
  getAuditProgramme: QUALITY_READ,
  getAudit: QUALITY_READ,
  createAudit: ["kwaliteit"],
  updateAudit: ["kwaliteit"],
  reportAudit: ["kwaliteit"],
  listRisks: QUALITY_READ,
  getRisk: QUALITY_READ,
  createRisk: QUALITY_WRITE,
  updateRisk: QUALITY_WRITE,
  reviewRisk: QUALITY_WRITE,
  linkRiskActions: QUALITY_WRITE,
  getRiskMatrix: QUALITY_READ,
  updateRiskMatrix: QUALITY_WRITE,
  listManagementReviews: QUALITY_READ,
  getManagementReview: QUALITY_READ,
  createManagementReview: QUALITY_WRITE,
  updateManagementReview: QUALITY_WRITE,
  finalizeManagementReview: ["management"],
  correctManagementReview: ["management"],
  exportEvidence: QUALITY_READ,
  getSigningKey: PUBLIC,
  // Running a survey wave (issue 14).
  listQuestionnaires: Q_READ,
  getQuestionnaireVersion: Q_READ,
  previewQuestionnaire: Q_READ,
  testQuestionnaireAnswers: Q_READ,
  createQuestionnaire: SURVEY_OPS,
  createQuestionnaireVersion: SURVEY_OPS,
  updateQuestionnaireVersion: SURVEY_OPS,
  getLatestClosedWave: ["admin", "kwaliteit", "management", "auditor"],
  getWaveDetail: ["admin", "kwaliteit", "management", "auditor"],
  getDimensionTrend: ["kwaliteit", "management", "auditor"],
  getWaveFieldwork: ["admin", "kwaliteit", "management"],
  changeWaveStatus: SURVEY_OPS,
  updateWaveSettings: SURVEY_OPS,
  copyWave: SURVEY_OPS,
  enableOpenLink: SURVEY_OPS,
  getOpenLinkQr: SURVEY_OPS,
  exportWaveResponses: SURVEY_OPS,
  getOpenSurvey: PUBLIC,
  submitOpenResponse: PUBLIC,
  getProfile: PUBLIC,
  updateProfile: ["admin", "kwaliteit"],
  listContacts: SURVEY_OPS,
  importContacts: SURVEY_OPS,
  updateContact: SURVEY_OPS,
  exportContact: SURVEY_OPS,
  eraseContact: SURVEY_OPS,
  eraseExpiredContacts: SURVEY_OPS,
  listWaveContacts: SURVEY_OPS,
  listMailTemplates: SURVEY_OPS,
  updateMailTemplate: SURVEY_OPS,
  sendInvitations: SURVEY_OPS,
  sendReminders: SURVEY_OPS,
  resendInvitationLink: SURVEY_OPS,
  listOutbox: SURVEY_OPS,
  recordBounce: SURVEY_OPS,
  unsubscribePage: PUBLIC,
  unsubscribe: PUBLIC,
};

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

type Doc = { paths: Record<string, Record<string, { operationId: string; "x-permission"?: string; security?: unknown[] }>> };

function concretePath(path: string) {
  return path
    .replace("{waveId}", t.wave.id)
    .replace("{municipalityId}", "alkmaar")
    .replace(
      /\{(questionnaireId|contactId|invitationId|userId|caseId|conferenceId|followUpId|activityId|deliveryId|findingId|actionId|evidenceId|auditId|riskId|reviewId)\}/,
      "00000000-0000-4000-8000-000000000000",
    )
    .replace("{themeId}", "huiselijk-geweld")
    .replace("{processId}", "casusoverleg")
    .replace("{token}", "a".repeat(32))
    .replace("{kind}", "invitation");
}

describe("permission matrix, generated from the OpenAPI document", () => {
  it("has a rule in the domain table and an expectation here for every operation, and nothing stale", async () => {
    const doc = (await (await t.request("/api/openapi.json", { as: "anonymous" })).json()) as Doc;
    const ids = Object.values(doc.paths)
      .flatMap((m) => Object.values(m).map((o) => o.operationId))
      .sort();
    expect(ids.length).toBeGreaterThan(15);
    expect(Object.keys(EXPECTED).sort()).toEqual(ids);
  });

  it("names on every operation the permission of its route, and the session only where one is needed", async () => {
    const doc = (await (await t.request("/api/openapi.json", { as: "anonymous" })).json()) as Doc;
    const known = new Set<string>(["public", "authenticated", ...Object.keys(PERMISSIONS)]);
    for (const op of Object.values(doc.paths).flatMap((m) => Object.values(m))) {
      expect(known.has(op["x-permission"] ?? ""), op.operationId).toBe(true);
      expect(op.security, op.operationId).toEqual(op["x-permission"] === "public" ? [] : [{ sessionCookie: [] }]);
    }
  });

  it("allows and denies every operation × role exactly as expected", async () => {
    const doc = (await (await t.request("/api/openapi.json", { as: "anonymous" })).json()) as Doc;
    const failures: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const as of ["anonymous", ...ROLES] as As[]) {
          if (op.operationId === "logout" || op.operationId === "changePassword") continue; // would end the shared session; covered in sessions.test
          const expected = EXPECTED[op.operationId];
          const allowed = expected === PUBLIC || (expected === ANY ? as !== "anonymous" : expected.includes(as));
          const res = await t.request(concretePath(path), {
            method: method.toUpperCase(),
            as,
            json: ["post", "put", "patch"].includes(method) ? {} : undefined,
          });
          if (res.status >= 500) failures.push(`${op.operationId} as ${as}: server error ${res.status}`);
          const denied = res.status === 401 || res.status === 403;
          const expectedStatus = as === "anonymous" ? 401 : 403;
          if (allowed && denied) failures.push(`${op.operationId} as ${as}: expected allowed, got ${res.status}`);
          if (!allowed && res.status !== expectedStatus)
            failures.push(`${op.operationId} as ${as}: expected ${expectedStatus}, got ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000); // some 600 requests: a minute on a busy machine
});

describe("tenancy: a gemeente account of Alkmaar", () => {
  it("sees only Alkmaar in the municipality list", async () => {
    const res = await t.request("/api/municipalities", { as: "gemeente" });
    const body = (await res.json()) as { municipalities: { id: string }[] };
    expect(body.municipalities.map((m) => m.id)).toEqual(["alkmaar"]);
  });

  it("gets its own figures and a 404 on every other municipality, also when guessing ids", async () => {
    expect((await t.request("/api/municipalities/alkmaar/figures", { as: "gemeente" })).status).toBe(200);
    for (const id of ["den-helder", "texel", "hollands-kroon", "schagen", "hoorn", "bestaat-niet"]) {
      const res = await t.request(`/api/municipalities/${id}/figures`, { as: "gemeente" });
      expect(res.status, id).toBe(404);
      expect(await res.text()).not.toMatch(/Den Helder|Texel|Hoorn|Schagen/);
    }
    expect((await t.request("/api/municipalities/den-helder/figures", { as: "kwaliteit" })).status).toBe(200);
  });

  it("cannot reach the survey results, waves, users or audit trail of the ZVH", async () => {
    for (const path of [`/api/waves/${t.wave.id}/results`, "/api/waves", "/api/users", "/api/audit"]) {
      expect((await t.request(path, { as: "gemeente" })).status, path).toBe(403);
    }
  });
});
