import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { verifyAuditChain } from "../../api/audit/audit.service.ts";
import { rows } from "../../db/migrate.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  await t.request("/api/users", { method: "POST", as: "admin", json: { email: "eva@zvh.test", role: "auditor" } });
  await t.request(`/api/waves/${t.wave.id}/invitations`, {
    method: "POST",
    json: { invitations: [{ organisation: "Reclassering Nederland", organisationType: "justitie", email: "r@reclassering.test" }] },
  });
  await t.request("/api/auth/login", { method: "POST", as: "anonymous", json: { email: "eva@zvh.test", password: "nog geen wachtwoord" } });
});
afterAll(async () => {
  await t.close();
});

type Entry = { seq: number; action: string; entity: string; actor: string; ip: string | null; before: unknown; after: unknown };

describe("audit trail", () => {
  it("records who, what, when and from where for changes and logins, without secrets", async () => {
    const res = await t.request("/api/audit", { as: "auditor" });
    const { entries } = (await res.json()) as { entries: Entry[] };
    const kinds = entries.map((e) => `${e.action}:${e.entity}`);
    expect(kinds).toEqual(expect.arrayContaining(["create:user", "create:invitations", "login_failed:session"]));
    const created = entries.find((e) => e.entity === "user")!;
    expect(created.actor).toBe("admin@test.local");
    expect(created.ip).toBe("192.0.2.1");
    expect(created.after).toMatchObject({ email: "eva@zvh.test", role: "auditor" });
    const text = JSON.stringify(entries);
    expect(text).not.toContain("r@reclassering.test");
    expect(text).not.toMatch(/password|scrypt\$/i);
  });

  it("hashes exactly what the database stores, also for dates and undefined fields", async () => {
    const { appendAudit } = await import("../../api/audit/audit.service.ts");
    await t.db.transaction((tx) =>
      appendAudit(
        tx as never,
        {
          actor: "test",
          action: "update",
          entity: "finding",
          before: { updatedAt: new Date("2026-01-01T00:00:00Z"), gone: undefined },
          after: { n: 1.5, nested: [{ at: new Date(0) }] },
        },
        new Date(),
      ),
    );
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("verifies an untouched chain", async () => {
    const res = await t.request("/api/audit/verify", { as: "auditor" });
    const body = (await res.json()) as { ok: boolean; entries: number };
    expect(body.ok).toBe(true);
    expect(body.entries).toBeGreaterThanOrEqual(3);
  });

  it("is refused by the database on update, delete and truncate", async () => {
    const refused = async (statement: ReturnType<typeof sql>) => {
      const err = await t.db.execute(statement).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      expect(String(err?.cause?.message ?? err?.message)).toMatch(/append-only/);
    };
    await refused(sql`update audit_log set actor = 'iemand anders' where seq = 1`);
    await refused(sql`delete from audit_log where seq = 1`);
    await refused(sql`truncate audit_log`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("names the broken entry when a row is altered behind the trigger's back", async () => {
    const seqs = rows<{ seq: number }>(await t.db.execute(sql`select seq from audit_log order by seq`)).map((r) => Number(r.seq));
    const victim = seqs[1];
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.db.execute(sql`update audit_log set after = '{"email":"vervalst@zvh.test"}' where seq = ${victim}`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      entries: seqs.length,
      breaks: [{ seq: victim, reason: "content_changed" }],
      firstBroken: { seq: victim, reason: "content_changed" },
    });
  });

  it("detects a deleted entry as a broken link", async () => {
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    const seqs = rows<{ seq: number }>(await t.db.execute(sql`select seq from audit_log order by seq`)).map((r) => Number(r.seq));
    await t.db.execute(sql`update audit_log set after = null where seq = ${seqs[1]}`); // undo nothing; keep it broken
    await t.db.execute(sql`delete from audit_log where seq = ${seqs[0]}`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      entries: seqs.length - 1,
      breaks: [{ seq: seqs[1], reason: "chain_link" }],
    });
  });

  it("reports every break, so an old one does not hide a later tampering", async () => {
    const seqs = rows<{ seq: number }>(await t.db.execute(sql`select seq from audit_log order by seq`)).map((r) => Number(r.seq));
    const later = seqs.at(-1)!;
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.db.execute(sql`update audit_log set actor = 'iemand anders' where seq = ${later}`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const result = await verifyAuditChain(t.db);
    expect(result.breaks).toEqual([
      { seq: seqs[0], reason: "chain_link" },
      { seq: later, reason: "content_changed" },
    ]);
    const api = (await (await t.request("/api/audit/verify", { as: "auditor" })).json()) as { breaks: unknown[] };
    expect(api.breaks).toEqual(result.breaks);
  });
});
