import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { startSmtpSink } from "../helpers/smtp.ts";
import nodemailer from "nodemailer";
import { eq, sql } from "drizzle-orm";
import { mailOutbox } from "../../db/schema.ts";
import { errorText } from "../../api/lib/error-text.ts";
import { testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { deliverOutbox, type MailTransport } from "../../api/mail/outbox.service.ts";

/** A real SMTP server in-process: what arrives is parsed as a mail client would. */
let t: Awaited<ReturnType<typeof testApp>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let transport: MailTransport;
let inbox: ParsedMail[] = [];

beforeAll(async () => {
  t = await testApp();
  smtp = await startSmtpSink();
  inbox = smtp.inbox;
  const port = smtp.port;
  transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const body = async <T>(res: Response) => (await res.json()) as T;
type Coded = { code: string; message: string };
const deliver = (tr: MailTransport = transport) =>
  deliverOutbox(t.db, tr, { from: "kto@zvh.test", now: () => t.clock.now, publicUrl: "http://test.local" });
const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address;
const link = (m: ParsedMail, kind: "s" | "api/u") => new RegExp(`http://test\\.local/${kind}/([a-z2-7]+)`).exec(m.text ?? "")![1];

describe("invitations and reminders over SMTP", () => {
  it("queues once, survives a crash mid-batch without doubles, records a rejected recipient", async () => {
    const csv = [
      "organisatie;type;e-mail;naam;opt-out",
      "Politie;veiligheid;a@politie.test;Anna;",
      "GGD;zorg;b@ggd.test;Bram;",
      "Woonwaard;wonen;c@woonwaard.test;;",
      "Fivoor;zorg;weiger@fivoor.test;Wim;",
      "OM;justitie;afgemeld@om.test;Olga;ja",
    ].join("\n");
    expect(
      (await t.request("/api/contacts/import", { method: "POST", json: { format: "csv", content: csv, waveId: t.wave.id } })).status,
    ).toBe(200);
    await t.request(`/api/waves/${t.wave.id}/settings`, { method: "PATCH", json: { contactPerson: "Fatima Yilmaz (072-5112233)" } });
    // Two clicks at once: every recipient queued exactly once.
    const both = await Promise.all([1, 2].map(() => t.request(`/api/waves/${t.wave.id}/mail/invitations`, { method: "POST" })));
    const queued = await Promise.all(both.map((r) => body<{ queued: number }>(r)));
    expect(queued.map((q) => q.queued).sort()).toEqual([0, 4]);
    // Without SMTP the queue is the outbox: readable with the personal link in it.
    const outbox = await body<{ messages: { to: string; body: string; status: string }[]; smtp: boolean }>(
      await t.request(`/api/mail/outbox?waveId=${t.wave.id}`),
    );
    expect(outbox.smtp).toBe(false); // the dashboard then says the messages wait here
    expect(outbox.messages.map((m) => m.to).sort()).toEqual(["a@politie.test", "b@ggd.test", "c@woonwaard.test", "weiger@fivoor.test"]);
    expect(outbox.messages.every((m) => m.status === "pending" && m.body.includes("http://test.local/s/"))).toBe(true);

    // The sender dies after two messages.
    let calls = 0;
    const crashing: MailTransport = {
      sendMail: async (m) => {
        if (++calls > 2) throw new Error("proces afgebroken");
        return transport.sendMail(m);
      },
    };
    const crashed = await deliver(crashing);
    expect(crashed.sent + crashed.rejected).toBe(2);
    // One more row as a sender left it when killed mid-send: claimed, claim expired.
    await t.db.execute(sql`update mail_outbox set status = 'sending', claimed_until = ${new Date(t.clock.now.getTime() - 1000).toISOString()}::timestamptz
      where id = (select id from mail_outbox where status = 'pending' order by created_at, id limit 1)`);
    const resumed = await deliver();
    expect(resumed.sent + resumed.rejected).toBe(2);
    expect(crashed.rejected + resumed.rejected).toBe(1);
    expect(await deliver()).toMatchObject({ sent: 0, rejected: 0 });
    expect(inbox.map(to).sort()).toEqual(["a@politie.test", "b@ggd.test", "c@woonwaard.test"]);
    const anna = inbox.find((m) => to(m) === "a@politie.test")!;
    expect(anna.subject).toBe("Uw mening over de samenwerking met het Zorg- en Veiligheidshuis");
    expect(anna.text).toContain("Beste Anna,");
    expect(anna.text).toContain("Politie");
    expect(anna.text).toContain("1 november 2026");
    expect(anna.text).toContain("Fatima Yilmaz (072-5112233)");
    expect(inbox.find((m) => to(m) === "c@woonwaard.test")!.text).toContain("Beste heer/mevrouw,");
    const state = await body<{ contacts: { email: string; messages: { status: string; reason: Coded | null; error: string | null }[] }[] }>(
      await t.request(`/api/waves/${t.wave.id}/contacts`),
    );
    // Why by catalog code (the dashboard says it in its language), the server's own words apart and as it said them.
    const [refused] = state.contacts.find((c) => c.email === "weiger@fivoor.test")!.messages;
    expect(refused).toMatchObject({
      status: "rejected",
      reason: { code: "mail_smtp_refused", message: "blijvend geweigerd door de mailserver" },
      error: expect.stringMatching(/^550\b.*Mailbox unavailable/),
    });
    expect(errorText("en", refused.reason!.code)).toBe("permanently refused by the mail server");
    const listed = await body<{ messages: { to: string; reason: Coded | null; error: string | null }[] }>(
      await t.request(`/api/mail/outbox?waveId=${t.wave.id}&status=rejected`),
    );
    expect(listed.messages).toEqual([expect.objectContaining({ to: "weiger@fivoor.test", reason: refused.reason, error: refused.error })]);
    const sent = await body<{ messages: { body: string | null }[] }>(await t.request(`/api/mail/outbox?waveId=${t.wave.id}&status=sent`));
    expect(sent.messages.every((m) => m.body === null)).toBe(true); // the link is not kept once sent
  });

  it("a partner answers from the e-mailed link; the reminder reaches only the others; unsubscribe is honoured", async () => {
    const anna = inbox.find((m) => to(m) === "a@politie.test")!;
    const token = link(anna, "s");
    expect((await t.request(`/api/s/${token}`, { as: "anonymous" })).status).toBe(200);
    expect((await t.request(`/api/s/${token}/response`, { as: "anonymous", method: "POST", json: { data: COMPLETE } })).status).toBe(201);
    inbox.length = 0;
    const r1 = await body<{ round: number; queued: number }>(await t.request(`/api/waves/${t.wave.id}/mail/reminders`, { method: "POST" }));
    expect(r1).toMatchObject({ round: 1, queued: 2 });
    await deliver();
    expect(inbox.map(to).sort()).toEqual(["b@ggd.test", "c@woonwaard.test"]);
    const bram = inbox.find((m) => to(m) === "b@ggd.test")!;
    expect(bram.subject).toMatch(/^Herinnering/);
    // Bram unsubscribes: the page asks first (a link scanner unsubscribes nobody), then the POST sets the opt-out.
    const unsub = link(bram, "api/u");
    // mailparser gathers List-* headers under "list".
    expect((bram.headers.get("list") as { unsubscribe?: { url?: string } }).unsubscribe?.url).toBe(`http://test.local/api/u/${unsub}`);
    expect(bram.headerLines.some((h) => h.line === "List-Unsubscribe-Post: List-Unsubscribe=One-Click")).toBe(true);
    expect((await t.request(`/api/u/${unsub}`, { as: "anonymous" })).status).toBe(200);
    expect(
      (await body<{ contacts: { email: string; optedOut: boolean }[] }>(await t.request("/api/contacts?q=b@ggd.test"))).contacts[0]
        .optedOut,
    ).toBe(false);
    expect(await body(await t.request(`/api/u/${unsub}`, { as: "anonymous", method: "POST" }))).toEqual({ optedOut: true });
    expect((await body<{ contacts: { optedOut: boolean }[] }>(await t.request("/api/contacts?q=b@ggd.test"))).contacts[0].optedOut).toBe(
      true,
    );
    expect((await t.request(`/api/u/${"z".repeat(32)}`, { as: "anonymous", method: "POST" })).status).toBe(404);
    inbox.length = 0;
    expect(await body(await t.request(`/api/waves/${t.wave.id}/mail/reminders`, { method: "POST" }))).toMatchObject({
      round: 2,
      queued: 1,
    });
    await deliver();
    expect(inbox.map(to)).toEqual(["c@woonwaard.test"]);
  });

  it("re-sending a link makes a new one, the old one stops working, saved progress stays", async () => {
    const old = link(inbox[0], "s");
    await t.request(`/api/s/${old}/progress`, { as: "anonymous", method: "PUT", json: { data: { bek_weten: 2 } } });
    const state = await body<{ contacts: { invitationId: string; email: string }[] }>(await t.request(`/api/waves/${t.wave.id}/contacts`));
    const inv = state.contacts.find((c) => c.email === "c@woonwaard.test")!;
    inbox.length = 0;
    const res = await body<{ url: string; token: string; queued: boolean }>(
      await t.request(`/api/waves/${t.wave.id}/invitations/${inv.invitationId}/resend`, { method: "POST" }),
    );
    expect(res.queued).toBe(true);
    expect(res.token).not.toBe(old);
    expect((await t.request(`/api/s/${old}`, { as: "anonymous" })).status).toBe(404);
    const resumed = await body<{ data: Record<string, unknown> }>(await t.request(`/api/s/${res.token}`, { as: "anonymous" }));
    expect(resumed.data).toEqual({ bek_weten: 2 });
    await deliver();
    expect(link(inbox[0], "s")).toBe(res.token);
    const anna = state.contacts.find((c) => c.email === "a@politie.test")!;
    expect((await t.request(`/api/waves/${t.wave.id}/invitations/${anna.invitationId}/resend`, { method: "POST" })).status).toBe(409);
  });

  it("records a bounce per contact, and refuses bad template placeholders", async () => {
    const sent = await body<{ messages: { id: string; to: string; kind: string; messageId: string }[] }>(
      await t.request(`/api/mail/outbox?waveId=${t.wave.id}&status=sent`),
    );
    const m = sent.messages.find((x) => x.to === "c@woonwaard.test" && x.kind === "resend")!;
    expect(
      (await t.request("/api/mail/bounces", { method: "POST", json: { messageId: m.messageId, reason: "550 5.1.1 user unknown" } })).status,
    ).toBe(200);
    const state = await body<{ contacts: { email: string; messages: { status: string }[] }[] }>(
      await t.request(`/api/waves/${t.wave.id}/contacts`),
    );
    expect(state.contacts.find((c) => c.email === "c@woonwaard.test")!.messages.map((x) => x.status)).toContain("bounced");
    const bounced = await body<{ messages: { id: string; reason: Coded | null; error: string | null }[] }>(
      await t.request(`/api/mail/outbox?waveId=${t.wave.id}&status=bounced`),
    );
    expect(bounced.messages.find((x) => x.id === m.id)).toMatchObject({
      reason: { code: "mail_bounced", message: "onbestelbaar gemeld" },
      error: "550 5.1.1 user unknown",
    });
    expect((await t.request("/api/mail/bounces", { method: "POST", json: { reason: "x y" } })).status).toBe(400);
    const bad = await t.request("/api/mail/templates/reminder", {
      method: "PUT",
      json: { subject: "Herinnering {nam}", body: "Beste {naam}, {link}" },
    });
    expect(bad.status).toBe(400);
    expect((await body<{ error: { message: string } }>(bad)).error.message).toContain("{nam}");
    const ok = await t.request("/api/mail/templates/reminder", {
      method: "PUT",
      json: { subject: "Nog even uw mening, {naam}?", body: "Beste {naam}, vul in: {link} (tot {sluitdatum})" },
    });
    expect(ok.status).toBe(200);
    const list = await body<{ templates: { kind: string; custom: boolean }[] }>(await t.request("/api/mail/templates"));
    expect(list.templates).toEqual([
      expect.objectContaining({ kind: "invitation", custom: false }),
      expect.objectContaining({ kind: "reminder", custom: true }),
    ]);
  });

  it("sends scheduled reminders once per round, and nothing after the wave closes", async () => {
    const { queueDueReminders } = await import("../../api/mail/outbox.service.ts");
    t.clock.now = new Date("2026-10-15T00:00:00Z"); // the test wave opened 2026-09-01: days 7 and 14 have passed
    const before = await body<{ messages: unknown[] }>(await t.request(`/api/mail/outbox?waveId=${t.wave.id}`));
    const first = await queueDueReminders(t.db, "http://test.local", t.clock.now);
    expect(first).toEqual([]); // rounds 1 and 2 were already sent on demand
    await t.db.execute(sql`update waves set reminder_days = '[7,14,30]'::jsonb where id = ${t.wave.id}`);
    expect(await queueDueReminders(t.db, "http://test.local", t.clock.now)).toEqual([{ waveId: t.wave.id, round: 3, queued: 1 }]);
    expect(await queueDueReminders(t.db, "http://test.local", t.clock.now)).toEqual([]);
    const after = await body<{ messages: unknown[] }>(await t.request(`/api/mail/outbox?waveId=${t.wave.id}`));
    expect(after.messages.length).toBe(before.messages.length + 1);
    await t.request(`/api/waves/${t.wave.id}/status`, { method: "POST", json: { action: "close" } });
    expect((await t.request(`/api/waves/${t.wave.id}/mail/reminders`, { method: "POST" })).status).toBe(409);
  });
  it("a recipient the server refuses inside an accepted message: the reason by code, the server's words apart, nothing Dutch stored", async () => {
    const [row] = await t.db
      .insert(mailOutbox)
      .values({
        waveId: t.wave.id,
        kind: "invitation",
        round: 0,
        toAddress: "weiger-later@fivoor.test",
        subject: "Uitnodiging",
        body: "Beste,",
        unsubscribeHash: `test-${crypto.randomUUID()}`,
      })
      .returning();
    // nodemailer reports a refused recipient of a multi-recipient send in rejected / rejectedErrors instead of throwing.
    const partial: MailTransport = {
      sendMail: async (msg) =>
        msg.to === "weiger-later@fivoor.test"
          ? {
              messageId: "<x@test>",
              rejected: [msg.to],
              rejectedErrors: [{ response: "550 5.1.1 <weiger-later@fivoor.test>: Recipient address rejected" }],
            }
          : transport.sendMail(msg),
    };
    expect((await deliver(partial)).rejected).toBeGreaterThanOrEqual(1);
    const [stored] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id));
    expect(stored).toMatchObject({
      status: "rejected",
      errorCode: "mail_recipient_rejected",
      error: "550 5.1.1 <weiger-later@fivoor.test>: Recipient address rejected",
    });
    const listed = await body<{ messages: { id: string; reason: Coded | null }[] }>(await t.request("/api/mail/outbox?status=rejected"));
    const reason = listed.messages.find((x) => x.id === row.id)!.reason!;
    expect(reason).toEqual({ code: "mail_recipient_rejected", message: "geweigerd door de mailserver" });
    expect(errorText("en", reason.code)).toBe("refused by the mail server");
  });
});

describe("queueing invitation mails", () => {
  // The outbox has two unique indexes derived from one (invitation, kind, round): a writer that met the
  // other one on the unsubscribe hash got a 23505 (seen once in CI on PostgreSQL), not "already queued".
  it("queues every invitation once, and refuses no click, when many ask at the same moment", async () => {
    const day = 86_400_000;
    for (let round = 0; round < 6; round++) {
      const created = await t.request("/api/waves", {
        method: "POST",
        json: {
          name: `Gelijktijdig ${round}`,
          opensAt: new Date(t.clock.now.getTime() - day).toISOString(),
          closesAt: new Date(t.clock.now.getTime() + 30 * day).toISOString(),
        },
      });
      const { wave } = await body<{ wave: { id: string } }>(created);
      const invitations = Array.from({ length: 12 }, (_, i) => ({
        organisation: `Partner ${i}`,
        organisationType: "zorg",
        email: `p${round}-${i}@race.test`,
      }));
      expect((await t.request(`/api/waves/${wave.id}/invitations`, { method: "POST", json: { invitations } })).status).toBe(201);
      const replies = await Promise.all(
        Array.from({ length: 12 }, () => t.request(`/api/waves/${wave.id}/mail/invitations`, { method: "POST" })),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(12).fill(202));
      const queued = await Promise.all(replies.map((r) => body<{ queued: number }>(r)));
      expect(queued.reduce((a, q) => a + q.queued, 0)).toBe(12);
      const rows = await t.db.select().from(mailOutbox).where(eq(mailOutbox.waveId, wave.id));
      expect(rows).toHaveLength(12);
    }
  });
});
