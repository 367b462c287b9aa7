/**
 * Benchmark of the evidence pack (exportEvidence): does memory stay flat however long the
 * period? See scripts/bench/README.md.
 *   npx tsx scripts/bench/evidence-pack.bench.ts [--years 10] [--json FILE] [--keep]
 *
 * The parent seeds N years of synthetic data into a PGlite directory, then exports the last
 * year and the whole N years, each in a fresh child process, so that each peak RSS is that
 * export's own. Exit 1 when the peak RSS of the long export exceeds twice the short one's.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, open, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { sql } from "drizzle-orm";
import { openPglite } from "../../db/client.node.ts";
import { migrate } from "../../db/migrate.ts";
import type { Db } from "../../db/types.ts";
import {
  actions,
  auditLog,
  effectivenessReviews,
  evidenceFiles,
  findingActions,
  findings,
  internalAudits,
  managementReviews,
  reviewEvidence,
  riskHistory,
  risks,
  users,
  waves,
} from "../../db/schema.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { entryHash, GENESIS } from "../../api/audit/audit.service.ts";
import { sha256Bytes } from "../../api/lib/crypto.ts";
import { REVIEW_INPUTS } from "../../api/domain/reviews/review.inputs.ts";
import { scoredQuestions } from "../../api/domain/survey/definition.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { packRequest, writePack } from "../../api/packs/packs.service.ts";

const LAST_YEAR = 2025;
const PER_YEAR = { cases: 400, activitiesPerCase: 2, trail: 3000, findings: 20, audits: 5, invited: 150, responded: 100, risks: 30 };
const EVIDENCE_BYTES = 100 * 1024;
const MAX_RATIO = 2;

const { values: args } = parseArgs({
  options: {
    years: { type: "string", default: "10" },
    json: { type: "string", default: "/tmp/ketenspiegel-bench/last-evidence-pack-bench.json" },
    keep: { type: "boolean", default: false },
    child: { type: "boolean", default: false },
    live: { type: "boolean", default: false },
    dir: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    out: { type: "string" },
  },
});

// ---- the child: one export, measured -------------------------------------------------------

interface Measurement {
  from: string;
  to: string;
  ms: number;
  baseRss: number;
  peakRss: number;
  peakHeap: number;
  peakLive: number | null;
  bytes: number;
  files: number;
  sha256: string;
}

async function child(): Promise<void> {
  const database = await openPglite(args.dir!);
  const base = process.memoryUsage().rss;
  let peakRss = base,
    peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  // With --live (and node --expose-gc) the JS heap is collected every 50 chunks: what is left is what the export really holds.
  const gc = args.live ? (globalThis as { gc?: () => void }).gc : undefined;
  let peakLive: number | null = gc ? 0 : null,
    chunks = 0;
  const file = await open(args.out!, "w");
  const now = new Date();
  const start = performance.now();
  const result = await writePack(
    database.db,
    packRequest({ from: args.from!, to: args.to! }, now),
    now,
    { actorId: null, actor: "cli", ip: null },
    "bench",
    async (chunk) => {
      sample();
      if (gc && ++chunks % 50 === 0) {
        gc();
        peakLive = Math.max(peakLive!, process.memoryUsage().heapUsed);
      }
      await file.write(chunk);
    },
  );
  const ms = performance.now() - start;
  clearInterval(timer);
  sample();
  await file.close();
  await database.close();
  const out: Measurement = {
    from: args.from!,
    to: args.to!,
    ms,
    baseRss: base,
    peakRss,
    peakHeap,
    peakLive,
    bytes: result.bytes,
    files: result.files,
    sha256: result.sha256,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

// ---- the parent: synthetic data ------------------------------------------------------------

/** A fixed pseudo-random stream, so evidence files do not compress to nothing. */
function noise(seed: number, length: number) {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

interface Trail {
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

const day = (y: number, dayOfYear: number) => new Date(Date.UTC(y, 0, 1) + dayOfYear * 86_400_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);

async function insertBatches<T>(items: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await insert(items.slice(i, i + size));
}

/** The registry of one year with set-based SQL: cases, a conference per case, activities. */
async function registryYear(db: Db, y: number) {
  const n = PER_YEAR.cases;
  await db.execute(sql`insert into cases (id, code, municipality_id, branch_id, referrer_organisation_id, status, registered_on, closed_on,
      care_safety_nexus, societal_impact, created_at, updated_at)
    select gen_random_uuid(), ${`B${y}-`} || lpad(i::text, 4, '0'), m.id, m.branch_id, o.id,
      case when i % 5 = 0 then 'in_behandeling' else 'afgesloten' end::case_status,
      to_char(${`${y}-01-01`}::date + (i * 360 / ${n}), 'YYYY-MM-DD'),
      case when i % 5 = 0 then null else to_char(${`${y}-01-01`}::date + (i * 360 / ${n}) + 70, 'YYYY-MM-DD') end,
      true, true, (${`${y}-01-01`}::date + (i * 360 / ${n}))::timestamptz, (${`${y}-01-01`}::date + (i * 360 / ${n}))::timestamptz
    from generate_series(1, ${n}) i
    cross join lateral (select id, branch_id from municipalities order by id offset (i % 16) limit 1) m
    cross join lateral (select id from organisations order by name offset (i % 5) limit 1) o`);
  await db.execute(sql`insert into case_themes (case_id, theme_id)
    select c.id, t.id from cases c cross join lateral (select id from themes order by id offset (abs(hashtext(c.code)) % 3) limit 1) t
    where c.code like ${`B${y}-%`}`);
  await db.execute(sql`insert into conferences (id, held_on, branch_id, chair, roles_explained, director_organisation_id, has_aanleiding, has_doel,
      has_aanpak, aanleiding_note, doel_note, aanpak_note, created_at)
    select gen_random_uuid(), to_char(c.registered_on::date + 14, 'YYYY-MM-DD'), c.branch_id, 'Voorzitter Bench', (hashtext(c.code) % 4) <> 0,
      case when hashtext(c.code) % 3 <> 0 then c.referrer_organisation_id end, true, (hashtext(c.code) % 5) <> 0, true,
      'Werkaantekening bench', 'Werkaantekening bench', 'Werkaantekening bench', (c.registered_on::date + 14)::timestamptz
    from cases c where c.code like ${`B${y}-%`}`);
  await db.execute(sql`insert into conference_cases (conference_id, case_id)
    select k.id, c.id from cases c join conferences k on k.branch_id = c.branch_id and k.held_on = to_char(c.registered_on::date + 14, 'YYYY-MM-DD')
    where c.code like ${`B${y}-%`} on conflict do nothing`);
  await db.execute(sql`insert into conference_attendance (conference_id, organisation_id, status)
    select k.id, o.id, (array['aanwezig','informatie_aangeleverd','telefonisch_video','afwezig'])[1 + abs(hashtext(k.id::text || o.id::text)) % 4]::attendance
    from conferences k cross join lateral (select id from organisations order by name limit 3) o where k.held_on like ${`${y}-%`}`);
  await db.execute(sql`insert into follow_ups (conference_id, owner_organisation_id, due_on, done_on, note)
    select k.id, o.id, to_char(k.held_on::date + 30, 'YYYY-MM-DD'),
      case when abs(hashtext(k.id::text)) % 4 <> 0 then to_char(k.held_on::date + 20 + abs(hashtext(k.id::text)) % 20, 'YYYY-MM-DD') end, 'Werkaantekening vervolg'
    from conferences k cross join lateral (select id from organisations order by name limit 1) o where k.held_on like ${`${y}-%`}`);
  await db.execute(sql`insert into activities (staff_role, kind, municipality_id, case_id, performed_on, hours, created_at)
    select (array['procesregisseur','adviseur','ondersteuning'])[1 + s % 3], (array['casusoverleg','voorbereiding','procesregie'])[1 + s % 3]::activity_kind,
      c.municipality_id, c.id, to_char(c.registered_on::date + s * 7, 'YYYY-MM-DD'), 1.5, (c.registered_on::date + s * 7)::timestamptz
    from cases c cross join generate_series(1, ${PER_YEAR.activitiesPerCase}) s where c.code like ${`B${y}-%`}`);
}

/** One closed wave a year: invitations, responses and their answer rows. */
async function waveYear(db: Db, y: number, questionnaireId: string) {
  const [w] = await db
    .insert(waves)
    .values({ name: `KTO ${y}`, questionnaireId, opensAt: new Date(`${y}-09-01T00:00:00Z`), closesAt: new Date(`${y}-10-01T00:00:00Z`) })
    .returning();
  await db.execute(sql`insert into invitations (wave_id, token_hash, organisation, organisation_type, branch_id, submitted_at, created_at)
    select ${w.id}, md5(${w.id}::text || i) || md5(i::text || ${w.id}::text), 'Partner ' || (i % 12),
      (array['gemeente','zorg','veiligheid','justitie','wonen'])[1 + i % 5]::organisation_type, (array['alkmaar','den-helder','west-friesland'])[1 + i % 3],
      case when i <= ${PER_YEAR.responded} then ${`${y}-09-15T10:00:00Z`}::timestamptz end, ${`${y}-09-01T10:00:00Z`}::timestamptz
    from generate_series(1, ${PER_YEAR.invited}) i`);
  await db.execute(sql`insert into responses (wave_id, organisation_type, branch_id, data, submitted_on)
    select ${w.id}, (array['gemeente','zorg','veiligheid','justitie','wonen'])[1 + i % 5]::organisation_type,
      (array['alkmaar','den-helder','west-friesland'])[1 + i % 3], '{}'::jsonb, ${`${y}-09-15`}
    from generate_series(1, ${PER_YEAR.responded}) i`);
  const questions = scoredQuestions(defaultQuestionnaire);
  const values = sql.join(
    questions.map((q) => sql`(${q.name}, ${q.dimension ?? "overig"})`),
    sql`, `,
  );
  await db.execute(sql`insert into answers (response_id, wave_id, question, dimension, value, organisation_type, branch_id)
    select r.id, r.wave_id, q.name, q.dim, 1 + abs(hashtext(r.id::text || q.name)) % 5, r.organisation_type, r.branch_id
    from responses r cross join (values ${values}) as q(name, dim) where r.wave_id = ${w.id}`);
}

async function seed(db: Db, years: number, trail: Trail[]) {
  await seedReference(db);
  const questionnaireId = await ensureDefaultQuestionnaire(db);
  const [kw, mg, au] = await db
    .insert(users)
    .values([
      { email: "kwaliteit@bench.local", name: "Bench Kwaliteit", role: "kwaliteit" },
      { email: "management@bench.local", name: "Bench Management", role: "management" },
      { email: "auditor@bench.local", name: "Bench Auditor", role: "auditor" },
    ])
    .returning();
  const by = (u: typeof kw) => ({ actorId: u.id, actor: u.email });
  const first = LAST_YEAR - years + 1;

  // Risks reviewed every month from the first year, and once more after the last.
  const riskRows = Array.from({ length: PER_YEAR.risks }, (_, i) => ({
    id: crypto.randomUUID(),
    ref: `R-${String(i + 1).padStart(3, "0")}`,
  }));
  const history: (typeof riskHistory.$inferInsert)[] = [];
  const months = years * 12 + 1;
  for (const r of riskRows) {
    for (let v = 1; v <= months; v++) {
      const when = new Date(Date.UTC(first, v - 1, 15, 9));
      const snapshot = {
        ref: r.ref,
        kind: "risk",
        title: v === months ? "Herzien na de periode" : `Risico ${r.ref}`,
        description: "Synthetisch risico.",
        processId: "casusoverleg",
        inherentLikelihood: 4,
        inherentImpact: 4,
        residualLikelihood: 1 + (v % 3),
        residualImpact: 2,
        treatment: "Maatregel",
        ownerId: kw.id,
        reviewIntervalDays: 90,
        lastReviewedOn: iso(when),
        closedOn: null,
        note: v > 1 ? "Maandelijkse beoordeling" : undefined,
      };
      history.push({ riskId: r.id, version: v, changedAt: when, changedBy: kw.id, change: v === 1 ? "created" : "reviewed", snapshot });
      trail.push({
        at: when.toISOString(),
        ...by(kw),
        action: v === 1 ? "create" : "review",
        entity: "risk",
        entityId: r.id,
        after: snapshot,
      });
    }
  }
  const lastSnap = (id: string) => history.filter((h) => h.riskId === id).at(-1)!.snapshot as Record<string, unknown>;
  await db.insert(risks).values(
    riskRows.map((r) => {
      const s = lastSnap(r.id);
      return {
        id: r.id,
        ref: r.ref,
        kind: "risk" as const,
        title: String(s.title),
        description: "Synthetisch risico.",
        processId: "casusoverleg",
        inherentLikelihood: 4,
        inherentImpact: 4,
        residualLikelihood: Number(s.residualLikelihood),
        residualImpact: 2,
        treatment: "Maatregel",
        ownerId: kw.id,
        reviewIntervalDays: 90,
        lastReviewedOn: String(s.lastReviewedOn),
        version: months,
        updatedAt: new Date(),
      };
    }),
  );
  await insertBatches(history, 500, (b) => db.insert(riskHistory).values(b));

  for (let y = first; y <= LAST_YEAR; y++) {
    await registryYear(db, y);
    await waveYear(db, y, questionnaireId);
    for (let i = 0; i < PER_YEAR.cases; i++) {
      trail.push({
        at: day(y, (i * 360) / PER_YEAR.cases).toISOString(),
        ...by(kw),
        action: "create",
        entity: "case",
        entityId: null,
        after: { code: `B${y}-${i}` },
      });
      trail.push({
        at: day(y, 14 + (i * 360) / PER_YEAR.cases).toISOString(),
        ...by(kw),
        action: "create",
        entity: "conference",
        entityId: null,
        after: { recorded: { aanleiding: true, doel: true, aanpak: true } },
      });
    }

    // Internal audits, each reported with one finding; a management review a year.
    const auditIds: string[] = [];
    for (let a = 0; a < PER_YEAR.audits; a++) {
      const process = ["casusoverleg", "aanmelding-triage", "informatiedeling-privacy", "klanttevredenheid", "kennis-expertisecentrum"][a];
      const [row] = await db
        .insert(internalAudits)
        .values({
          ref: `IA-${y}-${String(a + 1).padStart(2, "0")}`,
          year: y,
          processId: process,
          scope: "Het hele proces",
          criteria: ["8.5.1"],
          auditorIds: [au.id],
          auditeeIds: [mg.id],
          plannedOn: `${y}-0${a + 3}-10`,
          actualOn: `${y}-0${a + 3}-10`,
          status: "gerapporteerd",
          strongPoints: "Goed gedocumenteerd.",
          conclusion: "Op orde.",
          reportedOn: `${y}-0${a + 3}-20`,
          createdAt: day(y, 10),
          updatedAt: day(y, 80 + a * 30),
        })
        .returning();
      auditIds.push(row.id);
      trail.push({
        at: day(y, 10).toISOString(),
        ...by(kw),
        action: "create",
        entity: "internal_audit",
        entityId: row.id,
        after: { ref: row.ref },
      });
    }
    const [review] = await db
      .insert(managementReviews)
      .values({
        seriesId: crypto.randomUUID(),
        version: 1,
        periodFrom: `${y}-01-01`,
        periodTo: `${y}-06-30`,
        heldOn: `${y}-07-10`,
        inputs: REVIEW_INPUTS.map((s) => ({ key: s.key, data: { gaps: [] }, assessment: "Beoordeeld." })),
        decisions: [{ kind: "verbetering", text: "Doorgaan", ownerId: kw.id, dueOn: `${y}-12-31`, actionId: null }],
        status: "definitief",
        finalizedAt: day(y, 192),
        finalizedBy: mg.id,
        createdBy: kw.id,
        createdAt: day(y, 180),
      })
      .returning();
    trail.push({
      at: day(y, 192).toISOString(),
      ...by(mg),
      action: "finalize",
      entity: "management_review",
      entityId: review.id,
      after: { status: "definitief" },
    });

    // Findings with an action, an effectiveness review and a 100 kB evidence file each.
    for (let f = 0; f < PER_YEAR.findings; f++) {
      const found = day(y, 20 + f * 15);
      const closed = day(y, 200 + f * 5);
      const afterPeriod = y === LAST_YEAR;
      const closedAt = afterPeriod ? new Date(Date.UTC(LAST_YEAR + 1, 2, 1 + f)) : closed;
      const [finding] = await db
        .insert(findings)
        .values({
          ref: `BEV-${y}-${String(f + 1).padStart(3, "0")}`,
          source: f < PER_YEAR.audits ? "audit" : "complaint",
          sourceAuditId: f < PER_YEAR.audits ? auditIds[f] : null,
          title: `Bevinding ${y}-${f}`,
          description: "Synthetisch.",
          classification: f % 3 ? "minor_nc" : "observation",
          clauses: ["10.2"],
          foundOn: iso(found),
          correction: "Direct hersteld.",
          rootCauseMethod: "five_whys",
          rootCauseAnalysis: { method: "five_whys", whys: ["a", "b"] },
          rootCause: "Oorzaak",
          similarElsewhere: "Nee",
          closedAt,
          closedBy: kw.id,
          createdBy: kw.id,
          createdAt: found,
          updatedAt: closedAt,
        })
        .returning();
      const [action] = await db
        .insert(actions)
        .values({
          ref: `ACT-${y}-${String(f + 1).padStart(3, "0")}`,
          title: `Actie ${y}-${f}`,
          ownerId: kw.id,
          dueOn: iso(day(y, 120 + f * 5)),
          status: "gereed",
          pdcaPhase: "act",
          criterion: { kind: "manual", text: "Geen herhaling" },
          completedOn: iso(day(y, 150 + f * 5)),
          createdBy: kw.id,
          createdAt: day(y, 21 + f * 15),
          updatedAt: day(y, 150 + f * 5),
        })
        .returning();
      await db.insert(findingActions).values({ findingId: finding.id, actionId: action.id });
      const content = noise(y * 100 + f, EVIDENCE_BYTES);
      const [ev] = await db
        .insert(evidenceFiles)
        .values({
          actionId: action.id,
          filename: `bewijs-${y}-${f}.pdf`,
          contentType: "application/pdf",
          size: content.length,
          sha256: sha256Bytes(content),
          content,
          concernsDate: iso(day(y, 150 + f * 5)),
          uploadedBy: kw.id,
          uploadedAt: day(y, 151 + f * 5),
        })
        .returning();
      const [rev] = await db
        .insert(effectivenessReviews)
        .values({
          findingId: finding.id,
          reviewerId: mg.id,
          reviewedOn: iso(day(y, 190 + f * 5)),
          effective: true,
          explanation: "Geen herhaling gezien.",
          createdAt: day(y, 190 + f * 5),
        })
        .returning();
      await db.insert(reviewEvidence).values({ reviewId: rev.id, evidenceId: ev.id });
      trail.push(
        {
          at: found.toISOString(),
          ...by(kw),
          action: "create",
          entity: "finding",
          entityId: finding.id,
          after: { ref: finding.ref, title: finding.title },
        },
        {
          at: day(y, 21 + f * 15).toISOString(),
          ...by(kw),
          action: "create",
          entity: "action",
          entityId: action.id,
          after: { ref: action.ref },
        },
        {
          at: day(y, 150 + f * 5).toISOString(),
          ...by(kw),
          action: "update",
          entity: "action",
          entityId: action.id,
          before: { status: "gepland", completedOn: null, pdcaPhase: "plan" },
          after: { status: "gereed", completedOn: action.completedOn, pdcaPhase: "act" },
        },
        {
          at: day(y, 151 + f * 5).toISOString(),
          ...by(kw),
          action: "create",
          entity: "evidence",
          entityId: ev.id,
          after: { sha256: ev.sha256 },
        },
        {
          at: day(y, 190 + f * 5).toISOString(),
          ...by(mg),
          action: "create",
          entity: "effectiveness_review",
          entityId: rev.id,
          after: { effective: true },
        },
        { at: closedAt.toISOString(), ...by(kw), action: "close", entity: "finding", entityId: finding.id, after: { ref: finding.ref } },
      );
    }
    // Logins fill each year up to the trail volume of a busy ZVH.
    const have = trail.filter((e) => e.at.startsWith(`${y}-`)).length;
    for (let i = have; i < PER_YEAR.trail; i++) {
      trail.push({
        at: new Date(Date.UTC(y, 0, 1) + ((i * 997) % 360) * 86_400_000 + i * 1000).toISOString(),
        ...by([kw, mg, au][i % 3]),
        action: "login",
        entity: "session",
        entityId: null,
      });
    }
  }
}

/** The trail in time order with a valid hash chain, so the pack's chain check has real work. */
async function writeTrail(db: Db, trail: Trail[]) {
  trail.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let prev = GENESIS;
  const rowsOut = trail.map((e) => {
    const row = {
      at: e.at,
      actorId: e.actorId,
      actor: e.actor,
      ip: "192.0.2.10",
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before === undefined ? null : JSON.parse(JSON.stringify(e.before)),
      after: e.after === undefined ? null : JSON.parse(JSON.stringify(e.after)),
      prevHash: prev,
    };
    const hash = entryHash(row);
    prev = hash;
    return { ...row, hash };
  });
  await insertBatches(rowsOut, 1000, (b) => db.insert(auditLog).values(b));
  return rowsOut.length;
}

// ---- the parent: run and report ------------------------------------------------------------

const run = promisify(execFile);
const self = fileURLToPath(import.meta.url);

async function measure(dir: string, from: string, to: string, out: string, live = false): Promise<Measurement> {
  const { stdout } = await run(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      self,
      "--child",
      "--dir",
      dir,
      "--from",
      from,
      "--to",
      to,
      "--out",
      out,
      ...(live ? ["--live"] : []),
    ],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Measurement;
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(1).padStart(8);

async function parent(): Promise<number> {
  const years = Number(args.years);
  if (!Number.isInteger(years) || years < 2 || years > 30) {
    console.error("usage: npx tsx scripts/bench/evidence-pack.bench.ts [--years N (2..30)] [--json FILE] [--keep]");
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), "ks-bench-pack-"));
  try {
    const database = await openPglite(join(dir, "pglite"));
    await migrate(database.db);
    const started = performance.now();
    const trail: Trail[] = [];
    await seed(database.db, years, trail);
    const entries = await writeTrail(database.db, trail);
    await database.db.execute(sql`vacuum analyze`);
    await database.close();
    const first = LAST_YEAR - years + 1;
    console.log(`Ketenspiegel bench: evidence pack, pglite (${join(dir, "pglite")})`);
    console.log(
      `seeded ${years} years in ${((performance.now() - started) / 1000).toFixed(1)} s: ${years * PER_YEAR.cases} cases and conferences, ` +
        `${years * PER_YEAR.cases * PER_YEAR.activitiesPerCase} activities, ${entries} audit-trail entries, ${years * PER_YEAR.findings} findings/actions/evidence files ` +
        `of ${EVIDENCE_BYTES / 1024} kB, ${PER_YEAR.risks} risks with ${years * 12 + 1} monthly versions, ${years} waves, ${years * PER_YEAR.audits} audits`,
    );

    const short = await measure(join(dir, "pglite"), `${LAST_YEAR}-01-01`, `${LAST_YEAR}-12-31`, join(dir, "short.zip"));
    const long = await measure(join(dir, "pglite"), `${first}-01-01`, `${LAST_YEAR}-12-31`, join(dir, "long.zip"));
    const again = await measure(join(dir, "pglite"), `${first}-01-01`, `${LAST_YEAR}-12-31`, join(dir, "long-again.zip"));
    const liveShort = await measure(join(dir, "pglite"), `${LAST_YEAR}-01-01`, `${LAST_YEAR}-12-31`, join(dir, "live-short.zip"), true);
    const liveLong = await measure(join(dir, "pglite"), `${first}-01-01`, `${LAST_YEAR}-12-31`, join(dir, "live-long.zip"), true);
    const ratio = long.peakRss / short.peakRss;
    const growth = (m: Measurement) => m.peakRss - m.baseRss;

    console.log("\nperiod                     time s   pack MB  files   base RSS MB  peak RSS MB  growth MB  peak heap+ext MB");
    for (const [label, m] of [
      ["1 year", short],
      [`${years} years`, long],
      [`${years} years (again)`, again],
    ] as const) {
      console.log(
        `${label.padEnd(24)} ${(m.ms / 1000).toFixed(1).padStart(8)} ${mb(m.bytes)} ${String(m.files).padStart(6)} ${mb(m.baseRss)}     ${mb(m.peakRss)}   ${mb(growth(m))}   ${mb(m.peakHeap)}`,
      );
    }
    console.log(
      `\npeak RSS ratio ${years} years / 1 year: ${ratio.toFixed(2)} (limit ${MAX_RATIO}); growth ratio ${(growth(long) / Math.max(1, growth(short))).toFixed(2)}; ` +
        `time ratio ${(long.ms / short.ms).toFixed(1)}; data ratio ${(long.bytes / short.bytes).toFixed(1)}`,
    );
    console.log(
      `live JS heap after forced GC (separate runs): 1 year ${mb(liveShort.peakLive!).trim()} MB, ${years} years ${mb(liveLong.peakLive!).trim()} MB ` +
        `(ratio ${(liveLong.peakLive! / liveShort.peakLive!).toFixed(2)}): the rest of the growth above is garbage not yet collected`,
    );
    console.log(`deterministic: ${long.sha256 === again.sha256 && long.sha256 === liveLong.sha256 ? "yes" : "NO"} (sha256 ${long.sha256})`);
    const report = {
      years,
      seeded: { entries },
      short,
      long,
      again,
      liveShort,
      liveLong,
      ratio,
      limit: MAX_RATIO,
      deterministic: long.sha256 === again.sha256,
    };
    await mkdir(dirname(args.json!), { recursive: true });
    await writeFile(args.json!, JSON.stringify(report, null, 2));
    console.log(`report: ${args.json}`);
    return ratio > MAX_RATIO || long.sha256 !== again.sha256 ? 1 : 0;
  } finally {
    if (args.keep) console.log(`kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (args.child) await child();
else process.exitCode = await parent();
