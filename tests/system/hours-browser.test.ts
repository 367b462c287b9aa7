import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { cases } from "../../db/schema.ts";
import { partnerIds } from "../helpers/registry.ts";
import { ARTIFACTS, photograph, browserUnavailable, launchBrowser, SETTLE_MS, serveTestApp, type TestServer } from "../helpers/browser.ts";

const skip = browserUnavailable();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const DAY = 86_400_000;
const CASES = 30;

/**
 * Issue 16 in Chromium: register hours and see Rendement change, a week view with a
 * correction that keeps the old record, bulk hours for a conference, the case list paged
 * and searched by code on the server, a theme added on Instellingen, a municipality
 * chosen by name for an account; axe finds nothing on /uren and /instellingen.
 */
describe.skipIf(skip)("hours, paged cases, settings and accounts in Chromium", () => {
  let app: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    app = await serveTestApp();
    browser = await launchBrowser();
    const p = await partnerIds(app.db);
    const ago = (days: number) => new Date(app.clock.now.getTime() - days * DAY).toISOString().slice(0, 10);
    // Enough cases for two pages, written straight into the table (the API path is tested elsewhere).
    await app.db.insert(cases).values(
      Array.from({ length: CASES }, (_, i) => ({
        code: `ALK-2026-${String(i + 1).padStart(4, "0")}`,
        municipalityId: i % 2 ? "alkmaar" : "heiloo",
        branchId: "alkmaar",
        referrerOrganisationId: p.politie,
        registeredOn: ago(60 - i),
        careSafetyNexus: true,
        societalImpact: true,
      })),
    );
    const [first] = await app.db.select().from(cases).limit(1);
    const res = await app.request("/api/conferences", {
      method: "POST",
      json: {
        heldOn: ago(3),
        branchId: "alkmaar",
        chair: "Procesregisseur ZVH",
        caseIds: [first.id],
        rolesExplained: true,
        attendance: [
          { organisationId: p.politie, status: "aanwezig" },
          { organisationId: p.vt, status: "telefonisch_video" },
          { organisationId: p.reclassering, status: "afwezig" },
        ],
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function pageAs(role: "kwaliteit" | "admin", width = 1440) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const [name, value] = app.cookies[role].split("=");
    await context.addCookies([{ name, value, url: app.base }]);
    return context.newPage();
  }
  async function open(page: Page, path: string) {
    await page.goto(`${app.base}${path}`);
    await page.locator("h1").first().waitFor();
    await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"), undefined, { timeout: SETTLE_MS });
  }
  async function axe(page: Page) {
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() =>
      (
        window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
      ).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] }),
    );
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3))}`);
  }
  const renderedHours = async (page: Page) => {
    await open(page, "/rendement");
    const text = await page.locator("dl.kpis dd").first().innerText();
    return Number(text.replace(/\./g, "").replace(",", "."));
  };

  it("registers hours, shows them in the week, corrects them with history, and Rendement follows", async () => {
    const page = await pageAs("kwaliteit");
    const before = await renderedHours(page);
    await open(page, "/uren");
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Uren registreren" }) });
    await form.getByLabel("Activiteit").selectOption({ label: "Advies" });
    await form.getByLabel("Gemeente").selectOption({ label: "Alkmaar" });
    await form.getByLabel("Uren", { exact: true }).fill("2.5");
    await form.getByRole("button", { name: "Uren opslaan" }).click();
    await expect.poll(() => form.getByRole("status").innerText()).toContain("geregistreerd");
    const total = page.getByTestId("week-total");
    await expect.poll(() => total.innerText()).toBe("2,50");
    expect(await axe(page)).toEqual([]);
    await photograph(page, `${ARTIFACTS}/hours-1440.png`);

    // The Rendement page reads the new hours (the registration invalidated its query).
    expect(await renderedHours(page)).toBeCloseTo(before + 2.5, 2);

    // A correction: a new record replaces the old one, which stays, marked.
    await open(page, "/uren");
    await page.getByRole("button", { name: /^Corrigeren/ }).click();
    const fix = page.locator("form", { has: page.getByRole("heading", { name: "Registratie corrigeren" }) });
    await fix.getByLabel("Uren", { exact: true }).fill("2");
    await fix.getByLabel("Reden van de correctie").fill("Een half uur te veel geschreven");
    await fix.getByRole("button", { name: "Correctie opslaan" }).click();
    await expect.poll(() => total.innerText()).toBe("2,00");
    await expect.poll(() => page.locator("tr.superseded").count()).toBe(1);
    expect(await page.locator("tr.superseded").innerText()).toContain("gecorrigeerd");
    expect(await renderedHours(page)).toBeCloseTo(before + 2, 2);

    // Previous week: another week, no hours.
    await open(page, "/uren");
    const heading = await page.locator("#week-title").innerText();
    await page.getByRole("button", { name: "Vorige week" }).click();
    await expect.poll(() => page.locator("#week-title").innerText()).not.toBe(heading);
    expect(page.url()).toContain("week=");
    await page.context().close();
  });

  it("enters a conference's attendees' hours in one go", async () => {
    const page = await pageAs("kwaliteit");
    await open(page, "/uren");
    const bulk = page.locator("form", { has: page.getByRole("heading", { name: "Uren per casusoverleg" }) });
    await bulk.getByLabel("Casusoverleg").selectOption({ index: 1 });
    // Oneself, Politie (present) and Veilig Thuis (by phone); Reclassering was absent.
    await expect.poll(() => bulk.locator("tbody tr").count()).toBe(3);
    const inputs = bulk.locator("tbody input");
    await inputs.nth(0).fill("1.5");
    await inputs.nth(1).fill("1");
    await bulk.getByRole("button", { name: /Uren van 2 deelnemers opslaan/ }).click();
    await expect.poll(() => bulk.getByRole("status").innerText()).toContain("2 registraties opgeslagen");
    const listed = (await (await app.request("/api/activities")).json()) as { activities: { conferenceId: string | null }[] };
    expect(listed.activities.filter((a) => a.conferenceId).length).toBe(2);
    await photograph(page, `${ARTIFACTS}/hours-bulk-1440.png`);
    await page.setViewportSize({ width: 390, height: 844 });
    await photograph(page, `${ARTIFACTS}/hours-390.png`);
    await page.context().close();
  });

  it("pages, sorts and searches the case list on the server", async () => {
    const page = await pageAs("kwaliteit");
    await open(page, "/casussen");
    const range = page.getByTestId("page-range");
    expect(await range.innerText()).toContain(`1–25 van ${CASES}`);
    expect(await page.locator("tbody tr").count()).toBe(25);
    await page.getByRole("button", { name: "Volgende pagina" }).click();
    await expect.poll(() => range.innerText()).toContain(`26–${CASES} van ${CASES}`);
    expect(page.url()).toContain("page=2");
    // Sort by code, ascending: the header says so.
    await page.getByRole("button", { name: /^Code/ }).click();
    await expect.poll(() => page.locator("th[aria-sort='ascending']").innerText()).toContain("Code");
    await expect.poll(() => page.locator("tbody tr th").first().innerText()).toBe("ALK-2026-0001");
    await page.getByRole("searchbox", { name: "Zoek op casuscode" }).fill("0017");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    expect(page.url()).toContain("q=0017");
    // Edits live in the case's dialog, not in every row.
    expect(await page.locator("tbody form").count()).toBe(0);
    await page.getByRole("button", { name: "Details van ALK-2026-0017" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Markeren als 'lokaal, tenzij'" }).click();
    await expect.poll(() => page.getByTestId("case-local").innerText()).toContain("ja, sinds");
    await photograph(page, `${ARTIFACTS}/cases-1440.png`);
    await page.context().close();
  });

  it("adds a theme on Instellingen and shows the SMTP status; axe finds nothing", async () => {
    const page = await pageAs("kwaliteit");
    await open(page, "/instellingen");
    expect(await page.getByTestId("smtp-status").innerText()).toContain("Geen SMTP");
    expect(await page.getByRole("rowheader", { name: "Ondermijning" }).count()).toBe(0);
    await page.getByLabel("Naam van het thema").fill("Ondermijning");
    await page.getByRole("button", { name: "Thema toevoegen" }).click();
    await expect.poll(() => page.getByRole("rowheader", { name: "Ondermijning" }).count()).toBe(1);
    expect(await page.locator(".error").count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await photograph(page, `${ARTIFACTS}/settings-1440.png`);
    await page.setViewportSize({ width: 390, height: 844 });
    await photograph(page, `${ARTIFACTS}/settings-390.png`);
    await page.context().close();
  });

  it("shows the admin the municipalities' report recipients by name on Instellingen, not an error or codes", async () => {
    const page = await pageAs("admin");
    await open(page, "/instellingen");
    const recipients = page.getByRole("table", { name: "Ontvangers per gemeente (16)" });
    await expect.poll(() => recipients.locator("tbody tr").count()).toBe(16);
    expect(await recipients.getByRole("rowheader").allInnerTexts()).toContain("Den Helder");
    expect(await recipients.locator("tbody").innerText()).not.toContain("den-helder");
    expect(await page.locator(".error").count()).toBe(0);
    await page.context().close();
  });

  it("creates an account for a municipality chosen by name, and lists it by name", async () => {
    const page = await pageAs("admin");
    await open(page, "/gebruikers");
    await page.getByLabel("E-mailadres").fill("den-helder@gemeente.test");
    await page.getByLabel("Rol", { exact: true }).selectOption("gemeente");
    await page.getByLabel("Gemeente (bij rol gemeente)").selectOption({ label: "Den Helder" });
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    const row = page.getByRole("row", { name: /den-helder@gemeente\.test/ });
    await expect.poll(() => row.innerText()).toContain("Den Helder");
    await photograph(page, `${ARTIFACTS}/users-1440.png`);
    await page.context().close();
  });
});
