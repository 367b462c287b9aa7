import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ARTIFACTS, photograph, browserUnavailable, launchBrowser, openView, serveTestApp, SETTLE_MS } from "../helpers/browser.ts";

const skip = browserUnavailable();
const PASSWORD = "Een lange zin als wachtwoord";

describe.skipIf(skip)("dashboard login and account pages in Chromium", () => {
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

  async function account(email: string, role: string, municipality?: string) {
    const res = await app.request("/api/users", { method: "POST", as: "admin", json: { email, role, municipality } });
    const link = ((await res.json()) as { setPasswordUrl: string }).setPasswordUrl;
    return `${app.base}${new URL(link).pathname}`;
  }

  async function login(email: string, password = PASSWORD) {
    const page = await browser.newPage();
    await page.goto(app.base);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    return page;
  }

  it("sets a password through the one-time link, then logs in and out", async () => {
    const link = await account("kim@zvh.test", "kwaliteit");
    const page = await browser.newPage();
    await page.goto(link);
    await page.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
    await page.getByLabel("Herhaal wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await page.getByText("Uw wachtwoord is ingesteld.").waitFor();
    await page.close();

    const wrong = await login("kim@zvh.test", "helemaal verkeerd wachtwoord");
    await wrong.getByRole("alert").filter({ hasText: "E-mailadres of wachtwoord onjuist." }).waitFor();
    await wrong.close();

    const ok = await login("kim@zvh.test");
    // The start page opens, and focus is on its heading.
    await ok.getByRole("heading", { name: "Overzicht", level: 1 }).waitFor();
    await ok.waitForFunction(() => document.activeElement?.tagName === "H1");
    expect(await ok.evaluate(() => document.activeElement?.textContent)).toBe("Overzicht");
    await ok.getByText("Er is nog geen gesloten meting met antwoorden.").waitFor(); // a designed empty state
    await openView(ok, "Klanttevredenheid");
    await ok.getByRole("heading", { name: "Klanttevredenheid per dimensie" }).waitFor();
    await ok.getByText("Voor deze meting zijn nog geen antwoorden binnen.").waitFor(); // a designed empty state
    await photograph(ok, `${ARTIFACTS}/dashboard-kwaliteit.png`);
    await ok.getByRole("link", { name: "Mijn account" }).click();
    await ok.getByRole("heading", { name: "Mijn account" }).waitFor();
    await ok.getByRole("button", { name: "Uitloggen" }).click();
    await ok.getByRole("heading", { name: "Inloggen" }).waitFor();
    await ok.close();
  });

  it("shows a gemeente account its own municipality and nothing else", async () => {
    const link = await account("wethouder@alkmaar.test", "gemeente", "Alkmaar");
    await app.request("/api/auth/set-password", {
      method: "POST",
      as: "anonymous",
      json: { token: link.split("/wachtwoord/")[1], password: PASSWORD },
    });
    const page = await login("wethouder@alkmaar.test");
    await page
      .getByRole("heading", { name: "Alkmaar" })
      .waitFor({ timeout: SETTLE_MS })
      .catch(async (e) => {
        await page.screenshot({ path: `${ARTIFACTS}/dashboard-failed.png` });
        throw e;
      });
    const text = await page.locator("body").innerText();
    for (const other of ["Den Helder", "Hoorn", "Texel", "Klanttevredenheid per dimensie", "Accounts"]) expect(text).not.toContain(other);
    await photograph(page, `${ARTIFACTS}/dashboard-gemeente.png`);
    await page.close();
  });

  it("asks for the results view's waves when it opens, not after the shell has learnt who is signed in", async () => {
    const context = await browser.newContext();
    const [name, value] = app.cookies.kwaliteit.split("=");
    await context.addCookies([{ name, value, url: app.base }]);
    const page = await context.newPage();
    // Every answer takes 300 ms, so the order of the requests is the app's, not the machine's.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 300, downloadThroughput: -1, uploadThroughput: -1 });
    const events: string[] = [];
    page.on("request", (r) => events.push(`sent ${new URL(r.url()).pathname}`));
    page.on("requestfinished", (r) => events.push(`done ${new URL(r.url()).pathname}`));
    await page.goto(`${app.base}/resultaten`);
    await page.getByRole("heading", { name: "Klanttevredenheid", level: 1 }).waitFor();
    const meDone = events.indexOf("done /api/auth/me");
    expect(meDone).toBeGreaterThan(-1);
    for (const path of ["/api/waves/latest-closed", "/api/waves"]) {
      expect(events.indexOf(`sent ${path}`), `${path} in ${events.join(", ")}`).toBeGreaterThan(-1);
      expect(events.indexOf(`sent ${path}`), `${path} in ${events.join(", ")}`).toBeLessThan(meDone);
    }
    await context.close();
  });
});
