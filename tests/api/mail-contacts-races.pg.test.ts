import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { rows } from "../../db/migrate.ts";
import { auditLog, invitations, waves } from "../../db/schema.ts";
import { deliverOutbox, type MailTransport } from "../../api/mail/outbox.service.ts";

/**
 * Mail and contact erasure racing the changes that should stop them: an unsubscribe, closing
 * the wave, extending it again. On both engines: PGlite serialises, PostgreSQL really races.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const body = async <T>(res: Response) => (await res.json()) as T;
const errorCode = async (res: Response) => (await body<{ error: { code: string } }>(res)).error.code;
let waveNo = 0;

/** An open wave with `size` contacts on its list. */
async function waveWithContacts(size: number) {
  const name = `Race ${++waveNo}`;
  const created = await t.request("/api/waves", {
    method: "POST",
    json: { name, opensAt: "2026-09-01T00:00:00Z", closesAt: "2026-12-01T00:00:00Z" },
  });
  expect(created.status).toBe(201);
  const { wave } = await body<{ wave: { id: string } }>(created);
  const csv = [
    "organisatie;type;e-mail;naam;opt-out",
    ...Array.from({ length: size }, (_, i) => `Partner ${i};zorg;p${i}@w${waveNo}.test;Naam ${i};`),
  ].join("\n");
  const imported = await t.request("/api/contacts/import", { method: "POST", json: { format: "csv", content: csv, waveId: wave.id } });
  expect(imported.status).toBe(200);
  return wave.id;
}

const waveAudit = (entity: string, waveId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, waveId)));

describe("reminders racing unsubscribes", () => {
  /** Sends the wave's invitations and returns each recipient's unsubscribe token, as the List-Unsubscribe header carries it. */
  async function sentInvitations(waveId: string) {
    expect((await t.request(`/api/waves/${waveId}/mail/invitations`, { method: "POST" })).status).toBe(202);
    const tokens: string[] = [];
    const transport: MailTransport = {
      sendMail: async (m) => {
        tokens.push(/\/api\/u\/([a-z2-7]+)>$/.exec(m.headers!["List-Unsubscribe"])![1]);
        return { messageId: `<${tokens.length}@race.test>` };
      },
    };
    await deliverOutbox(t.db, transport, { from: "kto@zvh.test", now: () => t.clock.now, publicUrl: "http://test.local", waveId });
    return tokens;
  }

  it("never leaves a reminder queued for a contact who opted out", { timeout: 120_000 }, async () => {
    // Before the fix one round caught it; five make it certain.
    for (let round = 0; round < 5; round++) {
      const waveId = await waveWithContacts(30);
      const tokens = await sentInvitations(waveId);
      expect(tokens).toHaveLength(30);
      const [reminders, ...unsubscribes] = await Promise.all([
        t.request(`/api/waves/${waveId}/mail/reminders`, { method: "POST" }),
        // Spread out, so that some opt-outs commit while the reminders are being queued.
        ...tokens.map((token, i) => sleep(i % 15).then(() => t.request(`/api/u/${token}`, { method: "POST", as: "anonymous" }))),
      ]);
      expect(reminders.status).toBe(202);
      expect(unsubscribes.map((r) => r.status)).toEqual(Array(30).fill(200));
      const live = rows<{ n: number }>(
        await t.db.execute(sql`select count(*)::int as n from mail_outbox m join contacts c on c.id = m.contact_id
          where m.wave_id = ${waveId} and c.opted_out_at is not null and m.status in ('pending', 'sending')`),
      );
      expect(Number(live[0].n)).toBe(0);
    }
  });
});

describe("invitations racing the close of the wave", () => {
  it("queues nothing after the close: either before it (202) or refused (409)", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 8; round++) {
      const waveId = await waveWithContacts(30);
      const [send, close] = await Promise.all([
        t.request(`/api/waves/${waveId}/mail/invitations`, { method: "POST" }),
        sleep(round % 4).then(() => t.request(`/api/waves/${waveId}/status`, { method: "POST", json: { action: "close" } })),
      ]);
      expect(close.status).toBe(200);
      const [closed] = (await waveAudit("wave", waveId)).filter((e) => e.action === "close");
      const sent = await waveAudit("mail_invitation", waveId);
      const queued = rows<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from mail_outbox where wave_id = ${waveId}`));
      if (send.status === 409) {
        // As a send after the close is refused.
        expect(await errorCode(send)).toBe("wave_closed_no_mail");
        expect(sent).toEqual([]);
        expect(Number(queued[0].n)).toBe(0);
      } else {
        expect(send.status).toBe(202);
        expect(sent).toHaveLength(1);
        expect(sent[0].seq).toBeLessThan(closed.seq);
        expect(Number(queued[0].n)).toBe(30);
      }
    }
    // Sequentially, the same refusal.
    const waveId = await waveWithContacts(1);
    expect((await t.request(`/api/waves/${waveId}/status`, { method: "POST", json: { action: "close" } })).status).toBe(200);
    const late = await t.request(`/api/waves/${waveId}/mail/invitations`, { method: "POST" });
    expect([late.status, await errorCode(late)]).toEqual([409, "wave_closed_no_mail"]);
  });
});

describe("a new link racing the close of the wave", () => {
  it("is made with its mail before the close (200), or not at all (409): the old link never dies for a refused request", {
    timeout: 120_000,
  }, async () => {
    for (let round = 0; round < 12; round++) {
      const waveId = await waveWithContacts(1);
      const [inv] = await t.db.select().from(invitations).where(eq(invitations.waveId, waveId));
      const [resend, close] = await Promise.all([
        t.request(`/api/waves/${waveId}/invitations/${inv.id}/resend`, { method: "POST" }),
        sleep(round % 4).then(() => t.request(`/api/waves/${waveId}/status`, { method: "POST", json: { action: "close" } })),
      ]);
      expect(close.status).toBe(200);
      const [after] = await t.db.select().from(invitations).where(eq(invitations.id, inv.id));
      const rotations = (await waveAudit("invitation", inv.id)).filter((e) => e.action === "update");
      const queued = rows<{ n: number }>(
        await t.db.execute(sql`select count(*)::int as n from mail_outbox where invitation_id = ${inv.id}`),
      );
      if (resend.status === 409) {
        expect(await errorCode(resend)).toBe("wave_closed_no_mail");
        expect(after.linkGeneration).toBe(inv.linkGeneration);
        expect(after.tokenHash).toBe(inv.tokenHash);
        expect(rotations).toEqual([]);
        expect(Number(queued[0].n)).toBe(0);
      } else {
        expect(resend.status, await resend.clone().text()).toBe(200);
        expect(after.linkGeneration).toBe(inv.linkGeneration + 1);
        expect(rotations).toHaveLength(1);
        const [closed] = (await waveAudit("wave", waveId)).filter((e) => e.action === "close");
        expect(rotations[0].seq).toBeLessThan(closed.seq);
        expect(Number(queued[0].n)).toBe(1);
      }
    }
  });
});

describe("erasure of expired contact data", () => {
  /** Waves with contacts that closed 100 days ago: due for erasure after the default 90. */
  async function longClosedWaves(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await waveWithContacts(5));
    await t.db
      .update(waves)
      .set({ opensAt: new Date(t.clock.now.getTime() - 130 * DAY), closesAt: new Date(t.clock.now.getTime() - 100 * DAY) })
      .where(inArray(waves.id, ids));
    return ids;
  }

  /** Per wave: open again with its contacts, or closed and erased; one erase entry exactly when erased. */
  async function expectConsistent(ids: string[]) {
    for (const id of ids) {
      const [wave] = await t.db.select().from(waves).where(eq(waves.id, id));
      const emails = (await t.db.select({ email: invitations.email }).from(invitations).where(eq(invitations.waveId, id))).map(
        (i) => i.email,
      );
      const erasures = await waveAudit("wave_contacts", id);
      if (wave.closesAt > t.clock.now) {
        expect(wave.contactsErasedAt).toBeNull();
        expect(emails.every((e) => e !== null)).toBe(true);
        expect(erasures).toEqual([]);
      } else {
        expect(wave.contactsErasedAt).not.toBeNull();
        expect(emails.every((e) => e === null)).toBe(true);
        expect(erasures).toHaveLength(1);
      }
    }
  }

  it("never erases the contacts of a wave that an extension opened again", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const ids = await longClosedWaves(8);
      const until = new Date(t.clock.now.getTime() + 30 * DAY).toISOString();
      const [erase, ...extensions] = await Promise.all([
        t.request("/api/contacts/erase-expired", { method: "POST" }),
        ...ids.map((id, i) =>
          sleep(i * 3).then(() => t.request(`/api/waves/${id}/status`, { method: "POST", json: { action: "extend", closesAt: until } })),
        ),
      ]);
      expect(erase.status).toBe(200);
      for (const res of extensions) {
        if (res.status !== 200) expect([res.status, await errorCode(res)]).toEqual([409, "wave_contacts_erased"]);
      }
      await expectConsistent(ids);
    }
  });

  it("two runs at once erase each wave once, with one audit entry", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const ids = await longClosedWaves(6);
      const runs = await Promise.all(Array.from({ length: 4 }, () => t.request("/api/contacts/erase-expired", { method: "POST" })));
      expect(runs.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const erased = (await Promise.all(runs.map((r) => body<{ erased: { waveId: string }[] }>(r)))).flatMap((b) =>
        b.erased.map((e) => e.waveId),
      );
      expect(erased.sort()).toEqual([...ids].sort());
      await expectConsistent(ids);
    }
  });
});
