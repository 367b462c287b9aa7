import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { testApp, count } from "../helpers/app.ts";
import { actions, auditLog, sessions, users } from "../../db/schema.ts";
import { DEFAULT_RISK_MATRIX, type Level } from "../../api/domain/risks/matrix.ts";
import { verifyAuditChain } from "../../api/audit/audit.service.ts";
import { seedRisksDemo } from "../../db/seed/risks.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let owner: string;
let kwaliteit: string;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-01-10T09:00:00Z") });
  const all = await t.db.select().from(users);
  owner = all.find((u) => u.role === "management")!.id;
  kwaliteit = all.find((u) => u.role === "kwaliteit")!.id;
  // The clock travels months through a risk's life; sessions would expire on the way.
  await t.db.update(sessions).set({ expiresAt: new Date("2099-01-01T00:00:00Z") });
});
afterAll(async () => {
  await t.close();
});

interface Assessment {
  likelihood: number;
  impact: number;
  score: number;
  level: Level;
}
interface Risk {
  id: string;
  ref: string;
  kind: string;
  title: string;
  ownerName: string;
  inherent: Assessment;
  residual: Assessment;
  version: number;
  lastReviewedOn: string;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  closedOn: string | null;
  actions: { id: string; ref: string; title: string; status: string; dueOn: string }[];
  movement: { since: string; sinceVersion: number; previous: Assessment; current: Assessment; direction: string } | null;
}
interface History {
  version: number;
  change: string;
  changedAt: string;
  changedBy: string | null;
  changedByName: string | null;
  note: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
  snapshot: Record<string, unknown>;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path?: string; message: string }[] };
}

const setClock = (iso: string) => {
  t.clock.now = new Date(iso);
};
const newRisk = (extra: Record<string, unknown> = {}) => ({
  kind: "risk",
  title: "Casusregie niet belegd na casusoverleg",
  description: "Na het casusoverleg is niet vastgelegd wie de regie heeft.",
  processId: "casusoverleg",
  inherentLikelihood: 4,
  inherentImpact: 4,
  residualLikelihood: 4,
  residualImpact: 4,
  treatment: "Casusregisseur is vast agendapunt van elk overleg.",
  ownerId: owner,
  reviewIntervalDays: 90,
  ...extra,
});
async function create(extra: Record<string, unknown> = {}) {
  const res = await t.request("/api/risks", { method: "POST", json: newRisk(extra) });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { risk: Risk }).risk;
}
const patch = (id: string, json: unknown) => t.request(`/api/risks/${id}`, { method: "PATCH", json });
const review = (id: string, json: unknown) => t.request(`/api/risks/${id}/review`, { method: "POST", json });
const register = async (query = "") =>
  (await (await t.request(`/api/risks${query}`)).json()) as { risks: Risk[]; heatmap: { inherent: number[][]; residual: number[][] } };
const detail = async (id: string) => (await (await t.request(`/api/risks/${id}`)).json()) as { risk: Risk; history: History[] };
const stored = async () => ({
  risks: await count(t.db, "risks"),
  history: await count(t.db, "risk_history"),
  audit: await count(t.db, "audit_log"),
});

describe("risk register: versions and history", () => {
  it("create → update → review gives three versions with the right changes, snapshots and audit entries", async () => {
    setClock("2026-01-10T09:00:00Z");
    const r = await create();
    expect(r.ref).toMatch(/^R-\d{3}$/);
    expect(r).toMatchObject({
      kind: "risk",
      version: 1,
      lastReviewedOn: "2026-01-10",
      nextReviewOn: "2026-04-10",
      reviewOverdue: false,
      ownerName: "management",
    });
    expect(r.inherent).toEqual({ likelihood: 4, impact: 4, score: 16, level: "kritiek" });

    setClock("2026-02-01T09:00:00Z");
    const updated = await patch(r.id, {
      treatment: "Voorzitter benoemt de casusregisseur en legt dit vast.",
      residualLikelihood: 3,
      note: "Werkwijze aangescherpt",
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { risk: Risk }).risk).toMatchObject({
      version: 2,
      residual: { likelihood: 3, impact: 4, level: "hoog" },
    });

    setClock("2026-05-01T09:00:00Z");
    const reviewed = await review(r.ref, {
      reviewedOn: "2026-05-01",
      residualLikelihood: 2,
      residualImpact: 3,
      note: "Steekproef: in 9 van 10 overleggen regie vastgelegd.",
    });
    expect(reviewed.status).toBe(200);
    expect(((await reviewed.json()) as { risk: Risk }).risk).toMatchObject({
      version: 3,
      lastReviewedOn: "2026-05-01",
      nextReviewOn: "2026-07-30",
    });

    const { risk, history } = await detail(r.id);
    expect(risk.version).toBe(3);
    expect(history.map((h) => [h.version, h.change])).toEqual([
      [1, "created"],
      [2, "updated"],
      [3, "reviewed"],
    ]);
    expect(history.every((h) => h.changedBy === kwaliteit && h.changedByName === "kwaliteit")).toBe(true);
    expect(history.map((h) => h.changedAt.slice(0, 10))).toEqual(["2026-01-10", "2026-02-01", "2026-05-01"]);
    expect(history[0].changes.find((c) => c.field === "title")).toMatchObject({ from: null, to: newRisk().title });
    expect(history[1].changes.map((c) => c.field)).toEqual(["residualLikelihood", "treatment"]);
    expect(history[1].note).toBe("Werkwijze aangescherpt");
    expect(history[2].changes).toEqual([
      { field: "residualLikelihood", label: "Kans (restrisico)", from: 3, to: 2 },
      { field: "residualImpact", label: "Impact (restrisico)", from: 4, to: 2 + 1 },
      { field: "lastReviewedOn", label: "Laatst beoordeeld", from: "2026-01-10", to: "2026-05-01" },
    ]);
    expect(history[2].note).toMatch(/Steekproef/);
    // Each snapshot is the full risk as it stood in that version.
    expect(history[0].snapshot).toMatchObject({
      ref: r.ref,
      residualLikelihood: 4,
      residualImpact: 4,
      treatment: newRisk().treatment,
      closedOn: null,
    });
    expect(history[1].snapshot).toMatchObject({ residualLikelihood: 3, residualImpact: 4, lastReviewedOn: "2026-01-10" });
    expect(history[2].snapshot).toMatchObject({
      residualLikelihood: 2,
      residualImpact: 3,
      lastReviewedOn: "2026-05-01",
      title: newRisk().title,
    });

    const trail = await t.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(trail.map((a) => a.action)).toEqual(["create", "update", "review"]);
  });

  it("shows in the register how the residual risk moved since 90 days ago", async () => {
    setClock("2026-05-01T09:00:00Z");
    const entry = (await register()).risks.find((x) => x.title === newRisk().title)!;
    // 90 days before 1 May is 31 January: version 1 (10 January) was in force then.
    expect(entry.movement).toMatchObject({
      sinceVersion: 1,
      since: "2026-01-10",
      direction: "omlaag",
      previous: { likelihood: 4, impact: 4, level: "kritiek" },
      current: { likelihood: 2, impact: 3, level: "middel" },
    });

    setClock("2026-06-15T09:00:00Z");
    const later = (await register()).risks.find((x) => x.id === entry.id)!;
    expect(later.movement).toMatchObject({ sinceVersion: 2, previous: { level: "hoog" }, direction: "omlaag" });
  });

  it("records a review without changed scores as a version: the register is alive", async () => {
    setClock("2026-06-15T09:00:00Z");
    const r = await create({
      title: "Uitval procesregisseurs door werkdruk",
      processId: null,
      inherentLikelihood: 2,
      residualLikelihood: 2,
    });
    const res = await review(r.id, { reviewedOn: "2026-06-15", note: "Geen wijziging; bezetting stabiel." });
    expect(res.status).toBe(200);
    const { history } = await detail(r.id);
    expect(history.map((h) => h.change)).toEqual(["created", "reviewed"]);
    expect(history[1].changes).toEqual([]); // same day, same scores: nothing but the proof of review
    expect(history[1].note).toBe("Geen wijziging; bezetting stabiel.");
  });

  it("lists linked treatment actions, owner names, the heatmap of open risks and filters", async () => {
    setClock("2026-06-15T09:00:00Z");
    const r = await create({
      title: "Onrechtmatige informatiedeling tussen partners",
      processId: "informatiedeling-privacy",
      inherentLikelihood: 3,
      inherentImpact: 5,
      residualLikelihood: 2,
      residualImpact: 5,
    });
    await t.db.insert(actions).values({
      ref: "ACT-2026-901",
      title: "Convenant herzien",
      ownerId: owner,
      dueOn: "2026-09-01",
      criterion: { kind: "manual", text: "Convenant getekend" },
      riskId: r.id,
    });
    const k = await create({
      kind: "opportunity",
      title: "Gezamenlijke training rolduidelijkheid met partners",
      processId: "casusoverleg",
      inherentLikelihood: 4,
      inherentImpact: 3,
      residualLikelihood: 3,
      residualImpact: 3,
    });
    expect(k.ref).toMatch(/^K-\d{3}$/);

    const all = await register();
    const listed = all.risks.find((x) => x.id === r.id)!;
    expect(listed.actions).toEqual([
      { id: expect.any(String), ref: "ACT-2026-901", title: "Convenant herzien", status: "gepland", dueOn: "2026-09-01" },
    ]);
    expect(listed.residual.level).toBe("hoog"); // 2×5: the impact weighs
    const open = all.risks.filter((x) => !x.closedOn);
    expect(all.heatmap.inherent.flat().reduce((a, b) => a + b)).toBe(open.length);
    expect(all.heatmap.residual[1][4]).toBe(open.filter((x) => x.residual.likelihood === 2 && x.residual.impact === 5).length);

    const opportunities = await register("?kind=opportunity");
    expect(opportunities.risks.map((x) => x.id)).toEqual([k.id]);
    expect(opportunities.heatmap.residual[2][2]).toBe(1);
    expect((await register("?process=informatiedeling-privacy")).risks.map((x) => x.id)).toEqual([r.id]);
    expect((await register("?level=hoog")).risks.every((x) => x.residual.level === "hoog")).toBe(true);
    expect((await register("?level=hoog")).risks.some((x) => x.id === r.id)).toBe(true);
  });

  it("closes a risk, after which it can be neither edited nor reviewed (409), and leaves the heatmap", async () => {
    setClock("2026-06-20T09:00:00Z");
    const r = await create({
      title: "Afhankelijkheid van financiering door gemeenten",
      processId: null,
      inherentLikelihood: 3,
      residualLikelihood: 3,
    });
    const heatBefore = (await register()).heatmap.inherent[2][3];
    const closed = await patch(r.id, { closedOn: "2026-06-20", note: "Meerjarige afspraken met alle 16 gemeenten" });
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as { risk: Risk }).risk).toMatchObject({
      closedOn: "2026-06-20",
      nextReviewOn: null,
      reviewOverdue: false,
    });
    expect((await detail(r.id)).history.at(-1)!.change).toBe("closed");
    expect((await register()).heatmap.inherent[2][3]).toBe(heatBefore - 1);

    const before = await stored();
    const edit = await patch(r.id, { title: "Anders" });
    expect(edit.status).toBe(409);
    expect(((await edit.json()) as ErrorBody).error.code).toBe("risk_closed");
    expect((await review(r.id, { reviewedOn: "2026-06-20", note: "nog eens" })).status).toBe(409);
    expect(await stored()).toEqual(before);
  });
});

describe("risk register: rules", () => {
  it("refuses a residual risk above the inherent one and stores nothing", async () => {
    setClock("2026-06-20T09:00:00Z");
    const before = await stored();
    const res = await t.request("/api/risks", { method: "POST", json: newRisk({ residualImpact: 5 }) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("residual_exceeds_inherent");
    expect(body.error.message).toMatch(/restrisico mag niet hoger/);
    expect(await stored()).toEqual(before);

    const r = await create();
    const mid = await stored();
    expect((await patch(r.id, { inherentImpact: 3 })).status).toBe(422); // residual 4 would exceed it
    expect((await review(r.id, { reviewedOn: "2026-06-20", residualLikelihood: 5, note: "erger" })).status).toBe(422);
    expect(await stored()).toEqual(mid);
    expect((await detail(r.id)).risk.version).toBe(1);
  });

  it("flags a risk whose review is overdue once the clock passes its interval", async () => {
    setClock("2026-03-01T09:00:00Z");
    const r = await create({ reviewIntervalDays: 30, lastReviewedOn: "2026-03-01" });
    const flag = async () => (await register()).risks.find((x) => x.id === r.id)!;
    setClock("2026-03-31T09:00:00Z");
    expect(await flag()).toMatchObject({ nextReviewOn: "2026-03-31", reviewOverdue: false });
    setClock("2026-04-01T09:00:00Z");
    expect((await flag()).reviewOverdue).toBe(true);
    expect((await review(r.id, { reviewedOn: "2026-04-01", note: "Herbeoordeeld; maatregelen werken." })).status).toBe(200);
    expect(await flag()).toMatchObject({ reviewOverdue: false, nextReviewOn: "2026-05-01" });
  });

  it("refuses reviews dated in the future or before the previous review", async () => {
    setClock("2026-06-20T09:00:00Z");
    const r = await create({ lastReviewedOn: "2026-06-01" });
    expect((await review(r.id, { reviewedOn: "2026-06-21", note: "x" })).status).toBe(400);
    const early = await review(r.id, { reviewedOn: "2026-05-31", note: "te vroeg" });
    expect(early.status).toBe(422);
    expect(((await early.json()) as ErrorBody).error.code).toBe("review_before_last");
  });

  it("the database refuses to change or delete risk history", async () => {
    expect(await count(t.db, "risk_history")).toBeGreaterThan(0);
    // Drizzle wraps the database error; the trigger's own words are in its cause.
    const refusal = async (query: Promise<unknown>) => {
      try {
        await query;
        return "accepted";
      } catch (e) {
        return `${(e as Error).message} ${((e as Error).cause as Error | undefined)?.message ?? ""}`;
      }
    };
    const created = await count(t.db, "risk_history where change = 'created'");
    expect(await refusal(t.db.execute(sql`update risk_history set change = 'updated' where version = 1`))).toMatch(
      /risk_history is append-only \(UPDATE refused\)/,
    );
    expect(await refusal(t.db.execute(sql`update risk_history set snapshot = '{}'::jsonb`))).toMatch(/append-only/);
    expect(await refusal(t.db.execute(sql`delete from risk_history`))).toMatch(/append-only \(DELETE refused\)/);
    expect(await count(t.db, "risk_history where change = 'created'")).toBe(created);
  });

  it("answers bad input with 400 and a message, and unknown risks with 404", async () => {
    const before = await stored();
    const cases: Record<string, unknown>[] = [
      newRisk({ naam: "Jan Jansen" }),
      newRisk({ inherentLikelihood: 6 }),
      newRisk({ residualImpact: 0 }),
      newRisk({ title: "" }),
      newRisk({ kind: "kans" }),
      newRisk({ ownerId: "niet-een-id" }),
      newRisk({ lastReviewedOn: "1-3-2026" }),
    ];
    for (const json of cases) {
      const res = await t.request("/api/risks", { method: "POST", json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.message).toBe("De invoer is ongeldig.");
      expect(body.error.details!.length).toBeGreaterThan(0);
    }
    const unknownOwner = await t.request("/api/risks", {
      method: "POST",
      json: newRisk({ ownerId: "00000000-0000-4000-8000-000000000000" }),
    });
    expect(unknownOwner.status).toBe(400);
    expect(((await unknownOwner.json()) as ErrorBody).error.message).toBe("Onbekende eigenaar.");
    expect((await t.request("/api/risks", { method: "POST", json: newRisk({ processId: "bestaat-niet" }) })).status).toBe(400);
    expect((await t.request("/api/risks", { method: "POST", json: newRisk({ lastReviewedOn: "2099-01-01" }) })).status).toBe(400);
    expect(await stored()).toEqual(before);

    const r = (await register()).risks[0];
    expect((await patch(r.id, {})).status).toBe(400);
    expect((await patch(r.id, { kind: "opportunity" })).status).toBe(400);
    expect((await review(r.id, { reviewedOn: "2026-06-20" })).status).toBe(400); // the note is required
    expect((await t.request("/api/risks/R-999")).status).toBe(404);
    expect((await t.request("/api/risks?level=rood")).status).toBe(400);
  });

  it("lets auditors read but not write", async () => {
    expect((await t.request("/api/risks", { as: "auditor" })).status).toBe(200);
    expect((await t.request("/api/risks", { method: "POST", json: newRisk(), as: "auditor" })).status).toBe(403);
    expect((await t.request("/api/risks", { as: "medewerker" })).status).toBe(403);
  });
});

describe("risk matrix", () => {
  const put = (json: unknown) => t.request("/api/risks/matrix", { method: "PUT", json });

  it("serves the default grid with Dutch labels", async () => {
    const res = await t.request("/api/risks/matrix", { as: "auditor" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(DEFAULT_RISK_MATRIX);
  });

  it("changes the level of existing risks when the grid changes, and audits it", async () => {
    setClock("2026-06-20T09:00:00Z");
    const r = await create({ inherentLikelihood: 1, inherentImpact: 5, residualLikelihood: 1, residualImpact: 5 });
    expect(r.residual.level).toBe("hoog");
    const byProduct = Array.from({ length: 5 }, (_, l) =>
      Array.from({ length: 5 }, (_, i): Level => {
        const p = (l + 1) * (i + 1);
        return p >= 15 ? "kritiek" : p >= 8 ? "hoog" : p >= 4 ? "middel" : "laag";
      }),
    );
    const res = await put({ ...DEFAULT_RISK_MATRIX, grid: byProduct });
    expect(res.status).toBe(200);
    expect((await detail(r.id)).risk.residual.level).toBe("middel");
    expect((await register("?level=middel")).risks.some((x) => x.id === r.id)).toBe(true);
    const [last] = await t.db.select().from(auditLog).where(eq(auditLog.entity, "risk_matrix"));
    expect(last).toMatchObject({ action: "update", entityId: "risk_matrix" });

    expect((await put(DEFAULT_RISK_MATRIX)).status).toBe(200);
    expect((await detail(r.id)).risk.residual.level).toBe("hoog");
  });

  it("refuses a non-monotone grid with 422 and a Dutch message, and keeps the old grid", async () => {
    const grid = DEFAULT_RISK_MATRIX.grid.map((row) => [...row]);
    grid[4][4] = "laag";
    const res = await put({ ...DEFAULT_RISK_MATRIX, grid });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("matrix_not_monotone");
    expect(body.error.message).toMatch(/mag nooit een lager niveau geven/);
    expect(await (await t.request("/api/risks/matrix")).json()).toEqual(DEFAULT_RISK_MATRIX);
  });

  it("refuses a grid that is not 5×5 or names an unknown level with 400", async () => {
    const short = await put({ ...DEFAULT_RISK_MATRIX, grid: DEFAULT_RISK_MATRIX.grid.slice(0, 4) });
    expect(short.status).toBe(400);
    expect(JSON.stringify(await short.json())).toMatch(/precies 5 rijen/);
    const grid = DEFAULT_RISK_MATRIX.grid.map((row) => [...row] as string[]);
    grid[0][0] = "groen";
    const unknown = await put({ ...DEFAULT_RISK_MATRIX, grid });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toMatch(/Onbekend niveau/);
    expect((await put({ ...DEFAULT_RISK_MATRIX, likelihood: ["a", "b"] })).status).toBe(400);
    expect((await t.request("/api/risks/matrix", { method: "PUT", json: DEFAULT_RISK_MATRIX, as: "auditor" })).status).toBe(403);
  });
});

describe("demo seed", () => {
  it("writes a living register once, with history, one overdue review and a verifiable audit trail", async () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const demo = await testApp({ now });
    try {
      expect(await seedRisksDemo(demo.db, now)).toBe(false); // no demo users yet
      await demo.db.insert(users).values([
        { email: "kwaliteit@demo.zvh-nhn.nl", name: "Kim de Kwaliteit", role: "kwaliteit" },
        { email: "management@demo.zvh-nhn.nl", name: "Marloes Manager", role: "management" },
      ]);
      expect(await seedRisksDemo(demo.db, now)).toBe(true);
      expect(await seedRisksDemo(demo.db, now)).toBe(false);

      const body = (await (await demo.request("/api/risks")).json()) as { risks: Risk[] };
      const byTitle = (title: string) => body.risks.find((r) => r.title === title)!;
      expect(
        body.risks
          .filter((r) => r.kind === "opportunity")
          .map((r) => r.ref)
          .sort(),
      ).toEqual(["K-001", "K-002"]);
      expect(body.risks.filter((r) => r.reviewOverdue).map((r) => r.title)).toEqual([
        "Vervolgafspraken uit het casusoverleg niet nagekomen",
      ]);
      expect(byTitle("Casusregie niet belegd na casusoverleg")).toMatchObject({
        ownerName: "Kim de Kwaliteit",
        inherent: { level: "kritiek" },
        residual: { level: "middel" },
        movement: { previous: { level: "hoog" }, direction: "omlaag" },
      });
      expect(byTitle("Geen verwerkersovereenkomst met leverancier registratiesysteem").closedOn).not.toBeNull();
      for (const r of body.risks) {
        expect(r.residual.likelihood, r.ref).toBeLessThanOrEqual(r.inherent.likelihood);
        expect(r.residual.impact, r.ref).toBeLessThanOrEqual(r.inherent.impact);
        const { history } = (await (await demo.request(`/api/risks/${r.id}`)).json()) as { history: History[] };
        expect(history.length, r.ref).toBe(r.version);
        expect(history[0].change).toBe("created");
        expect(history[0].changedAt.slice(0, 4), r.ref).toBe(r.kind === "risk" ? "2025" : "2026");
        expect(history.every((h) => h.changedAt <= now.toISOString())).toBe(true);
      }
      expect(await verifyAuditChain(demo.db)).toMatchObject({ ok: true });
      expect(await count(demo.db, "audit_log where entity = 'risk'")).toBe(await count(demo.db, "risk_history"));
    } finally {
      await demo.close();
    }
  });
});
