import { useState } from "react";

/**
 * The busy and error state every form shares. `run` clears the last error, marks the form
 * busy, and turns a failure into the error to show. A form that leaves the page on success
 * keeps its button disabled until it has gone (`keepBusyOnSuccess`).
 */
export function useSubmit() {
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<void>, { keepBusyOnSuccess = false } = {}) {
    setError(undefined);
    setBusy(true);
    try {
      await work();
      if (!keepBusyOnSuccess) setBusy(false);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  }
  return { error, setError, busy, run };
}
