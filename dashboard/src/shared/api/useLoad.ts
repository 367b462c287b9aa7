import { useEffect, useState } from "react";
import { api } from "./api.ts";

/** Loads a GET endpoint; re-runs when the path changes. */
export function useLoad<T>(path: string | null) {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: !!path });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then((data) => live && setState({ data, loading: false }), (error: Error) => live && setState({ error, loading: false }));
    return () => { live = false; };
  }, [path, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
