import { useEffect, useState } from "react";
import { api, type User } from "./api.ts";
import { useI18n } from "./i18n.tsx";
import { LoginPage } from "./LoginPage.tsx";
import { PasswordForm, SetPasswordPage } from "./SetPasswordPage.tsx";
import { ResultsPage } from "./ResultsPage.tsx";
import { MunicipalityPage } from "./MunicipalityPage.tsx";
import { UsersPage } from "./UsersPage.tsx";
import { AuditPage } from "./AuditPage.tsx";
import { Status } from "./Status.tsx";
import type { MessageKey } from "../../i18n/messages.ts";

type View = "results" | "municipality" | "users" | "audit" | "account";

/** Which views each role gets; the API enforces the same rules, this only hides dead ends. */
const VIEWS: Record<string, View[]> = {
  admin: ["users", "audit", "account"],
  kwaliteit: ["results", "audit", "account"],
  management: ["results", "account"],
  auditor: ["results", "audit", "account"],
  medewerker: ["account"],
  gemeente: ["municipality", "account"],
};
const LABEL: Record<View, MessageKey> = {
  results: "nav.results", municipality: "nav.municipality", users: "nav.users", audit: "nav.audit", account: "nav.account",
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
  const go = (v: View) => { history.pushState(null, "", `/${v}`); setView(v); };
  const logout = async () => { await api("/auth/logout", { method: "POST" }); setUser(null); };

  let main;
  if (token) main = <SetPasswordPage token={token} />;
  else if (user === undefined) main = <Status loading />;
  else if (user === null) main = <LoginPage onLogin={setUser} />;
  else if (current === "results") main = <ResultsPage />;
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
      <main id="main">{main}</main>
    </>
  );
}
