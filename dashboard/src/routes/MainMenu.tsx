import { Link } from "@tanstack/react-router";
import { useI18n } from "../shared/i18n.tsx";
import type { View } from "./views.ts";

/** The views the user may see, as plain links; the current one marked for screen readers too. */
export function MainMenu({ views, current }: { views: View[]; current: View["path"] | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {views.map((v) => (
        <Link key={v.path} to={v.path} aria-current={v.path === current ? "page" : undefined}>
          {t(v.label)}
        </Link>
      ))}
    </>
  );
}
