import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import {
  ARTIFACTS,
  accountWithPassword,
  browserUnavailable,
  downloadBytes,
  givePassword,
  launchBrowser,
  menuLinks,
  openView,
  PASSWORD,
  photograph,
  loginPage,
  SETTLE_MS,
  seedDashboard,
  serveTestApp,
  type DashboardSeed,
  type TestServer,
} from "./browser.ts";
import { MOVED, pathOf, SEES, VIEW, type View } from "./role-views.ts";
import { MUNICIPALITIES } from "../../db/seed/reference.ts";

const skip = browserUnavailable();
// Photographing every view of every role (full page) costs a minute of CI on two cores; ask for it with KS_SHOTS=1.
const SHOTS = `${ARTIFACTS}/roles`;

export type A11yPart = "signed-out" | "views" | "phone" | "survey" | "keyboard" | "chart-export" | "filters";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
declare const axe: { run: (context: Document, options: unknown) => Promise<{ violations: Violation[] }> };

/** One line per offending element: enough to find and fix it without rerunning by hand. */
function describeViolations(where: string, violations: Violation[]) {
  return violations
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) – ${v.help}\n${v.nodes
          .slice(0, 8)
          .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.split("\n").slice(1, 3).join(" ") ?? ""}`)
          .join("\n")}`,
    )
    .join("\n");
}

/** The gemeente account of Alkmaar never reads another municipality's name on any page it reaches. */
function expectOwnMunicipalityOnly(texts: string[]) {
  const others = MUNICIPALITIES.filter((m) => m.id !== "alkmaar").map((m) => m.name);
  expect(others).toHaveLength(15);
  expect(texts.length).toBeGreaterThan(0);
  expect(texts[0]).toContain("Alkmaar"); // its own municipality page (where a closed view leads too)
  for (const text of texts) {
    for (const other of others) expect(text, `${other} shown to gemeente Alkmaar`).not.toContain(other);
  }
}

/**
 * The dashboard per role in Chromium, and axe-core over every dashboard view, for each
 * role that sees it, and over the survey app: zero WCAG 2.1 A/AA violations. Data is seeded
 * through the API first so that the charts, tables and forms are on the page, not just
 * empty states. Collapsed sections (forms behind <details>) are opened so their fields are
 * checked too. Per role: it logs in through the form and gets exactly its menu, opens each
 * of its views from that menu (axe runs on the same visit), and cannot reach another role's
 * view by typing its address; with KS_SHOTS=1 every view is photographed
 * (test-artifacts/roles/<role>-<view>.png). Then the keyboard: skip link, navigation, a form,
 * and a visible focus ring; and filters that live in the URL, so that a filtered view can be shared.
 *
 * Cut into parts so that several files run them side by side (one file took minutes on
 * its own): each file serves its own app and seed, and runs only the parts and roles it names.
 * The parts only read the seed, except the survey (one fresh link) and the accounts the
 * signed-out and keyboard parts add, which no other part looks at.
 */
export function a11ySuite(title: string, parts: A11yPart[], roles: string[] = []) {
  describe.skipIf(skip)(title, () => {
    let app: TestServer;
    let browser: Browser;
    let seed: DashboardSeed;
    const found: string[] = [];

    beforeAll(async () => {
      app = await serveTestApp();
      browser = await launchBrowser();
      seed = await seedDashboard(app);
      // The role accounts of the test app (gemeente for Alkmaar, medewerker for the Alkmaar branch), now with a password.
      if (parts.includes("views") || parts.includes("filters")) {
        mkdirSync(SHOTS, { recursive: true });
        await givePassword(
          app,
          roles.concat("kwaliteit").map((role) => `${role}@test.local`),
        );
      }
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    /** A page already logged in as `<role>@test.local`, through that account's session cookie. */
    async function pageAs(role: keyof TestServer["cookies"] | null) {
      // The app's CSP (script-src 'self') would refuse the injected axe script; bypassing it changes nothing else.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      if (role) {
        const [name, value] = app.cookies[role].split("=");
        await context.addCookies([{ name, value, url: app.base }]);
      }
      return context.newPage();
    }

    /** Waits until the view has loaded its data: a heading, and no loading line or busy region left. */
    async function settle(page: Page) {
      await page.locator("h1").first().waitFor();
      await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"), undefined, { timeout: SETTLE_MS });
    }

    /** A failed step leaves a screenshot of the page it failed on. */
    async function step<T>(page: Page, name: string, fn: () => Promise<T>) {
      try {
        return await fn();
      } catch (e) {
        await page.screenshot({ path: `${SHOTS}/failed-${name.replace(/[^a-z0-9]+/gi, "-")}.png`, fullPage: true });
        throw e;
      }
    }

    async function check(page: Page, where: string) {
      await page.evaluate(() =>
        document.querySelectorAll("details").forEach((d) => {
          d.open = true;
        }),
      );
      if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined")))
        await page.addScriptTag({ path: AXE });
      // Only the violations are collected: the passes and the inapplicable rules, which nothing reads, were a third of axe's time.
      const { violations } = await page.evaluate(
        (values) => axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
        TAGS,
      );
      if (violations.length) {
        found.push(describeViolations(where, violations));
        await page.screenshot({ path: `${ARTIFACTS}/a11y-${where.replace(/[^a-z0-9]+/gi, "-")}.png`, fullPage: true });
      }
      return violations;
    }

    async function view(page: Page, path: string, where: string) {
      await page.goto(`${app.base}${path}`);
      await settle(page);
      return check(page, where);
    }

    if (parts.includes("signed-out")) {
      it("finds no violations on the pages before logging in", async () => {
        found.length = 0;
        const page = await pageAs(null);
        await view(page, "/", "login");
        // The refusal message is part of the page too.
        await page.getByLabel("E-mailadres").fill("niemand@zvh.test");
        await page.getByLabel("Wachtwoord").fill("helemaal verkeerd wachtwoord");
        await page.getByRole("button", { name: "Inloggen" }).click();
        await page.getByRole("alert").waitFor();
        await check(page, "login-refused");
        const { setPasswordUrl } = (await (
          await app.request("/api/users", { method: "POST", as: "admin", json: { email: "nieuw@zvh.test", role: "auditor" } })
        ).json()) as { setPasswordUrl: string };
        await view(page, new URL(setPasswordUrl).pathname, "set-password");
        await page.close();
        expect(found, found.join("\n")).toEqual([]);
      });
    }
    const VIEWS: Record<string, string[]> = {
      admin: ["/users", "/instellingen", "/audit", "/account"],
      kwaliteit: [
        "/overzicht",
        "/results",
        "/results?group=municipality&ogroup=organisationType",
        "/casussen",
        "/casusoverleg",
        "/uren",
        "/instellingen",
        "/kengetallen",
        "/rendement",
        "/uitdraaien",
        "/verbetercyclus",
        "/verbetercyclus/{finding}",
        "/audits-risicos?year={year}",
        "/directiebeoordeling",
        "/directiebeoordeling/{review}",
        "/bewijsmap",
        "/audit",
        "/account",
      ],
      management: [
        "/results?group=branch",
        "/casussen",
        "/casusoverleg",
        "/kengetallen",
        "/rendement",
        "/uitdraaien",
        "/verbetercyclus",
        "/verbetercyclus/{finding}",
        "/audits-risicos?year={year}",
        "/directiebeoordeling",
        "/directiebeoordeling/{review}",
        "/bewijsmap",
        "/account",
      ],
      auditor: [
        "/results?wave={previous}",
        "/casussen",
        "/casusoverleg",
        "/kengetallen",
        "/rendement",
        "/verbetercyclus",
        "/verbetercyclus/{finding}",
        "/audits-risicos?year={year}",
        "/directiebeoordeling",
        "/directiebeoordeling/{review}",
        "/bewijsmap",
        "/audit",
        "/account",
      ],
      medewerker: ["/casussen", "/casusoverleg", "/uren", "/kengetallen", "/account"],
      gemeente: ["/municipality", "/kengetallen", "/bewijsmap/controleren", "/account"],
    };

    /** The path of a view template, its ids from the seed. */
    const fill = (template: string) =>
      template
        .replace("{finding}", seed.findingId)
        .replace("{review}", seed.reviewId)
        .replace("{year}", String(seed.auditYear))
        .replace("{previous}", seed.previousWaveId);

    for (const role of roles.filter(() => parts.includes("views"))) {
      const sees = SEES[role];
      // Each view of the role is loaded once: opened from the menu (as a person would), checked to be the
      // right view, and checked by axe when it is in the role's axe list; the rest of that list (filtered
      // views and detail pages) is then opened by its address.
      it(`opens every view of ${role} from its menu, with no axe violations on them (WCAG 2.1 AA)`, async () => {
        found.length = 0;
        const page = await pageAs(role as keyof TestServer["cookies"]);
        const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
        // The page texts, read only for the one role whose texts are checked (reading forces a layout of the whole page).
        const texts: string[] = [];
        await page.goto(app.base);
        for (const v of sees) {
          await step(page, `${role}-${v}`, async () => {
            await openView(page, VIEW[v]);
            // The menu marks the view as current once the router has moved there; only then is its content the new view's.
            await nav
              .getByRole("link", { name: VIEW[v], exact: true, includeHidden: true })
              .and(page.locator("[aria-current='page']"))
              .waitFor({ state: "attached" });
            await settle(page);
            expect(new URL(page.url()).pathname).toBe(pathOf(v));
            if (role === "gemeente") texts.push(await page.locator("body").innerText());
            if (VIEWS[role].includes(`/${v}`)) await check(page, `${role}/${v}`);
            await photograph(page, `${SHOTS}/${role}-${v.replace("/", "-")}.png`);
          });
        }
        for (const template of VIEWS[role].filter((t) => !sees.some((v) => t === `/${v}`))) {
          await view(page, fill(template), `${role}${template.replace(/\{\w+\}/g, "id")}`);
          if (role === "gemeente") texts.push(await page.locator("body").innerText());
        }
        if (role === "gemeente") expectOwnMunicipalityOnly(texts);
        await page.close();
        expect(found, found.join("\n")).toEqual([]);
      });

      it(`gives ${role} exactly its menu after logging in; old addresses redirect, another role's views stay closed`, async () => {
        const page = await pageAs(null);
        await page.goto(app.base);
        await page.getByLabel("E-mailadres").fill(`${role}@test.local`);
        await page.getByLabel("Wachtwoord").fill(PASSWORD);
        await page.getByRole("button", { name: "Inloggen" }).click();
        await page.getByRole("button", { name: "Uitloggen" }).waitFor();
        const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
        const texts: string[] = [];
        await step(page, `${role}-menu`, async () => {
          await nav.locator("ul.menu > li").first().waitFor();
          expect(await menuLinks(page)).toEqual(sees.map((v) => VIEW[v]));
        });
        // An old address of a moved view still opens it (the redirect keeps the search params).
        for (const v of sees.filter((x) => MOVED[x])) {
          await step(page, `${role}-moved-${v}`, async () => {
            await page.goto(`${app.base}/${v}?from=2026-01-01`);
            await settle(page);
            expect(new URL(page.url()).pathname).toBe(pathOf(v));
            expect(new URL(page.url()).search).toBe("?from=2026-01-01");
          });
        }
        // A view the role may not have is not reached by typing its address either: the first own view opens.
        // Verifying a pack is open to everyone (those who may export reach it from Bewijsmap, not the menu).
        // Each role tries a quarter of the views it may not have, a different quarter per role, so that together the roles
        // try them all; which views a role may have is checked for every role and view in tests/unit/dashboard-contract.test.ts.
        const forbidden = (Object.keys(VIEW) as View[]).filter((x) => !sees.includes(x) && x !== "bewijsmap/controleren");
        const turn = Object.keys(SEES).indexOf(role);
        for (const v of forbidden.filter((_, i) => i % 4 === turn % 4)) {
          await step(page, `${role}-forbidden-${v}`, async () => {
            await page.goto(`${app.base}/${v}`);
            await settle(page);
            expect(
              await nav.getByRole("link", { name: VIEW[sees[0]], exact: true, includeHidden: true }).getAttribute("aria-current"),
            ).toBe("page");
            expect(await nav.getByRole("link", { name: VIEW[v], exact: true, includeHidden: true }).count()).toBe(0);
            if (role === "gemeente") texts.push(await page.locator("body").innerText());
          });
        }
        if (role === "gemeente") expectOwnMunicipalityOnly(texts);
        await page.close();
      });
    }

    if (parts.includes("phone")) {
      it("finds no violations on a phone-sized screen, where wide tables scroll and no page is wider than the screen", async () => {
        found.length = 0;
        const page = await pageAs("kwaliteit");
        await page.setViewportSize({ width: 390, height: 844 });
        for (const path of [
          "/overzicht",
          "/results",
          "/metingen",
          "/metingen/uitgaande-mail",
          "/bewijsmap/controleren",
          "/audit",
          "/casussen",
          "/casusoverleg",
          "/uren",
          "/instellingen",
          "/kengetallen",
          "/rendement",
          "/verbetercyclus",
          `/audits-risicos?year=${seed.auditYear}`,
          `/directiebeoordeling/${seed.reviewId}`,
        ]) {
          await view(page, path, `phone${path.replace(/\?.*$|\/[0-9a-f-]{36}$/, "")}`);
          // A wide table scrolls in its own box; the page itself never scrolls sideways.
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 390) found.push(`${path}: the page is ${width} px wide at 390 px`);
        }
        await page.close();
        expect(found, found.join("\n")).toEqual([]);
      });
    }
    if (parts.includes("survey")) {
      it("finds no violations in the survey: first page, after a page change, and its status pages", async () => {
        found.length = 0;
        const page = await pageAs(null);
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${app.base}/s/${seed.tokens.fresh[0]}`);
        await page.locator(".sd-question").first().waitFor();
        await check(page, "survey-first-page");
        const questions = page.locator(".sd-question:visible");
        for (let i = 0; i < (await questions.count()); i++)
          await questions.nth(i).locator("label.sd-rating__item:has(input[value='4'])").first().click();
        await page.locator(".sd-navigation__next-btn:visible").first().click();
        await page.getByText("Rolduidelijkheid").first().waitFor();
        await check(page, "survey-second-page");
        // The remaining pages, answered and sent: the thank-you page.
        for (let guard = 0; guard < 10; guard++) {
          const open = page.locator(".sd-question:visible");
          for (let i = 0; i < (await open.count()); i++) {
            if (await open.nth(i).locator("input:checked").count()) continue;
            const item = open.nth(i).locator("label.sd-rating__item:has(input[value='4'])");
            if (await item.count()) await item.first().click();
          }
          const next = page.locator(".sd-navigation__next-btn:visible").first();
          if (await next.count()) {
            await next.click();
            continue;
          }
          await page.locator(".sd-navigation__complete-btn:visible").first().click();
          break;
        }
        await page.getByRole("heading", { name: "Hartelijk dank!" }).waitFor();
        await check(page, "survey-thanks");
        for (const [token, heading] of [
          [seed.tokens.submitted, "U heeft de vragenlijst al ingevuld"],
          [seed.tokens.closed, "Deze meting is gesloten"],
          ["x".repeat(32), "Deze link werkt niet"],
        ]) {
          await page.goto(`${app.base}/s/${token}`);
          await page.getByRole("heading", { name: heading }).waitFor();
          await check(page, `survey-${heading}`);
        }
        await page.close();
        expect(found, found.join("\n")).toEqual([]);
      });
    }
    if (parts.includes("keyboard")) {
      it("works with the keyboard alone: skip link, navigation, a form, and a visible focus ring", async () => {
        await accountWithPassword(app, "toetsenbord@zvh.test", "kwaliteit");
        const page = await pageAs(null);
        await page.goto(app.base);
        await page.getByLabel("E-mailadres").waitFor();
        // The login form, filled and sent without a mouse.
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Naar de inhoud");
        const focused = () =>
          page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            return { id: el.id, tag: el.tagName, text: el.textContent?.trim() ?? "", label: el.getAttribute("aria-label") };
          });
        for (let i = 0; i < 10 && (await focused()).id !== "email"; i++) await page.keyboard.press("Tab");
        expect((await focused()).id).toBe("email");
        await page.keyboard.type("toetsenbord@zvh.test");
        await page.keyboard.press("Tab");
        await page.keyboard.type(PASSWORD);
        await page.keyboard.press("Enter");
        await page.getByRole("button", { name: "Uitloggen" }).waitFor();
        await settle(page);

        // From the top of a freshly opened view: the skip link comes first, is visible when focused, and moves focus to the main content.
        await page.goto(`${app.base}/kengetallen`);
        await settle(page);
        await page.keyboard.press("Tab");
        const skipLink = await focused();
        expect(skipLink).toMatchObject({ tag: "A", text: "Naar de inhoud" });
        const style = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const s = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return { outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), left: box.left, width: box.width };
        });
        expect(style.outlineStyle).not.toBe("none");
        expect(style.outlineWidth).toBeGreaterThanOrEqual(2);
        expect(style.left).toBeGreaterThanOrEqual(0); // on screen, not parked off the left edge
        await page.keyboard.press("Enter");
        expect((await focused()).id).toBe("main");

        // The navigation: reachable by Tab from the top, followed with Enter.
        await page.goto(`${app.base}/kengetallen`);
        await settle(page);
        await page.keyboard.press("Tab");
        // The menu is grouped: Rendement sits in the group "Casuswerk", a button that opens its list.
        for (let i = 0; i < 20 && (await focused()).text !== "Casuswerk"; i++) await page.keyboard.press("Tab");
        expect(await focused()).toMatchObject({ tag: "BUTTON", text: "Casuswerk" });
        await page.keyboard.press("Enter");
        for (let i = 0; i < 6 && (await focused()).text !== "Rendement"; i++) await page.keyboard.press("Tab");
        expect(await focused()).toMatchObject({ tag: "A", text: "Rendement" });
        const ring = await page.evaluate(() => {
          const s = getComputedStyle(document.activeElement as HTMLElement);
          return { outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor };
        });
        expect(ring.outlineStyle).toBe("solid");
        expect(ring.outlineWidth).toBeGreaterThanOrEqual(2);
        await page.keyboard.press("Enter");
        await page.getByRole("heading", { name: "Rendement", level: 1 }).waitFor();
        expect(new URL(page.url()).pathname).toBe("/rendement");

        // A filter form operated from the keyboard: the choice lands in the URL.
        await page.getByLabel("Thema", { exact: true }).focus();
        await page.keyboard.press("ArrowDown");
        await expect.poll(() => new URL(page.url()).searchParams.get("theme")).toBeTruthy();
        await page.close();
      });
    }
    if (parts.includes("chart-export")) {
      it("exports a chart as CSV (semicolons, UTF-8 mark) and as PNG", async () => {
        const page = await pageAs("kwaliteit");
        await page.goto(`${app.base}/rendement`);
        await settle(page);
        const frame = page.getByRole("region", { name: "Uren en kosten per gemeente" });
        const [csv] = await Promise.all([page.waitForEvent("download"), frame.getByRole("link", { name: /^CSV/ }).click()]);
        expect(csv.suggestedFilename()).toBe("uren-en-kosten-per-gemeente.csv");
        const text = await (await downloadBytes(csv)).toString("utf8");
        expect(text.charCodeAt(0)).toBe(0xfeff);
        const lines = text.slice(1).trim().split("\r\n");
        expect(lines[0]).toBe("Gemeente;Uren;Kosten");
        expect(lines.find((l) => l.startsWith("Hoorn;"))).toMatch(/^Hoorn;9,5;\d+(,\d+)?$/);
        const [png] = await Promise.all([page.waitForEvent("download"), frame.getByRole("link", { name: /^PNG/ }).click()]);
        expect(png.suggestedFilename()).toBe("uren-en-kosten-per-gemeente.png");
        await png.saveAs(`${ARTIFACTS}/chart-export.png`);
        const bytes = await downloadBytes(png);
        expect(bytes.subarray(1, 4).toString()).toBe("PNG");
        const width = bytes.readUInt32BE(16);
        const box = await frame.locator(".recharts-wrapper > svg").boundingBox();
        expect(width).toBe(2 * (Math.ceil(box!.width) + 24)); // drawn at twice the size, with a 12px margin
        // A chart with a legend: Recharts draws it in HTML, the PNG redraws it under the chart.
        await page.goto(`${app.base}/results`);
        await settle(page);
        const questions = page.getByRole("region", { name: "Verdeling van de antwoorden per vraag" });
        const [spread] = await Promise.all([page.waitForEvent("download"), questions.getByRole("link", { name: /^PNG/ }).click()]);
        await spread.saveAs(`${ARTIFACTS}/chart-export-legend.png`);
        expect((await downloadBytes(spread)).readUInt32BE(20)).toBeGreaterThan(
          2 * (await questions.locator(".recharts-wrapper > svg").boundingBox())!.height,
        );

        // The heat map is a table, not an SVG: its PNG is drawn from the same counts.
        await page.goto(`${app.base}/audits-risicos?year=${seed.auditYear}`);
        await settle(page);
        const heatmap = page.getByRole("region", { name: /^Restrisico/ }).first();
        const [grid] = await Promise.all([page.waitForEvent("download"), heatmap.getByRole("link", { name: /^PNG/ }).click()]);
        await grid.saveAs(`${ARTIFACTS}/heatmap-export.png`);
        expect((await downloadBytes(grid)).subarray(1, 4).toString()).toBe("PNG");
        const [cells] = await Promise.all([page.waitForEvent("download"), heatmap.getByRole("link", { name: /^CSV/ }).click()]);
        const gridCsv = await (await downloadBytes(cells)).toString("utf8");
        expect(gridCsv.charCodeAt(0)).toBe(0xfeff); // (trim() would remove the mark: it counts as white space)
        const rows = gridCsv.slice(1).trimEnd().split("\r\n");
        expect(rows[0]).toMatch(/^Kans \(rijen\) tegen impact \(kolommen\);Impact 1 /);
        expect(rows.find((r) => r.startsWith("Kans 2 "))).toContain(";1 (Middel);");
        await page.close();
      });
    }
    if (parts.includes("filters")) {
      /** As settle, and the network quiet too: a filter changes the address, then the data follows. */
      async function settleQuiet(page: Page) {
        await page.locator("main h1").first().waitFor();
        await page.waitForLoadState("networkidle");
        await settle(page);
      }
      it("keeps the filters of Klanttevredenheid, Kengetallen, Rendement, Verbetercyclus and Audits en risico's in the URL", async () => {
        const page = await loginPage(browser, app.base, "kwaliteit@test.local");
        const main = page.getByRole("main");
        const param = (key: string) => new URL(page.url()).searchParams.get(key);

        await step(page, "filters-results", async () => {
          // The default is the latest closed wave; the running one is chosen by its address.
          await page.goto(`${app.base}/results?wave=${seed.currentWaveId}`);
          await settleQuiet(page);
          // The running wave against the previous one: it says it still runs and claims no test while it does.
          await main.getByText("Deze meting loopt nog en sluit op", { exact: false }).waitFor();
          const dimensions = main.getByRole("table", { name: "Gemiddelde per dimensie" });
          await expect(dimensions.getByRole("row", { name: /Rolduidelijkheid/ }).innerText()).resolves.toContain(
            "voorlopig, niet getoetst",
          );
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
          await settleQuiet(page);
          await main.getByText("Er is geen eerdere meting met antwoorden om mee te vergelijken.").waitFor();
          // The address alone brings the same view back.
          await page.reload();
          await settleQuiet(page);
          expect(await main.getByLabel("Meting", { exact: true }).inputValue()).toBe(seed.previousWaveId);
          expect(await main.getByLabel("Groeperen naar", { exact: true }).inputValue()).toBe("municipality");
          expect(await main.getByLabel("Open antwoorden groeperen naar").inputValue()).toBe("organisationType");
        });

        await step(page, "filters-metrics", async () => {
          await page.goto(`${app.base}/kengetallen`);
          await settleQuiet(page);
          await main.getByLabel("Vestiging").selectOption({ label: "West-Friesland" });
          expect(param("branch")).toBe("west-friesland");
          await settleQuiet(page);
          await page.reload();
          await settleQuiet(page);
          expect(await main.getByLabel("Vestiging").inputValue()).toBe("west-friesland");
          await main.getByRole("table", { name: "Deelname per partner" }).waitFor();
        });

        await step(page, "filters-rendement", async () => {
          await page.goto(`${app.base}/rendement?municipality=hoorn`);
          await settleQuiet(page);
          expect(await main.getByLabel("Gemeente", { exact: true }).inputValue()).toBe("hoorn");
          const perMunicipality = main.getByRole("table", { name: "Uren en kosten per gemeente" });
          expect(await perMunicipality.getByRole("row").allInnerTexts()).toHaveLength(2); // header and Hoorn
          await expect(perMunicipality.innerText()).resolves.toContain("Hoorn");
          const scatter = main.getByRole("table", { name: "Kosten per gemeente tegen het aantal casussen" });
          await expect(scatter.getByRole("row", { name: /Hoorn/ }).innerText()).resolves.toMatch(
            /Hoorn\s+2\s+9,50\s+€\s?832,00\s+€\s?416,00/,
          );
          await main.getByLabel("Thema", { exact: true }).selectOption({ label: "Mensenhandel" });
          expect(param("theme")).toBe("mensenhandel");
          expect(param("municipality")).toBe("hoorn");
          await photograph(page, `${SHOTS}/kwaliteit-rendement-filtered.png`);
        });

        await step(page, "filters-quality", async () => {
          await page.goto(`${app.base}/verbetercyclus?source=audit`);
          await settleQuiet(page);
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
          await settleQuiet(page);
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
    }
  });
}
