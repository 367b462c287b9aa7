import { useEffect, useState } from "react";
import { api, type User } from "../shared/api/api.ts";
import { useI18n } from "../shared/i18n.tsx";
import { LoginPage } from "../features/account/components/LoginPage.tsx";
import { PasswordForm, SetPasswordPage } from "../features/account/components/SetPasswordPage.tsx";
import { ResultsPage } from "../features/results/components/ResultsPage.tsx";
import { MunicipalityPage } from "../features/reports/components/MunicipalityPage.tsx";
import { UsersPage } from "../features/admin/components/UsersPage.tsx";
import { AuditPage } from "../features/admin/components/AuditPage.tsx";
import { CasesPage } from "../features/registry/components/CasesPage.tsx";
import { ConferencesPage } from "../features/registry/components/ConferencesPage.tsx";
import { MetricsPage } from "../features/registry/components/MetricsPage.tsx";
import { RendementPage } from "../features/registry/components/RendementPage.tsx";
import { ReportsPage } from "../features/reports/components/ReportsPage.tsx";
import { QualityPage } from "../features/quality/components/QualityPage.tsx";
import { AuditsRisksPage } from "../features/audits-risks/components/AuditsRisksPage.tsx";
import { ManagementReviewsPage } from "../features/reviews/components/ManagementReviewsPage.tsx";
import { Status } from "../shared/components/Status.tsx";
import { navigate } from "../shared/useRoute.ts";
import type { MessageKey } from "../../../i18n/messages.ts";

/** A view's name is also its URL: /casussen, /kengetallen, … */
type View = "results" | "casussen" | "casusoverleg" | "kengetallen" | "rendement" | "uitdraaien" | "verbetercyclus" | "audits-risicos"
  | "directiebeoordeling" | "municipality" | "users" | "audit" | "account";

/** Which views each role gets; the API enforces the same rules, this only hides dead ends. */
const VIEWS: Record<string, View[]> = {
  admin: ["users", "audit", "account"],
  kwaliteit: ["results", "casussen", "casusoverleg", "kengetallen", "rendement", "uitdraaien", "verbetercyclus", "audits-risicos", "directiebeoordeling", "audit", "account"],
  management: ["results", "casussen", "casusoverleg", "kengetallen", "rendement", "uitdraaien", "verbetercyclus", "audits-risicos", "directiebeoordeling", "account"],
  auditor: ["results", "casussen", "casusoverleg", "kengetallen", "rendement", "verbetercyclus", "audits-risicos", "directiebeoordeling", "audit", "account"],
  medewerker: ["casussen", "casusoverleg", "kengetallen", "account"],
  gemeente: ["municipality", "kengetallen", "account"],
};
const LABEL: Record<View, MessageKey> = {
  results: "nav.results", casussen: "nav.cases", casusoverleg: "nav.conferences", kengetallen: "nav.metrics", rendement: "nav.rendement", uitdraaien: "nav.reports",
  verbetercyclus: "nav.quality", "audits-risicos": "nav.auditsRisks", directiebeoordeling: "nav.managementReview",
  municipality: "nav.municipality", users: "nav.users", audit: "nav.audit", account: "nav.account",
};

function viewFromPath(): View | null {
  const v = location.pathname.replace(/^\//, "").split("/")[0];
  return (Object.keys(LABEL) as View[]).includes(v as View) ? (v as View) : null;
}

export function App() {
  const { t, toggle } = useI18n();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [view, setView] = useState<View | null>(viewFromPath());
  useEffect(() => { api<{ user: User }>("/auth/me").then((r) => setUser(r.user), () => setUser(null)); }, []);
  useEffect(() => {
    const onPop = () => setView(viewFromPath());
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const token = /^\/wachtwoord\/([a-z2-7]+)$/.exec(location.pathname)?.[1];
  const views = user ? VIEWS[user.role] ?? ["account"] : [];
  const current = view && views.includes(view) ? view : views[0];
  // Through navigate(), so that a view's own sub-pages (a finding, a review) hear the move too.
  const go = (v: View) => navigate(`/${v}`);
  // Each view its own page title (WCAG 2.4.2): tabs, history and screen readers tell the views apart.
  const pageName = token ? t("setpw.title") : user === null ? t("login.title") : user && current ? t(LABEL[current]) : "";
  useEffect(() => { document.title = pageName ? `${pageName} – ${t("app.title")}` : t("app.title"); }, [pageName, t]);
  const logout = async () => { await api("/auth/logout", { method: "POST" }); setUser(null); };

  let main;
  if (token) main = <SetPasswordPage token={token} />;
  else if (user === undefined) main = <Status loading />;
  else if (user === null) main = <LoginPage onLogin={setUser} />;
  else if (current === "results") main = <ResultsPage />;
  else if (current === "casussen") main = <CasesPage user={user} />;
  else if (current === "casusoverleg") main = <ConferencesPage user={user} />;
  else if (current === "kengetallen") main = <MetricsPage user={user} />;
  else if (current === "rendement") main = <RendementPage user={user} />;
  else if (current === "uitdraaien") main = <ReportsPage />;
  else if (current === "verbetercyclus") main = <QualityPage user={user} />;
  else if (current === "audits-risicos") main = <AuditsRisksPage />;
  else if (current === "directiebeoordeling") main = <ManagementReviewsPage user={user} />;
  else if (current === "municipality") main = <MunicipalityPage municipalityId={user.municipalityId!} />;
  else if (current === "users") main = <UsersPage />;
  else if (current === "audit") main = <AuditPage />;
  else main = (
    <section className="card narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <p>{user.name} – {user.email}<br />{t("account.role")}: {user.role}</p>
      <PasswordForm onDone={() => alert(t("account.changed"))} />
    </section>
  );

  return (
    <>
      <a className="skip" href="#main">{t("app.skip")}</a>
      <header>
        <div className="brand"><strong>{t("app.title")}</strong> <span>{t("app.subtitle")}</span></div>
        <nav aria-label="Hoofdmenu">
          {views.map((v) => (
            <a key={v} href={`/${v}`} aria-current={v === current ? "page" : undefined}
              onClick={(e) => { e.preventDefault(); go(v); }}>{t(LABEL[v])}</a>))}
          {user && <button type="button" onClick={logout}>{t("nav.logout")}</button>}
          <button type="button" onClick={toggle} lang={t("app.language") === "English" ? "en" : "nl"}>{t("app.language")}</button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{main}</main>
    </>
  );
}
