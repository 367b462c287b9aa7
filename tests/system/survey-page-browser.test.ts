import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { sql } from "drizzle-orm";
import { ARTIFACTS, photograph, browserUnavailable, launchBrowser, serveTestApp, SETTLE_MS, type TestServer } from "../helpers/browser.ts";
import { questionnaires, waves } from "../../db/schema.ts";
import { rows } from "../../db/migrate.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { mixAll } from "../helpers/pool.ts";
import { createBoxShadowReset } from "survey-core";

const skip = browserUnavailable();

/** A request held until the test lets it go: `await held` in a route handler, then `open()`. */
function gate() {
  let open = () => {};
  const held = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { held, open };
}
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
declare const axe: {
  run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
};

const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="6" fill="#1f5f8b"/><path d="M8 30 L20 8 L32 30 Z" fill="#fff"/></svg>';

/** A three-question pulse for the open link, in Dutch and English, with a 0–10 scale. */
const PULSE = {
  title: { nl: "Pulsmeting casusoverleg", en: "Case conference pulse" },
  locale: "nl",
  showProgressBar: "top",
  progressBarType: "pages",
  showQuestionNumbers: "off",
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "rating",
          name: "pulse_cijfer",
          dimension: "casusoverleg",
          title: { nl: "Welk cijfer geeft u dit casusoverleg?", en: "What mark do you give this case conference?" },
          isRequired: true,
          rateMin: 0,
          rateMax: 10,
          displayMode: "buttons",
          minRateDescription: { nl: "Zeer slecht", en: "Very poor" },
          maxRateDescription: { nl: "Uitstekend", en: "Excellent" },
        },
        // No English on purpose: the switch must fall back to Dutch for this string.
        { type: "comment", name: "pulse_tip", title: "Wat kan beter?" },
      ],
    },
  ],
};

describe.skipIf(skip)("the survey page: ZVH profile, steps, resume, 0–10 on a phone, English, open link", () => {
  let app: TestServer;
  let browser: Browser;
  let openToken: string;
  let pulseWave: string;
  beforeAll(async () => {
    app = await serveTestApp();
    browser = await launchBrowser();
    const profile = {
      name: "Zorg- en Veiligheidshuis Noord-Holland Noord",
      logo: `data:image/svg+xml;base64,${Buffer.from(LOGO).toString("base64")}`,
      contact: { name: "Anne de Vries", email: "kwaliteit@zvhnhn.nl", phone: "072 527 00 00" },
      privacy: {
        nl: "Uw antwoorden zijn anoniem. We gebruiken ze alleen om de samenwerking te verbeteren en tonen geen groepen kleiner dan vijf.",
        en: "Your answers are anonymous. We only use them to improve our cooperation and never show groups smaller than five.",
      },
    };
    expect((await app.request("/api/profile", { method: "PUT", json: profile })).status).toBe(200);
    const [q] = await app.db.insert(questionnaires).values({ key: "puls", version: 1, title: "Puls", definition: PULSE }).returning();
    const day = 86_400_000;
    const [w] = await app.db
      .insert(waves)
      .values({
        name: "Puls casusoverleg",
        questionnaireId: q.id,
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + 20 * day),
      })
      .returning();
    pulseWave = w.id;
    const res = await app.request(`/api/waves/${w.id}/open-link`, { method: "POST" });
    expect(res.status).toBe(200);
    openToken = ((await res.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function invite() {
    const res = await app.request(`/api/waves/${app.wave.id}/invitations`, {
      method: "POST",
      json: { invitations: [{ organisation: "Woonwaard", organisationType: "wonen", branch: "alkmaar" }] },
    });
    return ((await res.json()) as { invitations: { token: string }[] }).invitations[0].token;
  }

  async function phone() {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    return { context, page: await context.newPage() };
  }

  async function noViolations(page: Page, where: string) {
    if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined")))
      await page.addScriptTag({ path: AXE });
    const { violations } = await page.evaluate(
      (values) => axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
      TAGS,
    );
    expect(violations.map((v) => `${where}: ${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  }

  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it("paints a loading state from the HTML alone that fits a 390 px phone, its title word kept whole", async () => {
    const token = await invite();
    // No script at all: what a slow phone shows before boot.js arrives (and what Lighthouse paints first).
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.base}/s/${token}`);
    const title = page.getByRole("heading", { level: 1 });
    expect(await title.textContent()).toContain("Klanttevredenheidsonderzoek");
    expect(await page.getByRole("status").textContent()).toContain("geladen");
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(390);
    // The first line ends after the whole word, not inside it (the default 2em title broke it at 390 px).
    const firstLine = await title.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const top = range.getClientRects()[0].top;
      const text = el.firstChild!;
      let end = 0;
      while (end < text.textContent!.length) {
        range.setStart(text, end);
        range.setEnd(text, end + 1);
        if (range.getClientRects()[0].top > top) break;
        end++;
      }
      return text.textContent!.slice(0, end);
    });
    expect(firstLine).toMatch(/^Klanttevredenheidsonderzoek/);
    await context.close();
  });

  it("paints the questionnaire's introduction before the app's scripts are requested, and hydrates it without a mismatch", async () => {
    const token = await invite();
    const { context, page } = await phone();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    // What the page showed when React was asked for: the introduction must already be there
    // (Lighthouse's largest paint, before the scripts), and React must adopt it as it is.
    let introWhenRequested: string | null = null;
    await page.route("**/survey-assets/assets/main-*.js", async (route) => {
      introWhenRequested = await page.evaluate(() => document.querySelector("#main .intro")?.textContent ?? "");
      await route.continue();
    });
    await page.goto(`${app.base}/s/${token}`);
    await page.locator(".sd-question").first().waitFor();
    expect(introWhenRequested).toMatch(/^Hoe ervaart u de samenwerking/);
    // survey-core's header shows the same text once the questions are on screen; the loading state is gone.
    expect(await page.locator("#main .intro").count()).toBe(0);
    await page.locator(".sd-description", { hasText: "Hoe ervaart u de samenwerking" }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the profile, 'stap x van y' on a phone, 'welkom terug' after a resume, and the questions in English", async () => {
    const token = await invite();
    const { context, page } = await phone();
    await page.goto(`${app.base}/s/${token}`);
    await page.locator(".sd-question").first().waitFor();
    // The phone layout from the first render on (not a second render after survey-core measured itself).
    expect(await page.locator(".sd-root-modern--mobile").count()).toBe(1);
    await page.getByText("Zorg- en Veiligheidshuis Noord-Holland Noord").waitFor();
    expect(await page.getByRole("img", { name: "Logo van Zorg- en Veiligheidshuis Noord-Holland Noord" }).isVisible()).toBe(true);
    await page.getByRole("heading", { name: "Over dit onderzoek" }).waitFor();
    expect(await page.getByRole("link", { name: "kwaliteit@zvhnhn.nl" }).getAttribute("href")).toBe("mailto:kwaliteit@zvhnhn.nl");
    expect(await page.getByText("Stap 1 van", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText("Welkom terug", { exact: false }).count()).toBe(0);
    // The title's long compound stays whole on a 390 px phone (one line box), not broken mid-word.
    const word = "Klanttevredenheidsonderzoek";
    const lineBoxes = await page.locator(".sd-header__text .sd-title").evaluate((el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent?.indexOf(w) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + w.length);
        return range.getClientRects().length;
      }
      return 0;
    }, word);
    expect(lineBoxes).toBe(1);
    const total = Number(/van (\d+)/.exec((await page.locator(".step").textContent()) ?? "")?.[1]);
    expect(total).toBeGreaterThan(2);
    await noViolations(page, "survey 390");
    await photograph(page, `${ARTIFACTS}/survey-page-390.png`);

    // Answer the first page, go on, then come back later with the same link.
    for (const item of await page.locator(".sd-question:visible").all())
      await item.locator('label.sd-rating__item:has(input[value="4"])').first().click();
    await page.locator(".sd-navigation__next-btn:visible").first().click();
    await page.getByText(`Stap 2 van ${total}`).waitFor();
    await page.getByText("Uw antwoorden zijn tussentijds opgeslagen.").waitFor();
    await page.reload();
    await page.getByText("Welkom terug", { exact: false }).waitFor();
    await page.getByText(`Stap 2 van ${total}`).waitFor();
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(390);
    await photograph(page, `${ARTIFACTS}/survey-page-resumed-390.png`);

    // The demo questionnaire has English content: the switch translates questions, scale texts and the page title.
    await page.getByRole("button", { name: "English" }).click();
    const roles = page.locator(".sd-question", { hasText: "It is clear to me which tasks and roles each partner at the table has." });
    await roles.waitFor();
    await roles.getByText("Strongly disagree").first().waitFor();
    await page.getByText("Clarity of roles").first().waitFor();
    expect(await page.getByText("Het is mij duidelijk welke taken", { exact: false }).count()).toBe(0);
    await photograph(page, `${ARTIFACTS}/survey-page-en-390.png`);
    await context.close();
  });

  it("sends its autosaves one at a time, so that a slow save cannot overwrite newer answers", async () => {
    const token = await invite();
    const { context, page } = await phone();
    const sent: unknown[] = [];
    const firstSave = gate();
    // The first save hangs on a slow line until let go.
    await page.route("**/api/s/*/progress", async (route) => {
      sent.push(route.request().postDataJSON());
      if (sent.length === 1) await firstSave.held;
      await route.continue();
    });
    await page.goto(`${app.base}/s/${token}`);
    const questions = page.locator(".sd-question:visible");
    await questions.first().waitFor();
    await questions.nth(0).locator('label.sd-rating__item:has(input[value="4"])').first().click();
    await expect.poll(() => sent.length, { timeout: SETTLE_MS }).toBe(1);
    await questions.nth(1).locator('label.sd-rating__item:has(input[value="2"])').first().click();
    // Well past the 800 ms after the second answer: its save waits for the first one's answer.
    await page.waitForTimeout(2500);
    expect(sent).toHaveLength(1);
    firstSave.open();
    await expect.poll(() => sent.length, { timeout: SETTLE_MS }).toBe(2);
    await page.getByText("Uw antwoorden zijn tussentijds opgeslagen.").waitFor();
    const saved = ((await (await app.request(`/api/s/${token}`)).json()) as { data: Record<string, number> }).data;
    expect(Object.values(saved).sort()).toEqual([2, 4]);
    expect((sent[1] as { data: unknown }).data).toEqual(saved);
    await context.close();
  });

  it("sends the last answers when the partner leaves while a save waits for its turn", async () => {
    const token = await invite();
    const { context, page } = await phone();
    let first = true;
    const firstSave = gate();
    await page.route("**/api/s/*/progress", async (route) => {
      if (first) {
        first = false;
        await firstSave.held;
      }
      await route.continue().catch(() => {}); // the page may be gone by then
    });
    await page.goto(`${app.base}/s/${token}`);
    const questions = page.locator(".sd-question:visible");
    await questions.first().waitFor();
    await questions.nth(0).locator('label.sd-rating__item:has(input[value="4"])').first().click();
    await page.waitForTimeout(1500); // the first save is on its way, and hangs
    await questions.nth(1).locator('label.sd-rating__item:has(input[value="2"])').first().click();
    await page.waitForTimeout(1500); // the second waits for its turn
    await page.goto("about:blank");
    firstSave.open();
    await expect
      .poll(async () => Object.values(((await (await app.request(`/api/s/${token}`)).json()) as { data: object }).data).sort(), {
        timeout: SETTLE_MS,
      })
      .toEqual([2, 4]);
    await context.close();
  });

  it("sends no save while the answers are being sent", async () => {
    const invited = await app.request(`/api/waves/${pulseWave}/invitations`, {
      method: "POST",
      json: { invitations: [{ organisation: "Veilig Thuis", organisationType: "zorg" }] },
    });
    const token = ((await invited.json()) as { invitations: { token: string }[] }).invitations[0].token;
    const { context, page } = await phone();
    const saves: unknown[] = [];
    const gates = { save: gate(), submit: gate() };
    await page.route("**/api/s/*/progress", async (route) => {
      saves.push(route.request().postDataJSON());
      if (saves.length === 1) await gates.save.held;
      await route.continue();
    });
    let submitted = false;
    await page.route("**/api/s/*/response", async (route) => {
      submitted = true;
      await gates.submit.held;
      await route.continue();
    });
    await page.goto(`${app.base}/s/${token}`);
    const mark = page.locator(".sd-question", { hasText: "Welk cijfer" });
    await mark.locator('label.sd-rating__item:has(input[value="7"])').click();
    await expect.poll(() => saves.length, { timeout: SETTLE_MS }).toBe(1); // on its way, and hangs
    await page.locator(".sd-question", { hasText: "Wat kan beter?" }).locator("textarea").fill("Eerder agenderen.");
    await page.locator("textarea").blur();
    await page.waitForTimeout(1500); // its save now waits for the first one
    await page.locator(".sd-navigation__complete-btn:visible").first().click();
    await expect.poll(() => submitted, { timeout: SETTLE_MS }).toBe(true);
    gates.save.open(); // the first save ends while the answers are on their way
    await page.waitForTimeout(1500);
    expect(saves).toHaveLength(1);
    gates.submit.open();
    await page.getByRole("heading", { name: "Hartelijk dank!" }).waitFor({ timeout: SETTLE_MS });
    expect(saves).toHaveLength(1);
    await context.close();
  });

  it("gives survey-core's box-shadow resets the values survey-core computes itself", async () => {
    const { context, page } = await phone();
    await page.goto(`${app.base}/s/${await invite()}`);
    await page.locator(".sd-question").first().waitFor();
    const names = [
      "--sjs2-border-effect-surface-default",
      "--sjs2-border-effect-surface-focused",
      "--sjs2-border-effect-component-formbox-default",
      "--sjs2-border-effect-component-formbox-focused",
    ];
    const computed = await page.locator(".sd-theme-root").evaluate((root, names) => {
      const style = getComputedStyle(root);
      return names.map((n) => [style.getPropertyValue(n), style.getPropertyValue(`${n}-reset`)]);
    }, names);
    for (const [value, reset] of computed) {
      expect(value).toMatch(/\S/);
      expect(reset.trim()).toBe(createBoxShadowReset(value));
    }
    await context.close();
  });

  it("fits the 0–10 scale on a 390 px phone, translates the questions, and takes two responses from one open link", async () => {
    const { context, page } = await phone();
    await page.goto(`${app.base}/o/${openToken}`);
    const question = page.locator(".sd-question", { hasText: "Welk cijfer geeft u dit casusoverleg?" });
    await question.waitFor();
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(390);
    // All eleven buttons on screen, in rows (not one line cut off), each at least 40 px wide to tap.
    const boxes = await question.locator("label.sd-rating__item").evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, width: r.width };
      }),
    );
    expect(boxes).toHaveLength(11);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(390);
      expect(b.width).toBeGreaterThanOrEqual(40);
    }
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(2);
    await photograph(page, `${ARTIFACTS}/survey-page-open-390.png`);
    await noViolations(page, "open link 390");

    await page.getByRole("button", { name: "English" }).click();
    await page.locator(".sd-question", { hasText: "What mark do you give this case conference?" }).waitFor();
    // No English for this one: Dutch, not the question's name.
    await page.locator(".sd-question", { hasText: "Wat kan beter?" }).waitFor();
    await page.getByRole("heading", { name: "About this survey" }).waitFor();
    await photograph(page, `${ARTIFACTS}/survey-page-open-en-390.png`);
    await page.getByRole("button", { name: "Nederlands" }).click();

    for (const mark of ["8", "3"]) {
      await page.locator(".sd-question", { hasText: "Welk cijfer" }).locator(`label.sd-rating__item:has(input[value="${mark}"])`).click();
      await page.locator(".sd-navigation__complete-btn:visible").first().click();
      await page.getByRole("heading", { name: "Hartelijk dank!" }).waitFor({ timeout: SETTLE_MS });
      await page.getByRole("button", { name: "Nieuwe vragenlijst invullen" }).click();
      await page.locator(".sd-question", { hasText: "Welk cijfer" }).waitFor();
      // A fresh form: nothing from the previous round is selected.
      expect(await page.locator("input:checked").count()).toBe(0);
    }
    const parked = rows<{ n: number }>(await app.db.execute(sql`select count(*)::int n from response_pool`));
    expect(Number(parked[0].n)).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it("passes axe and looks right at 1440 px", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${app.base}/s/${await invite()}`);
    await page.locator(".sd-question").first().waitFor();
    expect(await page.locator(".step").isVisible()).toBe(false);
    await noViolations(page, "survey 1440");
    await photograph(page, `${ARTIFACTS}/survey-page-1440.png`);
    // The layout is chosen before the first render and then follows the width (SurveyPage's ResizeObserver).
    const mobile = page.locator(".sd-root-modern--mobile");
    expect(await mobile.count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await mobile.waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await mobile.waitFor({ state: "detached" });
    await context.close();
  });

  describe("the results page while a wave runs", () => {
    let closedId: string;
    beforeAll(async () => {
      const day = 86_400_000;
      const realNow = app.clock.now;
      const created = await app.request("/api/waves", {
        method: "POST",
        json: {
          name: "KTO vorig jaar",
          opensAt: new Date(realNow.getTime() - 400 * day).toISOString(),
          closesAt: new Date(realNow.getTime() - 370 * day).toISOString(),
        },
      });
      expect(created.status).toBe(201);
      closedId = ((await created.json()) as { wave: { id: string } }).wave.id;
      const answer = async (waveId: string, n: number) => {
        const res = await app.request(`/api/waves/${waveId}/invitations`, {
          method: "POST",
          json: {
            invitations: Array(n).fill({ organisation: "Politie Noord-Holland", organisationType: "veiligheid", branch: "alkmaar" }),
          },
        });
        for (const inv of ((await res.json()) as { invitations: { token: string }[] }).invitations) {
          const sent = await app.request(`/api/s/${inv.token}/response`, { method: "POST", as: "anonymous", json: { data: COMPLETE } });
          expect(sent.status).toBe(201);
        }
        await mixAll(app.db, app.clock.now);
      };
      try {
        app.clock.now = new Date(realNow.getTime() - 385 * day);
        await answer(closedId, 6);
      } finally {
        app.clock.now = realNow;
      }
      await answer(app.wave.id, 2); // the running wave, with two answers
    });

    async function results(width: number, search = "") {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const [name, value] = app.cookies.kwaliteit.split("=");
      await context.addCookies([{ name, value, url: app.base }]);
      const page = await context.newPage();
      await page.goto(`${app.base}/resultaten${search}`);
      await page.locator("h1").first().waitFor();
      await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"), undefined, { timeout: SETTLE_MS });
      return { context, page };
    }

    it("opens on the latest closed wave, with the trend over all waves", async () => {
      const { context, page } = await results(1440);
      await page.getByRole("heading", { name: "Trend per dimensie over alle metingen" }).waitFor();
      expect(await page.locator("select#wave").inputValue()).toBe(closedId);
      expect(await page.getByText("loopt nog", { exact: false }).count()).toBe(0);
      await noViolations(page, "results 1440");
      await photograph(page, `${ARTIFACTS}/results-closed-1440.png`);
      await context.close();
    });

    it("says a running wave still runs, when it closes, and tests nothing against it", async () => {
      const { context, page } = await results(390, `?wave=${app.wave.id}`);
      const note = page.getByText("Deze meting loopt nog en sluit op", { exact: false });
      await note.waitFor();
      expect(await note.textContent()).toContain("Geen significantietoets");
      expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(390);
      await noViolations(page, "results running 390");
      await photograph(page, `${ARTIFACTS}/results-running-390.png`);
      await context.close();
    });
  });
});
