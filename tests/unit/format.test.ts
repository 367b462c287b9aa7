import { describe, expect, it } from "vitest";
import {
  formatDay,
  formatEuro,
  formatHours,
  formatInterval,
  formatMonth,
  formatNumber,
  formatPercent,
} from "../../api/domain/format/numbers.ts";
import { csvField, neutralizeCell, toCsv } from "../../api/domain/format/csv.ts";

describe("the one server-side formatting module", () => {
  it("writes Dutch numbers, intervals and percentages", () => {
    expect(formatNumber(3.3849, "nl", 2)).toBe("3,38");
    expect(`95%-BI ${formatInterval({ low: 3.2213, high: 3.5391 })}`).toBe("95%-BI 3,22–3,54");
    expect(formatPercent(0.791)).toBe("79,1 %");
    expect(formatPercent(0.791, "en")).toBe("79.1%");
    expect(formatNumber(1234567.5, "nl", 1)).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "en", 1)).toBe("1,234,567.5");
    expect(formatNumber(-0.001, "nl", 2)).toBe("0,00");
    expect(formatNumber(Number.NaN)).toBe("–");
  });

  it("writes hours, euros and dates as people write them", () => {
    expect(formatHours(12)).toBe("12");
    expect(formatHours(12.25)).toBe("12,3");
    expect(formatEuro(1234.4)).toBe("€ 1.234");
    expect(formatEuro(-5, "en")).toBe("-€5");
    expect(formatDay("2026-03-31")).toBe("31 maart 2026");
    expect(formatDay("2026-03-31", "en")).toBe("31 March 2026");
    expect(formatDay("geen datum")).toBe("geen datum");
    expect(formatMonth("2026-03")).toEqual(["mrt.", "2026"]);
  });
});

describe("the one CSV writer", () => {
  it("neutralises text that a spreadsheet would run as a formula, and nothing else", () => {
    for (const bad of ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(neutralizeCell(bad)).toBe(`'${bad}`);
    for (const fine of ["Den Helder", "", "a=b", " =1+1", "12"]) expect(neutralizeCell(fine)).toBe(fine);
  });

  it("writes semicolons, decimal commas, ja/nee, RFC 4180 quotes and a byte-order mark", () => {
    expect(csvField(12.5)).toBe("12,5");
    expect(csvField(12.5, ".")).toBe("12.5");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(true)).toBe("ja");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.POSITIVE_INFINITY)).toBe("");
    expect(csvField('Zei "hoi"; weg')).toBe('"Zei ""hoi""; weg"');
    expect(
      toCsv([
        ["a", 1.5],
        ["=cmd", null],
      ]),
    ).toBe("\uFEFFa;1,5\r\n'=cmd;\r\n");
  });
});
