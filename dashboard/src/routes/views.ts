import type { MessageKey } from "../../../i18n/messages.ts";
import { allows, type Action, type Me, type Scope } from "../features/account/api/session.ts";

/**
 * The dashboard's views: path, menu label, menu group, and the action (from the API's
 * permission table, as GET /api/auth/me reports it) a user needs to see the view. No role
 * is named here: what a role may do is decided in one place, on the server. The first view
 * a user may see is where the dashboard opens.
 */
export interface View {
  path:
    | "/overzicht"
    | "/resultaten"
    | "/metingen"
    | "/vragenlijsten"
    | "/casussen"
    | "/casusoverleg"
    | "/uren"
    | "/instellingen"
    | "/kengetallen"
    | "/rendement"
    | "/uitdraaien"
    | "/verbetercyclus"
    | "/audits-risicos"
    | "/directiebeoordeling"
    | "/gemeente"
    | "/gebruikers"
    | "/audittrail"
    | "/bewijsmap"
    | "/bewijsmap/controleren"
    | "/account";
  label: MessageKey;
  group: "overview" | "survey" | "registry" | "quality" | "reports" | "admin" | "account";
  /** null: every signed-in user. */
  need: { action: Action; scope?: Scope } | null;
  /** Left out of the menu for users who may do this action: they reach the view from another one. */
  offMenuWith?: Action;
}

export const VIEWS: View[] = [
  // The start page of those who read the whole house (issue 17): first, so the dashboard opens on it.
  { path: "/overzicht", label: "nav.overview", group: "overview", need: { action: "overview:read" } },
  // A municipality's own page: for the accounts that read reports for one municipality; it opens first.
  { path: "/gemeente", label: "nav.municipality", group: "reports", need: { action: "report:read", scope: "municipality" } },
  { path: "/resultaten", label: "nav.results", group: "survey", need: { action: "results:read" } },
  // Running a wave: kwaliteit and admin change it (buttons by action), management follows the fieldwork.
  { path: "/metingen", label: "nav.waves", group: "survey", need: { action: "fieldwork:read" } },
  // The library and editor are for those who may change questionnaires.
  { path: "/vragenlijsten", label: "nav.questionnaires", group: "survey", need: { action: "questionnaires:write" } },
  { path: "/casussen", label: "nav.cases", group: "registry", need: { action: "registry:read" } },
  { path: "/casusoverleg", label: "nav.conferences", group: "registry", need: { action: "registry:read" } },
  // Hours are registered by the roles that may register activities (registry:write).
  { path: "/uren", label: "nav.hours", group: "registry", need: { action: "registry:write" } },
  { path: "/kengetallen", label: "nav.metrics", group: "registry", need: { action: "metrics:read" } },
  // Cost and yield are read across the whole ZVH, not for one branch or municipality.
  { path: "/rendement", label: "nav.rendement", group: "registry", need: { action: "metrics:read", scope: "all" } },
  { path: "/uitdraaien", label: "nav.reports", group: "reports", need: { action: "report:send" } },
  { path: "/verbetercyclus", label: "nav.quality", group: "quality", need: { action: "quality:read" } },
  { path: "/audits-risicos", label: "nav.auditsRisks", group: "quality", need: { action: "quality:read" } },
  { path: "/directiebeoordeling", label: "nav.managementReview", group: "quality", need: { action: "quality:read" } },
  { path: "/bewijsmap", label: "nav.evidence", group: "quality", need: { action: "evidence:export" } },
  { path: "/gebruikers", label: "nav.users", group: "admin", need: { action: "users:manage" } },
  { path: "/instellingen", label: "nav.settings", group: "admin", need: { action: "registry:configure" } },
  { path: "/audittrail", label: "nav.audit", group: "admin", need: { action: "audit:read" } },
  // Checking a pack one received needs no rights: it happens in the browser (also without signing in).
  // After every other view: never the view the dashboard opens with.
  { path: "/bewijsmap/controleren", label: "nav.evidenceVerify", group: "quality", need: null, offMenuWith: "evidence:export" },
  { path: "/account", label: "nav.account", group: "account", need: null },
];

export const mayView = (me: Me | undefined, view: View) => !!me && (!view.need || allows(me, view.need.action, view.need.scope));
export const viewsFor = (me: Me | undefined) => VIEWS.filter((v) => mayView(me, v));
export const menuViewsFor = (me: Me | undefined) => viewsFor(me).filter((v) => !v.offMenuWith || !allows(me, v.offMenuWith));
/** The view a path belongs to: /verbetercyclus/<id> belongs to /verbetercyclus; the longest match wins (/bewijsmap/controleren is its own view). */
export const viewOf = (pathname: string) =>
  VIEWS.filter((v) => pathname === v.path || pathname.startsWith(`${v.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];

/** Views that work without signing in (besides the set-password link). */
export const OPEN_PATHS: readonly View["path"][] = ["/bewijsmap/controleren"];

/** The old addresses of views that were renamed; bookmarks keep working. */
export const MOVED = { "/results": "/resultaten", "/municipality": "/gemeente", "/users": "/gebruikers", "/audit": "/audittrail" } as const;
