import { describe, expect, it } from "vitest";
import { GroupCommit } from "../../api/lib/group-commit.ts";

/** A writer that records each call's items and answers when the test lets it. */
function recorder(fail: (items: string[]) => boolean = () => false) {
  const calls: string[][] = [];
  const gates: (() => void)[] = [];
  const write = async (items: string[]) => {
    calls.push(items);
    await new Promise<void>((r) => gates.push(r));
    if (fail(items)) throw new Error(`refused ${items.join(",")}`);
    return items.map((i) => `ok ${i}`);
  };
  /** Lets every write started so far finish, then waits for the writes they start. */
  const drain = async () => {
    for (let round = 0; round < 20; round++) {
      await new Promise((r) => setTimeout(r, 0));
      const open = gates.splice(0);
      if (!open.length && round > 0) return;
      for (const g of open) g();
    }
  };
  return { calls, write, drain };
}

describe("group commit", () => {
  it("writes alone when nothing is in flight and groups what arrives meanwhile, each with its own answer", async () => {
    const r = recorder();
    const gc = new GroupCommit(r.write, { maxBatch: 3, maxInFlight: 1, key: (s) => s });
    const answers = ["a", "b", "c", "d", "e", "f"].map((s) => gc.submit(s));
    await r.drain();
    expect(await Promise.all(answers)).toEqual(["ok a", "ok b", "ok c", "ok d", "ok e", "ok f"]);
    // a alone (nothing in flight), then the waiting ones in arrival order, at most three per write.
    expect(r.calls).toEqual([["a"], ["b", "c", "d"], ["e", "f"]]);
  });

  it("keeps two items with one key out of the same batch", async () => {
    const r = recorder();
    const gc = new GroupCommit(r.write, { maxBatch: 10, maxInFlight: 1, key: (s) => s.split(":")[0] });
    const answers = ["x:1", "y:1", "y:2", "z:1", "y:3"].map((s) => gc.submit(s));
    await r.drain();
    await Promise.all(answers);
    expect(r.calls).toEqual([["x:1"], ["y:1", "z:1"], ["y:2"], ["y:3"]]);
  });

  it("runs up to maxInFlight writes side by side", async () => {
    const r = recorder();
    const gc = new GroupCommit(r.write, { maxBatch: 10, maxInFlight: 2, key: (s) => s });
    const answers = ["a", "b", "c", "d"].map((s) => gc.submit(s));
    expect(r.calls).toEqual([["a"], ["b"]]);
    await r.drain();
    await Promise.all(answers);
    expect(r.calls).toEqual([["a"], ["b"], ["c", "d"]]);
  });

  it("writes a failed batch again one by one, so only the item that fails is refused", async () => {
    const r = recorder((items) => items.includes("bad"));
    const gc = new GroupCommit(r.write, { maxBatch: 10, maxInFlight: 1, key: (s) => s });
    const settled = Promise.allSettled(["first", "a", "bad", "b"].map((s) => gc.submit(s)));
    await r.drain();
    const out = await settled;
    expect(out.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((out[2] as PromiseRejectedResult).reason).toMatchObject({ message: "refused bad" });
    expect(r.calls).toEqual([["first"], ["a", "bad", "b"], ["a"], ["bad"], ["b"]]);
  });

  it("refuses every item of a write that answers for the wrong number of items", async () => {
    const gc = new GroupCommit(async (items: string[]) => items.slice(1), { maxBatch: 10, maxInFlight: 1, key: (s) => s });
    await expect(gc.submit("a")).rejects.toThrow("0 answers for 1 items");
  });
});
