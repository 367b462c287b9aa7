import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testApp, count } from "../helpers/app.ts";
import { testDatabase } from "../helpers/db.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { keptInvitationCounts, recountInvitations } from "../helpers/invitation-counts.ts";
import { createApp } from "../../api/app.ts";
import { sha256Hex } from "../../api/lib/crypto.ts";
import { chainHead, verifyAuditChain } from "../../api/audit/audit.service.ts";
import { BackupError, restoreBackup } from "../../api/backup/backup.service.ts";
import type { Database } from "../../db/client.node.ts";
import { rows } from "../../db/migrate.ts";

/**
 * A backup made while the app runs restores into a fresh database of the same engine:
 * the chain verifies, the results are the same, and the sessions still work.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let file = "",
  sha = "",
  head = "";
const fresh: Database[] = [];
const CLI = { actorId: null, actor: "test", ip: null };

beforeAll(async () => {
  t = await testApp();
  const groups = [
    { organisationType: "zorg", organisation: "GGZ NHN", branch: "alkmaar", n: 6, cijfer: 8 },
    { organisationType: "justitie", organisation: "Reclassering", branch: "den-helder", n: 6, cijfer: 6 },
  ];
  for (const { n, cijfer, ...who } of groups) {
    const res = await t.request(`/api/waves/${t.wave.id}/invitations`, { method: "POST", json: { invitations: Array(n).fill(who) } });
    for (const inv of ((await res.json()) as { invitations: { token: string }[] }).invitations) {
      const r = await t.request(`/api/s/${inv.token}/response`, {
        method: "POST",
        as: "anonymous",
        json: { data: { ...COMPLETE, cijfer } },
      });
      expect(r.status).toBe(201);
    }
  }
  await t.request("/api/users", { method: "POST", as: "admin", json: { email: "herstel@zvh.test", role: "auditor" } });
});
afterAll(async () => {
  for (const d of fresh) await d.close();
  await t.close();
});

async function freshDatabase() {
  const d = await testDatabase();
  fresh.push(d);
  return d;
}

function byKey(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(byKey);
    const keyed = items.every((i) => i && typeof i === "object" && "key" in (i as object));
    return keyed ? items.sort((a, b) => String((a as { key: unknown }).key).localeCompare(String((b as { key: unknown }).key))) : items;
  }
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byKey(v)]));
  return value;
}

async function* linesOf(text: string) {
  for (const line of text.split("\n")) if (line) yield line;
}

describe("backup and restore", () => {
  it("writes one file, records its SHA-256 and the chain head in the trail, and shows when", async () => {
    expect(await (await t.request("/api/backups/last", { as: "auditor" })).json()).toEqual({ last: null });
    const before = await chainHead(t.db);
    const res = await t.request("/api/backups", { method: "POST", as: "admin" });
    expect(res.status).toBe(200);
    file = await res.text();
    sha = res.headers.get("x-backup-sha256")!;
    head = res.headers.get("x-backup-chain-head")!;
    expect(sha).toBe(sha256Hex(file));
    expect(head).toBe(`${before!.seq}:${before!.hash}`);
    const { last } = (await (await t.request("/api/backups/last", { as: "auditor" })).json()) as {
      last: { at: string; sha256: string; chainHead: { seq: number } };
    };
    expect(last).toMatchObject({ at: t.clock.now.toISOString(), sha256: sha, chainHead: { seq: before!.seq } });
    const header = JSON.parse(file.split("\n")[0]) as { tables: string[]; head: { seq: number } };
    expect(header.tables).toEqual(
      expect.arrayContaining(["users", "responses", "answers", "audit_log", "answer_counts", "invitation_counts"]),
    );
    expect(header.tables.indexOf("users")).toBeLessThan(header.tables.indexOf("sessions")); // referenced before referencing
  });

  it("restores into a fresh database: the chain verifies and the results and sessions are the same", async () => {
    const target = await freshDatabase();
    const restored = await restoreBackup(target.db, linesOf(file), new Date("2026-10-02T08:00:00Z"), CLI);
    expect(restored).toMatchObject({ chainOk: true, sha256: sha });
    const check = await verifyAuditChain(target.db, { seq: Number(head.split(":")[0]), hash: head.split(":")[1] });
    expect(check).toMatchObject({ ok: true, anchor: { found: true } });
    for (const table of ["users", "responses", "answers", "answer_counts", "invitations", "sessions"]) {
      expect(await count(target.db, table), table).toBe(await count(t.db, table));
    }
    // The restored invitations were counted by the insert trigger and the counts came in the file too: recounted once.
    const restoredCounts = await keptInvitationCounts(target.db, t.wave.id);
    expect(restoredCounts).toEqual(await recountInvitations(target.db, t.wave.id));
    expect(restoredCounts).toEqual(await keptInvitationCounts(t.db, t.wave.id));
    const again = createApp({ db: target.db, config: { publicUrl: "http://test.local", now: () => t.clock.now, version: "test" } });
    const path = `/api/waves/${t.wave.id}/results`;
    const original = await (await t.request(path)).json();
    const copy = await again.request(path, { headers: { cookie: t.cookies.kwaliteit } });
    expect(copy.status).toBe(200);
    // Groups of equal size may come in either order (physical row order differs after a restore).
    expect(byKey(await copy.json())).toEqual(byKey(original));
    // New rows continue after the restored ones (sequences were moved along).
    const [{ max }] = rows<{ max: number }>(await target.db.execute(sql`select max(seq)::int as max from audit_log`));
    expect(max).toBe(Number(head.split(":")[0]) + 1); // the restore entry itself
  });

  it("refuses an incomplete file and a database that is not empty, leaving nothing behind", async () => {
    const target = await freshDatabase();
    const cut = file.split("\n").filter(Boolean).slice(0, -1).join("\n");
    await expect(restoreBackup(target.db, linesOf(cut), new Date(), CLI)).rejects.toThrow(BackupError);
    expect(await count(target.db, "users")).toBe(0);
    expect(await count(target.db, "audit_log")).toBe(0);
    await expect(restoreBackup(t.db, linesOf(file), new Date(), CLI)).rejects.toThrow(/niet leeg/);
    await expect(restoreBackup(target.db, linesOf('{"format":"iets anders"}'), new Date(), CLI)).rejects.toThrow(
      /geen Ketenspiegel-back-up/,
    );
  });
});
