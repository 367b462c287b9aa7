import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";
import { and, eq } from "drizzle-orm";
import { testApp, type As } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { newCase, newConference, partnerIds } from "../helpers/registry.ts";
import { auditLog, users, waves } from "../../db/schema.ts";
import { sha256Bytes } from "../../api/lib/crypto.ts";
import { pseudonym } from "../../api/domain/packs/asof.ts";
import { parseManifest } from "../../api/domain/packs/bagit.ts";
import { createRisk, updateRisk } from "../../api/risks/risks.service.ts";
import { closeFinding, createFinding, createReview, updateFinding } from "../../api/quality/findings.service.ts";
import { createAction, updateAction } from "../../api/quality/actions.service.ts";
import { uploadEvidence } from "../../api/quality/evidence.service.ts";
import { createAudit, reportAudit } from "../../api/audits/audits.service.ts";
import { createManagementReview, finalizeManagementReview, updateManagementReview } from "../../api/reviews/reviews.service.ts";
import { createCase } from "../../api/registry/cases.service.ts";
import { createConference, updateFollowUp } from "../../api/registry/conferences.service.ts";
import { createInvitations } from "../../api/waves/waves.service.ts";
import { submitResponse } from "../../api/respond/respond.service.ts";
import { REVIEW_INPUT_KEYS } from "../../api/domain/reviews/review.inputs.ts";
import { messages } from "../../i18n/messages.ts";

/**
 * A year (2025) of quality records made through the services at their own dates, then
 * changed after the year ended; the pack for 2025, exported in February 2026, must show
 * every record as it stood on 31 December 2025 and nothing personal.
 */
let t: Awaited<ReturnType<typeof testApp>>;
const NOW = new Date("2026-02-10T10:00:00Z");
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const PERIOD = "from=2025-01-01&to=2025-12-31";

// Personal data that must never leave in a pack.
const PERSON = { name: "Henriëtte Vossebeld", email: "h.vossebeld@zvh.test" };
const REVIEWER = { name: "Bram Okkerse-de Wit", email: "b.okkerse@zvh.test" };
const INVITEE = "secretaris@politie-kennemerland.test";
const NOTES = [
  "Werkaantekening-aanleiding",
  "Werkaantekening-doel",
  "Werkaantekening-aanpak",
  "Werkaantekening-vervolg",
  "Voorzitter Jolanda Pietersma",
];
const OPEN_ANSWER = COMPLETE.goed;
const tokens: string[] = [];
const ids: Record<string, string> = {};

async function seed() {
  const db = t.db;
  const [henriette] = await db.insert(users).values({ email: PERSON.email, name: PERSON.name, role: "kwaliteit" }).returning();
  const [bram] = await db.insert(users).values({ email: REVIEWER.email, name: REVIEWER.name, role: "management" }).returning();
  ids.henriette = henriette.id;
  const by = { actorId: henriette.id, actor: henriette.email, ip: "198.51.100.7" };
  const byBram = { actorId: bram.id, actor: bram.email, ip: "198.51.100.8" };

  // 6.1: a risk changed in the period and again after it.
  const risk = await createRisk(
    db,
    {
      kind: "risk",
      title: "Uitval procesregie",
      description: "Te weinig procesregisseurs.",
      processId: "casusoverleg",
      inherentLikelihood: 4,
      inherentImpact: 4,
      residualLikelihood: 3,
      residualImpact: 3,
      treatment: "Poule van invallers",
      ownerId: henriette.id,
      reviewIntervalDays: 180,
    },
    at("2025-03-01"),
    by,
  );
  await updateRisk(db, risk.id, { title: "Uitval procesregie (herzien)", note: "Na evaluatie" }, at("2025-06-01"), by);
  await updateRisk(db, risk.id, { title: "TITEL-NA-DE-PERIODE", residualLikelihood: 1 }, at("2026-01-15"), by);

  // 10.2: a finding with an action, evidence and an effectiveness review; closed and renamed after the period.
  const finding = await createFinding(
    db,
    {
      source: "complaint",
      title: "Terugkoppeling aan melder ontbreekt",
      description: "Drie klachten.",
      classification: "minor_nc",
      clauses: ["10.2"],
      foundOn: "2025-04-01",
    },
    at("2025-04-01"),
    by,
  );
  await updateFinding(
    db,
    finding.id,
    {
      correction: "Melders alsnog gebeld.",
      rootCause: "Geen vaste stap in het proces.",
      similarElsewhere: "Ook bij de triage mogelijk.",
      rootCauseAnalysis: { method: "five_whys", whys: ["Niemand belde terug", "Geen taak in het proces"] },
    },
    at("2025-05-01"),
    by,
  );
  const action = await createAction(
    db,
    {
      findingIds: [finding.id],
      title: "Terugbelstap opnemen",
      ownerId: henriette.id,
      dueOn: "2025-08-31",
      pdcaPhase: "plan",
      criterion: { kind: "manual", text: "Alle melders binnen 5 dagen teruggebeld" },
    },
    at("2025-04-02"),
    by,
  );
  await updateAction(db, action.id, { status: "gereed", completedOn: "2025-09-01" }, at("2025-09-01"), by);
  const file = new File([new TextEncoder().encode("Evaluatieverslag terugbelstap, september 2025.")], "evaluatie.txt", {
    type: "text/plain",
  });
  const evidence = await uploadEvidence(db, { file, concernsDate: "2025-09-01", actionId: action.id }, at("2025-09-02"), by);
  ids.evidenceSha = evidence.sha256;
  await createReview(
    db,
    finding.id,
    { reviewedOn: "2025-10-01", effective: true, explanation: "Geen nieuwe klachten.", evidenceIds: [evidence.id] },
    at("2025-10-01"),
    byBram,
  );
  const late = new File([new TextEncoder().encode("LATER-BEWIJS")], "later.txt", { type: "text/plain" });
  await uploadEvidence(db, { file: late, concernsDate: "2026-01-20", findingId: finding.id }, at("2026-01-20"), by);
  await updateFinding(db, finding.id, { title: "BEVINDING-NA-DE-PERIODE" }, at("2026-01-10"), by);
  await closeFinding(db, finding.id, at("2026-01-12"), by);
  await createFinding(
    db,
    {
      source: "other",
      title: "Pas in 2026 gevonden",
      description: "x",
      classification: "observation",
      clauses: ["9.1.2"],
      foundOn: "2026-01-05",
    },
    at("2026-01-05"),
    by,
  );

  // 9.1.2: a wave with 12 partners from one type and 2 from another (a group under the threshold).
  const [wave] = await db
    .insert(waves)
    .values({ name: "KTO 2025", questionnaireId: t.questionnaireId, opensAt: at("2025-09-01"), closesAt: at("2025-10-01") })
    .returning();
  const invited = await createInvitations(
    db,
    wave.id,
    [
      ...Array.from({ length: 12 }, () => ({
        organisation: "Politie Noord-Holland",
        organisationType: "veiligheid" as const,
        email: INVITEE,
      })),
      ...Array.from({ length: 2 }, () => ({ organisation: "GGZ Noord-Holland-Noord", organisationType: "zorg" as const })),
    ],
    "http://test.local",
    at("2025-09-02"),
    by,
  );
  for (const inv of invited) {
    tokens.push(inv.token);
    await submitResponse(db, inv.token, COMPLETE, undefined, at("2025-09-10"));
  }

  // 9.1.3: a conference with working notes; a follow-up done after the period.
  const p = await partnerIds(db);
  const kase = await createCase(db, newCase(p, { registeredOn: "2025-05-02" }) as never, {}, at("2025-05-02"), by);
  const conf = await createConference(
    db,
    newConference(p, [kase.id], {
      heldOn: "2025-05-20",
      chair: NOTES[4],
      followUps: [{ ownerOrganisationId: p.vt, dueOn: "2025-06-30", note: "Werkaantekening-vervolg: terugkoppeling." }],
    }) as never,
    {},
    at("2025-05-20"),
    by,
  );
  await updateFollowUp(db, conf.followUps[0].id, "2025-06-15", {}, at("2026-01-08"), by);

  // 9.2: an audit reported in the period, with a finding.
  const audit = await createAudit(
    db,
    {
      processId: "aanmelding-triage",
      year: 2025,
      scope: "Aanmelding en triage",
      criteria: ["8.5.1"],
      auditorIds: [bram.id],
      auditeeIds: [henriette.id],
      plannedOn: "2025-06-10",
    },
    at("2025-02-01"),
    by,
  );
  await reportAudit(
    db,
    audit.id,
    {
      actualOn: "2025-06-10",
      strongPoints: "Snelle triage.",
      conclusion: "Op orde, één kleine afwijking.",
      reportedOn: "2025-06-20",
      findings: [{ title: "Triageformulier onvolledig", description: "Twee velden leeg.", classification: "minor_nc", clauses: ["8.5.1"] }],
    },
    at("2025-06-20"),
    by,
  );

  // 9.3: a final review and a concept (no evidence).
  const review = await createManagementReview(
    db,
    { periodFrom: "2025-01-01", periodTo: "2025-06-30", heldOn: "2025-07-10" },
    at("2025-07-01"),
    by,
  );
  await updateManagementReview(
    db,
    review.id,
    {
      assessments: Object.fromEntries(REVIEW_INPUT_KEYS.map((k) => [k, `Beoordeling ${k}`])),
      decisions: [{ kind: "verbetering", text: "Terugbelstap borgen", ownerId: henriette.id, dueOn: "2025-12-31" }],
    },
    at("2025-07-10"),
    by,
  );
  await finalizeManagementReview(db, review.id, at("2025-07-11"), byBram);
  await createManagementReview(db, { periodFrom: "2025-07-01", periodTo: "2025-12-31" }, at("2025-12-01"), by);
}

async function pack(as: As = "auditor", query = PERIOD) {
  const res = await t.request(`/api/evidence-pack?${query}`, { as });
  expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, files: unzipSync(bytes) };
}

async function pdfText(bytes: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

/** Every file as text: CSV, JSON and HTML as they are, PDFs through a PDF reader (their streams are compressed). */
async function allText(files: Record<string, Uint8Array>) {
  const out: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(files)) out[path] = path.endsWith(".pdf") ? await pdfText(bytes) : strFromU8(bytes);
  return out;
}

const csvOf = (files: Record<string, Uint8Array>, path: string) => strFromU8(files[path]);
const jsonOf = <T>(files: Record<string, Uint8Array>, path: string) => JSON.parse(strFromU8(files[path])) as T;

beforeAll(async () => {
  t = await testApp({ now: NOW });
  await seed();
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe("exportEvidence: access", () => {
  it("is for the auditor, quality and management; others are refused", async () => {
    for (const role of ["medewerker", "gemeente", "admin"] as const) {
      expect((await t.request(`/api/evidence-pack?${PERIOD}`, { as: role })).status, role).toBe(403);
    }
    expect((await t.request(`/api/evidence-pack?${PERIOD}`, { as: "anonymous" })).status).toBe(401);
    for (const role of ["auditor", "kwaliteit", "management"] as const) {
      const res = await t.request(`/api/evidence-pack?${PERIOD}&clauses=9.3`, { as: role });
      expect(res.status, role).toBe(200);
      await res.arrayBuffer();
    }
  });

  it("refuses an unfinished or inverted period, unknown clauses and unknown fields, and records nothing", async () => {
    const exports = async () => (await t.db.select().from(auditLog).where(eq(auditLog.entity, "evidence_pack"))).length;
    const before = await exports();
    const cases: [string, string][] = [
      ["from=2026-01-01&to=2026-02-10", "period_not_ended"],
      ["from=2025-12-31&to=2025-01-01", "invalid_period"],
      [`${PERIOD}&clauses=9.1,4.4`, "unknown_clause"],
      [`${PERIOD}&format=pdf`, "invalid_input"],
      ["from=2025-01-01&to=31-12-2025", "invalid_input"],
    ];
    for (const [query, code] of cases) {
      const res = await t.request(`/api/evidence-pack?${query}`, { as: "auditor" });
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, query).toBe(code);
    }
    expect(await exports()).toBe(before);
  });
});

describe("exportEvidence: integrity and determinism", () => {
  it("gives byte-identical packs for the same period and records each export with the pack's hash", async () => {
    const first = await pack();
    const second = await pack();
    expect(first.res.headers.get("content-type")).toBe("application/zip");
    expect(first.res.headers.get("content-disposition")).toBe(
      "attachment; filename=\"bewijspakket-2025-01-01-2025-12-31.zip\"; filename*=UTF-8''bewijspakket-2025-01-01-2025-12-31.zip",
    );
    expect(sha256Bytes(second.bytes)).toBe(sha256Bytes(first.bytes));
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "evidence_pack"), eq(auditLog.action, "export")));
    const mine = entries.filter((e) => (e.after as { sha256: string }).sha256 === sha256Bytes(first.bytes));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine[0].after).toMatchObject({
      from: "2025-01-01",
      to: "2025-12-31",
      bytes: first.bytes.length,
      generatedBy: expect.stringMatching(/^auditor #[0-9a-f]{8}$/),
    });
  });

  it("is a BagIt bag: sorted entries, a manifest over every payload file, a tag manifest, bag-info with the fixed time", async () => {
    const { files } = await pack();
    const paths = Object.keys(files);
    expect(paths).toEqual([...paths].sort());
    expect(paths[0]).toBe("bag-info.txt");
    // The signature over the tag manifest comes last (tests/api/pack-signature.pg.test.ts checks it).
    expect(paths.slice(-2)).toEqual(["tagmanifest-sha256.txt", "tagmanifest-sha256.txt.sig"]);
    const manifest = parseManifest(strFromU8(files["manifest-sha256.txt"])).entries;
    const payload = paths.filter((p) => p.startsWith("data/"));
    expect([...manifest.keys()].sort()).toEqual(payload);
    for (const p of payload) expect(manifest.get(p), p).toBe(sha256Bytes(files[p]));
    const tags = parseManifest(strFromU8(files["tagmanifest-sha256.txt"])).entries;
    expect([...tags.keys()].sort()).toEqual(["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]);
    const info = strFromU8(files["bag-info.txt"]);
    for (const line of [
      "Source-Organization: Zorg- en Veiligheidshuis",
      "Period-From: 2025-01-01",
      "Period-To: 2025-12-31",
      "Generated-At: 2025-12-31T23:59:59.000Z",
      "Software-Version: test",
    ])
      expect(info).toContain(line);
    expect(info).toMatch(/Generated-By: auditor #[0-9a-f]{8}/);
    for (const clause of ["6.1", "7.5", "9.1.2", "9.1.3", "9.2", "9.3", "10.2"]) {
      expect(paths, clause).toContain(`data/${clause}/verslag.pdf`);
    }
    const index = strFromU8(files["data/index.html"]);
    for (const p of payload.filter((x) => x !== "data/index.html"))
      expect(index, p).toContain(`href="${p.slice(5).split("/").map(encodeURIComponent).join("/")}"`);
    expect(index).toContain("Stand per einde van de periode");
    expect(index).toContain("SHA-256 over het interne account-id");
  });

  it("writes only the clauses asked for (10.3 means the 10.2 folder)", async () => {
    const { files } = await pack("kwaliteit", `${PERIOD}&clauses=10.3,6.1`);
    const folders = [
      ...new Set(
        Object.keys(files)
          .filter((p) => p.startsWith("data/") && p !== "data/index.html")
          .map((p) => p.split("/")[1]),
      ),
    ];
    expect(folders).toEqual(["10.2", "6.1"]);
  });
});

describe("exportEvidence: as it stood at the end of the period", () => {
  let files: Record<string, Uint8Array>;
  beforeAll(async () => {
    ({ files } = await pack());
  });

  it("shows the risk as it was on 31 December, with its history up to then", async () => {
    const register = jsonOf<{ ref: string; title: string; residualLikelihood: number; version: number; owner: string }[]>(
      files,
      "data/6.1/risicos.json",
    );
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({
      title: "Uitval procesregie (herzien)",
      residualLikelihood: 3,
      version: 2,
      owner: `kwaliteit #${pseudonym(ids.henriette)}`,
    });
    const history = jsonOf<{ version: number }[]>(files, "data/6.1/risico-historie.json");
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    expect(csvOf(files, "data/6.1/risicos.csv")).toContain("Uitval procesregie (herzien)");
  });

  it("undoes later changes to findings and actions, and leaves out what came later", async () => {
    const findings = jsonOf<
      { ref: string; title: string; status: string; closedAt: string | null; rootCause: string; actions: string[] }[]
    >(files, "data/10.2/bevindingen.json");
    const f = findings.find((x) => x.title.startsWith("Terugkoppeling"))!;
    expect(f).toMatchObject({
      title: "Terugkoppeling aan melder ontbreekt",
      status: "open",
      closedAt: null,
      rootCause: "Geen vaste stap in het proces.",
    });
    expect(findings.some((x) => x.title === "Pas in 2026 gevonden")).toBe(false);
    // The other action is the one the final management review's decision created.
    const actions = jsonOf<{ ref: string; title: string; status: string; completedOn: string; findings: string[] }[]>(
      files,
      "data/10.2/acties.json",
    );
    expect(actions.map((a) => a.title).sort()).toEqual(["Terugbelstap borgen", "Terugbelstap opnemen"]);
    const mine = actions.find((a) => a.title === "Terugbelstap opnemen")!;
    expect(mine).toMatchObject({ status: "gereed", completedOn: "2025-09-01", findings: [f.ref] });
    expect(f.actions).toEqual([mine.ref]);
  });

  it("includes the evidence files with their stored hash, checked against the bytes", async () => {
    const list = jsonOf<{ path: string; sha256: string; sha256Content: string; intact: boolean }[]>(files, "data/10.2/bewijs.json");
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ sha256: ids.evidenceSha, sha256Content: ids.evidenceSha, intact: true });
    expect(sha256Bytes(files[list[0].path])).toBe(ids.evidenceSha);
    expect(Object.values(files).some((b) => strFromU8(b).includes("LATER-BEWIJS"))).toBe(false);
    const reviews = jsonOf<{ effective: boolean; evidence: string[] }[]>(files, "data/10.2/effectiviteitsbeoordelingen.json");
    expect(reviews).toEqual([expect.objectContaining({ effective: true, evidence: [list[0].path.replace("data/10.2/", "")] })]);
  });

  it("counts a follow-up done after the period as still open at its end", async () => {
    const conferences = jsonOf<{ followUps: number; onTime: number; overdue: number }[]>(files, "data/9.1.3/casusoverleggen.json");
    expect(conferences).toEqual([expect.objectContaining({ followUps: 1, onTime: 0, overdue: 1 })]);
    const metrics = jsonOf<{ conferences: number; followUps: { overdue: number } }>(files, "data/9.1.3/kengetallen-2025.json");
    expect(metrics).toMatchObject({ conferences: 1, followUps: { overdue: 1 } });
  });

  it("reports the wave with its questionnaire version, response and suppressed small group", async () => {
    const list = jsonOf<
      { name: string; questionnaire: string; questionnaireVersion: number; invited: number; respondents: number; responseRate: number }[]
    >(files, "data/9.1.2/metingen.json");
    const kto = list.find((w) => w.name === "KTO 2025")!;
    expect(kto).toMatchObject({ invited: 14, respondents: 14, responseRate: 1, questionnaireVersion: expect.any(Number) });
    const results = jsonOf<
      { wave: string; grouping: string; group: string | null; suppressed: boolean; n: number | null; ciLow: number | null }[]
    >(files, "data/9.1.2/resultaten.json");
    const mine = results.filter((r) => r.wave === "KTO 2025");
    expect(mine.some((r) => r.grouping === "alle respondenten" && !r.suppressed && r.n === 14 && r.ciLow !== null)).toBe(true);
    expect(mine.filter((r) => r.group === "zorg").every((r) => r.suppressed && r.n === null)).toBe(true);
  });

  it("has the audit with its report and finding, and only the final management review", async () => {
    const audits = jsonOf<{ status: string; conclusion: string; findings: string[]; auditors: string[] }[]>(files, "data/9.2/audits.json");
    expect(audits).toEqual([
      expect.objectContaining({ status: "gerapporteerd", conclusion: "Op orde, één kleine afwijking.", findings: [expect.any(String)] }),
    ]);
    expect(jsonOf<{ title: string }[]>(files, "data/9.2/bevindingen.json").map((f) => f.title)).toEqual(["Triageformulier onvolledig"]);
    const reviews = jsonOf<
      {
        version: number;
        periodTo: string;
        inputs: { key: string; clause: string; title: string }[];
        decisions: { kindLabel: string; action: string | null }[];
      }[]
    >(files, "data/9.3/directiebeoordelingen.json");
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ version: 1, periodTo: "2025-06-30" });
    expect(reviews[0].decisions[0].action).toMatch(/^ACT-2025-/);
    // The auditor's document is Dutch, its titles and kinds the catalog's (the server stores keys only).
    expect(reviews[0].inputs.map((i) => i.title)).toEqual(REVIEW_INPUT_KEYS.map((k) => messages.nl[`reviewInput.${k}`]));
    expect(reviews[0].inputs.find((i) => i.key === "audit_results")).toMatchObject({ clause: "9.3.2 c6", title: "Auditresultaten" });
    expect(reviews[0].decisions[0].kindLabel).toBe(messages.nl["decision.verbetering"]);
    expect(await pdfText(files["data/9.3/verslag.pdf"])).toContain("Auditresultaten");
  });

  it("extracts the audit trail of the period with its chain check", async () => {
    const trail = jsonOf<{ seq: number; at: string; actor: string; hash: string; prevHash: string }[]>(files, "data/7.5/audittrail.json");
    expect(trail.length).toBeGreaterThan(10);
    expect(trail.every((e) => e.at >= "2025-01-01" && e.at < "2026-01-01")).toBe(true);
    // The fixture wrote some 2026 entries between 2025 ones; where numbers follow on, the links can be followed.
    for (let i = 1; i < trail.length; i++) if (trail[i].seq === trail[i - 1].seq + 1) expect(trail[i].prevHash).toBe(trail[i - 1].hash);
    const check = jsonOf<{ ok: boolean; extract: { entries: number } }>(files, "data/7.5/ketencontrole.json");
    expect(check).toMatchObject({ ok: true, extract: { entries: trail.length } });
  });

  it("says so: every section report states the moment it shows", async () => {
    for (const clause of ["6.1", "10.2"])
      expect(await pdfText(files[`data/${clause}/verslag.pdf`])).toContain("Stand per einde van de periode (2025-12-31");
  });
});

describe("exportEvidence: no personal data", () => {
  it("holds no names, e-mail addresses, IP addresses, survey tokens, open answers or working notes", async () => {
    const { files } = await pack("management");
    const text = await allText(files);
    const secrets = [
      PERSON.name,
      PERSON.email,
      REVIEWER.name,
      REVIEWER.email,
      INVITEE,
      "198.51.100.7",
      OPEN_ANSWER,
      ...NOTES,
      ...tokens,
      ...tokens.map((tk) => sha256Bytes(new TextEncoder().encode(tk))),
      "@test.local",
    ];
    for (const [path, content] of Object.entries(text)) {
      for (const secret of secrets) expect(content.includes(secret), `${secret} in ${path}`).toBe(false);
    }
    expect(text["data/7.5/audittrail.csv"]).toContain(`kwaliteit #${pseudonym(ids.henriette)}`);
  });
});

describe("exportEvidence: labels, not codes", () => {
  it("shows every enum and operation by its Dutch label in the readable reports and the index", async () => {
    const { files } = await pack("auditor");
    const text = await allText(files);
    const doc = (await (await t.request("/api/openapi.json", { as: "anonymous" })).json()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const operationIds = Object.values(doc.paths).flatMap((p) => Object.values(p).flatMap((o) => (o.operationId ? [o.operationId] : [])));
    expect(operationIds.length).toBeGreaterThan(50);
    const codes = [
      ...["major_nc", "minor_nc", "observation", "opportunity"],
      ...["survey", "complaint", "conference_metric"],
      ...[
        "five_whys",
        "fishbone",
        "in_uitvoering",
        "in_behandeling",
        "informatie_aangeleverd",
        "telefonisch_video",
        "training_voorlichting",
      ],
      // Audit-trail codes ("export" is left out: it is also a Dutch word, "de export van dit pakket").
      ...["risk", "create", "update", "delete", "finalize", "finding", "management_review", "internal_audit", "evidence_pack"],
    ];
    const readable = Object.entries(text).filter(([path]) => path.endsWith(".pdf") || path.endsWith(".html"));
    expect(readable.length).toBeGreaterThan(7);
    const found: string[] = [];
    for (const [path, content] of readable) {
      // File names in links and paths are names, not labels: leave them out of the check.
      const prose = content.replace(/[\w./-]+\.(csv|json|pdf|html|txt|bin)\b/g, " ");
      for (const code of [...codes, ...operationIds]) if (new RegExp(`\\b${code}\\b`).test(prose)) found.push(`${code} in ${path}`);
    }
    expect(found).toEqual([]);
  });
});

// Last in the file: it breaks the chain for good.
describe("exportEvidence: the chain check", () => {
  it("lists every break in the period, as audit verify does, not only the first", async () => {
    const { sql } = await import("drizzle-orm");
    const { rows } = await import("../../db/migrate.ts");
    const seqs = rows<{ seq: number }>(
      await t.db.execute(sql`select seq from audit_log where at >= '2025-01-01' and at < '2026-01-01' order by seq`),
    ).map((r) => Number(r.seq));
    const [early, late] = [seqs[2], seqs.at(-2)!];
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.db.execute(sql`update audit_log set actor = 'iemand anders' where seq in (${early}, ${late})`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const { files } = await pack();
    const check = jsonOf<{ ok: boolean; breaks: { seq: number; reason: string }[]; firstBroken: { seq: number } }>(
      files,
      "data/7.5/ketencontrole.json",
    );
    expect(check.ok).toBe(false);
    expect(check.breaks).toEqual([
      { seq: early, reason: "content_changed" },
      { seq: late, reason: "content_changed" },
    ]);
    expect(check.firstBroken).toEqual({ seq: early, reason: "content_changed" });
    const report = await pdfText(files["data/7.5/verslag.pdf"]);
    expect(report).toContain(`regel ${early}: de inhoud is gewijzigd`);
    expect(report).toContain(`regel ${late}: de inhoud is gewijzigd`);
  });
});
