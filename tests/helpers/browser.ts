import { existsSync, mkdirSync } from "node:fs";
import { inject } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { createNodeApp, frontEndsBuilt, listen } from "../../api/server.node.ts";
import { testApp } from "./app.ts";
import type { AppConfig } from "../../api/lib/context.ts";
import { COMPLETE } from "./answers.ts";
import { CHROMIUM, HEADLESS_SHELL } from "./chromium.ts";
import { TEST_PASSWORDS } from "./passwords.ts";

export { CHROMIUM };
export const ARTIFACTS = "test-artifacts";

/**
 * Photographs of the screens are for people looking at them (`KS_SHOTS=1`), not for CI: a
 * full-page PNG costs the shared Chromium a few hundred milliseconds of a core, and the
 * suite took about sixty of them per run that nothing reads. A failed step's screenshot
 * is taken always (with page.screenshot), as it is what one reads after a red run.
 */
export const PHOTOGRAPH = !!process.env.KS_SHOTS;

/** A photograph of the page for looking at (see PHOTOGRAPH); full page unless told otherwise. */
export async function photograph(page: Page, path: string, fullPage = true) {
  if (PHOTOGRAPH) await page.screenshot({ path, fullPage });
}

/** Why browser tests cannot run here, or null. CI sets KS_REQUIRE_BROWSER so a missing browser fails instead. */
export function browserUnavailable(): string | null {
  // CI's time budget counts on the shell: the full browser costs the browser files half as much CPU again.
  if (process.env.KS_REQUIRE_BROWSER && !process.env.KS_CHROMIUM && CHROMIUM !== HEADLESS_SHELL)
    throw new Error(`Browser tests in CI run in ${HEADLESS_SHELL} (apt-get install -y chromium-headless-shell), not ${CHROMIUM}`);
  if (existsSync(CHROMIUM)) return null;
  const reason = `${CHROMIUM} not found (install with: apt-get install -y chromium-headless-shell)`;
  if (process.env.KS_REQUIRE_BROWSER) throw new Error(`Browser tests are required here but ${reason}`);
  console.warn(`Skipping browser tests: ${reason}`);
  return reason;
}

/** The global setup builds the front ends once per run; a test never builds into dist/ itself. */
export function ensureFrontEnds() {
  if (!frontEndsBuilt()) throw new Error("The front ends are not built: the global setup (tests/setup/global.ts) should have built them.");
}

/**
 * The run's one Chromium (started by the global setup). Closing the returned handle only
 * disconnects this file; each test file then works in contexts of its own.
 */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const endpoint = inject("chromiumEndpoint");
  if (!endpoint) throw new Error("No shared Chromium: the global setup did not start one.");
  return chromium.connect(endpoint);
}

/**
 * The test app behind a real HTTP server that also serves the built front ends. It runs
 * on the real clock, because the browser judges cookie expiry by its own.
 */
export async function serveTestApp(config: Partial<AppConfig> = {}) {
  ensureFrontEnds();
  const t = await testApp({ now: new Date() });
  const server = await listen(
    createNodeApp(t.db, { publicUrl: "http://127.0.0.1", now: () => t.clock.now, version: "test", ...config }, undefined, TEST_PASSWORDS),
    0,
  );
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    ...t,
    base,
    close: async () => {
      server.close();
      await t.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof serveTestApp>>;
export const PASSWORD = "Een lange zin als wachtwoord";
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function ok<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An account made through the admin API, its password set through the one-time link. */
export async function accountWithPassword(app: TestServer, email: string, role: string, extra: Record<string, string> = {}) {
  const { setPasswordUrl } = await ok<{ setPasswordUrl: string }>(
    await app.request("/api/users", {
      method: "POST",
      as: "admin",
      json: { email, role, name: extra.name ?? email.split("@")[0], ...extra },
    }),
    "createUser",
  );
  const token = new URL(setPasswordUrl).pathname.split("/wachtwoord/")[1];
  await ok(
    await app.request("/api/auth/set-password", { method: "POST", as: "anonymous", json: { token, password: PASSWORD } }),
    "setPassword",
  );
}

/** Gives existing accounts the test password in one go, without a one-time link each. */
export async function givePassword(app: TestServer, emails: string[]) {
  const { inArray } = await import("drizzle-orm");
  const { users } = await import("../../db/schema.ts");
  await app.db
    .update(users)
    .set({ passwordHash: await TEST_PASSWORDS.hash(PASSWORD) })
    .where(inArray(users.email, emails));
}

/** Logs in through the login form, as a person would. */
export async function loginPage(browser: Browser, base: string, email: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("button", { name: "Uitloggen" }).waitFor();
  return page;
}

/**
 * Follows a main-menu link by its name. The menu is grouped (a group's links show after
 * its button is pressed), so the group holding the link is opened first when needed.
 */
export async function openView(page: Page, name: string) {
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  const link = nav.getByRole("link", { name, exact: true });
  // The menu renders after /api/auth/me answers: wait for it, or a plain link would be taken for a closed group.
  await nav.locator("ul.menu > li").first().waitFor();
  if (!(await link.isVisible())) {
    const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    await nav
      .locator("li.menu-group")
      .filter({ has: page.locator("a", { hasText: exact }) })
      .getByRole("button")
      .click();
  }
  await link.click();
}

/** The names of every link in the main menu, those inside closed groups too, in menu order. */
export function menuLinks(page: Page) {
  return page.getByRole("navigation", { name: "Hoofdmenu" }).locator("a").allTextContents();
}

/** The complete answer set without its open answers: the dashboard seed adds its own texts. */
const { goed: _goed, beter: _beter, ...ANSWERS } = COMPLETE;

/** Some spread between respondents, the same in every wave, so that charts and intervals look like real answers. */
const spread = (i: number) => ({
  bek_triage: 2 + (i % 3),
  co_afspraken: 2 + ((i + 1) % 3),
  sw_kennen: 3 + (i % 3),
  cijfer: 6 + (i % 4),
  aanbeveling: [9, 10, 7, 6, 8][i % 5],
});

export interface DashboardSeed {
  previousWaveId: string;
  currentWaveId: string;
  /** Survey links: not yet answered, already answered, and of a closed wave. */
  tokens: { fresh: string[]; submitted: string; closed: string };
  findingId: string;
  reviewId: string;
  auditYear: number;
}

/**
 * Enough data through the API for every dashboard view to have something to show: two
 * survey waves (the earlier one lower on roles, so the comparison finds a significant
 * change; one organisation type under 5 so suppression shows), cases, conferences and
 * hours in several municipalities of all three branches, a finding with an overdue
 * action, a reported internal audit with findings, a risk and a management review.
 */
export async function seedDashboard(app: TestServer): Promise<DashboardSeed> {
  const realNow = app.clock.now;
  const today = isoDay(realNow);
  const ago = (days: number) => isoDay(new Date(realNow.getTime() - days * DAY));
  const { users } = await import("../../db/schema.ts");
  const { partnerIds } = await import("./registry.ts");
  const ids = Object.fromEntries((await app.db.select().from(users)).map((u) => [u.email, u.id]));
  const person = (role: string) => ids[`${role}@test.local`];

  async function answer(waveId: string, who: Record<string, string>, n: number, data: (i: number) => object, respond = n) {
    const { invitations } = await ok<{ invitations: { token: string }[] }>(
      await app.request(`/api/waves/${waveId}/invitations`, { method: "POST", json: { invitations: Array(n).fill(who) } }),
      "createInvitations",
    );
    for (const [i, inv] of invitations.slice(0, respond).entries()) {
      await ok(
        await app.request(`/api/s/${inv.token}/response`, {
          method: "POST",
          as: "anonymous",
          json: { data: { ...ANSWERS, ...spread(i), ...data(i) } },
        }),
        "submitResponse",
      );
    }
    // Anonymous waves: mix the pool now, so the dashboard has results to show (a batch of one is for tests only).
    await (await import("./pool.ts")).mixAll(app.db, app.clock.now);
    return invitations.map((x) => x.token);
  }
  const politie = { organisation: "Politie Noord-Holland", organisationType: "veiligheid", branch: "alkmaar" };
  const ggz = { organisation: "GGZ Noord-Holland-Noord", organisationType: "zorg", branch: "den-helder" };
  const alkmaar = { organisation: "Gemeente Alkmaar", organisationType: "gemeente", municipality: "Alkmaar", branch: "alkmaar" };
  const denHelder = { organisation: "Gemeente Den Helder", organisationType: "gemeente", municipality: "Den Helder", branch: "den-helder" };
  const woning = { organisation: "Woningcorporatie Kennemer Wonen", organisationType: "wonen", branch: "alkmaar" };

  // The previous wave ran a year ago: the clock goes back to answer it, then forward again.
  const { wave: previous } = await ok<{ wave: { id: string } }>(
    await app.request("/api/waves", {
      method: "POST",
      json: {
        name: "KTO vorig jaar",
        opensAt: new Date(realNow.getTime() - 400 * DAY).toISOString(),
        closesAt: new Date(realNow.getTime() - 370 * DAY).toISOString(),
      },
    }),
    "createWave",
  );
  let closed = "";
  try {
    app.clock.now = new Date(realNow.getTime() - 385 * DAY);
    await answer(previous.id, politie, 10, (i) => ({
      rol_taken: 2 + (i % 2),
      aanbeveling: i % 3 === 0 ? 9 : 6,
      goed: "De triage werkt snel.",
    }));
    [closed] = (await answer(previous.id, ggz, 7, () => ({ rol_taken: 2 }), 6)).slice(6);
  } finally {
    app.clock.now = realNow;
  }
  const better = [
    "Rollen aan tafel vaker toelichten.",
    "Terugkoppeling na aanmelding kan sneller.",
    '=HYPERLINK("x") vervolgafspraken bewaken',
  ];
  const fresh = await answer(
    app.wave.id,
    politie,
    16,
    (i) => ({ rol_taken: 4 + (i % 2), beter: better[i % 3], goed: "Korte lijnen met de procesregisseur." }),
    12,
  );
  const [submitted] = await answer(app.wave.id, ggz, 8, (i) => ({ cijfer: 7 + (i % 2) }));
  await answer(app.wave.id, alkmaar, 6, () => ({ sw_partners: 5 }));
  await answer(app.wave.id, denHelder, 2, () => ({ sw_partners: 3 }));
  await answer(app.wave.id, woning, 2, () => ({ mw_eigen: 3 }));

  // Registry: cases, conferences and hours in all three branches.
  const p = await partnerIds(app.db);
  const caseIn = async (municipalityId: string, registeredOn: string, themeIds: string[]) =>
    (
      await ok<{ case: { id: string } }>(
        await app.request("/api/cases", {
          method: "POST",
          json: {
            municipalityId,
            themeIds,
            referrerOrganisationId: p.politie,
            registeredOn,
            careSafetyNexus: true,
            societalImpact: true,
          },
        }),
        "createCase",
      )
    ).case.id;
  const alk1 = await caseIn("alkmaar", ago(80), ["huiselijk-geweld"]);
  const alk2 = await caseIn("alkmaar", ago(45), ["huiselijk-geweld", "mensenhandel"]);
  const heiloo = await caseIn("heiloo", ago(40), ["mensenhandel"]);
  const dh = await caseIn("den-helder", ago(70), ["huiselijk-geweld"]);
  const hoorn1 = await caseIn("hoorn", ago(60), ["huiselijk-geweld"]);
  const hoorn2 = await caseIn("hoorn", ago(20), ["mensenhandel"]);
  const conference = async (branchId: string, caseIds: string[], heldOn: string, due: string) =>
    ok(
      await app.request("/api/conferences", {
        method: "POST",
        json: {
          heldOn,
          branchId,
          chair: "Procesregisseur ZVH",
          caseIds,
          rolesExplained: true,
          directorOrganisationId: p.vt,
          attendance: [
            { organisationId: p.politie, status: "aanwezig" },
            { organisationId: p.vt, status: "informatie_aangeleverd" },
            { organisationId: p.reclassering, status: "afwezig" },
          ],
          aanleiding: "Zorgen over de veiligheid thuis.",
          doel: "Eén plan.",
          aanpak: "Huisbezoek.",
          followUps: [{ ownerOrganisationId: p.vt, dueOn: due }],
        },
      }),
      "createConference",
    );
  await conference("alkmaar", [alk1], ago(70), ago(50));
  await conference("alkmaar", [alk2, heiloo], ago(30), ago(10));
  await conference("den-helder", [dh], ago(55), ago(35));
  await conference("west-friesland", [hoorn1, hoorn2], ago(15), today);
  const hours = async (municipalityId: string, caseId: string | undefined, performedOn: string, h: number, staffRole = "procesregisseur") =>
    ok(
      await app.request("/api/activities", {
        method: "POST",
        json: { kind: caseId ? "procesregie" : "advies", municipalityId, caseId, performedOn, hours: h, staffRole },
      }),
      "createActivity",
    );
  await hours("alkmaar", alk1, ago(75), 6);
  await hours("alkmaar", alk2, ago(40), 3.5, "adviseur");
  await hours("heiloo", heiloo, ago(35), 2);
  await hours("den-helder", dh, ago(65), 4.25);
  await hours("hoorn", hoorn1, ago(50), 8);
  await hours("hoorn", hoorn2, ago(10), 1.5, "ondersteuning");
  await hours("texel", undefined, ago(5), 1, "manager");

  // Quality cycle: a finding whose action is past its deadline (planned with the clock back), a risk.
  let findingId = "";
  try {
    app.clock.now = new Date(realNow.getTime() - 10 * DAY);
    const { finding } = await ok<{ finding: { id: string } }>(
      await app.request("/api/findings", {
        method: "POST",
        json: {
          source: "complaint",
          title: "Aanmelder kreeg geen terugkoppeling",
          description: "Een woningcorporatie hoorde drie weken niets na de aanmelding.",
          classification: "minor_nc",
          clauses: ["8.2.1"],
          foundOn: isoDay(app.clock.now),
        },
      }),
      "createFinding",
    );
    findingId = finding.id;
    await ok(
      await app.request("/api/actions", {
        method: "POST",
        json: {
          findingIds: [finding.id],
          title: "Werkinstructie terugkoppeling aanpassen",
          ownerId: person("kwaliteit"),
          dueOn: ago(3),
          criterion: { kind: "manual", text: "Steekproef: iedere aanmelder hoort binnen twee werkdagen iets." },
        },
      }),
      "createAction",
    );
  } finally {
    app.clock.now = realNow;
  }
  await ok(
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
        ownerId: person("kwaliteit"),
      },
    }),
    "createRisk",
  );

  // An internal audit carried out yesterday and reported today, with two findings.
  const auditDay = ago(1);
  const auditYear = Number(auditDay.slice(0, 4));
  const { audit } = await ok<{ audit: { id: string } }>(
    await app.request("/api/audits", {
      method: "POST",
      json: {
        processId: "casusoverleg",
        year: auditYear,
        scope: "Verslaglegging casusoverleg Alkmaar",
        criteria: ["8.5.1"],
        auditorIds: [person("auditor")],
        auditeeIds: [person("medewerker")],
        plannedOn: auditDay,
      },
    }),
    "createAudit",
  );
  await ok(
    await app.request(`/api/audits/${audit.id}/report`, {
      method: "PUT",
      json: {
        actualOn: auditDay,
        reportedOn: today,
        strongPoints: "Goede voorbereiding door de voorzitter.",
        conclusion: "Werkt; casusregie vraagt aandacht.",
        findings: [
          {
            title: "Casusregisseur niet altijd vastgelegd",
            description: "In 3 van 10 verslagen ontbrak de casusregisseur.",
            classification: "minor_nc",
            clauses: ["8.5.1"],
          },
          {
            title: "Rollen niet altijd toegelicht",
            description: "Nieuwe deelnemers kenden de rollen niet.",
            classification: "observation",
            clauses: ["7.3"],
          },
        ],
      },
    }),
    "reportAudit",
  );

  const { review } = await ok<{ review: { id: string } }>(
    await app.request("/api/management-reviews", {
      method: "POST",
      json: {
        periodFrom: ago(180),
        periodTo: ago(1),
      },
    }),
    "createManagementReview",
  );
  return {
    previousWaveId: previous.id,
    currentWaveId: app.wave.id,
    tokens: { fresh: fresh.slice(12), submitted, closed },
    findingId,
    reviewId: review.id,
    auditYear,
  };
}

/** How long a test waits for a page to settle: generous, as a loaded machine is slow, not broken. */
export const SETTLE_MS = 60_000;

/**
 * The bytes of a download. The browser is shared and reached over a socket, so its files
 * live on the browser's side: they are streamed here rather than read from a path.
 */
export async function downloadBytes(download: import("playwright-core").Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
