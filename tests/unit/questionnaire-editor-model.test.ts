import { describe, expect, it } from "vitest";
import * as m from "../../dashboard/src/features/questionnaires/api/model.ts";
import { rewordedQuestions } from "../../api/domain/survey/definition-check.ts";
import { localText } from "../../api/domain/survey/local-text.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";

const doc = () => m.toDoc(defaultQuestionnaire);

describe("the questionnaire editor's model (SurveyJS JSON edited in place)", () => {
  it("keeps properties the editor does not know through edits, moves and removals", () => {
    let d = doc();
    d = m.updateElement(d, 0, 0, { title: { nl: "Ik weet wanneer ik kan aanmelden.", en: "I know when to refer." } });
    expect(d.pages[0].elements[0]).toMatchObject({ displayMode: "buttons", rateValues: expect.any(Array), dimension: "bekendheid" });
    d = m.moveElement(d, 0, 0, 1);
    expect(d.pages[0].elements.map((e) => e.name)).toEqual(["bek_bereikbaar", "bek_weten", "bek_triage"]);
    expect(m.moveElement(d, 0, 0, -1)).toEqual(d); // already first: nothing moves
    d = m.removeElement(d, 0, 2);
    expect(d.pages[0].elements.map((e) => e.name)).toEqual(["bek_bereikbaar", "bek_weten"]);
    expect(m.updateElement(d, 0, 0, { visibleIf: undefined, isRequired: undefined }).pages[0].elements[0]).not.toHaveProperty("isRequired");
    // The source is never changed: every edit returns a new document.
    expect(defaultQuestionnaire.pages[0].elements[0].name).toBe("bek_weten");
  });

  it("writes Dutch only as a plain string and Dutch with English as { nl, en }; reads both and default", () => {
    expect(m.makeText("Goed", "")).toBe("Goed");
    expect(m.makeText("Goed", "Good")).toEqual({ nl: "Goed", en: "Good" });
    expect(m.makeText("", "")).toBeUndefined();
    expect(m.textIn({ default: "Goed", en: "Good" }, "nl")).toBe("Goed");
    expect(m.textIn("Goed", "en")).toBe("");
  });

  it("gives a new question a free name and a valid starting shape", () => {
    const d = doc();
    const q = m.newQuestion(d, "radiogroup");
    expect(m.allNames(d).has(String(q.name))).toBe(false);
    expect(q.choices).toHaveLength(2);
    expect(m.newQuestion(d, "rating")).toMatchObject({ rateMin: 1, rateMax: 5 });
    expect(m.addPage(d).pages).toHaveLength(d.pages.length + 1);
  });

  it("finds reworded scored questions by the server's own rule", () => {
    const base = doc();
    let d = m.updateElement(base, 0, 1, { title: "Het ZVH is bereikbaar, ook 's avonds." });
    d = m.updateElement(d, 1, 0, { dimension: "samenwerking" });
    d = m.updateElement(d, 0, 2, { title: { nl: `  ${localText(base.pages[0].elements[2].title)}  `, en: "Feedback" } }); // only spaces and English: same
    expect(m.reworded(base, d)).toEqual(["bek_bereikbaar", "rol_taken"]);
    expect(m.reworded(base, d)).toEqual(rewordedQuestions(base, d));
  });

  it("puts a server problem at the element it names or at its path", () => {
    const problems = [
      { element: "bek_weten", path: "pages[0].elements[0]", reason: "duplicate_name", message: "dubbel" },
      { element: "pages[1].elements[10]", path: "pages[1].elements[10]", reason: "bad_name", message: "naam" },
      { question: "rol_taken", reason: "reworded" },
    ];
    expect(m.problemsAt(problems, 0, 0, "bek_weten")).toHaveLength(1);
    expect(m.problemsAt(problems, 1, 1, "x")).toEqual([]);
    expect(m.problemsAt(problems, 1, 10, "")).toHaveLength(1);
    expect(m.problemsAt(problems, 1, 0, "rol_taken")).toEqual([problems[2]]);
  });

  it("reads a scale written as rateValues as its lowest and highest point", () => {
    expect(m.scaleOf(doc().pages[0].elements[0])).toEqual({ min: 1, max: 5, labelled: true });
    expect(m.scaleOf({ type: "rating", rateMin: 0, rateMax: 10 })).toEqual({ min: 0, max: 10, labelled: false });
  });
});
