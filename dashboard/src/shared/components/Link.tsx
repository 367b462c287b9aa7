import type { ReactNode } from "react";
import { navigate } from "../useRoute.ts";

/**
 * A real link (it opens in a new tab, and screen readers call it a link) that moves
 * inside the dashboard without reloading it.
 */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a href={to} className={className} onClick={(e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      navigate(to);
    }}>{children}</a>
  );
}
