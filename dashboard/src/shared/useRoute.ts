import { useEffect, useState } from "react";

/**
 * Moves to another page of the dashboard without a reload. The popstate event is sent by
 * hand so that everything listening to the address (the view, sub-pages, URL filters)
 * follows, exactly as it does for the browser's back button.
 */
export function navigate(path: string) {
  history.pushState(null, "", path);
  dispatchEvent(new PopStateEvent("popstate"));
}

/** The path below a view, e.g. ["<findingId>"] for /verbetercyclus/<findingId>. */
export function useSubPath() {
  const read = () => location.pathname.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const onPop = () => setParts(read());
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  return parts;
}
