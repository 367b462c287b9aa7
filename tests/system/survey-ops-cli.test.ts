import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ParsedMail } from "mailparser";
import { startSmtpSink } from "../helpers/smtp.ts";
import type { Database } from "../../db/client.node.ts";
import { pgliteCopy } from "../helpers/db.ts";
import { runWith } from "../../scripts/cli/main.ts";
import { directBackend } from "../../scripts/cli/backend.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { waves } from "../../db/schema.ts";

const dir = mkdtempSync(join(tmpdir(), "ks-survey-cli-"));
let db: Database;
let inbox: ParsedMail[] = [];
let smtpUrl = "";
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

/** In-process, through the same parsing and commands as the binary (see tests/README.md). */
async function cli(env: Record<string, string>, ...args: string[]) {
  const saved = { SMTP_URL: process.env.SMTP_URL, SURVEY_MAIL_THROTTLE_MS: process.env.SURVEY_MAIL_THROTTLE_MS };
  Object.assign(process.env, { SMTP_URL: "", ...env });
  try {
    return await runWith(async () => directBackend({ ...db, close: async () => {} }, "http://example.test"), args);
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

let waveId = "";
beforeAll(async () => {
  db = await pgliteCopy();
  await seedReference(db.db);
  const questionnaireId = await ensureDefaultQuestionnaire(db.db);
  const [w] = await db.db
    .insert(waves)
    .values({
      name: "KTO cli",
      questionnaireId,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 20 * 86_400_000),
    })
    .returning();
  waveId = w.id;
  smtp = await startSmtpSink();
  inbox = smtp.inbox;
  smtpUrl = smtp.url;
});
afterAll(async () => {
  await smtp.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("survey operations from the CLI", () => {
  it("imports contacts (refusing a bad file by line), sends to the outbox without SMTP, then over SMTP", async () => {
    const bad = join(dir, "fout.csv");
    writeFileSync(bad, "organisatie;type;e-mail\nGGD;zorg;ggd@ggd.test\nPolitie;agent;p@politie.test\n");
    const refused = await cli({}, "contacts", "import", bad, "--wave", waveId);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("regel 3, type: Onbekend type 'agent'");
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect((await cli({}, "waves")).stdout).toContain("KTO cli");

    const good = join(dir, "partners.csv");
    writeFileSync(
      good,
      "\uFEFForganisatie;type;gemeente;e-mail;naam\nGGD;zorg;Den Helder;ggd@ggd.test;Gea\nPolitie;veiligheid;;p@politie.test;\n",
    );
    const imported = await cli({}, "contacts", "import", good, "--wave", waveId);
    expect(imported.stdout).toBe(
      "2 contact(en) gelezen: 2 nieuw, 0 bijgewerkt, 0 afgemeld. Op de contactlijst van de meting: 2 toegevoegd, 0 stonden er al.\n",
    );

    const queued = await cli({}, "invite", "send", "--wave", waveId);
    expect(queued.stdout).toMatch(/^2 uitnodiging\(en\) klaargezet \(0 stonden er al\)\. Zonder SMTP_URL/);
    const outbox = await cli({}, "outbox");
    expect(outbox.stdout).toContain("Aan: ggd@ggd.test");
    expect(outbox.stdout).toContain("Beste Gea,");
    expect(outbox.stdout).toMatch(/http:\/\/example\.test\/s\/[a-z2-7]{32}/);
    expect(outbox.stdout).toContain("2 bericht(en) in de outbox.");

    // A reminder only follows an invitation that was actually sent; sending over SMTP empties the outbox.
    const remind = await cli({ SMTP_URL: smtpUrl, SURVEY_MAIL_THROTTLE_MS: "0" }, "invite", "remind", "--wave", waveId);
    expect(remind.stdout).toMatch(/^0 herinnering\(en\) \(ronde 1\) klaargezet .* Verstuurd: 2, geweigerd: 0/);
    expect(inbox.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address).sort()).toEqual(["ggd@ggd.test", "p@politie.test"]);
    expect((await cli({}, "outbox")).stdout).toBe("De outbox is leeg: alle berichten zijn verstuurd.\n");
    const unknown = await cli({}, "invite", "stuur", "--wave", waveId);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Onbekende opdracht 'invite stuur'");
  });
});
