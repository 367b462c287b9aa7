import { access, open, readFile, rename, rm } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { z } from "zod";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { formatFingerprint } from "../../api/domain/packs/signature.ts";
import type { ZipSource } from "../../api/domain/packs/zip.ts";
import type { Backend } from "./backend.ts";
import { cliDate, UsageError } from "./args.ts";
import { parseAnchor, type ChainBreak } from "../../api/audit/audit.service.ts";

// The request schemas (zod, OpenAPI) are loaded by the commands that write; a read-only command does without.
const waveSchemas = () => import("../../api/waves/waves.routes.ts");

const USAGE = `Gebruik: npm run cli -- <opdracht>
  waves                                     metingen tonen (id, naam, status)
  wave create --name "<naam>" --opens <datum> --closes <datum> [--named]
                                            nieuwe meting (standaard anoniem)
  invite --wave <id> --org "<naam>" --type <gemeente|justitie|zorg|veiligheid|wonen|overig>
         [--municipality <naam>] [--branch <vestiging>] [--email <adres>]
                                            persoonlijke enquêtelink maken en tonen
  contacts import <bestand.csv|.xlsx> [--wave <id>]
                                            contactlijst importeren in het adresboek (en de meting); fouten per regel, niets half
  invite send --wave <id>                   uitnodigingen versturen aan de contactlijst (met SMTP_URL direct, anders naar de outbox)
  invite remind --wave <id>                 herinnering aan wie nog niet instuurde
  outbox [--wave <id>]                      berichten die nog niet verstuurd zijn (zonder SMTP_URL: om zelf te versturen)
  user add --email <e> --role <admin|kwaliteit|management|medewerker|gemeente|auditor>
         [--name "<naam>"] [--municipality <m>] [--branch <b>]
                                            account aanmaken; toont een eenmalige link om het wachtwoord in te stellen
  user list                                 accounts tonen
  user disable --email <e>                  account blokkeren en alle sessies beëindigen
  audit verify [--anchor <regel>:<hash>]    hashketen van de audittrail controleren (elke breuk); met een anker
                                            ook of niets tot en met die regel is afgekapt of herschreven
  audit anchor                              de kop van de keten tonen, om buiten de database te bewaren
  retention run                             werkaantekeningen wissen waarvan de bewaartermijn verstreken is
  evidence export --from <datum> --to <datum> [--clauses 6.1,9.1.2,...] --out <pakket.zip>
                                            bewijspakket voor de ISO 9001-auditor, met de stand aan het einde
                                            van de periode; toont de SHA-256 (die ook in de audittrail komt)
  evidence verify <pakket.zip>              bewijspakket controleren tegen het manifest en de handtekening; zegt welke
                                            sleutel ondertekende en of dat de sleutel van deze installatie is
  evidence key                              de publieke sleutel (Ed25519) waarmee deze installatie pakketten ondertekent
  backup --out <bestand>                    back-up van de hele database (ook terwijl de server draait); toont de
                                            SHA-256 en de kop van de hashketen, die ook in de audittrail komen
  restore <bestand>                         back-up terugzetten in een lege database (server gestopt); controleert
                                            daarna de hashketen
`;

type Options = Record<string, string | boolean | undefined>;

/** yyyy-mm-dd as the start of that day in Europe/Amsterdam, with its UTC offset (+01:00 or +02:00). */
function amsterdamMidnight(day: string) {
  const noon = new Date(`${day}T12:00:00Z`);
  const name =
    new Intl.DateTimeFormat("en", { timeZone: "Europe/Amsterdam", timeZoneName: "longOffset" })
      .formatToParts(noon)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT+01:00";
  return `${day}T00:00:00${name.replace("GMT", "") || "+00:00"}`;
}

async function parse<T>(schema: z.ZodType<T>, input: unknown): Promise<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new UsageError((await import("zod")).z.prettifyError(parsed.error));
  return parsed.data;
}

const table = (rows: string[][]) => `${rows.map((r) => r.join("  ")).join("\n")}\n`;

async function userCommand(b: Backend, sub: string | undefined, o: Options): Promise<string> {
  if (sub === "add") {
    const { NewUserSchema } = await import("../../api/auth/users.routes.ts");
    const input = await parse(NewUserSchema, {
      email: o.email,
      role: o.role,
      name: o.name,
      municipality: o.municipality,
      branch: o.branch,
    });
    const { user, setPasswordUrl } = await b.createUser(input);
    return `Account ${user.email} (${user.role}) aangemaakt.\nEenmalige link om het wachtwoord in te stellen (72 uur geldig):\n${setPasswordUrl}\n`;
  }
  if (sub === "list") {
    const users = await b.listUsers();
    return table([
      ["e-mail", "rol", "gemeente/vestiging", "status"],
      ...users.map((u) => [
        u.email.padEnd(32),
        u.role.padEnd(10),
        (u.municipalityId ?? u.branchId ?? "-").padEnd(18),
        u.disabled ? "geblokkeerd" : "actief",
      ]),
    ]);
  }
  if (sub === "disable") {
    if (!o.email) throw new Error("--email <adres> is verplicht.");
    const user = await b.disableUser(String(o.email));
    return `Account ${user.email} geblokkeerd; alle sessies zijn beëindigd.\n`;
  }
  throw new Error(`Onbekende opdracht 'user ${sub ?? ""}'.\n${USAGE}`);
}

async function importCommand(b: Backend, path: string | undefined, o: Options): Promise<string> {
  if (!path) throw new Error("Geef het bestand: npm run cli -- contacts import <bestand.csv|.xlsx> [--wave <id>]");
  const bytes = await readFile(path).catch(() => {
    throw new Error(`Kan '${path}' niet lezen.`);
  });
  const xlsx = /\.xlsx$/i.test(path);
  const r = await b
    .importContacts({
      // A byte-order mark (Dutch Excel writes one) is an invisible character the API refuses in text.
      format: xlsx ? "xlsx" : "csv",
      content: xlsx ? bytes.toString("base64") : bytes.toString("utf8").replace(/^\uFEFF/, ""),
      ...(typeof o.wave === "string" ? { waveId: o.wave } : {}),
    })
    .catch((e: Error & { details?: { line?: number; column?: string; message?: string }[] }) => {
      const lines = (e.details ?? []).filter((d) => d.line).map((d) => `  regel ${d.line}, ${d.column}: ${d.message}`);
      throw new Error(lines.length ? `Niets geïmporteerd; ${lines.length} fout(en):\n${lines.join("\n")}` : e.message);
    });
  return (
    `${r.rows} contact(en) gelezen: ${r.created} nieuw, ${r.updated} bijgewerkt, ${r.optedOut} afgemeld.` +
    (typeof o.wave === "string"
      ? ` Op de contactlijst van de meting: ${r.addedToWave} toegevoegd, ${r.alreadyInWave} stonden er al.`
      : "") +
    "\n"
  );
}

/** Writes next to the target and renames at the end, so a failed export never leaves a half pack under the real name. */
async function exportCommand(b: Backend, o: Options): Promise<string> {
  if (!o.out || typeof o.out !== "string") throw new Error("--out <pakket.zip> is verplicht.");
  const { PackQuerySchema } = await import("../../api/packs/packs.routes.ts");
  const query = await parse(PackQuerySchema, {
    from: cliDate(o.from, "from"),
    to: cliDate(o.to, "to"),
    ...(o.clauses ? { clauses: o.clauses } : {}),
  });
  const partial = `${o.out}.deel`;
  const file = await open(partial, "w");
  try {
    const result = await b.exportEvidence(query, async (chunk) => {
      await file.write(chunk);
    });
    await file.close();
    await rename(partial, o.out);
    return (
      `Bewijspakket over ${query.from} t/m ${query.to} geschreven naar ${o.out} (${result.bytes} bytes).
` +
      `SHA-256: ${result.sha256}
De export staat met deze hash in de audittrail. Controleer het pakket met: npm run cli -- evidence verify ${o.out}
`
    );
  } catch (e) {
    await file.close().catch(() => {});
    await rm(partial, { force: true });
    throw e;
  }
}

/** Like the evidence export: written next to the target and renamed when complete. */
async function backupCommand(b: Backend, o: Options): Promise<string> {
  if (!o.out || typeof o.out !== "string") throw new Error("--out <bestand> is verplicht.");
  const partial = `${o.out}.deel`;
  const file = await open(partial, "w", 0o600);
  try {
    const r = await b.backup(async (chunk) => {
      await file.write(chunk);
    });
    await file.sync();
    await file.close();
    await rename(partial, o.out);
    return (
      `Back-up geschreven naar ${o.out} (${r.bytes} bytes).\nSHA-256: ${r.sha256}\n` +
      (r.head ? `Kop van de hashketen: ${r.head.seq}:${r.head.hash}\n` : "") +
      "De back-up staat met deze hash in de audittrail. Terugzetten (server gestopt, lege database): npm run cli -- restore <bestand>\n"
    );
  } catch (e) {
    await file.close().catch(() => {});
    await rm(partial, { force: true });
    throw e;
  }
}

/**
 * The lines of a file, read only once someone iterates: the backend opens the database
 * first (lazily), and a line reader started before that would drop what it read meanwhile.
 */
async function* fileLines(path: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
}

async function restoreCommand(b: Backend, path: string | undefined): Promise<string> {
  if (!path) throw new Error("Geef het bestand: npm run cli -- restore <bestand>");
  await access(path).catch(() => {
    throw new Error(`Kan '${path}' niet openen.`);
  });
  const r = await b.restore(fileLines(path));
  return (
    `Back-up teruggezet: ${r.rows} rijen in ${r.tables} tabellen.\nSHA-256 van het bestand: ${r.sha256}\n` +
    (r.chainOk ? "Audittrail intact" : "LET OP: de audittrail is NIET intact (npm run cli -- audit verify)") +
    (r.head ? `; kop ${r.head.seq}:${r.head.hash} uit de back-up is aanwezig.\n` : ".\n")
  );
}

async function fileSha256(source: ZipSource) {
  const hash = new SHA256();
  for (let at = 0; at < source.size; at += 1 << 20) hash.update(await source.read(at, Math.min(1 << 20, source.size - at)));
  return encodeHexLowerCase(hash.digest());
}

/**
 * Works on the archive: every file is hashed and held against manifest-sha256.txt and tagmanifest-sha256.txt,
 * and the signature over the tag manifest is checked. The instance's own key, when there is a database to ask,
 * says whether this installation signed the pack.
 */
async function verifyCommand(b: Backend, path: string | undefined): Promise<string> {
  if (!path) throw new Error("Geef het pakket: npm run cli -- evidence verify <pakket.zip>");
  const file = await open(path, "r").catch(() => {
    throw new Error(`Kan '${path}' niet openen.`);
  });
  try {
    const size = (await file.stat()).size;
    const source: ZipSource = {
      size,
      read: async (offset, length) => {
        const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await file.read(buf, 0, buf.length, offset);
        return buf.subarray(0, bytesRead);
      },
    };
    const { formatBagReport, verifyPack } = await import("../../api/domain/packs/bagit.ts");
    const own = await b.signingKey().catch(() => undefined);
    const { bag: report, signature, ok } = await verifyPack(source, own?.fingerprint);
    if (!ok) {
      const lines = [...formatBagReport(report), ...(signature.status === "valid" ? [] : [`handtekening: ${signature.message}`])];
      throw new Error(`Bewijspakket NIET intact (${lines.length} probleem/problemen):\n${lines.join("\n")}`);
    }
    const info = report.bagInfo;
    return (
      `Bewijspakket intact: ${report.verified} bestanden komen overeen met het manifest; niets ontbreekt, niets is toegevoegd.\n` +
      `${signature.message}\n` +
      `${info["Source-Organization"] ?? "?"}, periode ${info["Period-From"] ?? "?"} t/m ${info["Period-To"] ?? "?"}, paragrafen ${info.Clauses ?? "?"}.\n` +
      `SHA-256 van het pakket: ${await fileSha256(source)} (vergelijk met de exportregel in de audittrail)\n`
    );
  } finally {
    await file.close();
  }
}

const WHY: Record<ChainBreak["reason"], string> = {
  chain_link: "schakel naar vorige regel klopt niet (regel verwijderd of ingevoegd?)",
  content_changed: "inhoud gewijzigd",
  anchor_missing: "het anker staat niet meer in de trail (afgekapt of herschreven)",
  anchor_mismatch: "het anker staat op een andere plaats (herschreven)",
};

async function auditCommand(b: Backend, sub: string | undefined, o: Options): Promise<string> {
  if (sub === "anchor") {
    const head = await b.auditHead();
    if (!head) return "De audittrail is nog leeg.\n";
    return (
      `${head.seq}:${head.hash}\n` +
      "Bewaar deze kop buiten de database (bijvoorbeeld in het kwaliteitshandboek of een e-mail aan de auditor).\n" +
      `Later: npm run cli -- audit verify --anchor ${head.seq}:${head.hash}\n`
    );
  }
  if (sub !== "verify") throw new Error(`Onbekende opdracht 'audit ${sub ?? ""}'.\n${USAGE}`);
  let anchor: string | undefined;
  if (o.anchor !== undefined) {
    if (typeof o.anchor !== "string" || !parseAnchor(o.anchor))
      throw new Error("--anchor: verwacht '<regel>:<sha-256>' of alleen de hash, zoals 'audit anchor' die toont.");
    anchor = o.anchor;
  }
  const r = await b.verifyAudit(anchor);
  const head = r.head ? ` Kop: ${r.head.seq}:${r.head.hash}.` : "";
  const anchored = r.anchor?.found ? ` Het anker (regel ${r.anchor.seq}) staat er nog onveranderd in.` : "";
  if (r.ok) return `Audittrail intact: ${r.entries} regels, keten klopt.${anchored}${head}\n`;
  const lines = r.breaks.map((x) => `  verbroken bij regel ${x.seq}: ${WHY[x.reason]}`);
  throw new Error(`Audittrail verbroken op ${r.breaks.length} plaats(en) (${r.entries} regels gelezen):\n${lines.join("\n")}`);
}

export async function runCommand(b: Backend, args: string[], options: Options): Promise<string> {
  switch (args[0]) {
    case "waves": {
      const waves = await b.listWaves();
      return table([
        ["id".padEnd(36), "naam".padEnd(24), "status   ", "respons"],
        ...waves.map((w) => [w.id, w.name.padEnd(24), w.status.padEnd(9), `${w.responded}/${w.invited}`]),
      ]);
    }
    case "contacts": {
      if (args[1] !== "import") throw new Error(`Onbekende opdracht 'contacts ${args[1] ?? ""}'.\n${USAGE}`);
      return importCommand(b, args[2], options);
    }
    case "outbox": {
      const messages = await b.listOutbox(typeof options.wave === "string" ? options.wave : undefined);
      if (!messages.length) return "De outbox is leeg: alle berichten zijn verstuurd.\n";
      return (
        messages.map((m) => `Aan: ${m.to ?? "(gewist)"}\nOnderwerp: ${m.subject}\n\n${m.body ?? ""}\n${"-".repeat(72)}\n`).join("") +
        `${messages.length} bericht(en) in de outbox.\n`
      );
    }
    case "invite": {
      if (!options.wave) throw new Error("--wave <id> is verplicht.");
      if (args[1] === "send" || args[1] === "remind") {
        const r = await b.send(args[1] === "send" ? "invitations" : "reminders", String(options.wave));
        const what = args[1] === "send" ? "uitnodiging(en)" : `herinnering(en) (ronde ${r.round})`;
        const sent = r.delivered
          ? ` Verstuurd: ${r.delivered.sent}, geweigerd: ${r.delivered.rejected}, later opnieuw: ${r.delivered.retry}.`
          : " Zonder SMTP_URL staan ze in de outbox (npm run cli -- outbox), of de draaiende server verstuurt ze.";
        return `${r.queued} ${what} klaargezet (${r.alreadyQueued} stonden er al).${sent}\n`;
      }
      if (args[1]) throw new Error(`Onbekende opdracht 'invite ${args[1]}'.\n${USAGE}`);
      const input = await parse((await waveSchemas()).InvitationInputSchema, {
        organisation: options.org,
        organisationType: options.type,
        municipality: options.municipality,
        branch: options.branch,
        email: options.email,
      });
      const [created] = await b.createInvitations(String(options.wave), [input], options["public-url"] as string | undefined);
      return `${created.url}\n`;
    }
    case "wave": {
      if (args[1] !== "create") throw new Error(`Onbekende opdracht 'wave ${args[1] ?? ""}'.\n${USAGE}`);
      // A day in the Netherlands: midnight, Amsterdam time (the offset of that day, summer or winter).
      const iso = (d: unknown, option: string) => amsterdamMidnight(cliDate(d, option));
      const input = await parse((await waveSchemas()).NewWaveSchema, {
        name: options.name,
        opensAt: iso(options.opens, "opens"),
        closesAt: iso(options.closes, "closes"),
        anonymous: !options.named,
      });
      const wave = await b.createWave(input);
      return `Meting '${wave.name}' aangemaakt (${wave.anonymous ? "anoniem" : "op naam"}): ${wave.id}\n`;
    }
    case "user":
      return userCommand(b, args[1], options);
    case "audit":
      return auditCommand(b, args[1], options);
    case "evidence": {
      if (args[1] === "export") return exportCommand(b, options);
      if (args[1] === "verify") return verifyCommand(b, args[2]);
      if (args[1] === "key") {
        const key = await b.signingKey();
        return (
          `Bewijspakketten van deze installatie worden ondertekend met ${key.algorithm}.\n` +
          `Vingerafdruk (SHA-256): ${formatFingerprint(key.fingerprint)}\nPublieke sleutel (base64): ${key.publicKey}\n`
        );
      }
      throw new Error(`Onbekende opdracht 'evidence ${args[1] ?? ""}'.\n${USAGE}`);
    }
    case "backup":
      return backupCommand(b, options);
    case "restore":
      return restoreCommand(b, args[1]);
    case "retention": {
      if (args[1] !== "run") throw new Error(`Onbekende opdracht 'retention ${args[1] ?? ""}'.\n${USAGE}`);
      const r = await b.runRetention();
      return `Bewaartermijn ${r.retentionDays} dagen: werkaantekeningen van ${r.erased.length} casusoverleg(gen) gewist.\n`;
    }
    default:
      if (args[0] && args[0] !== "help") throw new Error(`Onbekende opdracht '${args[0]}'.\n${USAGE}`);
      return USAGE;
  }
}
