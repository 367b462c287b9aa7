import { describe, expect, it } from "vitest";
import { Model } from "survey-core";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { listQuestions } from "../../api/domain/survey/definition.ts";
import { codebook } from "../../api/domain/survey/codebook.ts";
import { respondentDefinition } from "../../api/domain/survey/not-applicable.ts";
import { dutchOnly, localText } from "../../api/domain/survey/local-text.ts";

/** Every SurveyJS property of the demo that a partner reads. */
const TEXT_KEYS = new Set(["title", "description", "completedHtml", "text", "minRateDescription", "maxRateDescription", "placeholder"]);

function texts(value: unknown, path = "", out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (TEXT_KEYS.has(k)) out.push([`${path}.${k}`, v]);
      else texts(v, `${path}.${k}`, out);
    }
  return out;
}

describe("the demo questionnaire in Dutch and English", () => {
  const all = texts(defaultQuestionnaire);

  it("gives every title, description, choice text, end label and page title a Dutch default and an English text", () => {
    // 1 title, description, completed text; 6 page titles; 20 question titles; 5 agree texts × 16; 4 end labels.
    expect(all.length).toBe(3 + 6 + 20 + 5 * 16 + 4);
    for (const [path, value] of all) {
      expect(value, path).toEqual({ default: expect.any(String), en: expect.any(String) });
      const { default: nl, en } = value as { default: string; en: string };
      expect(nl.trim(), path).not.toBe("");
      expect(en.trim(), path).not.toBe("");
      expect(en, path).not.toBe(nl);
    }
  });

  it("is English on the survey page when English is chosen, n.v.t. label included", () => {
    const served = respondentDefinition({
      ...defaultQuestionnaire,
      pages: [{ ...defaultQuestionnaire.pages[0], elements: [{ ...defaultQuestionnaire.pages[0].elements[0], showNotApplicable: true }] }],
    });
    const model = new Model(served);
    model.locale = "en";
    const q = model.getQuestionByName("bek_weten");
    expect(model.title).toBe("Partner satisfaction survey");
    expect(model.pages[0].title).toBe("Awareness and accessibility");
    expect(q.title).toBe("I know when I can refer a case to the Safety House.");
    expect((q as unknown as { rateValues: { text: string }[] }).rateValues.map((v) => v.text)).toEqual([
      "Strongly disagree",
      "Disagree",
      "Neutral",
      "Agree",
      "Strongly agree",
      "Don't know / not applicable",
    ]);
    model.locale = "nl";
    expect(q.title).toBe("Ik weet wanneer ik een casus kan aanmelden bij het Zorg- en Veiligheidshuis.");
  });

  it("reads as Dutch text everywhere outside the survey page (results, codebook), never as an object", () => {
    const questions = listQuestions(defaultQuestionnaire);
    expect(questions).toHaveLength(20);
    for (const q of questions) {
      expect(typeof q.title).toBe("string");
      expect(q.title).not.toContain("[object");
    }
    expect(questions.find((q) => q.name === "cijfer")!.title).toBe("Welk rapportcijfer geeft u het Zorg- en Veiligheidshuis als geheel?");
    const book = codebook(defaultQuestionnaire);
    expect(book.find((e) => e.question === "bek_weten")).toMatchObject({
      text: "Ik weet wanneer ik een casus kan aanmelden bij het Zorg- en Veiligheidshuis.",
      scale: "1 = Helemaal oneens; 2 = Oneens; 3 = Neutraal; 4 = Eens; 5 = Helemaal eens",
    });
    expect(book.find((e) => e.question === "cijfer")!.scale).toBe("0–10 (0 = Zeer slecht; 10 = Uitstekend)");
    expect(JSON.stringify(book)).not.toContain("[object");
  });

  it("keeps the Dutch of the version stored before the translations (same meaning, same version)", () => {
    const before = dutchOnly(defaultQuestionnaire) as { title: string; pages: { title: string }[] };
    expect(before.title).toBe("Klanttevredenheidsonderzoek ketenpartners");
    expect(before.pages.map((p) => p.title)).toEqual([
      "Bekendheid en bereikbaarheid",
      "Rolduidelijkheid",
      "Kwaliteit van het casusoverleg",
      "Informatiedeling en privacy",
      "Meerwaarde en samenwerking",
      "Uw oordeel",
    ]);
    expect(localText({ default: "Ja", en: "Yes" }, "en")).toBe("Yes");
    expect(localText({ nl: "Ja" }, "en")).toBe("Ja");
    expect(localText(undefined)).toBe("");
  });
});
