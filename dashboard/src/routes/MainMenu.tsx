import { Link } from "@tanstack/react-router";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { MessageKey } from "../../../i18n/messages.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { View } from "./views.ts";

const GROUP_LABEL: Record<View["group"], MessageKey> = {
  overview: "nav.overview",
  survey: "nav.group.survey",
  registry: "nav.group.registry",
  quality: "nav.group.quality",
  reports: "nav.group.reports",
  admin: "nav.group.admin",
  account: "nav.group.account",
};

/** The views in menu groups, in the order of their first view; a group of one view is a plain link. */
export function menuGroups(views: View[]) {
  const groups: { group: View["group"]; views: View[] }[] = [];
  for (const v of views) {
    const g = groups.find((x) => x.group === v.group);
    if (g) g.views.push(v);
    else groups.push({ group: v.group, views: [v] });
  }
  return groups;
}

/**
 * The views the user may see, grouped so the menu fits one row however many views there
 * are: a group is a disclosure button (aria-expanded) with its list of links; a group of
 * one view is just its link. Escape closes an open group and returns focus to its button;
 * so does a click elsewhere or going to another view. The current view is marked for
 * screen readers (aria-current) and its group button shows it too.
 */
export function MainMenu({ views, current }: { views: View[]; current: View["path"] | undefined }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<View["group"] | null>(null);
  const root = useRef<HTMLUListElement>(null);
  // Going to another view closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: current is the trigger, not read inside
  useEffect(() => setOpen(null), [current]);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent | FocusEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener("mousedown", away);
    document.addEventListener("focusin", away);
    return () => {
      document.removeEventListener("mousedown", away);
      document.removeEventListener("focusin", away);
    };
  }, [open]);
  const link = (v: View) => (
    // Exact: the router would otherwise also mark /bewijsmap current on /bewijsmap/controleren; sub-pages are covered by `current`.
    <Link to={v.path} activeOptions={{ exact: true }} aria-current={v.path === current ? "page" : undefined} onClick={() => setOpen(null)}>
      {t(v.label)}
    </Link>
  );
  const closeOnEscape = (group: View["group"]) => (e: KeyboardEvent) => {
    if (e.key !== "Escape") return;
    setOpen(null);
    document.getElementById(`menu-button-${group}`)?.focus();
  };
  return (
    <ul className="menu" ref={root}>
      {menuGroups(views).map(({ group, views: list }) =>
        list.length === 1 ? (
          <li key={group}>{link(list[0])}</li>
        ) : (
          <li key={group} className="menu-group" onKeyDown={closeOnEscape(group)}>
            <button
              type="button"
              id={`menu-button-${group}`}
              className={list.some((v) => v.path === current) ? "current" : undefined}
              aria-expanded={open === group}
              aria-controls={`menu-${group}`}
              onClick={() => setOpen(open === group ? null : group)}
            >
              {t(GROUP_LABEL[group])}
            </button>
            <ul id={`menu-${group}`} hidden={open !== group}>
              {list.map((v) => (
                <li key={v.path}>{link(v)}</li>
              ))}
            </ul>
          </li>
        ),
      )}
    </ul>
  );
}
