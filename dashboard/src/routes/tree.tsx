import { createRootRoute, createRoute, createRouter, Navigate, Outlet, redirect } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useMe } from "../features/account/api/session.ts";
import { AccountPage } from "../features/account/components/AccountPage.tsx";
import { SetPasswordPage } from "../features/account/components/SetPasswordPage.tsx";
import { AuditPage } from "../features/admin/components/AuditPage.tsx";
import { UsersPage } from "../features/admin/components/UsersPage.tsx";
import { AuditsRisksPage } from "../features/audits-risks/components/AuditsRisksPage.tsx";
import { QualityPage } from "../features/quality/components/QualityPage.tsx";
import { HoursPage } from "../features/hours/components/HoursPage.tsx";
import { SettingsPage } from "../features/settings/components/SettingsPage.tsx";
import { CasesPage } from "../features/registry/components/CasesPage.tsx";
import { ConferencesPage } from "../features/registry/components/ConferencesPage.tsx";
import { MetricsPage } from "../features/registry/components/MetricsPage.tsx";
import { RendementPage } from "../features/registry/components/RendementPage.tsx";
import { MunicipalityPage } from "../features/reports/components/MunicipalityPage.tsx";
import { ReportsPage } from "../features/reports/components/ReportsPage.tsx";
import { ResultsPage } from "../features/results/components/ResultsPage.tsx";
import { ManagementReviewsPage } from "../features/reviews/components/ManagementReviewsPage.tsx";
import type { User } from "../features/account/api/session.ts";
import { Shell } from "./Shell.tsx";
import * as search from "./search.ts";
import { MOVED, mayView, viewOf, viewsFor, type View } from "./views.ts";

/**
 * The dashboard's address book, written as code (no generator): paths, typed params and
 * zod-validated search params. The shell asks who is signed in; each view checks, against
 * the allowed actions from GET /api/auth/me, that the user may see it, else it goes to the
 * first view the user may see.
 */
const root = createRootRoute({ component: Shell });

function Guarded({ path, children }: { path: View["path"]; children: (user: User) => ReactNode }) {
  const me = useMe().data;
  const view = viewOf(path)!;
  if (!me) return null; // the shell shows the login page
  if (!mayView(me, view)) return <Navigate to={viewsFor(me)[0]?.path ?? "/account"} replace />;
  return <>{children(me.user)}</>;
}

const view = <P extends View["path"]>(path: P, render: (user: User) => ReactNode) => ({
  getParentRoute: () => root,
  path,
  component: () => <Guarded path={path}>{render}</Guarded>,
});

const home = createRoute({ getParentRoute: () => root, path: "/", component: Home });
function Home() {
  const me = useMe().data;
  return me ? <Navigate to={viewsFor(me)[0]?.path ?? "/account"} replace /> : null;
}

const results = createRoute({ ...view("/resultaten", () => <ResultsPage />), validateSearch: search.resultsSearch });
const cases = createRoute({ ...view("/casussen", (u) => <CasesPage user={u} />), validateSearch: search.casesSearch });
const conferences = createRoute({
  ...view("/casusoverleg", (u) => <ConferencesPage user={u} />),
  validateSearch: search.conferencesSearch,
});
const hours = createRoute({ ...view("/uren", (u) => <HoursPage user={u} />), validateSearch: search.hoursSearch });
const settings = createRoute(view("/instellingen", () => <SettingsPage />));
const metrics = createRoute({ ...view("/kengetallen", (u) => <MetricsPage user={u} />), validateSearch: search.metricsSearch });
const rendement = createRoute({ ...view("/rendement", (u) => <RendementPage user={u} />), validateSearch: search.metricsSearch });
const reports = createRoute({ ...view("/uitdraaien", () => <ReportsPage />), validateSearch: search.reportsSearch });
const quality = createRoute({ ...view("/verbetercyclus", () => <Outlet />), validateSearch: search.findingsSearch });
const findings = createRoute({
  getParentRoute: () => quality,
  path: "/",
  component: () => <Guarded path="/verbetercyclus">{(u) => <QualityPage user={u} />}</Guarded>,
});
const finding = createRoute({ getParentRoute: () => quality, path: "$findingId", component: FindingRoute });
function FindingRoute() {
  const { findingId } = finding.useParams();
  return <Guarded path="/verbetercyclus">{(u) => <QualityPage user={u} findingId={findingId} />}</Guarded>;
}
const auditsRisks = createRoute({ ...view("/audits-risicos", () => <AuditsRisksPage />), validateSearch: search.auditsRisksSearch });
const reviews = createRoute({ ...view("/directiebeoordeling", () => <Outlet />) });
const reviewList = createRoute({
  getParentRoute: () => reviews,
  path: "/",
  component: () => <Guarded path="/directiebeoordeling">{(u) => <ManagementReviewsPage user={u} />}</Guarded>,
});
const review = createRoute({ getParentRoute: () => reviews, path: "$reviewId", component: ReviewRoute });
function ReviewRoute() {
  const { reviewId } = review.useParams();
  return <Guarded path="/directiebeoordeling">{(u) => <ManagementReviewsPage user={u} reviewId={reviewId} />}</Guarded>;
}
const municipality = createRoute({
  ...view("/gemeente", (u) => <MunicipalityPage municipalityId={u.municipalityId ?? ""} />),
  validateSearch: search.periodSearch,
});
const users = createRoute(view("/gebruikers", () => <UsersPage />));
const audit = createRoute(view("/audittrail", () => <AuditPage />));
const account = createRoute(view("/account", (u) => <AccountPage user={u} />));
const setPassword = createRoute({ getParentRoute: () => root, path: "/wachtwoord/$token", component: SetPasswordRoute });
function SetPasswordRoute() {
  return <SetPasswordPage token={setPassword.useParams().token} />;
}

/** Old addresses answer with a redirect to the new ones, search params kept. */
const moved = Object.entries(MOVED).map(([from, to]) =>
  createRoute({
    getParentRoute: () => root,
    path: from,
    beforeLoad: ({ search }) => {
      throw redirect({ to, search: search as never, replace: true });
    },
  }),
);

const tree = root.addChildren([
  home,
  results,
  cases,
  conferences,
  hours,
  metrics,
  rendement,
  reports,
  quality.addChildren([findings, finding]),
  auditsRisks,
  reviews.addChildren([reviewList, review]),
  municipality,
  users,
  settings,
  audit,
  account,
  setPassword,
  ...moved,
]);

export const router = createRouter({ routeTree: tree, defaultNotFoundComponent: Home });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
