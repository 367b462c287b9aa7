import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Navigate, Outlet, redirect } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useMe } from "../features/account/api/session.ts";
import type { User } from "../features/account/api/session.ts";
import { Shell } from "./Shell.tsx";
import * as search from "./search.ts";
import { MOVED, mayView, viewOf, viewsFor, type View } from "./views.ts";

/**
 * Each view's page is its own chunk, loaded when the view is first shown (issue 18: the landing
 * page must not wait for the code of twenty others, nor for Recharts unless it draws a chart).
 */
const AccountPage = lazyRouteComponent(() => import("../features/account/components/AccountPage.tsx"), "AccountPage");
const SetPasswordPage = lazyRouteComponent(() => import("../features/account/components/SetPasswordPage.tsx"), "SetPasswordPage");
const AuditPage = lazyRouteComponent(() => import("../features/admin/components/AuditPage.tsx"), "AuditPage");
const UsersPage = lazyRouteComponent(() => import("../features/admin/components/UsersPage.tsx"), "UsersPage");
const AuditDetailPage = lazyRouteComponent(() => import("../features/audits-risks/components/AuditDetailPage.tsx"), "AuditDetailPage");
const AuditsRisksPage = lazyRouteComponent(() => import("../features/audits-risks/components/AuditsRisksPage.tsx"), "AuditsRisksPage");
const RiskDetailPage = lazyRouteComponent(() => import("../features/audits-risks/components/RiskDetailPage.tsx"), "RiskDetailPage");
const QuestionnairesPage = lazyRouteComponent(
  () => import("../features/questionnaires/components/QuestionnairesPage.tsx"),
  "QuestionnairesPage",
);
const QualityPage = lazyRouteComponent(() => import("../features/quality/components/QualityPage.tsx"), "QualityPage");
const ExportPage = lazyRouteComponent(() => import("../features/evidence/components/ExportPage.tsx"), "ExportPage");
const VerifyPage = lazyRouteComponent(() => import("../features/evidence/components/VerifyPage.tsx"), "VerifyPage");
const HoursPage = lazyRouteComponent(() => import("../features/hours/components/HoursPage.tsx"), "HoursPage");
const SettingsPage = lazyRouteComponent(() => import("../features/settings/components/SettingsPage.tsx"), "SettingsPage");
const CasesPage = lazyRouteComponent(() => import("../features/registry/components/CasesPage.tsx"), "CasesPage");
const ConferencesPage = lazyRouteComponent(() => import("../features/registry/components/ConferencesPage.tsx"), "ConferencesPage");
const MetricsPage = lazyRouteComponent(() => import("../features/registry/components/MetricsPage.tsx"), "MetricsPage");
const RendementPage = lazyRouteComponent(() => import("../features/registry/components/RendementPage.tsx"), "RendementPage");
const MunicipalityPage = lazyRouteComponent(() => import("../features/reports/components/MunicipalityPage.tsx"), "MunicipalityPage");
const ReportsPage = lazyRouteComponent(() => import("../features/reports/components/ReportsPage.tsx"), "ReportsPage");
const ResultsPage = lazyRouteComponent(() => import("../features/results/components/ResultsPage.tsx"), "ResultsPage");
const AddressBookPage = lazyRouteComponent(() => import("../features/survey/components/AddressBookPage.tsx"), "AddressBookPage");
const MailPage = lazyRouteComponent(() => import("../features/survey/components/MailPage.tsx"), "MailPage");
const WaveDetailPage = lazyRouteComponent(() => import("../features/survey/components/WaveDetailPage.tsx"), "WaveDetailPage");
const WavesPage = lazyRouteComponent(() => import("../features/survey/components/WavesPage.tsx"), "WavesPage");
const OverviewPage = lazyRouteComponent(() => import("../features/overview/components/OverviewPage.tsx"), "OverviewPage");
const ManagementReviewsPage = lazyRouteComponent(
  () => import("../features/reviews/components/ManagementReviewsPage.tsx"),
  "ManagementReviewsPage",
);

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

const overview = createRoute(view("/overzicht", () => <OverviewPage />));
const results = createRoute({ ...view("/resultaten", () => <ResultsPage />), validateSearch: search.resultsSearch });
const waves = createRoute(view("/metingen", () => <Outlet />));
const waveList = createRoute({
  getParentRoute: () => waves,
  path: "/",
  component: () => <Guarded path="/metingen">{() => <WavesPage />}</Guarded>,
});
const addressBook = createRoute({
  getParentRoute: () => waves,
  path: "adresboek",
  component: () => <Guarded path="/metingen">{() => <AddressBookPage />}</Guarded>,
});
const outbox = createRoute({
  getParentRoute: () => waves,
  path: "uitgaande-mail",
  component: () => <Guarded path="/metingen">{() => <MailPage />}</Guarded>,
});
const wave = createRoute({ getParentRoute: () => waves, path: "$waveId", component: WaveRoute });
function WaveRoute() {
  const { waveId } = wave.useParams();
  return <Guarded path="/metingen">{() => <WaveDetailPage waveId={waveId} />}</Guarded>;
}
const questionnaires = createRoute({
  ...view("/vragenlijsten", () => <QuestionnairesPage />),
  validateSearch: search.questionnairesSearch,
});
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
const auditsRisks = createRoute({ ...view("/audits-risicos", () => <Outlet />), validateSearch: search.auditsRisksSearch });
const auditsRisksHome = createRoute({
  getParentRoute: () => auditsRisks,
  path: "/",
  component: () => <Guarded path="/audits-risicos">{() => <AuditsRisksPage />}</Guarded>,
});
const auditDetail = createRoute({ getParentRoute: () => auditsRisks, path: "audits/$auditId", component: AuditRoute });
function AuditRoute() {
  const { auditId } = auditDetail.useParams();
  return <Guarded path="/audits-risicos">{() => <AuditDetailPage auditId={auditId} />}</Guarded>;
}
const riskDetail = createRoute({ getParentRoute: () => auditsRisks, path: "risicos/$riskId", component: RiskRoute });
function RiskRoute() {
  const { riskId } = riskDetail.useParams();
  return <Guarded path="/audits-risicos">{() => <RiskDetailPage riskId={riskId} />}</Guarded>;
}
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
const evidence = createRoute(view("/bewijsmap", () => <ExportPage />));
// Not guarded: an auditor can check a pack without an account here (the shell shows it without login).
const verifyPack = createRoute({ getParentRoute: () => root, path: "/bewijsmap/controleren", component: VerifyPage });
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
  overview,
  results,
  waves.addChildren([waveList, addressBook, outbox, wave]),
  questionnaires,
  cases,
  conferences,
  hours,
  metrics,
  rendement,
  reports,
  quality.addChildren([findings, finding]),
  auditsRisks.addChildren([auditsRisksHome, auditDetail, riskDetail]),
  reviews.addChildren([reviewList, review]),
  municipality,
  users,
  settings,
  audit,
  account,
  evidence,
  verifyPack,
  setPassword,
  ...moved,
]);

export const router = createRouter({ routeTree: tree, defaultNotFoundComponent: Home });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
