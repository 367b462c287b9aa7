import { describe, expect, it } from "vitest";
import { findHostileText, textProblem } from "../../api/domain/input/text.ts";
import { dateProblem, hoursProblem, latestDate } from "../../api/domain/input/plausible.ts";
import { citizenDataProblem, findCitizenData, passesElfproef } from "../../api/domain/registry/citizen-data.ts";

describe("hostile text", () => {
  const single = (s: string) => textProblem(s, { multiline: false });
  const multi = (s: string) => textProblem(s, { multiline: true });

  it.each([
    ["NUL", "abc\u0000def", 0x0],
    ["lone high surrogate", "a\ud800b", 0xd800],
    ["lone low surrogate", "a\udc00b", 0xdc00],
    ["surrogate at the end", "a\ud83d", 0xd83d],
    ["ESC", "a\u001b[31m", 0x1b],
    ["BEL", "a\u0007", 0x7],
    ["DEL", "a\u007f", 0x7f],
    ["C1 NEL", "a\u0085b", 0x85],
    ["RLO", "invoice\u202Efdp.exe", 0x202e],
    ["LRI", "a\u2066b", 0x2066],
    ["zero-width space", "a\u200Bb", 0x200b],
    ["zero-width non-joiner", "a\u200Cb", 0x200c],
    ["lone zero-width joiner", "a\u200Db", 0x200d],
    ["BOM", "\uFEFFtitel", 0xfeff],
  ])("refuses %s in every field", (_label, value, codePoint) => {
    expect(single(value)?.codePoint).toBe(codePoint);
    expect(multi(value)?.codePoint).toBe(codePoint);
    expect(multi(value)?.message).toMatch(/U\+[0-9A-F]{4}/);
  });

  it("keeps line breaks and tabs in multi-line fields only", () => {
    for (const s of ["regel 1\nregel 2", "a\tb", "a\r\nb"]) {
      expect(multi(s)).toBeNull();
      expect(single(s)?.message).toMatch(/één regel/);
    }
  });

  it("accepts ordinary Dutch text, accents, euro signs and emoji, including joined emoji", () => {
    for (const s of ["Rapport – juni € 12,50", "Café Ëlsa ‘aanhalingstekens’", "👍🏽 prima", "👨‍👩‍👧 gezin", "👩‍💻 ICT", "מבחן", "中文"]) {
      expect(single(s)).toBeNull();
    }
  });

  it("walks keys and values of any JSON at any depth and names the path", () => {
    const found = findHostileText({ a: "ok", b: [{ c: "x\u0000" }, "y"], d: { "e\u202e": 1 }, f: { g: { h: "\ud800" } } });
    expect(found.map((f) => f.path)).toEqual(["b.0.c", "d.e?", "f.g.h"]);
    expect(findHostileText({ note: "twee\nregels", n: 1, t: true, z: null })).toEqual([]);
  });
});

describe("plausible dates", () => {
  const today = "2026-11-28";
  it("refuses years 0000 and 1900 for every kind, and 9999-12-31", () => {
    for (const kind of ["event", "plan", "period"] as const) {
      expect(dateProblem("0000-01-01", kind, today)).toMatch(/2000-01-01/);
      expect(dateProblem("1900-06-01", kind, today)).toMatch(/2000-01-01/);
      expect(dateProblem("9999-12-31", kind, today)).not.toBeNull();
      expect(dateProblem("1999-12-31", kind, today)).not.toBeNull();
      expect(dateProblem("2000-01-01", kind, today)).toBeNull();
      expect(dateProblem(today, kind, today)).toBeNull();
    }
  });
  it("lets a date that happened be at most a day after today", () => {
    expect(latestDate("event", today)).toBe("2026-11-29");
    expect(dateProblem("2026-11-29", "event", today)).toBeNull();
    expect(dateProblem("2026-11-30", "event", today)).toMatch(/toekomst/);
  });
  it("lets plans reach ten years ahead, not further", () => {
    expect(dateProblem("2036-11-28", "plan", today)).toBeNull();
    expect(dateProblem("2036-11-29", "plan", today)).toMatch(/10 jaar/);
  });
  it("refuses dates that do not exist", () => {
    expect(dateProblem("2025-02-30", "event", today)).toMatch(/bestaande/);
    expect(dateProblem("2025-13-01", "event", today)).toMatch(/bestaande/);
  });
});

describe("plausible hours", () => {
  it.each([0.25, 1, 7.5, 24])("accepts %s", (h) => expect(hoursProblem(h)).toBeNull());
  it.each([1e-320, 0, -1, 0.1, 24.25, 1e308, Number.NaN, Number.POSITIVE_INFINITY, 0.3])("refuses %s", (h) =>
    expect(hoursProblem(h)).not.toBeNull(),
  );
});

describe("citizen data in registry free text", () => {
  it("knows the elfproef", () => {
    expect(passesElfproef("111222333")).toBe(true);
    expect(passesElfproef("123456782")).toBe(true);
    expect(passesElfproef("123456789")).toBe(false);
    expect(passesElfproef("000000000")).toBe(false);
  });

  it.each([
    ["Jan Jansen BSN 111222333", "bsn"],
    ["bsn: 123 456 782", "bsn"],
    ["nummer 1234.56.782 genoteerd", "bsn"],
    ["woont 1811 AB 12", "adres"],
    ["1811AB12", "adres"],
    ["postcode 1811 AB, 12a", "adres"],
    ["Dorpsstraat 12, 1811 AB Alkmaar", "adres"],
    ["geb. 01-02-1980", "geboortedatum"],
    ["geboren 1 februari 1980", "geboortedatum"],
    ["Geboortedatum: 1980-02-01", "geboortedatum"],
    ["geb 1-2-80", "geboortedatum"],
    ["geboren op 3 mrt. 1975", "geboortedatum"],
    ["geboren in 1980", "geboortedatum"],
  ])("finds %s", (text, kind) => {
    expect(findCitizenData(text).map((h) => h.kind)).toContain(kind);
    expect(citizenDataProblem(text)).toMatch(/pseudoniem/);
  });

  it.each([
    "ICO op 12-03-2026 met Politie, OM en Veilig Thuis",
    "In 2024 en 12 casussen besproken",
    "sinds 2019 OM 2 keer betrokken",
    "Bel 0612345678 (procesregisseur)",
    "Zaaknummer 123456789 bij de politie", // nine digits that fail the elfproef
    "Casus ALK-2026-0012, 4 partners, 2,5 uur",
    "gebeld op 01-02-2026 door de casusregisseur",
    "Afspraak: terugkoppeling vóór 1 februari 2026",
    "Huiselijk geweld",
  ])("lets through %s", (text) => {
    expect(findCitizenData(text)).toEqual([]);
  });
});
