import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { send } from "../shared/api/client.ts";
import { useI18n } from "../shared/i18n.tsx";
import { useMe } from "../features/account/api/session.ts";
import { LoginPage } from "../features/account/components/LoginPage.tsx";
import { Status } from "../shared/components/Status.tsx";
import { menuViewsFor, OPEN_PATHS, viewOf } from "./views.ts";
import { MainMenu } from "./MainMenu.tsx";

/**
 * The frame around every view: skip link, header with the menu, and the view itself; the
 * login page while nobody is signed in. The set-password link and the open views (verifying an
 * evidence pack) work without a session.
 */
export function Shell() {
  const { t, toggle } = useI18n();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const me = useMe();
  const client = useQueryClient();
  const setPw = pathname.startsWith("/wachtwoord/");
  const open = setPw || (OPEN_PATHS as readonly string[]).includes(pathname);
  const user = me.data?.user;
  const signedOut = !me.data && !!me.error;
  const views = menuViewsFor(me.data);
  const current = viewOf(pathname);
  // Each view its own page title (WCAG 2.4.2): tabs, history and screen readers tell the views apart.
  const pageName = setPw
    ? t("setpw.title")
    : open && current
      ? t(current.label)
      : signedOut
        ? t("login.title")
        : user && current
          ? t(current.label)
          : "";
  useEffect(() => {
    document.title = pageName ? `${pageName} – ${t("app.title")}` : t("app.title");
  }, [pageName, t]);
  const login = async () => {
    await client.resetQueries();
    focusHeadingWhenShown();
  };
  const logout = async () => {
    await send("logout", "POST", "/auth/logout");
    await client.resetQueries();
  };

  let main: ReactNode;
  if (open) main = <Outlet />;
  else if (me.loading) main = <Status loading />;
  else if (signedOut) main = <LoginPage onLogin={login} />;
  else main = <Outlet />;

  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header>
        <div className="brand">
          <Link to="/">
            <strong>{t("app.title")}</strong>
          </Link>{" "}
          <span>{t("app.subtitle")}</span>
        </div>
        <nav aria-label={t("nav.menu")}>
          {user && !setPw && <MainMenu views={views} current={current?.path} />}
          {user && (
            <button type="button" onClick={logout}>
              {t("nav.logout")}
            </button>
          )}
          <button type="button" onClick={toggle} lang={t("app.language") === "English" ? "en" : "nl"}>
            {t("app.language")}
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {main}
      </main>
    </>
  );
}

/**
 * After logging in, focus goes to the heading of the view that opens, as after a page load,
 * so a screen reader starts there. The view may still be loading: wait for its heading.
 */
function focusHeadingWhenShown() {
  const main = document.getElementById("main");
  if (!main) return;
  const focus = () => {
    const heading = main.querySelector<HTMLElement>("h1:not(#login-title)");
    if (!heading) return false;
    if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
    heading.focus();
    return true;
  };
  if (focus()) return;
  const watch = new MutationObserver(() => {
    if (focus()) watch.disconnect();
  });
  watch.observe(main, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 10_000);
}
