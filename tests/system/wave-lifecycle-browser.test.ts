import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { ParsedMail } from "mailparser";
import { startSmtpSink } from "../helpers/smtp.ts";
import { strFromU8, unzipSync } from "fflate";
import { and, eq } from "drizzle-orm";
import {
  ARTIFACTS,
  photograph,
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

/**
 * Version 1 of the pulse, as a previous season left it: one question, whether the partner
 * attended a case conference. Version 2, with the n.v.t. rating and the routed question, is
 * made in the dashboard's editor by the test itself.
 */
const version1 = {
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
 * questionnaire version made in the editor (a rating with "weet niet / n.v.t." and a question
 * shown only after "ja") → a wave made in the UI → 50 partners pasted in → invitations over
 * SMTP → one partner answers from the link in the e-mail → a reminder reaches only the 49
 * others → pause, resume, extend and close early → the raw export holds the answer. Then axe
 * over the wave's screens, which open at 1440 and 390 px too (photographed with KS_SHOTS=1).
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
      json: { key: "puls-casusoverleg", title: QUESTIONNAIRE, definition: version1 },
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

  it("makes a version in the editor, creates a wave, imports 50 partners, invites, takes an answer from the e-mailed link, reminds only the others, closes and exports", async () => {
    const { context, page } = await staff();
    const status = page.getByRole("status");

    await step(page, "version", async () => {
      await page.goto(app.base);
      await openView(page, "Vragenlijsten");
      await page.getByRole("button", { name: `Nieuwe versie van ${QUESTIONNAIRE}` }).click();
      await page.getByRole("heading", { name: /versie 2$/, level: 2 }).waitFor();
      /** Adds a 1–5 rating at the end of page 1 and fills what every version of it needs. */
      const addRating = async (name: string, text: string, dimension: string) => {
        await page.getByLabel("Soort nieuwe vraag op pagina 1").selectOption("rating");
        await page.getByRole("button", { name: "Vraag toevoegen" }).click();
        const added = page.locator("#qn-page-0 fieldset.qn-question").last();
        await added.getByLabel("Naam (sleutel)").fill(name);
        await added.getByLabel("Vraagtekst (Nederlands)").fill(text);
        await added.getByLabel("Verplicht").check();
        await added.getByLabel("Dimensie").selectOption(dimension);
        return added;
      };
      const chair = await addRating("voorzitter", "De voorzitter leidde het overleg goed.", "casusoverleg");
      await chair.getByLabel("Alleen tonen als (visibleIf)").fill("{bijgewoond} = 'ja'");
      const together = await addRating("samen", "De samenwerking met het Zorg- en Veiligheidshuis is goed.", "samenwerking");
      await together.getByLabel("Antwoord 'weet niet / n.v.t.' aanbieden").check();
      await page.getByRole("button", { name: "Opslaan" }).click();
      await page.getByRole("status").filter({ hasText: "Opgeslagen." }).waitFor();
      const list = (await (await app.request("/api/questionnaires")).json()) as {
        questionnaires: { key: string; versions: { id: string; version: number }[] }[];
      };
      const v2 = list.questionnaires.find((q) => q.key === "puls-casusoverleg")!.versions.find((v) => v.version === 2)!;
      const stored = (await (await app.request(`/api/questionnaires/${v2.id}`)).json()) as {
        questionnaire: { definition: { pages: { elements: Record<string, unknown>[] }[] } };
      };
      expect(stored.questionnaire.definition.pages[0].elements).toMatchObject([
        { name: "bijgewoond" },
        { type: "rating", name: "voorzitter", isRequired: true, dimension: "casusoverleg", visibleIf: "{bijgewoond} = 'ja'" },
        { type: "rating", name: "samen", isRequired: true, dimension: "samenwerking", showNotApplicable: true },
      ]);
    });

    await step(page, "create", async () => {
      await openView(page, "Metingen");
      await page.getByRole("heading", { name: "Metingen", level: 1 }).waitFor();
      await page.getByLabel("Naam", { exact: true }).fill(WAVE);
      await page.getByLabel("Vragenlijst", { exact: true }).selectOption({ label: QUESTIONNAIRE });
      const version = page.getByLabel("Versie", { exact: true });
      await expect.poll(() => version.locator("option").allTextContents()).toEqual(["versie 2", "versie 1"]);
      await version.selectOption({ label: "versie 2" });
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

    await step(page, "fieldwork", async () => {
      // The fieldwork monitor counts the answer (from the invitation's state: the wave is anonymous).
      await page.reload();
      await settle(page);
      await page.getByText(/Respons op veldwerkdag \d+: .+ \(1 van 50\)\./).waitFor({ timeout: SETTLE_MS });
    });

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

    await step(page, "pause-extend", async () => {
      // Pause, resume and extend from the dashboard too, each said back and each in the trail.
      await page.getByRole("button", { name: "Pauzeren" }).click();
      await status.getByText("De meting is gepauzeerd. Vastgelegd in de audittrail.").waitFor();
      await page.getByRole("button", { name: "Hervatten" }).click();
      await status.getByText("De meting is hervat. Vastgelegd in de audittrail.").waitFor();
      await page.getByRole("button", { name: "Verlengen" }).click();
      await status.getByText(/De meting is verlengd tot .+\. Vastgelegd in de audittrail\./).waitFor();
    });

    await step(page, "close", async () => {
      page.once("dialog", (d) => void d.accept());
      await page.getByRole("button", { name: "Vervroegd sluiten" }).click();
      await status.getByText("De meting is gesloten. Vastgelegd in de audittrail.").waitFor();
      await page.locator(".kpis").getByText("gesloten", { exact: true }).waitFor();
      const trail = await app.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "wave"), eq(auditLog.entityId, waveId)));
      // A status change is an "update" (a closing a "close") whose recorded fields name the action.
      const changes = trail.map((e) => (e.after as { action?: string } | null)?.action).filter((a) => a && a !== "open");
      expect(changes.sort()).toEqual(["close", "extend", "pause", "resume"]);
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

  it("has no axe violations on the wave and contact screens, and opens them at 1440 and 390 px (photographed with KS_SHOTS=1)", async () => {
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
        await photograph(page, `${ARTIFACTS}/wave-${name}-${width}.png`);
        await photograph(page, `${ARTIFACTS}/wave-${name}-${width}-top.png`, false);
        if (width !== 1440) continue;
        if (name === "e-mail") await page.getByText("Berichten gaan via de ingestelde SMTP-server de deur uit").waitFor();
        if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
        const { violations } = await page.evaluate(() =>
          axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            resultTypes: ["violations"],
          }),
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
