import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createRequire } from "node:module";
import type { z } from "@hono/zod-openapi";
import {
  ARTIFACTS,
  photograph,
  browserUnavailable,
  givePassword,
  launchBrowser,
  loginPage,
  SETTLE_MS,
  seedDashboard,
  serveTestApp,
  type TestServer,
} from "../helpers/browser.ts";
import type { OverviewSchema } from "../../api/overview/overview.schemas.ts";

const skip = browserUnavailable();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
declare const axe: {
  run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
};
type Overview = z.infer<typeof OverviewSchema>;
const ROLES = ["management", "kwaliteit", "auditor"] as const;
/** Dutch number form, as the page writes it. */
const nl = (v: number, digits: number) =>
  new Intl.NumberFormat("nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

/**
 * The start page as its three readers meet it: after logging in they land on Overzicht
 * with focus on its heading, and its figures are the API's; the page has no axe
 * violations on a phone and on a wide screen; the grouped menu fits one row at 1440 px;
 * on the results page each chart is one named tab stop.
 */
describe.skipIf(skip)("start page Overzicht in Chromium", () => {
  let app: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    app = await serveTestApp();
    browser = await launchBrowser();
    await seedDashboard(app);
    await givePassword(
      app,
      ROLES.map((r) => `${r}@test.local`),
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function settle(page: Page) {
    await page.locator("main h1").first().waitFor();
    await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"), undefined, { timeout: SETTLE_MS });
  }

  async function overview(role: (typeof ROLES)[number]) {
    const res = await app.request("/api/overview", { as: role });
    expect(res.status).toBe(200);
    return (await res.json()) as Overview;
  }

  for (const role of ROLES) {
    it(`lands ${role} on Overzicht with focus on its heading, showing the API's figures`, async () => {
      const page = await loginPage(browser, app.base, `${role}@test.local`);
      try {
        await settle(page);
        expect(new URL(page.url()).pathname).toBe("/overzicht");
        await expect
          .poll(() => page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent })))
          .toEqual({ tag: "H1", text: "Overzicht" });
        const o = await overview(role);
        const main = page.locator("main");
        // Satisfaction of the latest closed wave, in Dutch number form.
        const latest = o.satisfaction.latest!;
        const satisfaction = main.getByRole("region", { name: "Tevredenheid ketenpartners" });
        expect(await satisfaction.innerText()).toContain(latest.name);
        expect(await satisfaction.getByTestId("grade").innerText()).toContain(nl(latest.grade!.mean, 1));
        expect(await satisfaction.getByTestId("nps").innerText()).toContain(nl(latest.nps!.nps, 0));
        expect(await satisfaction.getByTestId("weakest").innerText()).toContain(nl(latest.weakest!.mean, 2));
        // The running wave and its fieldwork.
        const running = await main.getByTestId("running-wave").innerText();
        const w = o.running[0];
        expect(running).toContain(`${w.responded} van ${w.invited} uitgenodigden`);
        // Overdue, with owner names.
        const actions = await main.getByTestId("overdue-actions").innerText();
        for (const a of o.overdue.actions.slice(0, 5)) expect(actions).toContain(`${a.ref} ${a.title} – ${a.owner}`);
        // A long list is its five oldest and a count that links to the rest.
        for (const [id, list] of [
          ["actions", o.overdue.actions],
          ["follow-ups", o.overdue.followUps],
        ] as const) {
          if (list.length === 0) continue;
          const group = main.getByTestId(`overdue-${id}`);
          expect(await group.locator("li").count()).toBe(Math.min(list.length, 5));
          if (list.length > 5) expect(await group.innerText()).toContain(`en nog ${list.length - 5} – bekijk ze allemaal`);
        }
        // The quarter per branch.
        for (const b of o.registry.branches) {
          const row = await main.getByTestId(`branch-${b.branchId}`).innerText();
          expect(row).toContain(b.name);
          expect(row.split(/\s+/)).toContain(String(b.current.cases));
        }
        // Each tile leads to its details.
        await satisfaction.getByRole("link", { name: "Naar de resultaten" }).click();
        await settle(page);
        expect(new URL(page.url()).pathname).toBe("/resultaten");
        expect(new URL(page.url()).searchParams.get("wave")).toBe(latest.waveId);
      } finally {
        await page.context().close();
      }
    });
  }

  it("has no axe violations at 390 and 1440 px, and the menu fits one row at 1440 px", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const [name, value] = app.cookies.kwaliteit.split("=");
    await context.addCookies([{ name, value, url: app.base }]);
    const page = await context.newPage();
    try {
      await page.goto(`${app.base}/overzicht`);
      await settle(page);
      await page.addScriptTag({ path: AXE });
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(100);
        await photograph(page, `${ARTIFACTS}/start-page-${width}.png`);
        // Nothing sticks out sideways: a tile's lines wrap.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const { violations } = await page.evaluate(
          (values) => axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
          TAGS,
        );
        expect(violations.map((v) => `${width}: ${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      const menu = page.locator("nav ul.menu");
      const heights = await menu.evaluate((ul) => ({
        menu: ul.getBoundingClientRect().height,
        item: Math.max(...[...ul.children].map((li) => li.getBoundingClientRect().height)),
      }));
      expect(heights.menu).toBeLessThanOrEqual(heights.item + 1);
      // A group is a disclosure: it opens with the keyboard, its links are in reach, Escape closes it.
      const group = page.getByRole("button", { name: "Casuswerk" });
      expect(await group.getAttribute("aria-expanded")).toBe("false");
      await group.focus();
      await page.keyboard.press("Enter");
      expect(await group.getAttribute("aria-expanded")).toBe("true");
      await photograph(page, `${ARTIFACTS}/start-page-menu-open.png`, false);
      const { violations } = await page.evaluate(
        (values) => axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
        TAGS,
      );
      expect(violations.map((v) => v.id)).toEqual([]);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Casussen");
      await page.keyboard.press("Escape");
      expect(await group.getAttribute("aria-expanded")).toBe("false");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Casuswerk");
    } finally {
      await context.close();
    }
  });

  it("makes each chart on the results page one tab stop with a name", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const [name, value] = app.cookies.kwaliteit.split("=");
    await context.addCookies([{ name, value, url: app.base }]);
    const page = await context.newPage();
    try {
      await page.goto(`${app.base}/resultaten`);
      await settle(page);
      await page.locator("[role=img]").first().waitFor();
      const stops: { tag: string; role: string | null; label: string | null; text: string }[] = [];
      await page.locator("body").focus();
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press("Tab");
        const stop = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el && el !== document.body
            ? {
                tag: el.tagName,
                role: el.getAttribute("role"),
                label: el.getAttribute("aria-label"),
                text: (el.textContent ?? "").trim().slice(0, 40),
              }
            : null;
        });
        if (!stop) break;
        if (stops.length && JSON.stringify(stop) === JSON.stringify(stops[0])) break;
        stops.push(stop);
      }
      const charts = stops.filter((s) => s.role === "img");
      const inPage = await page.locator("main [role=img]").count();
      expect(charts.length).toBe(inPage);
      expect(inPage).toBeGreaterThan(0);
      for (const c of charts) expect(c.label?.length ?? 0, JSON.stringify(c)).toBeGreaterThan(10);
      // Nothing inside a chart is a stop of its own: only the chart itself.
      expect(await page.locator("main [role=img] [tabindex]:not([tabindex='-1'])").count()).toBe(0);
      // Per chart: itself, PNG and CSV; the rest is the menu and the page's own controls.
      expect(stops.length, stops.map((s) => `${s.tag}:${s.label ?? s.text}`).join(" | ")).toBeLessThanOrEqual(20 + 3 * inPage);
      // On a phone the dimension chart keeps room for its bars: the names wrap in a narrow column.
      await page.setViewportSize({ width: 390, height: 900 });
      const plot = page.locator("section[aria-labelledby='results-dimensions-title'] .recharts-cartesian-grid");
      await expect.poll(async () => (await plot.boundingBox())?.width ?? 0).toBeGreaterThan(150);
      await photograph(page, `${ARTIFACTS}/start-page-results-390.png`);
    } finally {
      await context.close();
    }
  });
});
