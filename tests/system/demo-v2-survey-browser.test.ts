import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { sql } from "drizzle-orm";
import { ARTIFACTS, browserUnavailable, launchBrowser, serveTestApp, SETTLE_MS } from "../helpers/browser.ts";
import { rows } from "../../db/migrate.ts";
import { ensureDemoQuestionnaires } from "../../db/seed/questionnaire.ts";
import { mixAll } from "../helpers/pool.ts";

const skip = browserUnavailable();

/**
 * Issue 14 on a phone: the demo questionnaire's version 2 as a partner who never attends a
 * casusoverleg meets it. "Nee" on the routing question leaves the case-conference statements
 * out, "weet niet / n.v.t." is a choice on a statement, and the rest is answered with "4".
 */
describe.skipIf(skip)("the demo questionnaire's version 2 in Chromium", () => {
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

  async function answerPage(page: Page, value: string) {
    const questions = page.locator(".sd-question:visible");
    for (let i = 0; i < (await questions.count()); i++) {
      const q = questions.nth(i);
      if (await q.locator("input:checked").count()) continue;
      const item = q.locator(`label.sd-rating__item:has(input[value="${value}"])`);
      if (await item.count()) await item.first().click();
    }
  }

  it("routes past the case-conference statements after 'nee' and takes 'weet niet / n.v.t.'", async () => {
    const { v2 } = await ensureDemoQuestionnaires(app.db, app.clock.now);
    const day = 86_400_000;
    const created = await app.request("/api/waves", {
      method: "POST",
      json: {
        name: "KTO versie 2",
        questionnaireId: v2,
        opensAt: new Date(app.clock.now.getTime() - day).toISOString(),
        closesAt: new Date(app.clock.now.getTime() + 30 * day).toISOString(),
        anonymous: true,
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const waveId = ((await created.json()) as { wave: { id: string } }).wave.id;
    const invited = await app.request(`/api/waves/${waveId}/invitations`, {
      method: "POST",
      json: { invitations: [{ organisation: "Woningcorporatie Kop", organisationType: "wonen", branch: "den-helder" }] },
    });
    const token = ((await invited.json()) as { invitations: { token: string }[] }).invitations[0].token;

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${app.base}/s/${token}`);
      const first = page.locator(".sd-question", { hasText: "Ik weet wanneer ik een casus kan aanmelden" });
      await first.locator("label.sd-rating__item", { hasText: "Weet niet / n.v.t." }).click();
      for (let guard = 0; guard < 10; guard++) {
        const routing = page.locator(".sd-question:visible", { hasText: "deelgenomen aan een casusoverleg" });
        if (await routing.count()) {
          await routing.getByText("Nee", { exact: true }).click();
          await expect.poll(() => page.locator(".sd-question:visible", { hasText: "De voorzitter leidt" }).count()).toBe(0);
        }
        await answerPage(page, "4");
        const next = page.locator(".sd-navigation__next-btn:visible").first();
        if (await next.count()) {
          await next.click();
          continue;
        }
        await page.locator(".sd-navigation__complete-btn:visible").first().click();
        break;
      }
      await page.getByRole("heading", { name: "Hartelijk dank!" }).waitFor({ timeout: SETTLE_MS });
    } catch (e) {
      await page.screenshot({ path: `${ARTIFACTS}/demo-v2-survey-failed.png`, fullPage: true });
      throw e;
    } finally {
      await page.close();
    }

    await mixAll(app.db, app.clock.now);
    const stored = rows<{ data: Record<string, unknown> }>(
      await app.db.execute(sql`select r.data from responses r join waves w on w.id = r.wave_id where w.name = 'KTO versie 2'`),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].data).toMatchObject({ bek_weten: "nvt", co_deelname: "nee", bek_bereikbaar: 4, cijfer: 4 });
    expect(Object.keys(stored[0].data).filter((k) => k.startsWith("co_") && k !== "co_deelname")).toEqual([]);
  });
});
