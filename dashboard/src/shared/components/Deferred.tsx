import { startTransition, useEffect, useState, type ReactNode } from "react";

/**
 * Renders its children in a transition after its own first commit, so that what comes before
 * it (a view's heading, key figures and first chart) paints first and the rest renders in
 * slices that leave the page responsive: on a slow phone the results view's first chart came
 * two seconds after its data, behind the render of every chart and table below it (issue 18).
 * Until then it is marked busy, as a view that is still loading is.
 */
export function Deferred({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    startTransition(() => setReady(true));
  }, []);
  return ready ? children : <div aria-busy="true" />;
}
