import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { auditLog, contacts, invitations } from "../../db/schema.ts";

/**
 * Invitations racing the close of their wave, and a contact erased or opted out by several
 * requests at once. On both engines: PGlite serialises, PostgreSQL really races.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const body = async <T>(res: Response) => (await res.json()) as T;
const errorCode = async (res: Response) => (await body<{ error: { code: string } }>(res)).error.code;
let waveNo = 0;

async function openWave() {
  const created = await t.request("/api/waves", {
    method: "POST",
    json: { name: `Race ${++waveNo}`, opensAt: "2026-09-01T00:00:00Z", closesAt: "2026-12-01T00:00:00Z" },
  });
  expect(created.status).toBe(201);
  return (await body<{ wave: { id: string } }>(created)).wave.id;
}

const close = (waveId: string) => t.request(`/api/waves/${waveId}/status`, { method: "POST", json: { action: "close" } });
const audit = (entity: string, entityId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)));
const invitationCount = async (waveId: string) =>
  (await t.db.select({ n: count() }).from(invitations).where(eq(invitations.waveId, waveId)))[0].n;

const list = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ organisation: `Organisatie ${i}`, organisationType: "zorg", email: `o${i}@race.test` }));
const csv = (n: number, tag: string) =>
  ["organisatie;type;e-mail;naam;opt-out", ...Array.from({ length: n }, (_, i) => `Partner ${i};zorg;p${i}@${tag}.test;Naam ${i};`)].join(
    "\n",
  );

/**
 * Either the additions came before the close (success, entry before the close's) or they are
 * refused as after a close (409 wave_closed) with no rows and no entry.
 */
async function expectNothingAfterClose(waveId: string, res: Response, okStatus: number, entity: string, size: number) {
  const [closed] = (await audit("wave", waveId)).filter((e) => e.action === "close");
  const added = await audit(entity, waveId);
  if (res.status === 409) {
    expect(await errorCode(res)).toBe("wave_closed");
    expect(added).toEqual([]);
    expect(await invitationCount(waveId)).toBe(0);
  } else {
    expect(res.status).toBe(okStatus);
    expect(added).toHaveLength(1);
    expect(added[0].seq).toBeLessThan(closed.seq);
    expect(await invitationCount(waveId)).toBe(size);
  }
}

describe("additions to a wave racing its close", () => {
  it("createInvitations adds nothing after the close: before it (201) or refused (409)", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 12; round++) {
      const waveId = await openWave();
      const [created, closing] = await Promise.all([
        t.request(`/api/waves/${waveId}/invitations`, { method: "POST", json: { invitations: list(300) } }),
        sleep(round % 6).then(() => close(waveId)),
      ]);
      expect(closing.status).toBe(200);
      await expectNothingAfterClose(waveId, created, 201, "invitations", 300);
    }
    // Sequentially, the same refusal.
    const waveId = await openWave();
    expect((await close(waveId)).status).toBe(200);
    const late = await t.request(`/api/waves/${waveId}/invitations`, { method: "POST", json: { invitations: list(1) } });
    expect([late.status, await errorCode(late)]).toEqual([409, "wave_closed"]);
  });

  it("an import into the wave adds nothing after the close: before it (200) or refused (409)", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 12; round++) {
      const waveId = await openWave();
      const [imported, closing] = await Promise.all([
        t.request("/api/contacts/import", { method: "POST", json: { format: "csv", content: csv(300, `r${waveNo}`), waveId } }),
        sleep(round % 6).then(() => close(waveId)),
      ]);
      expect(closing.status).toBe(200);
      await expectNothingAfterClose(waveId, imported, 200, "contacts", 300);
    }
  });
});

describe("a contact erased or opted out by requests at once", () => {
  async function newContact(tag: string) {
    const res = await t.request("/api/contacts/import", { method: "POST", json: { format: "csv", content: csv(1, tag) } });
    expect(res.status).toBe(200);
    const [c] = await t.db
      .select()
      .from(contacts)
      .where(eq(contacts.email, `p0@${tag}.test`));
    return c.id;
  }

  it("three erasures at once erase once: one 200 and one entry, the others 404", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 5; round++) {
      const id = await newContact(`erase${round}`);
      const results = await Promise.all(Array.from({ length: 3 }, () => t.request(`/api/contacts/${id}`, { method: "DELETE" })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 404, 404]);
      for (const r of results.filter((r) => r.status === 404)) expect(await errorCode(r)).toBe("contact_not_found");
      expect((await audit("contact", id)).filter((e) => e.action === "erase")).toHaveLength(1);
      expect(await t.db.select().from(contacts).where(eq(contacts.id, id))).toEqual([]);
    }
  });

  it("an opt-out racing the erasure is done before it (200) or finds no contact (404), never a 500", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 10; round++) {
      const id = await newContact(`optout${round}`);
      const [optOut, erase] = await Promise.all([
        sleep(round % 3).then(() => t.request(`/api/contacts/${id}`, { method: "PATCH", json: { optedOut: true } })),
        t.request(`/api/contacts/${id}`, { method: "DELETE" }),
      ]);
      expect(erase.status).toBe(200);
      const updates = (await audit("contact", id)).filter((e) => e.action === "update");
      if (optOut.status === 404) {
        expect(await errorCode(optOut)).toBe("contact_not_found");
        expect(updates).toEqual([]);
      } else {
        expect(optOut.status).toBe(200);
        expect(updates).toHaveLength(1);
        expect(updates[0].before).toEqual({ optedOut: false });
      }
    }
  });
});
