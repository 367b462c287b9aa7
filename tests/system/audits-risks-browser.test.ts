import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  ARTIFACTS,
  photograph,
  PHOTOGRAPH,
  browserUnavailable,
  launchBrowser,
  serveTestApp,
  SETTLE_MS,
  type TestServer,
} from "../helpers/browser.ts";
import { users, type Role } from "../../db/schema.ts";

const skip = browserUnavailable();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
declare const axe: {
  run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
};

/**
 * Audits en risico's as working screens, in Chromium: a quality manager plans an audit and
 * is warned, before saving, that the process owner may not audit it; carries the audit out
 * with the checklist and reports it, the nonconformity becoming a finding; re-reviews a risk
 * and sees the movement and history; changes a threshold of the matrix. An auditor and
 * management see no buttons for what they may not do. axe on the audit and risk pages.
 */
describe.skipIf(skip)("audits and risks screens in Chromium", () => {
  let app: TestServer;
  let browser: Browser;
  let ids: Record<Role, string>;
  let riskId = "";

  beforeAll(async () => {
    app = await serveTestApp();
    browser = await launchBrowser();
    const all = await app.db.select().from(users);
    ids = Object.fromEntries(all.map((u) => [u.role, u.id])) as Record<Role, string>;
    // Management owns the case conference process, so it may not audit it.
    expect((await app.request("/api/processes/casusoverleg", { method: "PATCH", json: { ownerIds: [ids.management] } })).status).toBe(200);
    const risk = await app.request("/api/risks", {
      method: "POST",
      json: {
        kind: "risk",
        title: "Triage loopt vertraging op",
        description: "Aanmeldingen blijven liggen bij drukte.",
        processId: "casusoverleg",
        inherentLikelihood: 4,
        inherentImpact: 4,
        residualLikelihood: 3,
        residualImpact: 4,
        treatment: "Dagelijkse triage door twee procesregisseurs.",
        ownerId: ids.kwaliteit,
      },
    });
    expect(risk.status).toBe(201);
    riskId = ((await risk.json()) as { risk: { id: string } }).risk.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function pageAs(role: Role, width = 1440) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const [name, value] = app.cookies[role].split("=");
    await context.addCookies([{ name, value, url: app.base }]);
    return context.newPage();
  }
  async function settle(page: Page) {
    await page.locator("h1").first().waitFor();
    await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"), undefined, { timeout: SETTLE_MS });
  }
  async function expectNoViolations(page: Page, where: string) {
    await page.addScriptTag({ path: AXE });
    const { violations } = await page.evaluate(
      (values) => axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
      TAGS,
    );
    expect(violations.map((v) => `${where}: ${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  }
  async function shots(page: Page, name: string) {
    if (!PHOTOGRAPH) return; // the narrow viewport is for the photograph only
    await photograph(page, `${ARTIFACTS}/audits-risks-${name}-1440.png`);
    await page.setViewportSize({ width: 390, height: 844 });
    await photograph(page, `${ARTIFACTS}/audits-risks-${name}-390.png`);
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  async function step(page: Page, name: string, fn: () => Promise<void>) {
    try {
      await fn();
    } catch (e) {
      await page.screenshot({ path: `${ARTIFACTS}/audits-risks-${name}-failed.png`, fullPage: true });
      throw e;
    }
  }

  it("plans an audit with the independence warning, carries it out and reports it, its nonconformity becoming a finding", async () => {
    const page = await pageAs("kwaliteit");
    let auditId = "";
    await step(page, "plan", async () => {
      await page.goto(`${app.base}/audits-risicos`);
      await settle(page);
      await page.getByText(/^Audit inplannen in \d{4}$/).click();
      const form = page.getByRole("form", { name: /Audit inplannen in het programma/ });
      await form.getByLabel("Proces").selectOption({ label: "Casusoverleg" });
      await form.getByLabel("Auditor").selectOption({ label: "management" });
      // Shown while choosing, before anything is saved.
      await form
        .getByText("management is eigenaar van het proces 'Casusoverleg' en mag dat proces niet auditen.", { exact: false })
        .waitFor();
      expect(await form.getByRole("button", { name: "Audit inplannen" }).isDisabled()).toBe(true);
      await photograph(page, `${ARTIFACTS}/audits-risks-plan-warning-1440.png`);
      await form.getByLabel("Auditor").selectOption({ label: "kwaliteit" });
      await form.getByText(/eigenaar van het proces/).waitFor({ state: "detached" });
      await form.getByLabel("Auditcriteria").fill("8.5.1, 9.1.2");
      await form.getByLabel("Reikwijdte").fill("Verslaglegging van het casusoverleg in Alkmaar");
      await form.getByRole("button", { name: "Audit inplannen" }).click();
      await page.getByRole("heading", { level: 1, name: /^Audit IA-\d{4}-\d{2}: Casusoverleg$/ }).waitFor();
      auditId = new URL(page.url()).pathname.split("/").pop()!;
      expect(new URL(page.url()).pathname).toBe(`/audits-risicos/audits/${auditId}`);
    });

    await step(page, "replan", async () => {
      // Giving the audit to the process owner afterwards meets the same rule, also before saving.
      const planning = page.getByRole("form", { name: "Planning" });
      await planning.getByLabel("Auditor").selectOption({ label: "management" });
      await planning.getByText(/management is eigenaar van het proces 'Casusoverleg'/).waitFor();
      expect(await planning.getByRole("button", { name: "Planning opslaan" }).isDisabled()).toBe(true);
      await planning.getByLabel("Auditor").selectOption({ label: "kwaliteit" });
    });

    await step(page, "checklist", async () => {
      const first = page.getByRole("group", { name: "8.5.1" });
      await first.getByLabel("Oordeel").selectOption({ label: "afwijking" });
      await first.getByLabel("Waarnemingen").fill("In 3 van 10 verslagen ontbreekt de casusregisseur.");
      await page.getByRole("button", { name: "Checklist opslaan" }).click();
      await page.getByRole("status").filter({ hasText: "Checklist opgeslagen." }).waitFor();
      await page.getByRole("group", { name: "Uit de checklist: 8.5.1" }).waitFor();
      await settle(page);
      await expectNoViolations(page, "audit detail");
      await shots(page, "audit");
    });

    await step(page, "report", async () => {
      const draft = page.getByRole("group", { name: "Uit de checklist: 8.5.1" });
      expect(await draft.getByLabel("Classificatie").inputValue()).toBe("minor_nc");
      expect(await draft.getByLabel("ISO 9001-paragrafen").inputValue()).toBe("8.5.1");
      await page.getByLabel("Sterke punten").fill("Goede voorbereiding door de voorzitter.");
      await page.getByLabel("Conclusie").fill("Werkt; casusregie vraagt aandacht.");
      await page.getByRole("button", { name: "Audit rapporteren" }).click();
      await page.getByRole("heading", { name: "Bevindingen uit deze audit (1)" }).waitFor();
      await page.getByRole("link", { name: /8\.5\.1: In 3 van 10 verslagen/ }).waitFor();
      expect(await page.getByRole("button", { name: "Checklist opslaan" }).count()).toBe(0);
    });
    const { findings } = (await (await app.request("/api/findings?source=audit")).json()) as {
      findings: { source: string; sourceAuditId: string | null; classification: string; clauses: string[] }[];
    };
    expect(findings.filter((f) => f.sourceAuditId === auditId)).toEqual([
      expect.objectContaining({ source: "audit", classification: "minor_nc", clauses: ["8.5.1"] }),
    ]);
    await page.context().close();
  });

  it("re-reviews a risk and shows the movement and the history", async () => {
    const page = await pageAs("kwaliteit");
    await step(page, "review", async () => {
      await page.goto(`${app.base}/audits-risicos/risicos/${riskId}`);
      await settle(page);
      await page.getByRole("heading", { level: 1, name: /R-\d{3} Triage loopt vertraging op/ }).waitFor();
      const form = page.getByRole("form", { name: "Herbeoordelen" });
      await form.getByLabel("Kans (restrisico)").selectOption("1");
      await form.getByLabel("Toelichting").fill("Tweede procesregisseur ingezet; geen achterstand meer.");
      await form.getByRole("button", { name: "Herbeoordeling vastleggen" }).click();
      const history = page.getByRole("table", { name: /Geschiedenis, nieuwste versie eerst/ });
      await history.getByRole("row").filter({ hasText: "Tweede procesregisseur ingezet" }).waitFor();
      await page.getByText(/was Hoog \(kans 3 × impact 4 = 12\)/).waitFor();
      expect(await page.locator("dl.facts").innerText()).toMatch(/omlaag\s+was Hoog/);
      expect(await history.locator("tbody tr").count()).toBe(2);
      await settle(page);
      await expectNoViolations(page, "risk detail");
      await shots(page, "risk");
    });
    await page.context().close();
  });

  it("changes a threshold of the 5×5 matrix", async () => {
    const page = await pageAs("kwaliteit");
    await step(page, "matrix", async () => {
      await page.goto(`${app.base}/audits-risicos`);
      await settle(page);
      await page.getByLabel("Niveau bij kans 2 en impact 3").selectOption({ label: "Laag" });
      await page.getByRole("button", { name: "Matrix opslaan" }).click();
      await page.getByRole("status").filter({ hasText: "Matrix opgeslagen." }).waitFor();
      const matrix = (await (await app.request("/api/risks/matrix")).json()) as { grid: string[][] };
      expect(matrix.grid[1][2]).toBe("laag");
      // The overview with every write form open: the plan form, the risk form, the matrix and the owners.
      await page.evaluate(() =>
        document.querySelectorAll("details").forEach((d) => {
          d.open = true;
        }),
      );
      await expectNoViolations(page, "overview (kwaliteit)");
      await shots(page, "overview");
    });
    await page.context().close();
  });

  it("shows no write buttons to an auditor, and no audit writes to management", async () => {
    const { audit } = (await (
      await app.request("/api/audits", {
        method: "POST",
        json: {
          processId: "aanmelding-triage",
          year: new Date().getUTCFullYear(),
          scope: "Triage op dinsdag",
          criteria: ["8.2.1"],
          auditorIds: [ids.kwaliteit],
          auditeeIds: [],
          plannedOn: `${new Date().getUTCFullYear()}-12-15`,
        },
      })
    ).json()) as { audit: { id: string } };
    for (const role of ["auditor", "management"] as const) {
      const page = await pageAs(role);
      await step(page, `readonly-${role}`, async () => {
        await page.goto(`${app.base}/audits-risicos`);
        await settle(page);
        await page.getByRole("heading", { name: "Auditprogramma" }).waitFor();
        expect(await page.getByText(/^Audit inplannen in/).count()).toBe(0);
        expect(await page.getByRole("heading", { name: "Proceseigenaren en risicogewicht" }).count()).toBe(0);
        const riskWrites = await page.getByRole("button", { name: "Matrix opslaan" }).count();
        expect(riskWrites).toBe(role === "management" ? 1 : 0);
        await page.goto(`${app.base}/audits-risicos/audits/${audit.id}`);
        await settle(page);
        await page.getByRole("heading", { name: "Checklist per criterium" }).waitFor();
        expect(
          await page
            .getByRole("button")
            .filter({ hasText: /Checklist opslaan|Audit rapporteren/ })
            .count(),
        ).toBe(0);
        await page.goto(`${app.base}/audits-risicos/risicos/${riskId}`);
        await settle(page);
        await page.getByRole("heading", { name: "Geschiedenis" }).waitFor();
        expect(await page.getByRole("button", { name: "Herbeoordeling vastleggen" }).count()).toBe(role === "management" ? 1 : 0);
      });
      await page.context().close();
    }
  });
});
