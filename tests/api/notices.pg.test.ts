import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { startSmtpSink } from "../helpers/smtp.ts";
import nodemailer from "nodemailer";
import { eq, like, sql } from "drizzle-orm";
import { rows } from "../../db/migrate.ts";
import { testApp } from "../helpers/app.ts";
import { mailOutbox, municipalities, users } from "../../db/schema.ts";
import { deliverOutbox, type MailTransport } from "../../api/mail/outbox.service.ts";
import { queueNotices, queueOverdueActionMails } from "../../api/mail/notices.service.ts";
import { sha256Bytes } from "../../api/lib/crypto.ts";

/** Municipality reports and action-owner notices through the outbox, to a real SMTP server in-process. */
let t: Awaited<ReturnType<typeof testApp>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let transport: MailTransport;
let inbox: ParsedMail[] = [];
let ids: Record<string, string>;

beforeAll(async () => {
  t = await testApp({ now: new Date("2026-04-02T09:00:00Z") });
  ids = Object.fromEntries((await t.db.select().from(users)).map((u) => [u.role, u.id]));
  smtp = await startSmtpSink();
  inbox = smtp.inbox;
  const port = smtp.port;
  transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const deliver = () => deliverOutbox(t.db, transport, { from: "zvh@zvh.test", now: () => t.clock.now });
const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address;
const data = async <T>(res: Response, status: number): Promise<T> => {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body as T;
};

interface Delivery {
  id: string;
  municipalityId: string;
  sha256: string;
  status: string;
  toAddress: string | null;
  error: string | null;
  sentAt: string | null;
}

describe("send to all municipalities", () => {
  it("e-mails each municipality with a contact its PDF, records sent and failed per municipality, and not sent without a contact", async () => {
    const all = await t.db.select().from(municipalities).orderBy(municipalities.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const [ok1, ok2, refused] = all;
    await t.db
      .update(municipalities)
      .set({ reportEmail: `uitdraai@${ok1.id}.test`, reportContact: "Mw. Jansen" })
      .where(eq(municipalities.id, ok1.id));
    await t.db
      .update(municipalities)
      .set({ reportEmail: `uitdraai@${ok2.id}.test` })
      .where(eq(municipalities.id, ok2.id));
    await t.db
      .update(municipalities)
      .set({ reportEmail: `weiger@${refused.id}.test` })
      .where(eq(municipalities.id, refused.id));

    const { deliveries } = await data<{ deliveries: Delivery[] }>(
      await t.request("/api/reports/municipalities", { method: "POST", as: "kwaliteit", json: { from: "2026-01-01", to: "2026-03-31" } }),
      201,
    );
    expect(deliveries).toHaveLength(all.length);
    const byId = (list: Delivery[]) => Object.fromEntries(list.map((d) => [d.municipalityId, d]));
    const made = byId(deliveries);
    expect(made[ok1.id]).toMatchObject({ status: "queued", toAddress: `uitdraai@${ok1.id}.test` });
    expect(made[all[3].id]).toMatchObject({ status: "not_sent", toAddress: null });

    const result = await deliver();
    expect(result).toMatchObject({ sent: 2, rejected: 1 });
    const reports = inbox.filter((m) => m.subject?.startsWith("Uitdraai"));
    expect(reports.map(to).sort()).toEqual([`uitdraai@${ok1.id}.test`, `uitdraai@${ok2.id}.test`]);
    for (const m of reports) {
      const id = to(m)!
        .split("@")[1]
        .replace(/\.test$/, "");
      expect(m.attachments).toHaveLength(1);
      const [pdf] = m.attachments;
      expect(pdf.contentType).toBe("application/pdf");
      expect(pdf.filename).toBe(`uitdraai-${id}-2026-01-01-2026-03-31.pdf`);
      // The very document stored for the municipality, byte for byte.
      expect(sha256Bytes(new Uint8Array(pdf.content))).toBe(made[id].sha256);
    }
    expect(reports.find((m) => to(m) === `uitdraai@${ok1.id}.test`)!.text).toContain("Beste Mw. Jansen");

    const listed = byId(
      (await data<{ deliveries: Delivery[] }>(await t.request("/api/reports/deliveries", { as: "kwaliteit" }), 200)).deliveries,
    );
    expect(listed[ok1.id]).toMatchObject({ status: "sent", error: null, sentAt: t.clock.now.toISOString() });
    expect(listed[ok2.id].status).toBe("sent");
    expect(listed[refused.id]).toMatchObject({ status: "failed", sentAt: null });
    expect(listed[refused.id].error).toMatch(/550|Mailbox unavailable|geweigerd/);
    expect(listed[all[3].id].status).toBe("not_sent");
  });

  it("is refused to a role that may not send, and a bad period is a 400 with nothing stored", async () => {
    const count = async () => (await t.db.select().from(mailOutbox).where(like(mailOutbox.kind, "municipality_report"))).length;
    const before = await count();
    expect(
      (await t.request("/api/reports/municipalities", { method: "POST", as: "auditor", json: { from: "2026-01-01", to: "2026-03-31" } }))
        .status,
    ).toBe(403);
    expect(
      (await t.request("/api/reports/municipalities", { method: "POST", as: "kwaliteit", json: { from: "2026-03-31", to: "2026-01-01" } }))
        .status,
    ).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe("notices to action owners", () => {
  async function newAction(title: string, dueOn: string, ownerId = ids.management) {
    const { finding } = await data<{ finding: { id: string } }>(
      await t.request("/api/findings", {
        method: "POST",
        as: "kwaliteit",
        json: {
          source: "complaint",
          title: `Bevinding bij ${title}`,
          description: "Uit een klacht.",
          classification: "opportunity",
          clauses: ["10.2"],
          foundOn: "2026-03-30",
        },
      }),
      201,
    );
    const { action } = await data<{ action: { id: string; ref: string } }>(
      await t.request("/api/actions", {
        method: "POST",
        as: "kwaliteit",
        json: { findingIds: [finding.id], title, ownerId, dueOn, criterion: { kind: "manual", text: "Afgesproken in het teamoverleg" } },
      }),
      201,
    );
    return action;
  }

  it("tells the owner when an action is assigned or re-assigned to them, not the one who assigns it to themself", async () => {
    inbox.length = 0;
    const action = await newAction("Terugkoppeling na overleg", "2026-05-01");
    await newAction("Eigen actie", "2026-05-01", ids.kwaliteit);
    await deliver();
    expect(inbox.map((m) => [to(m), m.subject])).toEqual([["management@test.local", `Verbeteractie ${action.ref} is aan u toegewezen`]]);
    expect(inbox[0].text).toContain("Terugkoppeling na overleg");
    expect(inbox[0].text).toContain("1 mei 2026");

    inbox.length = 0;
    await data(await t.request(`/api/actions/${action.id}`, { method: "PATCH", as: "kwaliteit", json: { ownerId: ids.medewerker } }), 200);
    await data(
      await t.request(`/api/actions/${action.id}`, { method: "PATCH", as: "kwaliteit", json: { title: "Terugkoppeling na elk overleg" } }),
      200,
    );
    await deliver();
    expect(inbox.map(to)).toEqual(["medewerker@test.local"]);
  });

  it("an unknown owner is a 400 naming the field and queues nothing; an auditor may not assign", async () => {
    const before = (await t.db.select().from(mailOutbox)).length;
    const { finding } = await data<{ finding: { id: string } }>(
      await t.request("/api/findings", {
        method: "POST",
        as: "kwaliteit",
        json: {
          source: "complaint",
          title: "Nog een bevinding",
          description: "Uit een klacht.",
          classification: "opportunity",
          clauses: ["10.2"],
          foundOn: "2026-03-30",
        },
      }),
      201,
    );
    const body = {
      findingIds: [finding.id],
      title: "Zonder eigenaar",
      ownerId: "not-a-uuid",
      dueOn: "2026-05-01",
      criterion: { kind: "manual", text: "x" },
    };
    const bad = await t.request("/api/actions", { method: "POST", as: "kwaliteit", json: body });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("ownerId");
    expect((await t.request("/api/actions", { method: "POST", as: "auditor", json: { ...body, ownerId: ids.management } })).status).toBe(
      403,
    );
    expect((await t.db.select().from(mailOutbox)).length).toBe(before);
  });

  it("tells the owner once that an action is overdue, even when the schedulers run in parallel", async () => {
    inbox.length = 0;
    const late = await newAction("Werkinstructie bijwerken", "2026-04-10");
    const done = await newAction("Al gereed", "2026-04-10");
    await data(await t.request(`/api/actions/${done.id}`, { method: "PATCH", as: "kwaliteit", json: { status: "gereed" } }), 200);
    await deliver();
    inbox.length = 0;
    expect(await queueOverdueActionMails(t.db, t.clock.now)).toBe(0); // not yet due
    const later = new Date("2026-04-20T06:00:00Z");
    const queued = await Promise.all(Array.from({ length: 8 }, () => queueOverdueActionMails(t.db, later)));
    const overdue = await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "action_overdue"));
    const mine = overdue.filter((m) => m.subject.includes(late.ref));
    expect(mine).toHaveLength(1);
    expect(overdue.some((m) => m.subject.includes(done.ref))).toBe(false);
    expect(queued.reduce((a, b) => a + b, 0)).toBe(overdue.length);
    expect(await queueOverdueActionMails(t.db, new Date("2026-04-21T06:00:00Z"))).toBe(0); // the next day: nothing again
    await deliver();
    const got = inbox.filter((m) => m.subject?.includes(late.ref));
    expect(got.map((m) => [to(m), m.subject])).toEqual([["management@test.local", `Verbeteractie ${late.ref} is over de deadline`]]);
    const [audit] = rows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from audit_log where entity = 'mail_action_overdue'`),
    );
    expect(audit.n).toBe(1); // one run queued; the others found nothing new and wrote nothing
  });
});

describe("queueing a notice", () => {
  // Found by ten loaded runs in a row: the outbox has two unique indexes (dedupe key, unsubscribe hash), and
  // a writer that met the other one on the hash index got a 23505 instead of "already queued".
  it("queues it once, and refuses no writer, when many insert the same notice at the same moment", async () => {
    for (let round = 0; round < 25; round++) {
      const notice = {
        kind: "action_overdue" as const,
        to: "management@test.local",
        subject: `Gelijktijdig ${round}`,
        body: "Beste management,",
        dedupeKey: `race-test:${round}`,
      };
      const queued = await Promise.all(Array.from({ length: 16 }, () => queueNotices(t.db, [notice], t.clock.now)));
      expect(queued.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, notice.dedupeKey))).toHaveLength(1);
    }
  });
});

describe("the weekly digest", () => {
  it("does not claim to go by e-mail when this server sends no digest mail", async () => {
    const digest = await data<{ byMail: boolean }>(await t.request("/api/quality/digest", { as: "kwaliteit" }), 200);
    expect(digest.byMail).toBe(false);
  });
});
