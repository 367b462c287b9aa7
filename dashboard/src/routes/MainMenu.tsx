import { Link } from "@tanstack/react-router";
import { useI18n } from "../shared/i18n.tsx";
import type { View } from "./views.ts";

/** The views the user may see, as plain links; the current one marked for screen readers too. */
export function MainMenu({ views, current }: { views: View[]; current: View["path"] | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {views.map((v) => (
        // Exact: the router would otherwise also mark /bewijsmap current on /bewijsmap/controleren; the view's own sub-pages are covered by `current`.
        <Link key={v.path} to={v.path} activeOptions={{ exact: true }} aria-current={v.path === current ? "page" : undefined}>
          {t(v.label)}
        </Link>
      ))}
    </>
  );
}
