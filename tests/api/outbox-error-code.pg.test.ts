import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { testDatabase } from "../helpers/db.ts";
import { mailOutbox } from "../../db/schema.ts";
import { migrations } from "../../db/migrations/bundle.ts";

/**
 * Migration 0013 gives outbox rows a reason code. Rows written before it hold the fixed Dutch texts
 * ("geweigerd door de mailserver", "onbekende fout") or the server's own words in `error`; its data
 * statements turn the fixed texts into codes and keep a server's words as the detail. Run again on rows
 * as they were, on both engines (the template is migrated already, so only the UPDATEs run here).
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database.close();
});

const backfill = () => {
  const m = migrations.find((x) => x.tag === "0013_outbox_error_code")!;
  return m.sql
    .split("--> statement-breakpoint")
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.startsWith("UPDATE"));
};

describe("outbox rows from before the reason code", () => {
  it("get a code for the fixed Dutch texts and keep the server's own words as the detail", async () => {
    const { db } = database;
    const old = [
      { status: "rejected", error: "geweigerd door de mailserver" },
      { status: "rejected", error: "550 5.1.1 Mailbox unavailable" },
      { status: "pending", error: "onbekende fout" },
      { status: "failed", error: "421 Try again later" },
      { status: "bounced", error: "550 5.1.1 user unknown" },
      { status: "sent", error: null },
    ];
    await db.insert(mailOutbox).values(
      old.map((o, i) => ({
        ...o,
        kind: "invitation",
        round: i,
        subject: `Bericht ${i}`,
        unsubscribeHash: `backfill-${i}`,
        dedupeKey: `backfill-${i}`,
      })),
    );
    const statements = backfill();
    expect(statements).toHaveLength(3);
    for (const s of statements) await db.execute(sql.raw(s));
    const rows = await db
      .select({ round: mailOutbox.round, status: mailOutbox.status, errorCode: mailOutbox.errorCode, error: mailOutbox.error })
      .from(mailOutbox)
      .where(sql`${mailOutbox.unsubscribeHash} like 'backfill-%'`)
      .orderBy(asc(mailOutbox.round));
    expect(rows.map(({ errorCode, error }) => [errorCode, error])).toEqual([
      ["mail_recipient_rejected", null],
      ["mail_smtp_refused", "550 5.1.1 Mailbox unavailable"],
      ["mail_smtp_retry", null],
      ["mail_smtp_failed", "421 Try again later"],
      ["mail_bounced", "550 5.1.1 user unknown"],
      [null, null],
    ]);
  });
});
