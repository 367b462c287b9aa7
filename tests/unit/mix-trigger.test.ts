import { describe, expect, it } from "vitest";
import type { Db } from "../../db/types.ts";
import { mixSoon } from "../../api/respond/mix-trigger.ts";

/** A mixer whose runs the test finishes by hand, counting how many ran and how many overlapped. */
function mixer() {
  const state = { runs: 0, active: 0, maxActive: 0, finish: [] as (() => void)[] };
  const run = () => {
    state.runs++;
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    return new Promise<void>((r) =>
      state.finish.push(() => {
        state.active--;
        r();
      }),
    );
  };
  return { state, run };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("mixSoon", () => {
  it("runs one mixer at a time per database, and once more after a run that was asked for again", async () => {
    const db = {} as Db;
    const m = mixer();
    const first = mixSoon(db, m.run);
    // Ten submissions during the run ask for one more run, not ten.
    const during = Array.from({ length: 10 }, () => mixSoon(db, m.run));
    expect(during.every((p) => p === first)).toBe(true);
    expect(m.state.runs).toBe(1);
    m.state.finish.shift()!();
    // The second run starts after the pause.
    for (let i = 0; i < 200 && m.state.runs < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(m.state.runs).toBe(2);
    m.state.finish.shift()!();
    await first;
    expect(m.state.maxActive).toBe(1);
    // Nothing asked during the second run: done; the next request starts a new run at once.
    void mixSoon(db, m.run);
    expect(m.state.runs).toBe(3);
    m.state.finish.shift()!();
    await tick();
  });

  it("clears itself after a failed run, so the next request runs the mixer again", async () => {
    const db = {} as Db;
    await expect(mixSoon(db, () => Promise.reject(new Error("kapot")))).rejects.toThrow("kapot");
    let ran = false;
    await mixSoon(db, async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it("keeps databases apart", async () => {
    const a = mixer();
    const b = mixer();
    const pa = mixSoon({} as Db, a.run);
    const pb = mixSoon({} as Db, b.run);
    expect(a.state.runs + b.state.runs).toBe(2);
    a.state.finish.shift()!();
    b.state.finish.shift()!();
    await Promise.all([pa, pb]);
  });
});
