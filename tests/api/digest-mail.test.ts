import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import { testApp } from "../helpers/app.ts";
import { users } from "../../db/schema.ts";
import { mailFromEnv, sendWeeklyDigest } from "../../scripts/mail/digest-mailer.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ now: new Date("2026-11-23T08:00:00Z") });
});
afterAll(async () => {
  await t.close();
});

describe("the weekly digest e-mail", () => {
  it("sends the digest once per ISO week through SMTP (here nodemailer's JSON transport)", async () => {
    const owner = (await t.db.select().from(users)).find((u) => u.role === "kwaliteit")!;
    const f = (await (
      await t.request("/api/findings", {
        method: "POST",
        json: {
          source: "complaint",
          title: "Geen terugkoppeling",
          description: "z",
          classification: "minor_nc",
          clauses: ["8.2.1"],
          foundOn: "2026-11-01",
        },
      })
    ).json()) as { finding: { id: string } };
    const a = (await (
      await t.request("/api/actions", {
        method: "POST",
        json: {
          findingIds: [f.finding.id],
          title: "Terugkoppeling binnen 5 dagen",
          ownerId: owner.id,
          dueOn: "2026-11-23",
          criterion: { kind: "manual", text: "steekproef" },
        },
      })
    ).json()) as { action: { ref: string } };
    t.clock.now = new Date("2026-11-30T08:00:00Z");
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: { subject: string; text: string; to: { address: string }[] }[] = [];
    const send = transport.sendMail.bind(transport);
    transport.sendMail = (async (m: Parameters<typeof send>[0]) => {
      const info = await send(m);
      sent.push(JSON.parse((info as unknown as { message: string }).message));
      return info;
    }) as typeof transport.sendMail;
    const mail = { from: "zvh@example.nl", to: ["kwaliteit@example.nl"], dashboardUrl: "http://localhost:8787/" };
    expect(await sendWeeklyDigest(t.db, transport, mail, t.clock.now)).toBe(true);
    expect(await sendWeeklyDigest(t.db, transport, mail, new Date("2026-12-03T08:00:00Z"))).toBe(false); // same week
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe("Ketenspiegel kwaliteitsoverzicht 2026-W49: 1 aandachtspunt(en)");
    expect(sent[0].text).toContain(`${a.action.ref} Terugkoppeling binnen 5 dagen`);
    expect(sent[0].to[0].address).toBe("kwaliteit@example.nl");
    expect(await sendWeeklyDigest(t.db, transport, mail, new Date("2026-12-07T08:00:00Z"))).toBe(true);
  });

  it("is off without SMTP settings", () => {
    expect(mailFromEnv({}, "x")).toBeNull();
    expect(mailFromEnv({ SMTP_URL: "smtp://localhost:2525", DIGEST_TO: "a@x.nl, b@x.nl" }, "x")?.mail.to).toEqual(["a@x.nl", "b@x.nl"]);
  });
});
