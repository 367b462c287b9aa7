import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import {
  accountWithPassword,
  ARTIFACTS,
  photograph,
  browserUnavailable,
  launchBrowser,
  loginPage,
  menuLinks,
  openView,
  serveTestApp,
} from "../helpers/browser.ts";
import { users } from "../../db/schema.ts";

const skip = browserUnavailable();
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The quality-cycle pages end to end in Chromium. The data is made through the API first
 * (a nonconformity whose action is past its deadline, and a risk); then a quality manager
 * sees the overdue action in the digest, opens the finding, reads what blocks closing,
 * plans an action and uploads evidence through the forms; an auditor reads the same pages
 * without any way to change them and finds the risk counted in the right heat-map cells.
 */
describe.skipIf(skip)("quality-cycle pages in Chromium", () => {
  let app: Awaited<ReturnType<typeof serveTestApp>>;
  let browser: Browser;
  let actionRef = "";
  let findingId = "";

  beforeAll(async () => {
    app = await serveTestApp();
    browser = await launchBrowser();
    await seed();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function json<T>(res: Response, status: number): Promise<T> {
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body as T;
  }

  /**
   * The API refuses a deadline in the past, as it should; so the action is planned with
   * the clock ten days back and its deadline three days ago, and the clock is then set
   * right. The data goes in before anyone logs in through the browser.
   */
  async function seed() {
    const realNow = app.clock.now;
    const [owner] = await app.db.select().from(users).where(eq(users.email, "kwaliteit@test.local"));
    app.clock.now = new Date(realNow.getTime() - 10 * DAY);
    const { finding } = await json<{ finding: { id: string } }>(
      await app.request("/api/findings", {
        method: "POST",
        json: {
          source: "complaint",
          title: "Aanmelder kreeg geen terugkoppeling",
          description: "Een woningcorporatie hoorde drie weken niets na de aanmelding.",
          classification: "minor_nc",
          clauses: ["8.2.1"],
          foundOn: iso(app.clock.now),
        },
      }),
      201,
    );
    findingId = finding.id;
    const { action } = await json<{ action: { ref: string } }>(
      await app.request("/api/actions", {
        method: "POST",
        json: {
          findingIds: [finding.id],
          title: "Werkinstructie terugkoppeling aanpassen",
          ownerId: owner.id,
          dueOn: iso(new Date(realNow.getTime() - 3 * DAY)),
          criterion: { kind: "manual", text: "Steekproef: iedere aanmelder hoort binnen twee werkdagen iets." },
        },
      }),
      201,
    );
    actionRef = action.ref;
    app.clock.now = realNow;
    await json(
      await app.request("/api/risks", {
        method: "POST",
        json: {
          kind: "risk",
          title: "Triage loopt vertraging op",
          description: "Aanmeldingen blijven liggen bij drukte.",
          inherentLikelihood: 4,
          inherentImpact: 3,
          residualLikelihood: 2,
          residualImpact: 3,
          treatment: "Dagelijkse triage door twee procesregisseurs.",
          ownerId: owner.id,
        },
      }),
      201,
    );
  }

  const account = (email: string, name: string, role: string) => accountWithPassword(app, email, role, { name });
  const login = (email: string) => loginPage(browser, app.base, email);

  /** Runs a step; on failure leaves a screenshot behind to look at. */
  async function step(page: Page, name: string, fn: () => Promise<void>) {
    try {
      await fn();
    } catch (e) {
      await page.screenshot({ path: `${ARTIFACTS}/quality-${name}-failed.png`, fullPage: true });
      throw e;
    }
  }

  it("shows a quality manager the overdue action, what blocks closing, and lets them plan an action and add evidence", async () => {
    await account("kim@zvh.test", "Kim de Kwaliteit", "kwaliteit");
    const page = await login("kim@zvh.test");

    await step(page, "digest", async () => {
      await openView(page, "Verbetercyclus");
      await page.getByRole("heading", { name: "Verbetercyclus", level: 1 }).waitFor();
      const digest = page.getByRole("region", { name: /Vraagt aandacht/ });
      await digest.getByRole("link", { name: /1\s+acties over de deadline/ }).waitFor();
      const overdue = digest.getByRole("link", { name: new RegExp(`${actionRef}.*Werkinstructie terugkoppeling aanpassen`) });
      await overdue.waitFor();
      expect(await overdue.getAttribute("href")).toBe(`/verbetercyclus/${findingId}`);
      // Filters live in the URL.
      await page.getByRole("search").getByLabel("Bron").selectOption({ label: "Interne audit" });
      await page.getByText("Geen bevindingen die aan deze filters voldoen.").waitFor();
      expect(new URL(page.url()).search).toBe("?source=audit");
      await page.getByRole("button", { name: "Filters wissen" }).click();
      await page
        .getByRole("table", { name: /Bevindingen/ })
        .getByRole("row", { name: /Aanmelder kreeg geen terugkoppeling/ })
        .waitFor();
      await photograph(page, `${ARTIFACTS}/quality-digest.png`);
      await overdue.click();
    });

    await step(page, "finding", async () => {
      await page.getByRole("heading", { name: /Aanmelder kreeg geen terugkoppeling/, level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/verbetercyclus/${findingId}`);
      const action = page.getByRole("article", { name: new RegExp(actionRef) });
      await action.getByText(/te laat/).waitFor();
      // The checklist names every requirement of a nonconformity, in words, done or not.
      const checklist = page.getByRole("region", { name: "Wat sluiten nog tegenhoudt" });
      const item = (text: string) => checklist.getByRole("listitem").filter({ hasText: text });
      await expect(item("Directe correctie vastgelegd").innerText()).resolves.toContain("Nog te doen");
      await expect(item("Alle acties afgerond of geannuleerd").innerText()).resolves.toContain("1 actie(s) zijn nog niet afgerond.");
      await expect(item("Doeltreffendheid beoordeeld").innerText()).resolves.toContain("Nog te doen");
      // Closing anyway: the API's refusal is shown with every reason.
      await checklist.getByRole("button", { name: "Bevinding sluiten" }).click();
      const refusal = checklist.getByRole("alert");
      await refusal.getByRole("listitem").filter({ hasText: "Leg eerst de directe correctie vast." }).waitFor();
      expect(await refusal.getByRole("listitem").count()).toBe(6);
      await photograph(page, `${ARTIFACTS}/quality-finding.png`);
    });

    await step(page, "plan-action", async () => {
      const form = page.getByRole("form", { name: "Actie plannen" });
      await form.getByLabel("Wat gaat er gebeuren").fill("Terugkoppeling opnemen in de triage-checklist");
      const owner = form.getByLabel("Eigenaar");
      expect(await owner.locator("option:checked").innerText()).toBe("Mijzelf (Kim de Kwaliteit)");
      await form.getByLabel("Handmatig beoordelen").check();
      await form
        .getByLabel("Het criterium in woorden")
        .fill("Bij de volgende steekproef van 20 aanmeldingen is iedereen binnen twee werkdagen teruggebeld.");
      await form.getByRole("button", { name: "Actie plannen" }).click();
      const done = form.getByRole("status").filter({ hasText: /Actie ACT-\d{4}-\d{3} is gepland\./ });
      await done.waitFor();
      const ref = /ACT-\d{4}-\d{3}/.exec(await done.innerText())![0];
      const card = page.getByRole("article", { name: new RegExp(`${ref} Terugkoppeling opnemen in de triage-checklist`) });
      await card.waitFor();
      await expect(card.innerText()).resolves.toContain("Kim de Kwaliteit");
      await card
        .getByText(/handmatig/)
        .first()
        .waitFor();
    });

    await step(page, "evidence", async () => {
      const form = page.getByRole("form", { name: "Bewijs uploaden" });
      await form
        .getByLabel("Bestand")
        .setInputFiles({ name: "steekproef.txt", mimeType: "text/plain", buffer: Buffer.from("20 van 20 binnen twee werkdagen.\n") });
      await form.getByRole("button", { name: "Uploaden" }).click();
      await form.getByRole("status").filter({ hasText: "steekproef.txt is opgeslagen." }).waitFor();
      const row = page.getByRole("table", { name: /Bewijsstukken/ }).getByRole("row", { name: /steekproef\.txt/ });
      await row.waitFor();
      const href = await row.getByRole("link", { name: /Downloaden/ }).getAttribute("href");
      const file = await page.request.get(`${app.base}${href}`);
      expect(file.status()).toBe(200);
      expect(await file.text()).toContain("20 van 20");
      await photograph(page, `${ARTIFACTS}/quality-finding-after.png`);
    });
    await page.close();
  });

  it("lets an auditor read the cycle and the risk register without any way to change them", async () => {
    await account("anouk@zvh.test", "Anouk Auditor", "auditor");
    const page = await login("anouk@zvh.test");
    const main = page.getByRole("main");

    await step(page, "auditor-quality", async () => {
      const links = (await menuLinks(page)).join("\n");
      for (const view of ["Verbetercyclus", "Audits en risico's", "Directiebeoordeling"]) expect(links).toContain(view);
      await openView(page, "Verbetercyclus");
      await page.getByRole("region", { name: /Vraagt aandacht/ }).waitFor();
      await main.getByRole("table", { name: /Bevindingen/ }).waitFor();
      expect(await main.getByText("Bevinding vastleggen").count()).toBe(0);
      expect(await main.getByRole("button").count()).toBe(1); // "Filters wissen" only
      await main.getByRole("link", { name: /Aanmelder kreeg geen terugkoppeling/ }).click();
      await page.getByRole("heading", { name: /Aanmelder kreeg geen terugkoppeling/, level: 1 }).waitFor();
      await page.getByRole("article", { name: new RegExp(actionRef) }).waitFor();
      await main.getByRole("region", { name: "Wat sluiten nog tegenhoudt" }).getByRole("listitem").first().waitFor();
      expect(await main.getByRole("button").count()).toBe(0);
      expect(await main.getByRole("textbox").count()).toBe(0);
      expect(await main.getByRole("combobox").count()).toBe(0);
      await photograph(page, `${ARTIFACTS}/quality-auditor-finding.png`);
    });

    await step(page, "auditor-risks", async () => {
      await openView(page, "Audits en risico's");
      await page.getByRole("heading", { name: "Audits en risico's", level: 1 }).waitFor();
      /** The count and the named level in one cell of a heat-map table, found by its row and column headers. */
      const cell = async (table: string, likelihood: number, impact: number) => {
        const row = main
          .getByRole("table", { name: new RegExp(`^${table}`) })
          .getByRole("row")
          .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^Kans ${likelihood}\\b`) }) });
        return row
          .getByRole("cell")
          .nth(impact - 1)
          .innerText();
      };
      await main.getByRole("table", { name: /^Inherent risico/ }).waitFor();
      expect(await cell("Inherent risico", 4, 3)).toMatch(/^1\s+Hoog$/);
      expect(await cell("Restrisico", 2, 3)).toMatch(/^1\s+Middel$/);
      expect(await cell("Restrisico", 4, 3)).toMatch(/^0\s+Hoog$/);
      const row = main.getByRole("table", { name: /^Register/ }).getByRole("row", { name: /Triage loopt vertraging op/ });
      await expect(row.innerText()).resolves.toContain("gelijk");
      expect(await main.getByRole("button").count()).toBe(0);
      await photograph(page, `${ARTIFACTS}/quality-auditor-risks.png`);
      // A risk's history: who recorded it and when.
      await row.getByRole("link").click();
      const detail = main.getByRole("region", { name: /Triage loopt vertraging op/ });
      await detail
        .getByRole("table", { name: /Geschiedenis/ })
        .getByRole("row", { name: /vastgelegd/ })
        .waitFor();
      await photograph(page, `${ARTIFACTS}/quality-auditor-risk-detail.png`);
    });

    await step(page, "auditor-reviews", async () => {
      await openView(page, "Directiebeoordeling");
      await page.getByText("Er is nog geen directiebeoordeling.").waitFor(); // designed empty state
      expect(await main.getByText("Directiebeoordeling starten").count()).toBe(0);
    });
    await page.close();
  });
});
