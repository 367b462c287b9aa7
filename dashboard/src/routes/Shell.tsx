import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { send } from "../shared/api/client.ts";
import { useI18n } from "../shared/i18n.tsx";
import { useMe } from "../features/account/api/session.ts";
import { LoginPage } from "../features/account/components/LoginPage.tsx";
import { Status } from "../shared/components/Status.tsx";
import { viewOf, viewsFor } from "./views.ts";
import { MainMenu } from "./MainMenu.tsx";

/**
 * The frame around every view: skip link, header with the menu, and the view itself; the
 * login page while nobody is signed in. The set-password link works without a session.
 */
export function Shell() {
  const { t, toggle } = useI18n();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const me = useMe();
  const client = useQueryClient();
  const focusHeading = useRef(false);
  const open = pathname.startsWith("/wachtwoord/");
  const user = me.data?.user;
  const signedOut = !me.data && !!me.error;
  const views = viewsFor(me.data);
  const current = viewOf(pathname);
  // Each view its own page title (WCAG 2.4.2): tabs, history and screen readers tell the views apart.
  const pageName = open ? t("setpw.title") : signedOut ? t("login.title") : user && current ? t(current.label) : "";
  useEffect(() => { document.title = pageName ? `${pageName} – ${t("app.title")}` : t("app.title"); }, [pageName, t]);
  // After logging in, focus goes to the heading of the page that opens, as after a page load.
  useEffect(() => {
    if (!user || !focusHeading.current) return;
    focusHeading.current = false;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) { heading.tabIndex = -1; heading.focus(); }
  });

  const login = async () => { focusHeading.current = true; await client.resetQueries(); };
  const logout = async () => { await send("logout", "POST", "/auth/logout"); await client.resetQueries(); };

  let main;
  if (open) main = <Outlet />;
  else if (me.loading) main = <Status loading />;
  else if (signedOut) main = <LoginPage onLogin={login} />;
  else main = <Outlet />;

  return (
    <>
      <a className="skip" href="#main">{t("app.skip")}</a>
      <header>
        <div className="brand"><Link to="/"><strong>{t("app.title")}</strong></Link> <span>{t("app.subtitle")}</span></div>
        <nav aria-label="Hoofdmenu">
          {user && !open && <MainMenu views={views} current={current?.path} />}
          {user && <button type="button" onClick={logout}>{t("nav.logout")}</button>}
          <button type="button" onClick={toggle} lang={t("app.language") === "English" ? "en" : "nl"}>{t("app.language")}</button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{main}</main>
    </>
  );
}
