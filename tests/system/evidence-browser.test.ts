import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { strToU8, unzipSync, zipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import {
  ARTIFACTS,
  photograph,
  PHOTOGRAPH,
  browserUnavailable,
  downloadBytes,
  launchBrowser,
  SETTLE_MS,
  serveTestApp,
  type TestServer,
} from "../helpers/browser.ts";

const skip = browserUnavailable();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
declare const axe: {
  run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
};

/**
 * The auditor's evidence flow in Chromium: make a pack on the export page (progress shown while it
 * streams, a download arrives), check it on the verify page (intact, signed by this installation's
 * key), then check a copy with one file changed (reported by name). The verify page also works
 * without signing in. axe finds nothing on either page.
 */
describe.skipIf(skip)("evidence pack export and in-browser verification", () => {
  let app: TestServer;
  let browser: Browser;
  let pack: Buffer;
  let filename = "";

  beforeAll(async () => {
    app = await serveTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A page as the auditor (session cookie) or as nobody; CSP bypassed only so axe can be injected. */
  async function pageAs(role: "auditor" | null) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, acceptDownloads: true });
    if (role) {
      const [name, value] = app.cookies[role].split("=");
      await context.addCookies([{ name, value, url: app.base }]);
    }
    return context.newPage();
  }

  async function noAxeViolations(page: Page, where: string) {
    await page.addScriptTag({ path: AXE });
    const { violations } = await page.evaluate(
      (values) => axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
      TAGS,
    );
    expect(violations.map((v) => `${where}: ${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  }

  async function screenshots(page: Page, name: string) {
    if (!PHOTOGRAPH) return; // the narrow viewport is for the photograph only
    await photograph(page, `${ARTIFACTS}/evidence-${name}-1440.png`);
    await page.setViewportSize({ width: 390, height: 844 });
    await photograph(page, `${ARTIFACTS}/evidence-${name}-390.png`);
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  async function verify(page: Page, bytes: Buffer, name: string) {
    await page.getByLabel("Bewijspakket (ZIP)").setInputFiles({ name, mimeType: "application/zip", buffer: bytes });
    const verdict = page.getByTestId("verdict");
    await verdict.getByText(`Bestand: ${name}`).waitFor({ timeout: SETTLE_MS });
    return verdict;
  }

  it("exports a pack with progress and a download, and shows the instance's key", async () => {
    const page = await pageAs("auditor");
    await page.goto(`${app.base}/bewijsmap`);
    await page.getByRole("heading", { name: "Bewijsmap voor de auditor", level: 1 }).waitFor({ timeout: SETTLE_MS });
    const key = (await (await app.request("/api/evidence-pack/key")).json()) as { fingerprint: string };
    const shown = page.getByTestId("instance-fingerprint");
    await expect.poll(() => shown.textContent(), { timeout: SETTLE_MS }).toBe(key.fingerprint.match(/.{4}/g)!.join(" "));
    await noAxeViolations(page, "export");

    // Every text the live region shows, so the short-lived progress line is seen even on a fast machine.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const live = document.querySelector(".evidence-progress")!;
      new MutationObserver(() => seen.push(live.textContent ?? "")).observe(live, { childList: true, subtree: true, characterData: true });
    });
    await page.getByRole("button", { name: /^Vorig kwartaal/ }).click();
    const quarterFrom = await page.getByLabel("Van", { exact: true }).inputValue();
    await page.getByLabel("9.2 Interne audit").uncheck();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Bewijspakket maken" }).click()]);
    filename = download.suggestedFilename();
    expect(filename).toMatch(new RegExp(`^bewijspakket-${quarterFrom}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    pack = await downloadBytes(download);
    await page.getByText(/^Klaar: bewijspakket-.*is gedownload\./).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((text) => /Bewijspakket wordt gemaakt: .*(B|kB|MB) ontvangen/.test(text))).toBe(true);
    // The unchecked clause is left out of the pack.
    const files = Object.keys(unzipSync(new Uint8Array(pack)));
    expect(files.some((f) => f.startsWith("data/9.2/"))).toBe(false);
    expect(files.some((f) => f.startsWith("data/9.3/"))).toBe(true);
    await screenshots(page, "export");
    await page.context().close();
  });

  it("finds the downloaded pack intact and signed by this installation, and names a changed file", async () => {
    expect(pack?.length).toBeGreaterThan(0);
    const page = await pageAs("auditor");
    await page.goto(`${app.base}/bewijsmap/controleren`);
    await page.getByRole("heading", { name: "Bewijspakket controleren", level: 1 }).waitFor({ timeout: SETTLE_MS });
    await page.getByTestId("instance-fingerprint").waitFor({ timeout: SETTLE_MS });
    const intact = await verify(page, pack, filename);
    await intact.getByText(/^Het pakket is intact: alle \d+ bestanden kloppen/).waitFor();
    await intact.getByText("Dit is de sleutel van deze installatie.").waitFor();
    await noAxeViolations(page, "verify intact");
    await screenshots(page, "verify-intact");

    const files = unzipSync(new Uint8Array(pack));
    files["data/index.html"] = strToU8("<!doctype html><title>Aangepast</title>");
    const changed = await verify(page, Buffer.from(zipSync(files)), "gewijzigd.zip");
    await changed.getByText("Het pakket is NIET intact.").waitFor();
    const row = changed.getByRole("row", { name: /data\/index\.html/ });
    await expect.poll(() => row.textContent()).toContain("Gewijzigd");
    expect(await changed.getByRole("row").count()).toBe(2); // the header and the one changed file
    await noAxeViolations(page, "verify changed");
    await screenshots(page, "verify-changed");
    await page.context().close();
  });

  it("verifies without signing in", async () => {
    const page = await pageAs(null);
    await page.goto(`${app.base}/bewijsmap/controleren`);
    await page.getByRole("heading", { name: "Bewijspakket controleren", level: 1 }).waitFor({ timeout: SETTLE_MS });
    expect(await page.getByRole("heading", { name: "Inloggen" }).count()).toBe(0);
    const verdict = await verify(page, pack, filename);
    await verdict.getByText(/^Het pakket is intact/).waitFor();
    await verdict.getByText("Dit is de sleutel van deze installatie.").waitFor();
    await page.context().close();
  });
});
