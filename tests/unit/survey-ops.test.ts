import { describe, expect, it } from "vitest";
import { Model } from "survey-core";
import { unzipSync, strFromU8 } from "fflate";
import { checkDefinition, rewordedQuestions } from "../../api/domain/survey/definition-check.ts";
import { respondentDefinition } from "../../api/domain/survey/not-applicable.ts";
import { validateAnswers } from "../../api/domain/survey/validate.ts";
import { parseCsv, parseXlsx } from "../../api/domain/contacts/table.ts";
import { readContactRows } from "../../api/domain/contacts/rows.ts";
import { renderTemplate, unknownPlaceholders } from "../../api/domain/mail/templates.ts";
import { perDay, rateAtDay } from "../../api/domain/survey/fieldwork.ts";
import { codebook } from "../../api/domain/survey/codebook.ts";
import { qrPng, qrSvg } from "../../api/domain/qr/qr.ts";
import { renderWorkbook } from "../../api/domain/report/report.sheet.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";

const rating = (name: string, extra: Record<string, unknown> = {}) => ({
  type: "rating",
  name,
  title: name,
  dimension: "samenwerking",
  rateMin: 1,
  rateMax: 5,
  ...extra,
});
const def = (...elements: unknown[]) => ({ title: "Test", pages: [{ name: "p1", elements }] });

describe("questionnaire definition checks", () => {
  it("accepts the default questionnaire and every supported type", () => {
    expect(checkDefinition(defaultQuestionnaire)).toEqual([]);
    expect(
      checkDefinition(
        def(
          rating("r1", { showNotApplicable: true, minRateDescription: { nl: "Slecht", en: "Bad" }, maxRateDescription: "Goed" }),
          { type: "radiogroup", name: "rg", choices: ["a", "b"] },
          { type: "checkbox", name: "cb", choices: [{ value: 1, text: "een" }, 2] },
          { type: "dropdown", name: "dd", choices: ["x"] },
          { type: "boolean", name: "bijgewoond", title: { nl: "Bijgewoond?", en: "Attended?" } },
          { type: "comment", name: "c" },
          { type: "text", name: "t", visibleIf: "{bijgewoond} = true and {rg} = 'a'" },
          { type: "panel", name: "pan", elements: [rating("r2", { scored: false, dimension: undefined })] },
        ),
      ),
    ).toEqual([]);
  });

  it("names the element for an unknown type, a duplicate name, a scored question without dimension and a broken visibleIf", () => {
    const problems = checkDefinition(
      def(
        { type: "matrix", name: "m1" },
        rating("dup"),
        rating("dup"),
        rating("nodim", { dimension: undefined }),
        { type: "comment", name: "c1", visibleIf: "{dup} = " },
        { type: "comment", name: "c2", visibleIf: "{bestaatniet} = 1" },
        { type: "radiogroup", name: "rg", choices: [] },
        rating("scale", { rateMin: 5, rateMax: 1 }),
        { type: "text", name: "tt", title: { en: "Only English" } },
      ),
    );
    const by = (reason: string) => problems.filter((p) => p.reason === reason).map((p) => p.element);
    expect(by("unknown_type")).toEqual(["m1"]);
    expect(by("duplicate_name")).toEqual(["dup"]);
    expect(by("missing_dimension")).toEqual(["nodim"]);
    expect(by("bad_condition")).toEqual(["c1", "c2"]);
    expect(problems.find((p) => p.element === "c2")!.message).toContain("bestaatniet");
    expect(by("no_choices")).toEqual(["rg"]);
    expect(by("bad_scale")).toEqual(["scale"]);
    expect(by("bad_text")).toEqual(["tt"]);
    expect(checkDefinition({ pages: [] })[0].reason).toBe("no_pages");
    expect(checkDefinition("x")[0].reason).toBe("not_an_object");
  });

  it("flags a scored question that kept its name but changed its text", () => {
    const a = def(rating("q1", { title: "Oud" }), rating("q2", { title: "Zelfde" }));
    const b = def(rating("q1", { title: "Nieuw" }), rating("q2", { title: "Zelfde" }), rating("q3"));
    expect(rewordedQuestions(a, b)).toEqual(["q1"]);
  });
});

describe("weet niet / n.v.t. and routing in answer validation", () => {
  const d = def(
    rating("r1", { showNotApplicable: true, isRequired: true }),
    rating("r2", { isRequired: true }),
    { type: "boolean", name: "bijgewoond", isRequired: true },
    rating("co", { isRequired: true, visibleIf: "{bijgewoond} = true" }),
  );
  it("serves n.v.t. as an extra scale point and accepts it as an answer to that question only", () => {
    const served = respondentDefinition(d) as { pages: { elements: { rateValues?: { value: unknown }[] }[] }[] };
    expect(served.pages[0].elements[0].rateValues!.map((v) => (typeof v === "object" ? v.value : v))).toEqual([1, 2, 3, 4, 5, "nvt"]);
    expect(validateAnswers(d, { r1: "nvt", r2: 3, bijgewoond: false }, "submit")).toEqual([]);
    expect(validateAnswers(d, { r1: 4, r2: "nvt", bijgewoond: false }, "submit").map((e) => e.question)).toEqual(["r2"]);
  });
  it("falls back to Dutch per string when English is chosen", () => {
    const served = respondentDefinition(
      def(rating("r1", { title: { nl: "Goed geregeld", en: "Well organised" } }), rating("r2", { title: { nl: "Alleen Nederlands" } })),
    );
    const model = new Model(served);
    model.locale = "en";
    expect(model.getQuestionByName("r1").title).toBe("Well organised");
    expect(model.getQuestionByName("r2").title).toBe("Alleen Nederlands");
    model.locale = "nl";
    expect(model.getQuestionByName("r1").title).toBe("Goed geregeld");
  });

  it("requires a visible question, and refuses an answer to a hidden one", () => {
    expect(validateAnswers(d, { r1: 2, r2: 3, bijgewoond: true }, "submit").map((e) => [e.question, e.reason])).toEqual([
      ["co", "required"],
    ]);
    expect(validateAnswers(d, { r1: 2, r2: 3, bijgewoond: false, co: 4 }, "submit").map((e) => [e.question, e.reason])).toEqual([
      ["co", "hidden_question"],
    ]);
    expect(validateAnswers(d, { r1: 2, r2: 3, bijgewoond: true, co: 4 }, "submit")).toEqual([]);
  });
});

const places = {
  municipalities: [
    { id: "alkmaar", name: "Alkmaar", branchId: "alkmaar" },
    { id: "hoorn", name: "Hoorn", branchId: "west-friesland" },
  ],
  branches: [
    { id: "alkmaar", name: "Alkmaar" },
    { id: "west-friesland", name: "West-Friesland" },
  ],
};

describe("contact lists", () => {
  it("reads Dutch Excel CSV (semicolons, BOM, quotes) and comma CSV", () => {
    expect(parseCsv('\uFEFForganisatie;type\r\n"Politie; Noord";veiligheid\r\n"Zeg ""hoi""";zorg\n')).toEqual([
      ["organisatie", "type"],
      ["Politie; Noord", "veiligheid"],
      ['Zeg "hoi"', "zorg"],
    ]);
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("checks every row, reports errors by line number, and merges duplicates on e-mail", () => {
    const bad = readContactRows(
      parseCsv("organisatie;type;gemeente;e-mail\nPolitie;veiligheid;Alkmaar;a@x.nl\nX;onbekend;Atlantis;geen-mail\n"),
      places,
    );
    expect(bad.contacts).toEqual([]);
    expect(bad.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "e-mail"],
      [3, "organisatie"],
      [3, "type"],
      [3, "gemeente"],
    ]);
    const ok = readContactRows(
      parseCsv(
        "Naam;E-mail;Organisatie;Type;Gemeente;Opt-out\nA;A@x.nl;Politie;veiligheid;Hoorn;\n;a@x.nl;Politie NHN;veiligheid;;ja\nB;b@x.nl;GGD;zorg;;nee\n",
      ),
      places,
    );
    expect(ok.errors).toEqual([]);
    expect(ok.contacts).toHaveLength(2);
    expect(ok.contacts[0]).toMatchObject({
      email: "a@x.nl",
      name: "A",
      organisation: "Politie NHN",
      municipality: "hoorn",
      branch: "west-friesland",
      optedOut: true,
    });
    expect(readContactRows([["organisatie", "e-mail"]], places).errors[0].message).toContain("type");
  });

  it("reads the first worksheet of an XLSX file", () => {
    const bytes = renderWorkbook(
      [
        {
          name: "Contacten",
          header: ["organisatie", "type", "e-mail"],
          rows: [
            ["Woonwaard & co", "wonen", "w@x.nl"],
            ["GGD", "zorg", "g@x.nl"],
          ],
        },
      ],
      { title: "t", creator: "c", locale: "nl", generatedAt: "2026-01-01T00:00:00Z" },
    );
    expect(parseXlsx(bytes)).toEqual([
      ["organisatie", "type", "e-mail"],
      ["Woonwaard & co", "wonen", "w@x.nl"],
      ["GGD", "zorg", "g@x.nl"],
    ]);
    expect(() => parseXlsx(new Uint8Array([1, 2, 3]))).toThrow(/XLSX/);
  });
});

describe("templates, fieldwork figures, codebook and QR", () => {
  it("fills placeholders and finds unknown ones", () => {
    expect(
      renderTemplate("Beste {naam} van {organisatie}", {
        naam: "Ans",
        organisatie: "GGD",
        link: "",
        sluitdatum: "",
        contactpersoon: "",
        afmeldlink: "",
      }),
    ).toBe("Beste Ans van GGD");
    expect(unknownPlaceholders("{naam} {nam} {link} {x}")).toEqual(["nam", "x"]);
  });

  it("counts per day and gives the response rate at a day of fieldwork", () => {
    const d = (s: string) => new Date(s);
    const list = [
      {
        createdAt: d("2026-03-01T08:00:00Z"),
        openedAt: d("2026-03-01T09:00:00Z"),
        startedAt: null,
        submittedAt: d("2026-03-01T10:00:00Z"),
        organisationType: "zorg",
        branchId: null,
      },
      {
        createdAt: d("2026-03-01T08:00:00Z"),
        openedAt: d("2026-03-03T09:00:00Z"),
        startedAt: d("2026-03-03T09:05:00Z"),
        submittedAt: d("2026-03-05T10:00:00Z"),
        organisationType: "wonen",
        branchId: "alkmaar",
      },
    ];
    const days = perDay(list);
    expect(days[0]).toMatchObject({ date: "2026-03-01", invited: 2, opened: 1, started: 1, submitted: 1 });
    expect(days.at(-1)!.cumulative).toEqual({ invited: 2, opened: 2, started: 2, submitted: 2 });
    expect(rateAtDay(list, d("2026-03-01T00:00:00Z"), 0).responseRate).toBe(0.5);
    expect(rateAtDay(list, d("2026-03-01T00:00:00Z"), 4).responseRate).toBe(1);
  });

  it("describes every question in the codebook", () => {
    const book = codebook(
      def(rating("r1", { showNotApplicable: true, minRateDescription: "Slecht", maxRateDescription: "Goed" }), {
        type: "boolean",
        name: "b",
        visibleIf: "{r1} > 2",
      }),
    );
    expect(book[0]).toMatchObject({
      question: "r1",
      type: "rating",
      dimension: "samenwerking",
      scale: "1–5 (1 = Slecht; 5 = Goed); nvt = weet niet / n.v.t.",
    });
    expect(book[1]).toMatchObject({ question: "b", visibleIf: "{r1} > 2" });
  });

  it("draws the QR code as SVG and as a valid PNG", () => {
    expect(qrSvg("http://test.local/o/abc")).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    const png = qrPng("http://test.local/o/abc");
    expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(strFromU8(png.slice(12, 16))).toBe("IHDR");
    expect(unzipSync).toBeTypeOf("function");
  });
});
