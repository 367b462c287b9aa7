import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import {
  ARTIFACTS,
  photograph,
  browserUnavailable,
  launchBrowser,
  openView,
  SETTLE_MS,
  serveTestApp,
  type TestServer,
} from "../helpers/browser.ts";
import { count } from "../helpers/app.ts";

const skip = browserUnavailable();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
declare const axe: {
  run: (context: Document, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
};

/**
 * The questionnaire library and editor in Chromium, as a quality officer uses them: a new
 * version of the partner questionnaire gets a rating with "weet niet / n.v.t." and a
 * dimension and a routed question, a reworded statement is declared comparable, a duplicate
 * name is refused by the server and shown at the question; a new questionnaire is made,
 * previewed, and a test submission is checked while nothing is stored.
 */
describe.skipIf(skip)("questionnaire library and editor in Chromium", () => {
  let app: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    app = await serveTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A page as the quality officer; `axe` bypasses the app's CSP, which would refuse the injected axe script. */
  async function pageAs(width: number, { axe = false } = {}) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: axe });
    const [name, value] = app.cookies.kwaliteit.split("=");
    await context.addCookies([{ name, value, url: app.base }]);
    return context.newPage();
  }

  async function step(page: Page, name: string, fn: () => Promise<void>) {
    try {
      await fn();
    } catch (e) {
      await page.screenshot({ path: `${ARTIFACTS}/questionnaires-${name}-failed.png`, fullPage: true });
      throw e;
    }
  }

  const question = (page: Page, name: string) => page.locator(`fieldset.qn-question[data-question="${name}"]`);

  it("makes a new version with an n.v.t. rating, a dimension and routing; names a duplicate at the element; passes axe", async () => {
    const page = await pageAs(1440, { axe: true });
    await page.goto(`${app.base}/`);
    await openView(page, "Vragenlijsten");
    await page.getByRole("heading", { name: "Vragenlijsten", level: 1 }).waitFor();

    await step(page, "library", async () => {
      // Version 1 is used by the open wave: locked, and the wave is named.
      const row = page.getByRole("row", { name: /KTO test/ });
      await row.waitFor();
      await row.getByText("vastgelegd").waitFor();
      await page.getByRole("button", { name: /Nieuwe versie van/ }).click();
      await page.getByRole("heading", { name: /versie 2$/, level: 2 }).waitFor();
      expect(page.url()).toContain("versie=");
    });

    await step(page, "edit", async () => {
      await page.getByLabel("Soort nieuwe vraag op pagina 1").selectOption("rating");
      await page.getByRole("button", { name: "Vraag toevoegen" }).first().click();
      const added = page.locator("#qn-page-0 fieldset.qn-question").last();
      await added.getByLabel("Naam (sleutel)").fill("terugkoppeling");
      await added.getByLabel("Vraagtekst (Nederlands)").fill("Ik krijg terugkoppeling over de casussen die ik aanmeld.");
      await added.getByLabel("Vraagtekst (Engels)").fill("I get feedback on the cases I refer.");
      await added.getByLabel("Antwoord 'weet niet / n.v.t.' aanbieden").check();
      await added.getByLabel("Dimensie").selectOption("bekendheid");
      await added.getByLabel("Alleen tonen als (visibleIf)").fill("{bek_weten} >= 3");
      // Keyboard: the new question moves up with its own button, and the button keeps focus.
      await added.getByRole("button", { name: "terugkoppeling omhoog" }).focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#qn-page-0 fieldset.qn-question").nth(2).getAttribute("data-question")).toBe("terugkoppeling");
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest("fieldset")?.getAttribute("data-question")))
        .toBe("terugkoppeling");
      // A reworded scored statement: the editor asks whether it is still comparable.
      await question(page, "bek_bereikbaar")
        .getByLabel("Vraagtekst (Nederlands)")
        .fill("Het Zorg- en Veiligheidshuis is goed bereikbaar, ook buiten kantoortijd.");
      await question(page, "bek_bereikbaar").getByText("Nog vergelijkbaar met eerdere metingen?").waitFor();
      await question(page, "bek_bereikbaar").getByLabel("Nee, niet meer vergelijken").check();
    });

    await step(page, "duplicate", async () => {
      await question(page, "terugkoppeling").getByLabel("Naam (sleutel)").fill("bek_triage");
      await page.getByRole("button", { name: "Opslaan" }).click();
      await page.getByRole("alert").filter({ hasText: "niet opgeslagen" }).waitFor();
      // Both elements with the name show the server's message at the question itself.
      const named = page.locator('fieldset.qn-question[data-question="bek_triage"].qn-invalid');
      await expect.poll(() => named.count()).toBe(2);
      await named
        .first()
        .getByText(/De naam 'bek_triage' komt twee keer voor/)
        .waitFor();
      await question(page, "bek_triage").first().getByLabel("Naam (sleutel)").fill("terugkoppeling");
      await page.getByRole("button", { name: "Opslaan" }).click();
      await page.getByRole("status").filter({ hasText: "Opgeslagen." }).waitFor();
    });

    await step(page, "stored", async () => {
      const list = (await (await app.request("/api/questionnaires")).json()) as {
        questionnaires: { key: string; versions: { id: string; version: number }[] }[];
      };
      const v2 = list.questionnaires.find((q) => q.key === "kto-partners")!.versions.find((v) => v.version === 2)!;
      const { questionnaire } = (await (await app.request(`/api/questionnaires/${v2.id}`)).json()) as {
        questionnaire: { definition: { pages: { elements: Record<string, unknown>[] }[] }; reworded: unknown[] };
      };
      expect(questionnaire.definition.pages[0].elements[2]).toMatchObject({
        type: "rating",
        name: "terugkoppeling",
        title: { nl: "Ik krijg terugkoppeling over de casussen die ik aanmeld.", en: "I get feedback on the cases I refer." },
        showNotApplicable: true,
        dimension: "bekendheid",
        visibleIf: "{bek_weten} >= 3",
      });
      expect(questionnaire.reworded).toEqual([{ question: "bek_bereikbaar", comparable: false }]);
    });

    await step(page, "axe", async () => {
      await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"), undefined, { timeout: SETTLE_MS });
      await page.addScriptTag({ path: AXE });
      const { violations } = await page.evaluate(() =>
        axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] }),
      );
      expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`)).toEqual([]);
      await photograph(page, `${ARTIFACTS}/questionnaires-editor-1440.png`, false);
    });
    const url = page.url();
    await page.context().close();

    const phone = await pageAs(390);
    await phone.goto(url);
    await phone.getByRole("heading", { name: /versie 2$/, level: 2 }).waitFor();
    await question(phone, "terugkoppeling").scrollIntoViewIfNeeded();
    await photograph(phone, `${ARTIFACTS}/questionnaires-editor-390.png`, false);
    // The editor fits a phone: no sideways scrolling.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context().close();
  });

  it("creates a questionnaire, previews it under the app's CSP and checks a test submission that stores nothing", async () => {
    const page = await pageAs(1440);
    await page.goto(`${app.base}/vragenlijsten`);
    await page.getByRole("heading", { name: "Vragenlijsten", level: 1 }).waitFor();
    await step(page, "create", async () => {
      await page.locator("summary", { hasText: "Nieuwe vragenlijst" }).click();
      await page.getByLabel("Sleutel").fill("puls-casusoverleg");
      await page.getByLabel("Titel", { exact: true }).fill("Pulsmeting casusoverleg");
      await page.getByRole("button", { name: "Vragenlijst maken" }).click();
      await page.getByRole("heading", { name: /Pulsmeting casusoverleg, versie 1/, level: 2 }).waitFor();
      await page.getByLabel("Soort nieuwe vraag op pagina 1").selectOption("boolean");
      await page.getByRole("button", { name: "Vraag toevoegen" }).click();
      const yesNo = page.locator("fieldset.qn-question").first();
      await yesNo.getByLabel("Naam (sleutel)").fill("bijgewoond");
      await yesNo.getByLabel("Vraagtekst (Nederlands)").fill("Was u bij een casusoverleg?");
      await yesNo.getByLabel("Verplicht").check();
      await page.getByLabel("Soort nieuwe vraag op pagina 1").selectOption("rating");
      await page.getByRole("button", { name: "Vraag toevoegen" }).click();
      const rating = page.locator("fieldset.qn-question").nth(1);
      await rating.getByLabel("Naam (sleutel)").fill("nut");
      await rating.getByLabel("Vraagtekst (Nederlands)").fill("Het casusoverleg was nuttig.");
      await rating.getByLabel("Antwoord 'weet niet / n.v.t.' aanbieden").check();
      await rating.getByLabel("Dimensie").selectOption("casusoverleg");
      await rating.getByLabel("Alleen tonen als (visibleIf)").fill("{bijgewoond} = true");
      await page.getByLabel("Titel van de vragenlijst (Nederlands)").fill("Pulsmeting na het casusoverleg");
      await page.getByRole("button", { name: "Opslaan" }).click();
      await page.getByRole("status").filter({ hasText: "Opgeslagen." }).waitFor();
      // The library follows the new title.
      await page.getByRole("heading", { name: /Pulsmeting na het casusoverleg, versie 1/, level: 2 }).waitFor();
      await page.getByRole("row", { name: /Pulsmeting na het casusoverleg/ }).waitFor();
    });

    await step(page, "json", async () => {
      await page.getByRole("tab", { name: "Geavanceerd" }).click();
      const json = await page.getByLabel("SurveyJS-JSON").inputValue();
      expect(JSON.parse(json).pages[0].elements[1]).toMatchObject({ name: "nut", visibleIf: "{bijgewoond} = true" });
    });

    const responses = await count(app.db, "responses");
    await step(page, "preview", async () => {
      await page.getByRole("tab", { name: "Voorbeeld en testlink" }).click();
      await page.locator(".sd-question").first().waitFor();
      expect(await page.getByRole("textbox", { name: "Testlink" }).inputValue()).toContain("tab=voorbeeld");
      // The routed question appears only after "ja"; it offers n.v.t.
      expect(await page.locator(".sd-question", { hasText: "nuttig" }).count()).toBe(0);
      await page.locator(".sd-question", { hasText: "Was u bij" }).getByText("Ja", { exact: true }).click();
      const nut = page.locator(".sd-question", { hasText: "nuttig" });
      await nut.waitFor();
      await nut.locator('label.sd-rating__item:has(input[value="nvt"])').click();
      await page.locator(".sd-navigation__complete-btn:visible").first().click();
      await page.getByRole("status").filter({ hasText: "Testinzending geldig. Er is niets bewaard." }).waitFor();
    });
    expect(await count(app.db, "responses")).toBe(responses);
    await photograph(page, `${ARTIFACTS}/questionnaires-preview-1440.png`);
    await page.context().close();
  });
});
