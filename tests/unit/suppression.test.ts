import { describe, expect, it } from "vitest";
import { suppressedKeys } from "../../api/domain/stats/suppression.ts";

const cells = (o: Record<string, number>) => Object.entries(o).map(([key, n]) => ({ key, n }));

describe("small-cell suppression", () => {
  it("hides nothing when every group has at least 5", () => {
    expect([...suppressedKeys(cells({ a: 5, b: 12, c: 30 }))]).toEqual([]);
  });
  it("hides a single small group and, secondarily, the next-smallest so neither can be derived", () => {
    expect([...suppressedKeys(cells({ gemeente: 3, zorg: 8, justitie: 20 }))].sort()).toEqual(["gemeente", "zorg"]);
  });
  it("keeps hiding while the hidden groups together are still under the threshold", () => {
    // 1 + 2 = 3 < 5: the combined remainder would reveal a tiny group, so hide one more
    expect([...suppressedKeys(cells({ a: 1, b: 2, c: 6, d: 40 }))].sort()).toEqual(["a", "b", "c"]);
  });
  it("accepts two hidden groups whose sum reaches the threshold", () => {
    expect([...suppressedKeys(cells({ a: 2, b: 4, c: 6, d: 40 }))].sort()).toEqual(["a", "b"]);
  });
  it("ignores empty groups and honours groups hidden elsewhere", () => {
    expect([...suppressedKeys(cells({ a: 0, b: 9, c: 9 }))]).toEqual([]);
    expect([...suppressedKeys(cells({ a: 9, b: 7, c: 12 }), 5, new Set(["a"]))].sort()).toEqual(["a", "b"]);
  });
});
