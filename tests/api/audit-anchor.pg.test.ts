import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { testApp } from "../helpers/app.ts";
import { entryHash, GENESIS } from "../../api/audit/audit.service.ts";
import { digestText, qualityDigest } from "../../api/quality/digest.service.ts";
import { auditLog } from "../../db/schema.ts";

/**
 * An anchor (the chain head written down outside the database) exposes what the chain
 * alone cannot: the newest entries deleted, or an entry rewritten with every later hash
 * recomputed.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  for (const email of ["a@zvh.test", "b@zvh.test", "c@zvh.test"]) {
    await t.request("/api/users", { method: "POST", as: "admin", json: { email, role: "auditor" } });
  }
});
afterAll(async () => {
  await t.close();
});

type Verify = { ok: boolean; breaks: { seq: number; reason: string }[]; anchor?: { found: boolean } };
const verify = async (anchor?: string) =>
  (
    await t.request(`/api/audit/verify${anchor ? `?anchor=${encodeURIComponent(anchor)}` : ""}`, { as: "auditor" })
  ).json() as Promise<Verify>;

async function untriggered(work: () => Promise<unknown>) {
  await t.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
  try {
    await work();
  } finally {
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  }
}

/** What an attacker with the owner's rights does: change a row and recompute every hash after it. */
async function rewriteFrom(seq: number) {
  await untriggered(async () => {
    await t.db.execute(sql`update audit_log set actor = 'vervalst' where seq = ${seq}`);
    let prev = GENESIS;
    for (const row of await t.db.select().from(auditLog).orderBy(asc(auditLog.seq))) {
      const hash = entryHash({ ...row, prevHash: prev });
      if (row.prevHash !== prev || row.hash !== hash) {
        await t.db.execute(sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`);
      }
      prev = hash;
    }
  });
}

describe("anchoring the audit chain", () => {
  let anchor = "";

  it("gives the head, which verifies as an anchor while later entries are added", async () => {
    const { head } = (await (await t.request("/api/audit/anchor", { as: "auditor" })).json()) as { head: { seq: number; hash: string } };
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    anchor = `${head.seq}:${head.hash}`;
    await t.request("/api/users", { method: "POST", as: "admin", json: { email: "d@zvh.test", role: "auditor" } });
    expect(await verify(anchor)).toMatchObject({ ok: true, breaks: [], anchor: { found: true } });
    expect(await verify(head.hash)).toMatchObject({ ok: true }); // the hash alone is enough
  });

  it("travels in the weekly digest and in every evidence pack", async () => {
    const digest = await qualityDigest(t.db, t.clock.now);
    expect(digestText(digest, "http://test.local/")).toContain(`Kop van de audittrail: ${digest.chainHead!.seq}:${digest.chainHead!.hash}`);
    const start = t.clock.now;
    t.clock.now = new Date("2026-10-03T09:00:00Z"); // a pack covers a period that has ended
    const res = await t.request("/api/evidence-pack?from=2026-09-01&to=2026-10-02", { as: "auditor" });
    t.clock.now = start;
    expect(res.status).toBe(200);
    const bagInfo = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))["bag-info.txt"]);
    expect(bagInfo).toMatch(/^Audit-Chain-Head: \d+:[0-9a-f]{64}$/m);
    const packed = /^Audit-Chain-Head: (.+)$/m.exec(bagInfo)![1];
    expect(await verify(packed)).toMatchObject({ ok: true, anchor: { found: true } });
  });

  it("refuses a malformed anchor with a 400 naming the field", async () => {
    const res = await t.request("/api/audit/verify?anchor=not-a-hash", { as: "auditor" });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("anchor");
  });

  it("detects a rewrite with every later hash recomputed, which the chain alone does not", async () => {
    await rewriteFrom(2);
    expect(await verify()).toMatchObject({ ok: true }); // a consistent forgery
    const result = await verify(anchor);
    expect(result.ok).toBe(false);
    expect(result.breaks).toEqual([{ seq: Number(anchor.split(":")[0]), reason: "anchor_missing" }]);
  });

  it("detects the newest entries deleted (truncation) after an anchor", async () => {
    const { head } = (await (await t.request("/api/audit/anchor", { as: "auditor" })).json()) as { head: { seq: number; hash: string } };
    await untriggered(() => t.db.execute(sql`delete from audit_log where seq >= ${head.seq - 1}`));
    expect(await verify()).toMatchObject({ ok: true });
    expect(await verify(`${head.seq}:${head.hash}`)).toMatchObject({
      ok: false,
      breaks: [{ seq: head.seq, reason: "anchor_missing" }],
      anchor: { found: false },
    });
  });
});
