import { describe, expect, it } from "vitest";
import { ROLES } from "../../db/schema.ts";
import "../../api/app.ts";
import { routePermissions } from "../../api/lib/route.ts";
import { allowedActions } from "../../api/domain/auth/allowed.ts";
import { VIEWS, menuViewsFor, viewsFor, viewOf, MOVED } from "../../dashboard/src/routes/views.ts";
import type { HasOpen, Reply } from "../../dashboard/src/shared/api/contract.ts";

// Checked by the typecheck: an open record is recognised (at the top, in a field, in a list in a field),
// a precise reply is not, and no reply the dashboard reads is left open: Reply<> then falls back to pending.ts.
type Assert<T extends true> = T;
type Not<T extends boolean> = T extends true ? false : true;
// Exported so that the typecheck evaluates these assertions without an unused-type finding.
// biome-ignore lint/suspicious/noExportsInTest: a type-level test, checked by tsc
export type ContractChecks = [
  Assert<HasOpen<Record<string, unknown>>>,
  Assert<HasOpen<{ finding: Record<string, unknown> }>>,
  Assert<HasOpen<{ findings: Record<string, unknown>[] }>>,
  Assert<Not<HasOpen<{ cases: { id: string }[]; n: number }>>>,
  Assert<Not<HasOpen<Reply<"getFinding">>>>,
  Assert<Not<HasOpen<Reply<"getWaveResults">>>>,
  Assert<Not<HasOpen<Reply<"listCases">>>>,
];

/** The route modules the dashboard's contract (dashboard/src/shared/api/contract.ts) reads its types from. */
const MODULES = [
  "../../api/audit/audit.index.ts",
  "../../api/audits/audits.routes.ts",
  "../../api/backup/backup.index.ts",
  "../../api/auth/auth.routes.ts",
  "../../api/auth/users.routes.ts",
  "../../api/municipalities/municipalities.index.ts",
  "../../api/packs/packs.routes.ts",
  "../../api/quality/quality.routes.ts",
  "../../api/registry/registry.routes.ts",
  "../../api/reports/reports.routes.ts",
  "../../api/reviews/reviews.routes.ts",
  "../../api/risks/risks.routes.ts",
  "../../api/waves/waves.routes.ts",
  "../../api/waves/fieldwork.routes.ts",
  "../../api/questionnaires/questionnaires.routes.ts",
  "../../api/contacts/contacts.routes.ts",
  "../../api/mail/mail.routes.ts",
  "../../api/overview/overview.routes.ts",
  "../../api/profile/profile.routes.ts",
];

describe("the dashboard's typed contract", () => {
  it('finds every route under its operationId, so Reply<"getFinding"> is the route named getFinding', async () => {
    const seen = new Set<string>();
    for (const path of MODULES) {
      const mod = (await import(path)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (!value || typeof value !== "object" || !("operationId" in value) || !("responses" in value)) continue;
        expect((value as { operationId: string }).operationId, `${path}: ${name}`).toBe(name);
        seen.add(name);
      }
    }
    // Every guarded operation the dashboard could call is reachable through the contract (health and the survey are not its business).
    const outside = new Set(["getHealth", "getSurveyByToken", "saveProgress", "submitResponse"]);
    for (const op of [...routePermissions().keys()].filter((o) => !outside.has(o))) expect(seen.has(op), op).toBe(true);
  });
});

describe("the dashboard's views follow the allowed actions from /api/auth/me", () => {
  // The menus each role had when the dashboard kept role lists of its own; the permission table must give the same.
  const MENU: Record<string, string[]> = {
    admin: ["/metingen", "/vragenlijsten", "/gebruikers", "/instellingen", "/audittrail", "/bewijsmap/controleren", "/account"],
    kwaliteit: [
      "/overzicht",
      "/resultaten",
      "/metingen",
      "/vragenlijsten",
      "/casussen",
      "/casusoverleg",
      "/uren",
      "/kengetallen",
      "/rendement",
      "/uitdraaien",
      "/verbetercyclus",
      "/audits-risicos",
      "/directiebeoordeling",
      "/bewijsmap",
      "/instellingen",
      "/audittrail",
      "/account",
    ],
    management: [
      "/overzicht",
      "/resultaten",
      "/metingen",
      "/casussen",
      "/casusoverleg",
      "/kengetallen",
      "/rendement",
      "/uitdraaien",
      "/verbetercyclus",
      "/audits-risicos",
      "/directiebeoordeling",
      "/bewijsmap",
      "/account",
    ],
    auditor: [
      "/overzicht",
      "/resultaten",
      "/casussen",
      "/casusoverleg",
      "/kengetallen",
      "/rendement",
      "/verbetercyclus",
      "/audits-risicos",
      "/directiebeoordeling",
      "/bewijsmap",
      "/audittrail",
      "/account",
    ],
    medewerker: ["/casussen", "/casusoverleg", "/uren", "/kengetallen", "/bewijsmap/controleren", "/account"],
    gemeente: ["/gemeente", "/kengetallen", "/bewijsmap/controleren", "/account"],
  };

  it("gives each role exactly its menu, in order", () => {
    for (const role of ROLES) {
      const me = { user: { role } as never, allowed: allowedActions(role) };
      expect(
        menuViewsFor(me).map((v) => v.path),
        role,
      ).toEqual(MENU[role]);
    }
    expect(viewsFor(undefined)).toEqual([]);
  });

  it("lets everyone verify a pack, reached from the export page by those who may export", () => {
    for (const role of ROLES) {
      const me = { user: { role } as never, allowed: allowedActions(role) };
      expect(
        viewsFor(me).some((v) => v.path === "/bewijsmap/controleren"),
        role,
      ).toBe(true);
      // The dashboard never opens on it.
      expect(viewsFor(me)[0].path, role).not.toBe("/bewijsmap/controleren");
    }
  });

  it("knows the view of a sub-page, and every moved address points at a view", () => {
    expect(viewOf("/verbetercyclus/123")?.path).toBe("/verbetercyclus");
    expect(viewOf("/verbetercyclusX")).toBeUndefined();
    expect(viewOf("/bewijsmap")?.path).toBe("/bewijsmap");
    expect(viewOf("/bewijsmap/controleren")?.path).toBe("/bewijsmap/controleren");
    for (const to of Object.values(MOVED))
      expect(
        VIEWS.some((v) => v.path === to),
        to,
      ).toBe(true);
  });
});

describe("one name per survey dimension, in both languages", () => {
  it("names every questionnaire dimension from the catalog, and in English in English", async () => {
    const { DIMENSIONS } = await import("../../api/domain/survey/questionnaire.ts");
    const { DIMENSION_KEY } = await import("../../dashboard/src/shared/dimensions.ts");
    const { t } = await import("../../i18n/messages.ts");
    expect(Object.keys(DIMENSION_KEY).sort()).toEqual(Object.keys(DIMENSIONS).sort());
    for (const [key, dutch] of Object.entries(DIMENSIONS)) {
      const messageKey = DIMENSION_KEY[key as keyof typeof DIMENSION_KEY];
      expect(t("nl", messageKey), key).toBe(dutch);
      expect(t("en", messageKey), key).not.toBe(dutch);
    }
  });
});
