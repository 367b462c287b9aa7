import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { ParsedMail } from "mailparser";
import { startSmtpSink } from "../helpers/smtp.ts";
import { strFromU8, unzipSync } from "fflate";
import { and, eq } from "drizzle-orm";
import {
  ARTIFACTS,
  browserUnavailable,
  downloadBytes,
  launchBrowser,
  openView,
  SETTLE_MS,
  serveTestApp,
  type TestServer,
} from "../helpers/browser.ts";
import { startSurveyMail } from "../../scripts/mail/invitation-mailer.ts";
import { mixPool } from "../../api/respond/pool.service.ts";
import { auditLog } from "../../db/schema.ts";

const skip = browserUnavailable();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
declare const axe: {
  run: (context: Document, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
};

const QUESTIONNAIRE = "Pulsmeting casusoverleg";
const WAVE = "Puls casusoverleg najaar";
const PARTNERS = 50;

/** A questionnaire with a "weet niet / n.v.t." rating and a question shown only to partners who attended a conference. */
const definition = {
  title: { nl: QUESTIONNAIRE, en: "Case conference pulse" },
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "radiogroup",
          name: "bijgewoond",
          title: "Was u het afgelopen jaar bij een casusoverleg?",
          isRequired: true,
          choices: [
            { value: "ja", text: "Ja" },
            { value: "nee", text: "Nee" },
          ],
        },
        {
          type: "rating",
          name: "voorzitter",
          dimension: "casusoverleg",
          title: "De voorzitter leidde het overleg goed.",
          isRequired: true,
          rateMin: 1,
          rateMax: 5,
          visibleIf: "{bijgewoond} = 'ja'",
        },
        {
          type: "rating",
          name: "samen",
          dimension: "samenwerking",
          title: "De samenwerking met het Zorg- en Veiligheidshuis is goed.",
          isRequired: true,
          rateMin: 1,
          rateMax: 5,
          showNotApplicable: true,
        },
      ],
    },
  ],
};

const TYPES = ["gemeente", "justitie", "zorg", "veiligheid", "wonen", "overig"];
const MUNICIPALITIES = ["Alkmaar", "Den Helder", "Hoorn", "Schagen", "Heiloo"];
const address = (i: number) => `partner${i}@keten.test`;
/** 50 partners, and the first one twice (another spelling of the address): merged into one. */
const partnerCsv = () =>
  [
    "organisatie;type;gemeente;vestiging;e-mail;naam",
    ...Array.from(
      { length: PARTNERS },
      (_, i) =>
        `Partner ${i + 1};${TYPES[i % TYPES.length]};${MUNICIPALITIES[i % MUNICIPALITIES.length]};;${address(i + 1)};Contact ${i + 1}`,
    ),
    `Partner 1;gemeente;Alkmaar;;PARTNER1@keten.test;`,
  ].join("\n");

/**
 * The whole life of a wave from the dashboard, with a real SMTP server in-process: a new
 * questionnaire (made through the API; the editor is another screen) → a wave made in the
 * UI → 50 partners pasted in → invitations over SMTP → one partner answers from the link in
 * the e-mail → a reminder reaches only the 49 others → close early → the raw export holds
 * the answer. Then axe over the wave's screens and screenshots at 1440 and 390 px.
 */
describe.skipIf(skip)("running a wave from the dashboard in Chromium", () => {
  let app: TestServer;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: ReturnType<typeof startSurveyMail>;
  let inbox: ParsedMail[] = [];
  let waveId = "";

  beforeAll(async () => {
    smtp = await startSmtpSink();
    inbox = smtp.inbox;
    const port = smtp.port;
    app = await serveTestApp({ mail: { smtp: true, digest: false } });
    // The Node entry's own survey mailer (scripts/start.ts), configured by SMTP_URL as in production.
    mailer = startSurveyMail(app.db, app.base, () => app.clock.now, {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SURVEY_MAIL_THROTTLE_MS: "0",
      SURVEY_MAIL_FROM: "kto@zvh.test",
    });
    browser = await launchBrowser();
    const res = await app.request("/api/questionnaires", {
      method: "POST",
      json: { key: "puls-casusoverleg", title: QUESTIONNAIRE, definition },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });
  afterAll(async () => {
    mailer?.stop();
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  /** A context signed in as the test app's quality manager; CSP bypassed only so that axe can be injected. */
  async function staff(width = 1440): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const [name, value] = app.cookies.kwaliteit.split("=");
    await context.addCookies([{ name, value, url: app.base }]);
    return { context, page: await context.newPage() };
  }

  async function settle(page: Page) {
    await page.locator("h1").first().waitFor();
    await page.waitForFunction(() => !document.querySelector(".loading"), undefined, { timeout: SETTLE_MS });
  }

  async function step(page: Page, name: string, fn: () => Promise<void>) {
    try {
      await fn();
    } catch (e) {
      await page.screenshot({ path: `${ARTIFACTS}/wave-${name}-failed.png`, fullPage: true });
      throw e;
    }
  }

  const recipient = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();
  /** Delivers what is queued through the mailer's own tick, until `n` messages have arrived. */
  async function deliver(n: number) {
    await mailer.tick();
    await expect.poll(() => inbox.length, { timeout: SETTLE_MS }).toBe(n);
  }

  it("creates a wave, imports 50 partners, invites, takes an answer from the e-mailed link, reminds only the others, closes and exports", async () => {
    const { context, page } = await staff();
    const status = page.getByRole("status");

    await step(page, "create", async () => {
      await page.goto(app.base);
      await openView(page, "Metingen");
      await page.getByRole("heading", { name: "Metingen", level: 1 }).waitFor();
      await page.getByLabel("Naam", { exact: true }).fill(WAVE);
      await page.getByLabel("Vragenlijst", { exact: true }).selectOption({ label: QUESTIONNAIRE });
      await expect.poll(() => page.getByLabel("Versie", { exact: true }).locator("option").allTextContents()).toEqual(["versie 1"]);
      await page.getByRole("button", { name: "Meting aanmaken" }).click();
      await page.getByRole("heading", { name: WAVE, level: 1 }).waitFor();
      waveId = new URL(page.url()).pathname.split("/").pop()!;
      await page.getByText("loopt", { exact: true }).first().waitFor();
    });

    await step(page, "import", async () => {
      // One wrong line: nothing is imported, and the line is named.
      const bad = partnerCsv().replace("Partner 3;zorg", "Partner 3;bakkerij");
      await page.getByLabel("Of plak de CSV hier").fill(bad);
      await page.getByRole("button", { name: "Importeren" }).click();
      await page
        .getByRole("alert")
        .getByText(/Regel 4, kolom type: Onbekend type 'bakkerij'/)
        .waitFor();
      expect((await (await app.request("/api/contacts")).json()).contacts).toHaveLength(0);

      await page.getByLabel("Of plak de CSV hier").fill(partnerCsv());
      await page.getByRole("button", { name: "Importeren" }).click();
      await status.getByText(/51 regels gelezen: 1 dubbele e-mailadressen samengevoegd, 50 nieuw in het adresboek/).waitFor();
      await status.getByText(/50 op de contactlijst gezet/).waitFor();
      await page.getByRole("table", { name: /Contactlijst van deze meting \(50 contacten\)/ }).waitFor();
    });

    await step(page, "invite", async () => {
      await page.getByRole("button", { name: "Uitnodigingen versturen" }).click();
      await status.getByText("50 uitnodigingen klaargezet (0 stonden al klaar).").waitFor();
      await deliver(PARTNERS);
      expect(new Set(inbox.map(recipient)).size).toBe(PARTNERS);
      await page.reload();
      await settle(page);
      const row = page.getByRole("row", { name: /Partner 7 / });
      await row.getByText("uitnodiging: verzonden").waitFor({ timeout: SETTLE_MS });
    });

    const answered = inbox.find((m) => recipient(m) === address(7))!;
    expect(answered.subject).toBe("Uw mening over de samenwerking met het Zorg- en Veiligheidshuis");
    expect(answered.text).toContain("Beste Contact 7,");
    const token = /\/s\/([a-z2-7]+)/.exec(answered.text ?? "")![1];

    // At desktop width: on a phone SurveyJS folds a long rating scale into a dropdown.
    const partner = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await step(partner, "answer", async () => {
      await partner.goto(`${app.base}/s/${token}`);
      const casus = partner.locator(".sd-question", { hasText: "De voorzitter leidde" });
      await partner.locator(".sd-question", { hasText: "casusoverleg?" }).getByText("Ja", { exact: true }).click();
      await casus.waitFor(); // shown only after "ja"
      await casus.locator('label.sd-rating__item:has(input[value="4"])').first().click();
      await partner.locator(".sd-question", { hasText: "De samenwerking" }).locator('label:has(input[value="nvt"])').first().click();
      await partner.locator(".sd-navigation__complete-btn:visible").first().click();
      await partner.getByRole("heading", { name: "Hartelijk dank!" }).waitFor({ timeout: SETTLE_MS });
    });
    await partner.close();

    await step(page, "remind", async () => {
      inbox.length = 0;
      await page.getByRole("button", { name: "Nu herinneren" }).click();
      await status.getByText("Herinnering 1: 49 klaargezet (0 stonden al klaar).").waitFor();
      await deliver(PARTNERS - 1);
      const reminded = inbox.map(recipient);
      expect(reminded).not.toContain(address(7));
      expect(new Set(reminded).size).toBe(PARTNERS - 1);
      expect(inbox.every((m) => m.subject?.startsWith("Herinnering"))).toBe(true);
    });

    await step(page, "close", async () => {
      page.once("dialog", (d) => void d.accept());
      await page.getByRole("button", { name: "Vervroegd sluiten" }).click();
      await status.getByText("De meting is gesloten. Vastgelegd in de audittrail.").waitFor();
      await page.locator(".kpis").getByText("gesloten", { exact: true }).waitFor();
      const trail = await app.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "wave"), eq(auditLog.entityId, waveId), eq(auditLog.action, "close")));
      expect(trail).toHaveLength(1);
    });

    await step(page, "export", async () => {
      // What the Node entry's pool mixer does within a minute of closing: the anonymous answers reach the responses.
      await mixPool(app.db, app.clock.now);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV (ZIP)" }).click()]);
      const files = unzipSync(new Uint8Array(await downloadBytes(download)));
      const answers = strFromU8(files["antwoorden.csv"])
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/);
      expect(answers).toHaveLength(2); // heading and the one answer
      const [head, row] = answers.map((l) => l.split(";"));
      const cell = (name: string) => row[head.indexOf(name)];
      expect(cell("bijgewoond")).toBe("ja");
      expect(cell("voorzitter")).toBe("4");
      expect(cell("samen")).not.toBe("");
      expect(head).not.toContain("organisatie"); // anonymous: no organisation column
      expect(strFromU8(files["codeboek.csv"])).toContain("weet niet / n.v.t.");
    });
    await context.close();
  });

  it("has no axe violations on the wave and contact screens, and is photographed at 1440 and 390 px", async () => {
    expect(waveId).not.toBe("");
    const screens = [
      ["metingen", "/metingen"],
      ["meting", `/metingen/${waveId}`],
      ["adresboek", "/metingen/adresboek"],
      ["e-mail", "/metingen/uitgaande-mail"],
    ] as const;
    for (const width of [1440, 390]) {
      const { context, page } = await staff(width);
      for (const [name, path] of screens) {
        await page.goto(`${app.base}${path}`);
        await settle(page);
        await page.screenshot({ path: `${ARTIFACTS}/wave-${name}-${width}.png`, fullPage: true });
        await page.screenshot({ path: `${ARTIFACTS}/wave-${name}-${width}-top.png` });
        if (width !== 1440) continue;
        if (name === "e-mail") await page.getByText("Berichten gaan via de ingestelde SMTP-server de deur uit").waitFor();
        if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
        const { violations } = await page.evaluate(() =>
          axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
        );
        expect(
          violations.map((v) => `${name}: ${v.id} ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`),
          name,
        ).toEqual([]);
      }
      await context.close();
    }
  });
});
