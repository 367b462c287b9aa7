import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../api/domain/survey/validate.ts";
import { listQuestions, scoredQuestions } from "../../api/domain/survey/definition.ts";
import { defaultQuestionnaire, DIMENSIONS } from "../../api/domain/survey/questionnaire.ts";
import { COMPLETE } from "../helpers/answers.ts";

const custom = {
  pages: [
    {
      elements: [
        { type: "radiogroup", name: "rol", choices: ["gemeente", { value: "politie", text: "Politie" }] },
        { type: "checkbox", name: "themas", choices: ["hg", "mh", "rad"] },
        { type: "dropdown", name: "vestiging", choices: ["alkmaar", "den-helder"] },
        { type: "boolean", name: "akkoord" },
        { type: "text", name: "kort", maxLength: 10 },
        { type: "comment", name: "lang" },
        { type: "panel", name: "p", elements: [{ type: "rating", name: "schaal", rateMin: 1, rateMax: 7, dimension: "x" }] },
        {
          type: "rating",
          name: "labels",
          rateValues: [
            { value: 1, text: "laag" },
            { value: 3, text: "hoog" },
          ],
        },
        { type: "text", name: "aantal", inputType: "number", validators: [{ type: "numeric", minValue: 0, maxValue: 10 }] },
        { type: "text", name: "verplicht", isRequired: true },
      ],
    },
  ],
};

const reasons = (data: Record<string, unknown>, mode: "progress" | "submit" = "progress") =>
  validateAnswers(custom, data, mode).map((e) => `${e.question}:${e.reason}`);

describe("answer validation", () => {
  it("accepts valid data", () => {
    expect(validateAnswers(defaultQuestionnaire, COMPLETE, "submit")).toEqual([]);
    expect(
      reasons(
        {
          rol: "politie",
          themas: ["hg", "rad"],
          vestiging: "alkmaar",
          akkoord: true,
          kort: "ja",
          schaal: 7,
          labels: 3,
          aantal: 4,
          verplicht: "x",
        },
        "submit",
      ),
    ).toEqual([]);
  });
  it("names unknown questions", () => {
    expect(reasons({ bsn: "123456782" })).toEqual(["bsn:unknown_question"]);
  });
  it("rejects ratings outside the scale", () => {
    expect(reasons({ schaal: 8 })).toEqual(["schaal:out_of_range"]);
    expect(reasons({ schaal: 2.5 })).toEqual(["schaal:out_of_range"]);
    expect(reasons({ labels: 2 })).toEqual(["labels:out_of_range"]);
    expect(validateAnswers(defaultQuestionnaire, { cijfer: 11 }, "progress")[0]).toMatchObject({
      question: "cijfer",
      reason: "out_of_range",
    });
  });
  it("rejects wrong types", () => {
    expect(reasons({ schaal: "5" })).toEqual(["schaal:wrong_type"]);
    expect(reasons({ kort: 5 })).toEqual(["kort:wrong_type"]);
    expect(reasons({ themas: "hg" })).toEqual(["themas:wrong_type"]);
    expect(reasons({ akkoord: "ja" })).toEqual(["akkoord:wrong_type"]);
    expect(reasons({ rol: { value: "x" } })).toEqual(["rol:invalid_choice"]);
  });
  it("rejects choices not in the list", () => {
    expect(reasons({ rol: "burgemeester" })).toEqual(["rol:invalid_choice"]);
    expect(reasons({ themas: ["hg", "fraude"] })).toEqual(["themas:invalid_choice"]);
    expect(reasons({ vestiging: "hoorn" })).toEqual(["vestiging:invalid_choice"]);
  });
  it("limits text length (maxLength, else 2000)", () => {
    expect(reasons({ kort: "x".repeat(11) })).toEqual(["kort:too_long"]);
    expect(reasons({ lang: "x".repeat(2000) })).toEqual([]);
    expect(reasons({ lang: "x".repeat(2001) })).toEqual(["lang:too_long"]);
  });
  it("lets progress be partial but requires answers on submit, with survey-core's validators", () => {
    expect(reasons({})).toEqual([]);
    expect(reasons({}, "submit")).toEqual(["verplicht:required"]);
    expect(reasons({ verplicht: "x", aantal: 42 }, "submit")).toEqual(["aantal:invalid"]);
    const missing = validateAnswers(defaultQuestionnaire, { ...COMPLETE, cijfer: undefined }, "submit");
    expect(missing.map((e) => e.question)).toEqual(["cijfer"]);
  });
});

describe("reading the definition", () => {
  it("walks panels and keeps dimension keys", () => {
    expect(listQuestions(custom).map((q) => q.name)).toContain("schaal");
    expect(scoredQuestions(custom).map((q) => q.name)).toEqual(["schaal"]);
  });
  it("gives every scored question of the default questionnaire a known dimension", () => {
    const scored = scoredQuestions(defaultQuestionnaire);
    expect(scored.length).toBe(18);
    for (const q of scored) expect(Object.keys(DIMENSIONS)).toContain(q.dimension);
    for (const d of [
      "bekendheid",
      "rolduidelijkheid",
      "casusoverleg",
      "informatiedeling",
      "meerwaarde",
      "samenwerking",
      "rapportcijfer",
      "nps",
    ]) {
      expect(
        scored.some((q) => q.dimension === d),
        d,
      ).toBe(true);
    }
  });
});
