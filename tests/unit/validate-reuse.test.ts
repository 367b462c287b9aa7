import { describe, expect, it } from "vitest";
import { modelsBuilt, surveyCoreErrorsFresh, validateAnswers } from "../../api/domain/survey/validate.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { listQuestions } from "../../api/domain/survey/definition.ts";
import { prng } from "../../db/seed/demo.ts";
import { COMPLETE } from "../helpers/answers.ts";

/** Routing, conditional requirements, validators and hidden containers: what survey-core decides, not us. */
const routed = {
  locale: "nl",
  pages: [
    {
      name: "p1",
      elements: [
        { type: "boolean", name: "casusoverleg", isRequired: true },
        { type: "rating", name: "co_voorzitter", rateMin: 1, rateMax: 5, isRequired: true, visibleIf: "{casusoverleg} = true" },
        { type: "radiogroup", name: "rol", choices: ["gemeente", "politie", "zorg"], isRequired: true },
        {
          type: "checkbox",
          name: "themas",
          choices: ["hg", "mh", "rad", "jeugd"],
          validators: [{ type: "answercount", minCount: 1, maxCount: 2 }],
          requiredIf: "{rol} = 'gemeente'",
        },
        {
          type: "panel",
          name: "politiepanel",
          visibleIf: "{rol} = 'politie'",
          elements: [
            { type: "text", name: "district", isRequired: true, validators: [{ type: "regex", regex: "^[A-Z]{2}$" }] },
            { type: "dropdown", name: "eenheid", choices: ["nhn", "amsterdam"] },
          ],
        },
      ],
    },
    {
      name: "p2",
      visibleIf: "{co_voorzitter} notempty",
      elements: [
        { type: "rating", name: "co_afspraken", rateValues: [1, 2, 3], isRequired: true },
        { type: "text", name: "aantal", inputType: "number", validators: [{ type: "numeric", minValue: 0, maxValue: 10 }] },
        { type: "comment", name: "toelichting", validators: [{ type: "text", minLength: 3 }], visibleIf: "{co_afspraken} < 3" },
      ],
    },
    {
      name: "p3",
      elements: [
        { type: "text", name: "mail", validators: [{ type: "email" }] },
        { type: "text", name: "check", validators: [{ type: "expression", expression: "{aantal} <= 5 or {aantal} empty" }] },
      ],
    },
  ],
};

/** Per question: answers that survey-core accepts, ones it refuses, and ones our type checks refuse first. */
const VALUES: Record<string, unknown[]> = {
  casusoverleg: [true, false, null],
  co_voorzitter: [1, 3, 5, 0, "3"],
  rol: ["gemeente", "politie", "zorg", "rechter"],
  themas: [[], ["hg"], ["hg", "mh"], ["hg", "mh", "rad"], ["fraude"], "hg"],
  district: ["NH", "nh", "N", ""],
  eenheid: ["nhn", "amsterdam", "x"],
  co_afspraken: [1, 2, 3, 4],
  aantal: [0, 4, 7, 11, -1, "4"],
  toelichting: ["ok", "goed zo", ""],
  mail: ["a@b.nl", "geen-adres"],
  check: ["x"],
};

function randomAnswers(rand: () => number, values: Record<string, unknown[]>) {
  const data: Record<string, unknown> = {};
  for (const [name, options] of Object.entries(values)) {
    if (rand() < 0.25) continue; // left out
    data[name] = options[Math.floor(rand() * options.length)];
  }
  if (rand() < 0.05) data.onbekend = 1;
  return data;
}

const verdict = (errors: { question: string; reason: string; message: string }[]) =>
  errors.map((e) => `${e.question}:${e.reason}:${e.message}`);

/** The reference: the same checks with a survey-core model built for this one call. */
function reference(definition: unknown, data: Record<string, unknown>) {
  const typed = validateAnswers(definition, data, "progress");
  return typed.length ? typed : surveyCoreErrorsFresh(definition, data);
}

describe("validation with a kept survey-core model per questionnaire", () => {
  it("gives the verdicts of a fresh model for thousands of random answer sets, in any order", () => {
    const rand = prng(18);
    const defaultValues: Record<string, unknown[]> = Object.fromEntries(
      listQuestions(defaultQuestionnaire).map((q) => [
        q.name,
        q.type === "rating" ? [...q.allowed!, 99, null] : ["prima", "", " \n\u00a0", " x ", null, "x".repeat(2001)],
      ]),
    );
    const seen = new Set<string>();
    let compared = 0;
    for (let i = 0; i < 2000; i++) {
      // Interleave two questionnaires, so that a kept model must forget everything from the other one and from the last call.
      const [definition, values] = rand() < 0.9 ? [routed, VALUES] : [defaultQuestionnaire, defaultValues];
      const data = rand() < 0.1 && definition === defaultQuestionnaire ? { ...COMPLETE } : randomAnswers(rand, values);
      const kept = verdict(validateAnswers(definition, data, "submit"));
      expect(kept, JSON.stringify(data)).toEqual(verdict(reference(definition, data)));
      for (const v of kept) seen.add(v.split(":").slice(0, 2).join(":"));
      if (!kept.length) seen.add("valid");
      compared++;
    }
    expect(compared).toBe(2000);
    // The random sets reach every kind of verdict, or the comparison proves little.
    for (const kind of [
      "valid",
      "casusoverleg:required",
      "co_voorzitter:hidden_question",
      "co_voorzitter:required",
      "themas:required",
      "themas:invalid",
      "district:required",
      "district:invalid",
      "district:hidden_question",
      "co_afspraken:required",
      "aantal:invalid",
      "toelichting:invalid",
      "toelichting:hidden_question",
      "mail:invalid",
      "check:invalid",
      "rol:invalid_choice",
      "co_voorzitter:wrong_type",
      "onbekend:unknown_question",
      "cijfer:required",
      "cijfer:out_of_range",
    ]) {
      expect(seen, kind).toContain(kind);
    }
  }, 120_000);

  it("neither requires nor accepts hidden questions", () => {
    const base = { casusoverleg: false, rol: "zorg" };
    expect(validateAnswers(routed, base, "submit")).toEqual([]);
    // Required but hidden (visibleIf false, a hidden panel, a hidden page): not asked, so not missing.
    // (The hidden answer still counts in survey-core's expressions: here it shows page 2, whose question is then missing.)
    expect(validateAnswers(routed, { ...base, co_voorzitter: 4 }, "submit").map((e) => `${e.question}:${e.reason}`)).toEqual([
      "co_voorzitter:hidden_question",
      "co_afspraken:required",
    ]);
    expect(validateAnswers(routed, { ...base, district: "NH" }, "submit").map((e) => e.reason)).toEqual(["hidden_question"]);
    expect(validateAnswers(routed, { ...base, co_afspraken: 2 }, "submit").map((e) => e.reason)).toEqual(["hidden_question"]);
    // Shown by the answers: now required.
    expect(validateAnswers(routed, { ...base, casusoverleg: true }, "submit").map((e) => `${e.question}:${e.reason}`)).toEqual([
      "co_voorzitter:required",
    ]);
    expect(
      validateAnswers(routed, { ...base, casusoverleg: true, co_voorzitter: 4 }, "submit").map((e) => `${e.question}:${e.reason}`),
    ).toEqual(["co_afspraken:required"]);
    expect(validateAnswers(routed, { ...base, casusoverleg: true, co_voorzitter: 4, co_afspraken: 3 }, "submit")).toEqual([]);
    // Progress is partial: an answer that is hidden now may be shown again before the end.
    expect(validateAnswers(routed, { ...base, co_voorzitter: 4 }, "progress")).toEqual([]);
  });

  it("builds a questionnaire's model once and reuses it, also for a copy of the same definition (its cost: scripts/bench/perf.ts)", () => {
    // A definition with a visibleIf, so that survey-core's model is used rather than the plain required check.
    const base = { casusoverleg: false, rol: "zorg" };
    validateAnswers(routed, base, "submit");
    const before = modelsBuilt();
    for (let i = 0; i < 50; i++) {
      const errors = validateAnswers(JSON.parse(JSON.stringify(routed)), { ...base, casusoverleg: true }, "submit");
      expect(errors.map((e) => `${e.question}:${e.reason}`)).toEqual(["co_voorzitter:required"]);
    }
    expect(modelsBuilt()).toBe(before);
    // Another definition gets its own model.
    validateAnswers({ ...JSON.parse(JSON.stringify(routed)), title: "Andere versie" }, base, "submit");
    expect(modelsBuilt()).toBe(before + 1);
  });
});
