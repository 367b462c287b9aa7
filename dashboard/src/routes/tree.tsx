import { createRootRoute, createRoute, createRouter, Navigate, Outlet, redirect } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useMe } from "../features/account/api/session.ts";
import { prefetchReply } from "../shared/api/query.ts";
import { AccountPage } from "../features/account/components/AccountPage.tsx";
import { SetPasswordPage } from "../features/account/components/SetPasswordPage.tsx";
import { AuditPage } from "../features/admin/components/AuditPage.tsx";
import { UsersPage } from "../features/admin/components/UsersPage.tsx";
import { AuditDetailPage } from "../features/audits-risks/components/AuditDetailPage.tsx";
import { AuditsRisksPage } from "../features/audits-risks/components/AuditsRisksPage.tsx";
import { RiskDetailPage } from "../features/audits-risks/components/RiskDetailPage.tsx";
import { QuestionnairesPage } from "../features/questionnaires/components/QuestionnairesPage.tsx";
import { QualityPage } from "../features/quality/components/QualityPage.tsx";
import { ExportPage } from "../features/evidence/components/ExportPage.tsx";
import { VerifyPage } from "../features/evidence/components/VerifyPage.tsx";
import { HoursPage } from "../features/hours/components/HoursPage.tsx";
import { SettingsPage } from "../features/settings/components/SettingsPage.tsx";
import { CasesPage } from "../features/registry/components/CasesPage.tsx";
import { ConferencesPage } from "../features/registry/components/ConferencesPage.tsx";
import { MetricsPage } from "../features/registry/components/MetricsPage.tsx";
import { RendementPage } from "../features/registry/components/RendementPage.tsx";
import { MunicipalityPage } from "../features/reports/components/MunicipalityPage.tsx";
import { ReportsPage } from "../features/reports/components/ReportsPage.tsx";
import { ResultsPage } from "../features/results/components/ResultsPage.tsx";
import { AddressBookPage } from "../features/survey/components/AddressBookPage.tsx";
import { MailPage } from "../features/survey/components/MailPage.tsx";
import { WaveDetailPage } from "../features/survey/components/WaveDetailPage.tsx";
import { WavesPage } from "../features/survey/components/WavesPage.tsx";
import { OverviewPage } from "../features/overview/components/OverviewPage.tsx";
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

const overview = createRoute(view("/overzicht", () => <OverviewPage />));
const results = createRoute({
  ...view("/resultaten", () => <ResultsPage />),
  validateSearch: search.resultsSearch,
  // The default wave is the latest closed one: asked for at once, not after the shell knows who is signed in.
  loader: () => {
    prefetchReply("listWaves", "/waves");
    prefetchReply("getLatestClosedWave", "/waves/latest-closed");
  },
});
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
