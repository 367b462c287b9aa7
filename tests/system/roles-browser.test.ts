import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import {
  ARTIFACTS,
  browserUnavailable,
  givePassword,
  launchBrowser,
  loginPage,
  menuLinks,
  openView,
  SETTLE_MS,
  seedDashboard,
  serveTestApp,
  type DashboardSeed,
  type TestServer,
} from "../helpers/browser.ts";
import { MUNICIPALITIES } from "../../db/seed/reference.ts";

const skip = browserUnavailable();
const SHOTS = `${ARTIFACTS}/roles`;
// Photographing every view of every role (full page, after the network is quiet) costs a minute of CI on two cores; ask for it with KS_SHOTS=1.
const PHOTOGRAPH = !!process.env.KS_SHOTS;

/** Every view's nav label and its path. */
const VIEW = {
  overzicht: "Overzicht",
  results: "Klanttevredenheid",
  metingen: "Metingen",
  vragenlijsten: "Vragenlijsten",
  uren: "Uren",
  instellingen: "Instellingen",
  casussen: "Casussen",
  casusoverleg: "Casusoverleg",
  kengetallen: "Kengetallen",
  rendement: "Rendement",
  uitdraaien: "Uitdraaien",
  verbetercyclus: "Verbetercyclus",
  "audits-risicos": "Audits en risico's",
  directiebeoordeling: "Directiebeoordeling",
  municipality: "Mijn gemeente",
  users: "Accounts",
  audit: "Audittrail",
  bewijsmap: "Bewijsmap",
  "bewijsmap/controleren": "Bewijsmap controleren",
  account: "Mijn account",
} as const;
type View = keyof typeof VIEW;
/** Where each view lives now; the views with English names moved to Dutch ones, and their old addresses redirect. */
const MOVED: Partial<Record<View, string>> = {
  results: "/resultaten",
  municipality: "/gemeente",
  users: "/gebruikers",
  audit: "/audittrail",
};
const pathOf = (v: View) => MOVED[v] ?? `/${v}`;

/** What each role is meant to see, in menu order (the API refuses the rest; the menu should not offer dead ends). */
const SEES: Record<string, View[]> = {
  admin: ["metingen", "vragenlijsten", "users", "instellingen", "audit", "bewijsmap/controleren", "account"],
  kwaliteit: [
    "overzicht",
    "results",
    "metingen",
    "vragenlijsten",
    "casussen",
    "casusoverleg",
    "uren",
    "kengetallen",
    "rendement",
    "uitdraaien",
    "verbetercyclus",
    "audits-risicos",
    "directiebeoordeling",
    "bewijsmap",
    "instellingen",
    "audit",
    "account",
  ],
  management: [
    "overzicht",
    "results",
    "metingen",
    "casussen",
    "casusoverleg",
    "kengetallen",
    "rendement",
    "uitdraaien",
    "verbetercyclus",
    "audits-risicos",
    "directiebeoordeling",
    "bewijsmap",
    "account",
  ],
  medewerker: ["casussen", "casusoverleg", "uren", "kengetallen", "bewijsmap/controleren", "account"],
  gemeente: ["municipality", "kengetallen", "bewijsmap/controleren", "account"],
  auditor: [
    "overzicht",
    "results",
    "casussen",
    "casusoverleg",
    "kengetallen",
    "rendement",
    "verbetercyclus",
    "audits-risicos",
    "directiebeoordeling",
    "bewijsmap",
    "audit",
    "account",
  ],
};

/**
 * The dashboard per role, end to end in Chromium: each role logs in through the form,
 * gets exactly its menu, cannot reach another role's view by typing its address, and
 * with KS_SHOTS=1 every view is photographed (test-artifacts/roles/<role>-<view>.png). The gemeente
 * account of Alkmaar never reads another municipality's name on any page it reaches.
 * Filters are checked to live in the URL, so that a filtered view can be shared.
 */
describe.skipIf(skip)("dashboard per role in Chromium", () => {
  let app: TestServer;
  let browser: Browser;
  let seed: DashboardSeed;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await serveTestApp();
    browser = await launchBrowser();
    seed = await seedDashboard(app);
    // The accounts made with the test app (gemeente for Alkmaar, medewerker for the Alkmaar branch), now with a password.
    await givePassword(
      app,
      Object.keys(SEES).map((role) => `${role}@test.local`),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The view and its data are there; `quiet` also waits for the network, before a screenshot. */
  async function settle(page: Page, quiet = true) {
    await page.locator("main h1").first().waitFor();
    if (quiet) await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"), undefined, { timeout: SETTLE_MS });
  }

  async function step<T>(page: Page, name: string, fn: () => Promise<T>) {
    try {
      return await fn();
    } catch (e) {
      await page.screenshot({ path: `${SHOTS}/failed-${name}.png`, fullPage: true });
      throw e;
    }
  }

  for (const [role, views] of Object.entries(SEES)) {
    it(`gives ${role} exactly its views, and photographs each`, async () => {
      const page = await loginPage(browser, app.base, `${role}@test.local`);
      const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
      const texts: string[] = [];
      await step(page, `${role}-menu`, async () => {
        expect(await menuLinks(page)).toEqual(views.map((v) => VIEW[v]));
      });
      for (const v of views) {
        await step(page, `${role}-${v}`, async () => {
          await openView(page, VIEW[v]);
          await settle(page, PHOTOGRAPH);
          expect(new URL(page.url()).pathname).toBe(pathOf(v));
          expect(await nav.getByRole("link", { name: VIEW[v], exact: true, includeHidden: true }).getAttribute("aria-current")).toBe(
            "page",
          );
          texts.push(await page.locator("body").innerText());
          if (PHOTOGRAPH) await page.screenshot({ path: `${SHOTS}/${role}-${v}.png`, fullPage: true });
        });
      }
      // An old address of a moved view still opens it (the redirect keeps the search params).
      for (const v of views.filter((x) => MOVED[x])) {
        await step(page, `${role}-moved-${v}`, async () => {
          await page.goto(`${app.base}/${v}?from=2026-01-01`);
          await settle(page, false);
          expect(new URL(page.url()).pathname).toBe(pathOf(v));
          expect(new URL(page.url()).search).toBe("?from=2026-01-01");
        });
      }
      // A view the role may not have is not reached by typing its address either: the first own view opens.
      // Verifying a pack is open to everyone (those who may export reach it from Bewijsmap, not the menu).
      // Each role tries a quarter of the views it may not have, a different quarter per role, so that together the roles
      // try them all; which views a role may have is checked for every role and view in tests/unit/dashboard-contract.test.ts.
      const forbidden = (Object.keys(VIEW) as View[]).filter((x) => !views.includes(x) && x !== "bewijsmap/controleren");
      const turn = Object.keys(SEES).indexOf(role);
      for (const v of forbidden.filter((_, i) => i % 4 === turn % 4)) {
        await step(page, `${role}-forbidden-${v}`, async () => {
          await page.goto(`${app.base}/${v}`);
          await settle(page, false);
          expect(await nav.getByRole("link", { name: VIEW[views[0]], exact: true, includeHidden: true }).getAttribute("aria-current")).toBe(
            "page",
          );
          expect(await nav.getByRole("link", { name: VIEW[v], exact: true, includeHidden: true }).count()).toBe(0);
          texts.push(await page.locator("body").innerText());
        });
      }
      if (role === "gemeente") {
        const others = MUNICIPALITIES.filter((m) => m.id !== "alkmaar").map((m) => m.name);
        expect(others).toHaveLength(15);
        expect(texts[0]).toContain("Alkmaar"); // its own municipality page
        for (const text of texts) {
          for (const other of others) expect(text, `${other} shown to gemeente Alkmaar`).not.toContain(other);
        }
      }
      await page.close();
    });
  }

  it("keeps the filters of Klanttevredenheid, Kengetallen, Rendement, Verbetercyclus and Audits en risico's in the URL", async () => {
    const page = await loginPage(browser, app.base, "kwaliteit@test.local");
    const main = page.getByRole("main");
    const param = (key: string) => new URL(page.url()).searchParams.get(key);

    await step(page, "filters-results", async () => {
      // The default is the latest closed wave; the running one is chosen by its address.
      await page.goto(`${app.base}/results?wave=${seed.currentWaveId}`);
      await settle(page);
      // The running wave against the previous one: it says it still runs and claims no test while it does.
      await main.getByText("Deze meting loopt nog en sluit op", { exact: false }).waitFor();
      const dimensions = main.getByRole("table", { name: "Gemiddelde per dimensie" });
      await expect(dimensions.getByRole("row", { name: /Rolduidelijkheid/ }).innerText()).resolves.toContain("voorlopig, niet getoetst");
      await expect(dimensions.getByRole("row", { name: /Samenwerking/ }).innerText()).resolves.not.toContain("significant");
      // Groups under 5 respondents: a word, never a number.
      const groups = main.getByRole("table", { name: /per soort organisatie/ });
      await expect(groups.getByRole("row", { name: /^Wonen/ }).innerText()).resolves.toMatch(/^Wonen(\s+onderdrukt \(< 5\))+$/);
      await main.getByLabel("Groeperen naar", { exact: true }).selectOption({ label: "Gemeente" });
      expect(param("group")).toBe("municipality");
      await main
        .getByRole("table", { name: /per gemeente/ })
        .getByRole("row", { name: /Den Helder/ })
        .getByText("onderdrukt (< 5)")
        .first()
        .waitFor();
      // Open answers only for groups of 10 or more; the smaller groups say why they are missing.
      await main.getByLabel("Open antwoorden groeperen naar").selectOption({ label: "Soort organisatie" });
      expect(param("ogroup")).toBe("organisationType");
      const open = main.getByRole("region", { name: "Open antwoorden" });
      await open.getByText("Rollen aan tafel vaker toelichten.").first().waitFor();
      await expect(
        open
          .getByRole("listitem")
          .filter({ has: page.getByRole("heading", { name: /^Zorg/ }) })
          .first()
          .innerText(),
      ).resolves.toContain("onderdrukt (< 10)");
      await main.getByLabel("Meting", { exact: true }).selectOption({ label: "KTO vorig jaar (16 respondenten)" });
      expect(param("wave")).toBe(seed.previousWaveId);
      await settle(page);
      await main.getByText("Er is geen eerdere meting met antwoorden om mee te vergelijken.").waitFor();
      // The address alone brings the same view back.
      await page.reload();
      await settle(page);
      expect(await main.getByLabel("Meting", { exact: true }).inputValue()).toBe(seed.previousWaveId);
      expect(await main.getByLabel("Groeperen naar", { exact: true }).inputValue()).toBe("municipality");
      expect(await main.getByLabel("Open antwoorden groeperen naar").inputValue()).toBe("organisationType");
    });

    await step(page, "filters-metrics", async () => {
      await page.goto(`${app.base}/kengetallen`);
      await settle(page);
      await main.getByLabel("Vestiging").selectOption({ label: "West-Friesland" });
      expect(param("branch")).toBe("west-friesland");
      await settle(page);
      await page.reload();
      await settle(page);
      expect(await main.getByLabel("Vestiging").inputValue()).toBe("west-friesland");
      await main.getByRole("table", { name: "Deelname per partner" }).waitFor();
    });

    await step(page, "filters-rendement", async () => {
      await page.goto(`${app.base}/rendement?municipality=hoorn`);
      await settle(page);
      expect(await main.getByLabel("Gemeente", { exact: true }).inputValue()).toBe("hoorn");
      const perMunicipality = main.getByRole("table", { name: "Uren en kosten per gemeente" });
      expect(await perMunicipality.getByRole("row").allInnerTexts()).toHaveLength(2); // header and Hoorn
      await expect(perMunicipality.innerText()).resolves.toContain("Hoorn");
      const scatter = main.getByRole("table", { name: "Kosten per gemeente tegen het aantal casussen" });
      await expect(scatter.getByRole("row", { name: /Hoorn/ }).innerText()).resolves.toMatch(/Hoorn\s+2\s+9,50\s+€\s?832,00\s+€\s?416,00/);
      await main.getByLabel("Thema", { exact: true }).selectOption({ label: "Mensenhandel" });
      expect(param("theme")).toBe("mensenhandel");
      expect(param("municipality")).toBe("hoorn");
      await page.screenshot({ path: `${SHOTS}/kwaliteit-rendement-filtered.png`, fullPage: true });
    });

    await step(page, "filters-quality", async () => {
      await page.goto(`${app.base}/verbetercyclus?source=audit`);
      await settle(page);
      const filters = main.getByRole("search", { name: "Bevindingen filteren" });
      expect(await filters.getByLabel("Bron", { exact: true }).inputValue()).toBe("audit");
      await main
        .getByRole("table", { name: /Bevindingen/ })
        .getByRole("row", { name: /Casusregisseur niet altijd vastgelegd/ })
        .waitFor();
      await filters.getByLabel("Classificatie", { exact: true }).selectOption({ label: "Observatie" });
      expect(param("classification")).toBe("observation");
      expect(param("source")).toBe("audit");
    });

    await step(page, "filters-audits", async () => {
      await page.goto(`${app.base}/audits-risicos?year=${seed.auditYear}`);
      await settle(page);
      await main
        .getByRole("table", { name: new RegExp(`Auditbevindingen ${seed.auditYear}`) })
        .getByRole("row", { name: /8\.5\.1/ })
        .waitFor();
      await main.getByLabel("Jaar", { exact: true }).selectOption(String(seed.auditYear - 1));
      expect(param("year")).toBe(String(seed.auditYear - 1));
      await main.getByText(`De audits van ${seed.auditYear - 1} hebben (nog) geen bevindingen opgeleverd.`).waitFor();
    });
    await page.close();
  });
});
