/**
 * `npm start`: builds the front ends when needed, opens and migrates the database, seeds
 * the demo on an empty database, serves on http://localhost:8787 and prints where to go.
 * Runs compiled (scripts/launch.mjs); vite is imported only when a front end must be built.
 * Start-up order (issue 18: an existing database healthy within 3 s): the database starts opening
 * first, and the app's modules load while PGlite compiles its wasm and reads its files; on a
 * database that already holds the demo one query stands in for the seven seed checks.
 */
import { existsSync } from "node:fs";
import { openMigrated, PGLITE_DIR, VERSION } from "./runtime.ts";
import { randomToken } from "../api/lib/crypto.ts";

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? "127.0.0.1";
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
/** Where the demo link is kept between starts (the token itself is stored only as a hash). */
const DEMO_LINK_FILE = process.env.DATABASE_URL ? "./data/demo-link.postgres.json" : `${PGLITE_DIR.replace(/\/$/, "")}.demo-link.json`;

// The same check as frontEndsBuilt() in api/server.node.ts, which would load the whole app before the database.
if (!existsSync("./dist/survey/index.html") || !existsSync("./dist/dashboard/index.html") || process.argv.includes("--rebuild")) {
  console.log("Front ends bouwen (eenmalig)…");
  const { build } = await import("vite");
  await build({ configFile: "survey-app/vite.config.ts", logLevel: "warn" });
  await build({ configFile: "dashboard/vite.config.ts", logLevel: "warn" });
}

const cliToken = randomToken();
const opening = openMigrated("server", { url: `http://127.0.0.1:${port}`, cliToken });
// Not awaited together with `opening` before it settles: a failed open must not become an unhandled rejection.
opening.catch(() => {});
const [
  { createNodeApp, listen, NODE_PASSWORDS, startPoolMixer },
  { seedDemo, DEMO_OPEN_WAVE, DEMO_USERS, DEMO_PASSWORD },
  { listWaves },
  { demoLink },
  { instancePublicKey },
  { formatFingerprint },
  { seedRegistryDemo },
  { seedAuditsDemo },
  { seedRisksDemo },
  { seedQualityDemo },
  { seedReviewsDemo },
  { seedReference },
  { demoSeeded },
  { mailFromEnv, sendWeeklyDigest },
  { runRetention },
  { runScheduledBackup, scheduleFromEnv },
  { startSurveyMail },
] = await Promise.all([
  import("../api/server.node.ts"),
  import("../db/seed/demo.ts"),
  import("../api/waves/waves.service.ts"),
  import("./demo-link.ts"),
  import("../api/packs/signing.service.ts"),
  import("../api/domain/packs/signature.ts"),
  import("../db/seed/registry.ts"),
  import("../db/seed/audits.ts"),
  import("../db/seed/risks.ts"),
  import("../db/seed/quality.ts"),
  import("../db/seed/reviews.ts"),
  import("../db/seed/reference.ts"),
  import("./demo-seeded.ts"),
  import("./mail/digest-mailer.ts"),
  import("../api/registry/retention.service.ts"),
  import("./backup/scheduled.ts"),
  import("./mail/invitation-mailer.ts"),
]);
const database = await opening;
const now = () => new Date();
// The key that signs evidence packs: made at the first start, kept after.
const signingKey = await instancePublicKey(database.db);
console.log(`Bewijspakketten worden ondertekend met Ed25519-sleutel ${formatFingerprint(signingKey.fingerprint)}.`);
// Every seed below checks its own table; on a database that already holds all of the demo, one query says so.
const complete = await demoSeeded(database.db);
if (!complete) {
  if (await seedDemo(database.db, now(), NODE_PASSWORDS))
    console.log("Demodata voor Zorg- en Veiligheidshuis Noord-Holland Noord aangemaakt.");
  if (await seedRegistryDemo(database.db, now())) console.log("Demo-casusregistratie (2025–2026) aangemaakt.");
  // The management review goes last: it reads, and adds to, everything before it.
  const quality = [seedAuditsDemo, seedRisksDemo, seedQualityDemo, seedReviewsDemo];
  const seeded = [];
  for (const seed of quality) seeded.push(await seed(database.db, now()));
  if (seeded.some(Boolean)) console.log("Demo-kwaliteitscyclus (audits, risico's, bevindingen, directiebeoordeling) aangemaakt.");
}

// The retention job: at start and then daily, so working notes never outlive their term. Started once the
// server listens: it is a background job (daily granularity), not something a start should wait for.
const retention = async () => {
  const { erased } = await runRetention(database.db, now()).catch((e) => {
    console.error("bewaartermijn-taak mislukt", e);
    return { erased: [] };
  });
  if (erased.length) console.log(`Bewaartermijn: werkaantekeningen van ${erased.length} casusoverleg(gen) gewist.`);
};
setInterval(retention, 24 * 3600_000).unref();

// The daily backup (BACKUP_DIR, BACKUP_KEEP): checked hourly, made when the last one is a day old.
const backups = scheduleFromEnv(process.env);
if (backups) {
  const backup = () =>
    runScheduledBackup(database.db, backups, now())
      .then((file) => {
        if (file) console.log(`Back-up gemaakt: ${file}`);
      })
      .catch((e) => console.error("dagelijkse back-up mislukt", e));
  void backup();
  setInterval(backup, 3600_000).unref();
}

// The weekly quality digest by e-mail, when SMTP_URL and DIGEST_TO are set; checked hourly, sent once a week.
const mailer = mailFromEnv(process.env, `${publicUrl}/`);
if (mailer) {
  const digest = () =>
    sendWeeklyDigest(database.db, mailer.transport, mailer.mail, now()).catch((e) => console.error("weekoverzicht mislukt", e));
  setTimeout(digest, 0).unref();
  setInterval(digest, 3600_000).unref();
}

// Anonymous submissions are mixed into the results in batches of at least this many (docs/privacy.md).
const poolMinBatch = Number(process.env.POOL_MIN_BATCH ?? 10);
if (!Number.isInteger(poolMinBatch) || poolMinBatch < 5) {
  console.error("POOL_MIN_BATCH moet een geheel getal van minstens 5 zijn.");
  process.exit(1);
}
const mixer = startPoolMixer(database.db, now, poolMinBatch);
await mixer.first;

// Survey invitations and reminders: scheduled reminders, SMTP delivery (with SMTP_URL), contact-data erasure.
const surveyMail = startSurveyMail(database.db, publicUrl, now);

const mail = { smtp: surveyMail.smtp, digest: !!mailer };
const app = createNodeApp(database.db, { publicUrl, now, version: VERSION, cliToken, poolMinBatch, mail });
const server = await listen(app, port, host);
void retention();
// Reference data (idempotent) is kept up to date after the server listens: a start only adds rows a newer version brings.
if (complete) void seedReference(database.db).catch((e) => console.error("referentiegegevens bijwerken mislukt", e));

const openWaves = (await listWaves(database.db, now())).filter((w) => w.status === "open");
const open = openWaves.find((w) => w.name === DEMO_OPEN_WAVE) ?? openWaves[0];
const demo = open ? await demoLink(database.db, open.id, publicUrl, now(), DEMO_LINK_FILE) : "(geen open meting)";

console.log(`
Ketenspiegel draait op ${publicUrl}  (database: ${database.kind === "pglite" ? `PGlite in ${PGLITE_DIR}` : "PostgreSQL"})
  Dashboard:           ${publicUrl}/
  Demo-enquêtelink:    ${demo}
  API-beschrijving:    ${publicUrl}/api/openapi.json
  Demo-accounts (wachtwoord "${DEMO_PASSWORD}"):
${DEMO_USERS.map((u) => `    ${u.role.padEnd(11)} ${u.email}`).join("\n")}
Stoppen: Ctrl+C`);

const stop = async () => {
  mixer.stop();
  server.close();
  await database.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
