import type { Db } from "../../db/types.ts";

/**
 * Every new anonymous payload may complete a batch for the mixer, so each submission asks for
 * a run. Under load a run per submission meant dozens of runs side by side, each counting the
 * pool and then competing for its rows (`skip locked`), most of them moving nothing: CPU and
 * round trips taken from the submissions. So one run at a time per database handle; a request
 * during a run asks for one more run after it (half a second later), so no payload waits for
 * the timer because its request came at the wrong moment.
 */
const PAUSE_MS = 500;
const running = new WeakMap<Db, { again: boolean; done: Promise<void> }>();

export function mixSoon(db: Db, mix: () => Promise<unknown>): Promise<void> {
  const current = running.get(db);
  if (current) {
    current.again = true;
    return current.done;
  }
  const entry = { again: true, done: Promise.resolve() };
  // Registered before the first run starts, so a run that fails at once still clears it.
  running.set(db, entry);
  entry.done = (async () => {
    try {
      while (entry.again) {
        entry.again = false;
        await mix();
        // Asked again during the run: the server is busy. A pause before the next run lets the
        // pool grow into one larger batch (fewer transactions, trail entries and count upserts per
        // payload) and leaves the event loop and the chain lock to the requests in between.
        if (entry.again) await new Promise((r) => setTimeout(r, PAUSE_MS));
      }
    } finally {
      running.delete(db);
    }
  })();
  return entry.done;
}
