import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { sql } from "drizzle-orm";
import { ARTIFACTS, photograph, browserUnavailable, launchBrowser, serveTestApp, SETTLE_MS } from "../helpers/browser.ts";
import { rows } from "../../db/migrate.ts";
import { sha256Hex } from "../../api/lib/crypto.ts";

const skip = browserUnavailable();

describe.skipIf(skip)("survey in Chromium through survey-react-ui", () => {
  let app: Awaited<ReturnType<typeof serveTestApp>>;
  let browser: Browser;
  beforeAll(async () => {
    app = await serveTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function invite() {
    const res = await app.request(`/api/waves/${app.wave.id}/invitations`, {
      method: "POST",
      json: { invitations: [{ organisation: "Veilig Thuis Noord-Holland Noord", organisationType: "zorg", branch: "den-helder" }] },
    });
    return ((await res.json()) as { invitations: { token: string }[] }).invitations[0].token;
  }

  /** Clicks the rating value of a question by its title. */
  async function rate(page: Page, title: string, value: string) {
    const question = page.locator(".sd-question", { hasText: title });
    await question.locator(`label.sd-rating__item:has(input[value="${value}"])`).first().click();
  }

  async function answerPage(page: Page, value: string) {
    const questions = page.locator(".sd-question:visible");
    for (let i = 0; i < (await questions.count()); i++) {
      const q = questions.nth(i);
      // Clicking a selected rating item clears it in SurveyJS, so leave answered questions alone.
      if (await q.locator("input:checked").count()) continue;
      const item = q.locator(`label.sd-rating__item:has(input[value="${value}"])`);
      if (await item.count()) await item.first().click();
    }
  }

  it("fills in the survey, resumes after a reload, submits once and thanks the partner", async () => {
    const token = await invite();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // a phone
    await page.goto(`${app.base}/s/${token}`);
    await page.locator(".sd-question").first().waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    await rate(page, "Ik weet wanneer ik een casus kan aanmelden", "4");
    await rate(page, "goed bereikbaar", "5");
    await page.getByText("Uw antwoorden zijn tussentijds opgeslagen.").waitFor();
    await photograph(page, `${ARTIFACTS}/survey-first-page.png`);

    await page.reload();
    await page.locator(".sd-question").first().waitFor();
    const saved = rows<{ progress: Record<string, number> }>(
      await app.db.execute(sql`select progress from invitations where progress is not null`),
    );
    expect(saved[0].progress).toMatchObject({ bek_weten: 4, bek_bereikbaar: 5 });
    const resumed = page.locator(".sd-question", { hasText: "goed bereikbaar" }).locator('input[value="5"]');
    await expect.poll(() => resumed.isChecked()).toBe(true);

    for (let guard = 0; guard < 10; guard++) {
      await answerPage(page, "4");
      const next = page
        .locator("input.sd-navigation__next-btn:visible, button.sd-navigation__next-btn:visible, .sd-navigation__next-btn:visible")
        .first();
      if (await next.count()) {
        await next.click();
        continue;
      }
      await page.locator(".sd-navigation__complete-btn:visible").first().click();
      break;
    }
    await page
      .getByRole("heading", { name: "Hartelijk dank!" })
      .waitFor({ timeout: SETTLE_MS })
      .catch(async (e) => {
        await page.screenshot({ path: `${ARTIFACTS}/survey-failed.png`, fullPage: true });
        throw e;
      });
    await photograph(page, `${ARTIFACTS}/survey-thanks.png`);

    // Anonymous wave: the answers wait in the pool until a batch is mixed; mix this one now.
    expect(rows(await app.db.execute(sql`select id from response_pool`))).toHaveLength(1);
    await (await import("../helpers/pool.ts")).mixAll(app.db, app.clock.now);
    const stored = rows<{ data: Record<string, unknown> }>(await app.db.execute(sql`select data from responses`));
    expect(stored).toHaveLength(1);
    expect(stored[0].data).toMatchObject({ bek_weten: 4, bek_bereikbaar: 5, bek_triage: 4, rol_taken: 4, cijfer: 4 });
    const scored = rows<{ n: number }>(await app.db.execute(sql`select count(*)::int n from answers`));
    expect(Number(scored[0].n)).toBe(18);

    await page.goto(`${app.base}/s/${token}`);
    await page.getByRole("heading", { name: "U heeft de vragenlijst al ingevuld" }).waitFor();
    await page.close();
  });

  it("keeps an answer given just before the page is left, and says 'saved' only of the latest answers", async () => {
    const token = await invite();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.base}/s/${token}`);
    await page.locator(".sd-question").first().waitFor();
    await rate(page, "Ik weet wanneer ik een casus kan aanmelden", "4");
    const saved = page.getByText("Uw antwoorden zijn tussentijds opgeslagen.");
    await saved.waitFor();
    // A newer answer makes "saved" untrue until it is saved too.
    await rate(page, "goed bereikbaar", "5");
    expect(await saved.count()).toBe(0);
    await saved.waitFor();
    // Answered, and the page left at once, well within the 800 ms the page waits for more answers.
    await rate(page, "triage", "2");
    await page.goto("about:blank");
    const progress = async () =>
      rows<{ progress: Record<string, number> | null }>(
        await app.db.execute(sql`select progress from invitations where token_hash = ${sha256Hex(token)}`),
      )[0]?.progress ?? {};
    await expect.poll(progress, { timeout: 10_000 }).toMatchObject({ bek_weten: 4, bek_bereikbaar: 5, bek_triage: 2 });
    await page.close();
  });

  it("shows a clear Dutch page for an unknown link, with English on request", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.base}/s/${"x".repeat(32)}`);
    await page.getByRole("heading", { name: "Deze link werkt niet" }).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "This link does not work" }).waitFor();
    await photograph(page, `${ARTIFACTS}/survey-unknown.png`, false);
    await page.close();
  });
});
